/** Programme report, bulk imports (startups, portfolio) and the region picker. */
const orgZh = {
  orgNav: { programme: '项目总览报告', imports: '企业批量导入', portfolio: '投资组合' },
  region: {
    placeholder: '选择省 / 市 / 区', notFound: '没有匹配的地区', label: '地区', seat: '所在地区',
    seatHint: '选择到区县；可输入名称或 6 位行政区划代码搜索', mandateHint: '可选省、市或区县，选中省份即包含其下全部地区；可输入名称或代码搜索',
  },
  programme: {
    title: '项目总览报告', intro: '所选期间内本机构全部路演活动的汇总：覆盖机构、各赛道入选项目、签约与资金、会后跟进与转化漏斗。',
    period: '统计期间', generatedAt: '生成于 {{time}}', export: '导出 Excel',
    preset: { quarter: '本季度', year: '今年', last12: '近 12 个月' },
    events: '路演活动', sessionsHeld: '已举办专场', organizations: '覆盖机构', organizationsSplit: '企业 {{f}} · 投资方 {{i}}',
    signed: '签约项目', signedAmount: '签约金额', disbursed: '已交割', onTimeRate: '跟进按时率',
    funnelTitle: '转化漏斗（各场合计）', tracksTitle: '各赛道入选项目', dealsTitle: '签约金额（按融资方式）', perEventTitle: '各场活动',
    perEventChart: '各场活动：入选、对接与签约', noEvents: '该期间没有已发布的路演活动', noEventsHint: '换一个统计期间，或先创建并发布路演活动。',
    noDeals: '该期间暂无签约', openTrack: '开放专场（不限赛道）',
    col: { title: '活动', startsAt: '日期', applications: '报名', accepted: '入选', pitched: '已路演', meetingsHeld: '已对接', signed: '签约', signedAmount: '签约金额' },
    followUps: '会后跟进', late: '逾期', open: '未到期', total: '合计',
  },
  imports: {
    title: '企业批量导入', intro: '用 Excel 或 CSV 一次导入多家企业及其年度财务数据：先检查，逐格列出问题；全部通过后再确认导入（按统一社会信用代码更新，可重复导入）。',
    template: '下载导入模板', step: { choose: '选择文件', check: '检查结果', done: '完成' },
    drop: '点击或拖拽文件到此处', dropHint: '支持 .xlsx 与 .csv，第一行为表头，最大 {{mb}} MB',
    checking: '正在检查 {{name}} …', rechoose: '重新选择文件',
    summary: '共 {{total}} 行，{{valid}} 行通过检查', summaryCompanies: '涉及 {{n}} 家企业',
    hasErrors: '发现 {{count}} 处问题，请在表格中修改后重新上传；有问题的文件不会导入任何数据。',
    truncated: '问题较多，仅列出前 {{count}} 处。',
    allGood: '检查通过，可以导入。', commit: '确认导入 {{count}} 行', committing: '正在导入…',
    doneTitle: '导入完成', doneStartups: '已导入或更新 {{count}} 家企业', donePortfolio: '投资组合现有 {{count}} 笔投资（已用本文件替换）',
    queued: '文件较大，已转入后台导入', progress: '已处理 {{done}} / {{total}} 行', failed: '导入失败：{{reason}}',
    rows: '总行数', validRows: '通过检查', companies: '企业数', problems: '问题数',
    again: '再导入一个文件', columns: '模板列', fileInvalid: '无法读取该文件',
    errors: { rowN: '第 {{row}} 行', title: '问题明细', row: '行', column: '列', value: '内容', problem: '问题', empty: '（空）', filterColumn: '按列筛选' },
    code: {
      REQUIRED: '必填项为空', NUL_CHARACTER: '含有不可见的空字符', TOO_LONG: '内容超出长度上限', NOT_A_DATE: '不是有效日期，请写成 YYYY-MM-DD',
      REGION_CODE_INVALID: '不是有效的行政区划代码（如 320211）', CREDIT_CODE_INVALID: '统一社会信用代码有误（应为 18 位，校验位正确）',
      NOT_A_YEAR: '不是有效年度（如 2025）', NOT_A_COUNT: '应为不小于 0 的整数', NOT_MONEY: '不是有效金额（单位元，最多两位小数）',
      NOT_YES_NO: '请填写“是”或“否”', TRACK_UNKNOWN: '无法识别的赛道名称', INDUSTRY_UNKNOWN: '无法识别的行业',
      FIGURES_CONTRADICT: '与同一行的其他数据矛盾（如研发人员多于从业人数）', DUPLICATE_ROW: '与前面的行重复',
      HEADER_MISSING: '缺少这一列的表头', CREDIT_CODE_OWNED_ELSEWHERE: '该信用代码的企业已由其他机构管理',
      ROUND_UNKNOWN: '无法识别的轮次（如 天使轮、A 轮）', TOO_MANY_KEYWORDS: '关键词过多（最多 8 个）', TOO_MANY_ROWS: '行数超过上限（5000 行）',
      unknown: '数据有误（{{code}}）',
    },
  },
  portfolio: {
    title: '投资组合', intro: '导入本机构已投项目（仅本机构可见），用于计算「组合契合度」和推荐「您实际的投资偏好」。重新导入会整体替换原有组合。',
    importTitle: '导入投资组合', listTitle: '已导入的投资', empty: '还没有导入投资组合', emptyHint: '下载或按下列表头准备文件：公司名称、投资日期、轮次、投资金额（元）、赛道、地区代码、关键词。',
    col: { company: '公司', investedOn: '投资日期', round: '轮次', amount: '金额', tracks: '赛道', region: '地区', keywords: '关键词' },
  },
};

export default orgZh;
