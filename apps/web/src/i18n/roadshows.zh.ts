/** Roadshow screens (organizer, founder and investor sides), notifications and profile. */
const rsZh = {
  rs: {
    min: '分钟', hours: '小时', sessionsCount: '{{count}} 个专场',
    eventStatus: { draft: '草稿', open: '报名中', closed: '报名截止', live: '进行中', finished: '已结束' },
    statusHint: { draft: '设置专场与问题', open: '企业提交报名', closed: '审核与排期', live: '路演当天', finished: '跟进与复盘' },
    statusAction: { draft: '退回草稿', open: '开放报名', closed: '截止报名', live: '开始活动', finished: '结束活动' },
    visibility: { public: '公开（所有人可见）', unlisted: '不公开（凭链接报名）' },
    tz: { Asia_Shanghai: '北京时间（Asia/Shanghai）', Asia_Hong_Kong: '香港时间（Asia/Hong_Kong）', Asia_Singapore: '新加坡时间（Asia/Singapore）', Europe_London: '伦敦时间（Europe/London）', America_New_York: '纽约时间（America/New_York）' },
    role: { founder: '企业', investor: '投资方' },
    tabs: { overview: '概览与专场', applicants: '报名审核', agenda: '路演议程', investors: '邀请投资方', meetings: '一对一对接', followUps: '会后跟进', report: '活动报告' },
    events: {
      title: '路演活动', new: '创建活动', regionFilter: '按地区筛选', loadMore: '加载更多', noneInRegion: '该地区暂无路演活动', introOrganizer: '创建路演活动，审核报名、编排议程、邀请投资方并安排一对一对接。',
      introFounder: '浏览正在报名的路演活动，用已发布的融资项目报名；入选后可在此查看议程与对接安排。',
      introInvestor: '您受邀参加的路演活动：查看议程、发起对接请求、获取签到码。',
      empty: '暂无路演活动', emptyHint: '有新的路演活动开放报名时会显示在这里。', emptyHintOrganizer: '创建第一场路演活动，例如「金兔路演计划 · 生命健康专场」。',
    },
    create: {
      title: '创建路演活动', intro: '活动创建后为草稿；添加至少一个专场后即可开放报名。时间按活动所在时区填写。', createdOk: '活动已创建',
      name: '活动名称', namePlaceholder: '例如：金兔路演计划 2026 · 第一场', nameRequired: '请填写活动名称', description: '活动介绍',
      descriptionPlaceholder: '主办单位、主题、面向的企业与投资机构……', date: '活动日期', dateRequired: '请选择日期', hours: '活动时间', hoursRequired: '请选择开始与结束时间',
      timeZone: '时区', venue: '地点', region: '所在地区', regionHint: '创业企业可按地区查找路演', venuePlaceholder: '例如：无锡市滨湖区 金融街 1 号 路演中心', deadline: '报名截止日', deadlineHint: '当天 23:59 截止',
      capacity: '入选名额', capacityHint: '留空表示不限', visibility: '可见范围', questions: '报名问题', questionsHint: '企业报名时需回答的问题，如「本轮融资用途」。',
      questionPlaceholder: '问题内容', questionRequired: '请填写问题', questionMandatory: '必答', addQuestion: '添加问题', submit: '创建活动',
    },
    overview: { details: '活动信息', sessions: '专场', needSession: '请先添加专场，再开放报名。', movedOk: '活动状态已更新为「{{status}}」' },
    session: {
      add: '添加专场', addedOk: '专场已添加', empty: '还没有专场。每个专场有主题赛道、时间、房间与路演名额。', name: '专场名称', namePlaceholder: '例如：生命健康专场',
      nameRequired: '请填写专场名称', track: '主题赛道', trackHint: '报名项目按是否属于该赛道排序', room: '房间', roomPlaceholder: '例如：一号路演厅', hours: '时间（{{day}}）',
      time: '时间', maxPitches: '路演名额', pitchMinutes: '每场路演', qaMinutes: '问答', format: '形式', formatValue: '{{n}} 个项目 × ({{p}} + {{q}} 分钟)',
    },
    applicationStatus: { pending: '待审核', accepted: '已入选', waitlisted: '候补', rejected: '未入选', withdrawn: '已撤回' },
    decision: { accepted: '入选', waitlisted: '候补', rejected: '不入选' },
    applicants: {
      title: '报名企业', accepted: '已入选', allSessions: '全部专场', project: '项目 / 企业', theme: '主题契合', themeMatch: '契合专场主题', themeOff: '主题外',
      mandates: '受邀投资方匹配', mandatesValue: '{{n}} / {{of}} 个偏好', mandatesHint: '已邀请投资方的投资偏好中，该项目满足硬性条件的数量', noInvestors: '尚未邀请投资方',
      bestScore: '最高匹配度', techSme: '科技型中小企业 · 资质', points: '{{n}} 分', status: '状态', rankHint: '按主题契合度、受邀投资方偏好匹配数、最高匹配度综合排序。',
      empty: '还没有企业报名', emptyHint: '开放报名后，企业可通过活动页面提交报名。', emptyHintDraft: '活动仍是草稿：添加专场并开放报名后，企业即可报名。',
      decidedOk: '「{{name}}」已标记为{{status}}', rejectTitle: '不入选「{{name}}」', reason: '原因（企业可见）', reasonHint: '请具体说明，便于企业改进，如「本场聚焦医疗器械，建议报名下一场人工智能专场」。',
      reasonRequired: '请填写原因',
    },
    agenda: {
      title: '议程', order: '路演顺序', ofMax: '{{n}} / {{max}} 个名额', candidates: '已入选、待编排', noCandidates: '没有待编排的入选项目。', add: '加入议程',
      empty: '议程为空', emptyHint: '从右侧加入已入选的项目，拖动或用箭头调整顺序。', up: '上移', down: '下移', remove: '移出',
      savedOk: '议程已保存', publish: '发布议程', publishConfirm: '发布后议程将冻结，企业与投资方会收到通知，确认发布？', publishedOk: '议程已发布',
      published: '已发布', draft: '未发布', frozenHint: '议程已发布并冻结；参与方的日历会同步更新。', needSession: '请先在「概览与专场」中添加专场。',
    },
    investors: {
      suggestions: '推荐邀请的投资方', invitations: '已邀请', name: '机构', matching: '可投项目', projectsN: '{{count}} 个', bestScore: '最高匹配度', invite: '邀请', invited: '已邀请',
      invitedOk: '已邀请 {{name}}', noSuggestions: '暂无推荐', noSuggestionsHint: '入选项目后，系统按投资偏好为您推荐可投的基金与银行。',
      noInvitations: '还没有邀请投资方', rsvp: '回复', code: '签到码', checkedIn: '签到时间',
    },
    rsvp: { invited: '待回复', accepted: '确认参加', declined: '不参加' },
    gridForm: {
      card: '对接时段设置', set: '设置时段', title: '一对一对接时段', hours: '对接时间', lunch: '午休', lunchHint: '午休将时段分为上午与下午', slotMinutes: '每场时长', tables: '洽谈桌数',
      ttl: '请求有效期', minMeetings: '每方至少', maxMeetings: '每方至多', quota: '待回复请求上限', perParticipant: '每方场次', slots: '时段',
      slotsValue: '{{n}} 个 × {{m}} 分钟', savedOk: '已保存：共 {{n}} 个时段', empty: '尚未设置对接时段', emptyHint: '设置对接时间、每场时长与洽谈桌数后，参与方即可发起对接请求。',
    },
    run: {
      title: '智能排期', participants: '参与方', accepted: '已接受的请求', pending: '待回复的请求', publishedMeetings: '已发布的会面', start: '运行排期', replan: '重新排期',
      publish: '发布排期', publishedOk: '排期已发布：{{n}} 场会面已通知双方', needGrid: '请先设置对接时段。', noAccepted: '还没有已接受的对接请求。',
      meetings: '已安排会面', vsMip: '达到最优解', vsLp: '相对理论上界', breaks: '空档', breaksBound: '（下界 {{n}}）', time: '计算耗时', weight: '加权会面数',
      lpBound: '线性规划上界', mipBound: '整数规划最优值', boundMeetings: '（约 {{n}} 场）', maxBreaks: '单方最多空档',
      boundHintMip: '规模较小：已用整数规划求得最优解，比例为本次结果与最优值之比。', boundHintLp: '比例为本次结果与线性规划松弛上界之比，实际最优值不高于该上界。',
      unscheduled: '{{count}} 个请求未能安排', moved: '{{count}} 场已发布的会面被调整了时间',
    },
    runStatus: { queued: '排队中', running: '计算中', done: '已完成，待发布', failed: '失败', published: '已发布', superseded: '已被新排期取代' },
    unscheduledReason: { NO_COMMON_SLOT: '双方没有共同的空闲时段', PARTICIPANT_FULL: '一方已达场次上限', PARTICIPANT_BUSY: '共同空闲时段已被其他会面占用', NO_TABLE: '洽谈桌已满' },
    grid: {
      title: '对接安排', previewTitle: '排期预览', preview: '未发布', participant: '参与方', afterLunch: '午后', breaks: '空档', table: '洽谈桌 {{table}}',
      lock: '锁定（重新排期时保持不变）', unlock: '解除锁定', lockedOk: '已锁定该会面', unlockedOk: '已解除锁定', lockHint: '拖动会面到双方都空闲的时段即可调整（调整后自动锁定）；点击锁形图标固定会面', movedOk: '已调整到 {{time}} · 洽谈桌 {{table}}，并已锁定',
      empty: '暂无会面', emptyHint: '运行排期后，这里按参与方 × 时段显示每场会面。',
    },
    requests: { title: '对接请求', from: '发起方', to: '接收方', priority: '优先级', score: '匹配权重', status: '状态' },
    priority: { must: '必须见', would_like: '希望见' },
    requestStatus: { pending: '待回复', accepted: '已接受', declined: '已拒绝', withdrawn: '已撤回', expired: '已过期' },
    checkIn: {
      title: '签到台', code: '签到码', codeRequired: '请输入签到码', submit: '签到', welcome: '签到成功 · {{time}}', arrivals: '到场情况', notYet: '未到',
    },
    followUps: {
      title: '会后跟进', intro: '会面后的跟进事项按中国工作日计算期限（节假日与调休已计入）。', empty: '暂无跟进事项', emptyHint: '发布对接排期后，每场会面会生成双方的跟进事项。',
      lane: { open: '进行中', overdue: '已逾期', done: '已完成' }, kind: { investor_replies: '投资方答复意向', founder_sends_data_room: '企业提供尽调资料' },
      due: '截止 {{date}}（{{n}} 个工作日）', provisional: '暂定', provisionalHint: '该年度节假日安排尚未公布，期限可能调整', you: '本机构', other: '对方',
      markDone: '标记完成', doneOk: '已完成',
    },
    report: {
      generatedAt: '数据截至 {{time}}', export: '导出 Excel', applications: '报名企业', accepted: '入选企业', sessions: '专场', investors: '受邀机构', attending: ' · 到场 {{n}}',
      meetings: '安排会面', held: ' · 已举行 {{n}}', signed: '签约', funnelTitle: '转化漏斗', meetingsTitle: '一对一会面', followUpsTitle: '会后跟进（工作日时限）', dealsTitle: '签约方式',
      sessionsTitle: '各专场', onAgenda: '议程项目', pitched: '已路演', onTimeRate: '按时完成率', late: '逾期', open: '进行中', onTime: '按时', total: '合计', kind: '事项', noDeals: '尚无签约记录',
      funnel: { applied: '报名', accepted: '入选', pitched: '路演', met: '会谈', interested: '有意向', due_diligence: '尽职调查', term_sheet: '投资意向书', signed: '签约', disbursed: '到账', passed: '放弃' },
      meeting: { requested: '请求', accepted: '接受', scheduled: '已安排', held: '已举行', noShow: '缺席', cancelled: '取消' },
    },
    apply: {
      title: '报名路演', project: '报名项目', projectHint: '仅可使用已发布的融资项目', session: '专场', sessionAny: '由主办方分配', share: '同意主办方在活动期间查看本企业的财务数据',
      shareHint: '用于审核与推荐投资方；活动结束后自动失效，可随时撤回。', submit: '提交报名', submittedOk: '报名已提交，请等待主办方审核', apply: '报名',
      noProject: '请先发布一个融资项目', deadline: '报名截止 {{date}}', closed: '报名未开放',
    },
    mine: {
      applications: '我的报名', noApplications: '还没有报名任何路演', event: '活动', project: '项目', status: '状态', reason: '主办方意见', withdraw: '撤回',
      withdrawnOk: '报名已撤回', meetings: '我的对接', agenda: '议程', noMeetings: '暂无已安排的会面', with: '对方', time: '时间', table: '桌号',
      requests: '对接请求', request: '发起对接', requestTitle: '向参与方发起一对一对接', to: '对象', message: '留言', priority: '优先级', sent: '已发送对接请求',
      accept: '接受', decline: '拒绝', accepted: '已接受', declined: '已拒绝', incoming: '收到', outgoing: '发出', noRequests: '暂无对接请求',
      myCode: '我的签到码', rsvpAccept: '确认参加', rsvpDecline: '不参加', rsvpOk: '已回复', download: '加入日历',
    },
  },
  figures: {
    title: '财务、知识产权与资质', intro: '年度财务数据、知识产权与已获资质决定资质测评的多数指标；仅本企业成员、您授权的机构与所报名活动的主办方可见。',
    tabYears: '年度财务', tabIp: '知识产权', tabQualifications: '已获资质', year: '财务年度', filed: '{{year}} 年已填', savedOk: '{{year}} 年度数据已保存', people: '人',
    field: {
      headcount: '职工总数', techStaff: '科技人员数', rdStaff: '研发人员数', revenue: '营业收入', mainBusinessRevenue: '主营业务收入', highTechRevenue: '高新技术产品（服务）收入',
      totalCosts: '成本费用总额', rdSpend: '研发费用', rdSpendInChina: '境内研发费用', totalAssets: '资产总额', liabilities: '负债总额', newEquityRaised: '新增股权融资额',
    },
    ipType: {
      invention_patent: '发明专利', utility_model: '实用新型', design: '外观设计', software_copyright: '软件著作权', new_plant_variety: '植物新品种', ic_layout: '集成电路布图设计',
      national_new_drug: '国家新药', protected_tcm_1: '一级中药保护品种', trademark: '商标',
    },
    ipTypeLabel: '类型', ipNumber: '编号（如 ZL202110123456.7）', ipTitle: '名称', grantedOn: '授权日期', tied: '与主营产品相关', add: '添加', ipAdded: '知识产权已添加',
    noIp: '尚未录入知识产权', removeConfirm: '确认删除？', kind: '资质', certificate: '证书编号', validFrom: '生效日期', validUntil: '有效期至', validity: '有效期',
    qualificationAdded: '资质已添加', noQualifications: '尚未录入资质',
  },
  notif: {
    title: '消息通知', bell: '通知', unread: '{{count}} 条未读', empty: '暂无通知', emptyHint: '报名结果、对接请求、议程发布与跟进提醒会出现在这里。', markAll: '全部标为已读',
    markRead: '标为已读', all: '全部', onlyUnread: '未读', viewAll: '查看全部', open: '查看',
  },
  profile: {
    title: '个人设置', intro: '姓名与语言设置仅影响您本人；通知邮件与界面使用所选语言。', displayName: '姓名', mobile: '手机号', locale: '语言', email: '登录邮箱',
    savedOk: '个人设置已保存', memberships: '所属机构', role: '角色', current: '当前', switchTo: '切换',
  },
};

export default rsZh;
export type RsMessages = typeof rsZh;
