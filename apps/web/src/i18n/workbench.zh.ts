/** The home workbench (工作台) cards and the side menu's group headings. */
const wbZh = {
  wb: {
    today: '今日待办', more: '查看全部', dueOn: '{{date}} 到期', overdueTag: '已逾期', dueSoonTag: '即将逾期', replyBy: '{{date}} 前答复',
    requests: { title: '待处理的洽谈请求', empty: '暂无待您答复的洽谈请求', hint: '对方在路演中向您发起的一对一洽谈' },
    followUps: { title: '待办跟进事项', empty: '没有待办的跟进事项', overdue: '{{count}} 项已逾期', dueSoon: '{{count}} 项即将逾期' },
    applications: { title: '已报名的路演', empty: '还没有报名路演活动' },
    projects: { title: '已发布的项目', empty: '还没有已发布的项目', draft: '{{count}} 个项目尚未发布' },
    flow: { title: '项目流', empty: '设置投资偏好后，这里会显示为您匹配的项目', matches: '{{count}} 个匹配项目', best: '最高 {{score}} 分', paused: '已暂停' },
    pipeline: { title: '投资管线', empty: '管线中还没有项目', active: '推进中', passed: '{{count}} 个已放弃' },
    events: { title: '即将举行的路演', empty: '暂无即将举行的路演活动', applicants: '{{count}} 家报名', accepted: '已入选 {{count}}' },
    overdue: { title: '逾期的跟进事项', empty: '没有逾期的跟进事项', perEvent: '{{count}} 项逾期' },
  },
  navGroup: {
    company: '企业', financing: '融资', roadshows: '路演与洽谈', settings: '设置与授权',
    investing: '投资', reports: '投后与报告', operations: '活动运营', data: '数据与报告',
  },
};

export default wbZh;
