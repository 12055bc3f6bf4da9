import type { EventReport } from './report-folds';
import { yuan, type SheetSpec } from './xlsx';

const zh = {
  applied: '报名',
  accepted: '入选',
  pitched: '路演',
  met: '会谈',
  interested: '有意向',
  due_diligence: '尽职调查',
  term_sheet: '投资意向书',
  signed: '签约',
  disbursed: '到账',
  passed: '放弃',
} as Record<string, string>;
const instrumentZh: Record<string, string> = {
  equity: '股权投资',
  convertible_grant: '先投后股',
  loan: '贷款',
  ip_pledge_loan: '知识产权质押贷款',
  equity_loan_package: '投贷联动',
};

/** The event report as worksheets: summary figures, funnel, deals by instrument, sessions. */
export function eventReportSheets(r: EventReport): SheetSpec[] {
  const figure = (name: string, value: number | string | null) => ({ name, value });
  return [
    {
      name: '概览 Summary',
      columns: [
        { header: '指标 Figure', key: 'name', width: 36 },
        { header: '数值 Value', key: 'value', width: 18 },
      ],
      rows: [
        figure('活动 Event', r.event.title),
        figure('生成时间 Generated at', r.generatedAt),
        figure('报名 Applications', r.applications.total),
        figure('入选 Accepted', r.applications.accepted),
        figure('路演项目 Pitched', r.pitched),
        figure('受邀投资机构 Investors invited', r.investors.invited),
        figure('确认出席 RSVP accepted', r.investors.rsvpAccepted),
        figure('到场投资机构 Investors attending', r.investors.attending),
        figure('会谈申请 Meetings requested', r.meetings.requested),
        figure('已排会谈 Meetings scheduled', r.meetings.scheduled),
        figure('已举行 Meetings held', r.meetings.held),
        figure('缺席 No-shows', r.meetings.noShow),
        figure('跟进事项 Follow-ups', r.followUps.total),
        figure('按时完成 On time', r.followUps.onTime),
        figure('逾期 Late', r.followUps.late),
        figure('按时率 On-time rate', r.followUps.onTimeRate),
        figure('签约 Deals signed', r.deals.signed),
        figure('签约金额（元）Signed amount (¥)', yuan(r.deals.signedAmount)),
        figure('到账 Disbursed', r.deals.disbursed),
        figure('到账金额（元）Disbursed amount (¥)', yuan(r.deals.disbursedAmount)),
      ],
    },
    {
      name: '漏斗 Funnel',
      columns: [
        { header: '环节 Step', key: 'step', width: 24 },
        { header: 'key', key: 'key', width: 16 },
        { header: '数量 Count', key: 'count', width: 12 },
      ],
      rows: r.funnel.map((f) => ({ step: zh[f.key] ?? f.key, key: f.key, count: f.count })),
    },
    {
      name: '签约 Deals',
      columns: [
        { header: '方式 Instrument', key: 'label', width: 24 },
        { header: 'instrument', key: 'instrument', width: 22 },
        { header: '笔数 Count', key: 'count', width: 10 },
        { header: '金额（元）Amount (¥)', key: 'amount', width: 20 },
        { header: '股权部分（元）Equity part (¥)', key: 'equity', width: 22 },
        { header: '贷款部分（元）Loan part (¥)', key: 'loan', width: 22 },
      ],
      rows: r.deals.byInstrument.map((d) => ({
        label: instrumentZh[d.instrument] ?? d.instrument,
        instrument: d.instrument,
        count: d.count,
        amount: yuan(d.amount),
        equity: yuan(d.equityAmount),
        loan: yuan(d.loanAmount),
      })),
    },
    {
      name: '专场 Sessions',
      columns: [
        { header: '专场 Session', key: 'title', width: 30 },
        { header: '赛道 Track', key: 'track', width: 24 },
        { header: '议程 On agenda', key: 'onAgenda', width: 12 },
        { header: '已路演 Pitched', key: 'pitched', width: 12 },
      ],
      rows: r.sessions.map((s) => ({ title: s.title, track: s.track, onAgenda: s.onAgenda, pitched: s.pitched })),
    },
  ];
}
