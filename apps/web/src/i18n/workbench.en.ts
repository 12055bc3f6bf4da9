import type wbZh from './workbench.zh';

const wbEn: typeof wbZh = {
  wb: {
    today: 'Needs you today', more: 'View all', dueOn: 'Due {{date}}', overdueTag: 'Overdue', dueSoonTag: 'Due soon', replyBy: 'Reply by {{date}}',
    requests: { title: 'Meeting requests to answer', empty: 'No meeting requests are waiting for your answer', hint: '1:1 meetings others asked you for at roadshows' },
    followUps: { title: 'Follow-ups to do', empty: 'No follow-ups to do', overdue: '{{count}} overdue', dueSoon: '{{count}} due soon' },
    applications: { title: 'Roadshows applied to', empty: 'You have not applied to a roadshow yet' },
    projects: { title: 'Published projects', empty: 'No published project yet', draft: '{{count}} not published yet' },
    flow: { title: 'Deal flow', empty: 'Set a mandate and the projects that match it show here', matches: '{{count}} matching projects', best: 'best {{score}}', paused: 'Paused' },
    pipeline: { title: 'Pipeline', empty: 'No project in your pipeline yet', active: 'in progress', passed: '{{count}} passed' },
    events: { title: 'Upcoming roadshows', empty: 'No upcoming roadshow', applicants: '{{count}} applicants', accepted: '{{count}} accepted' },
    overdue: { title: 'Overdue follow-ups', empty: 'No overdue follow-ups', perEvent: '{{count}} overdue' },
  },
  navGroup: {
    company: 'Company', financing: 'Financing', roadshows: 'Roadshows & meetings', settings: 'Settings & access',
    investing: 'Investing', reports: 'Portfolio & reports', operations: 'Events', data: 'Data & reports',
  },
};

export default wbEn;
