import type { EventReport, ProgrammeReport } from './report-folds';
import type { DealFlowRow } from './reporting.service';
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
  return [
    summarySheet([
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
    ]),
    {
      name: '漏斗 Funnel',
      columns: [
        { header: '环节 Step', key: 'step', width: 24 },
        { header: 'key', key: 'key', width: 16 },
        { header: '数量 Count', key: 'count', width: 12 },
      ],
      rows: r.funnel.map((f) => ({ step: zh[f.key] ?? f.key, key: f.key, count: f.count })),
    },
    dealsSheet(r.deals.byInstrument),
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

/** The programme report: summary, per event, projects per track, deals by instrument. */
export function programmeReportSheets(r: ProgrammeReport): SheetSpec[] {
  return [
    summarySheet([
      { name: '期间 Period', value: `${r.from} – ${r.to}` },
      { name: '活动 Events', value: r.events },
      { name: '已举办专场 Sessions held', value: r.sessionsHeld },
      { name: '覆盖机构 Organizations covered', value: r.organizationsCovered },
      { name: '签约 Deals signed', value: r.deals.signed },
      { name: '签约金额（元）Signed amount (¥)', value: yuan(r.deals.signedAmount) },
      { name: '到账金额（元）Disbursed amount (¥)', value: yuan(r.deals.disbursedAmount) },
      { name: '跟进按时率 Follow-ups on time', value: r.followUps.onTimeRate },
      ...r.funnel.map((f) => ({ name: `漏斗 ${zh[f.key] ?? f.key} (${f.key})`, value: f.count })),
    ]),
    {
      name: '活动 Events',
      columns: [
        { header: '活动 Event', key: 'title', width: 30 },
        { header: '开始 Starts', key: 'startsAt', width: 24 },
        { header: '报名 Applications', key: 'applications', width: 12 },
        { header: '入选 Accepted', key: 'accepted', width: 12 },
        { header: '路演 Pitched', key: 'pitched', width: 12 },
        { header: '会谈 Meetings held', key: 'meetingsHeld', width: 14 },
        { header: '签约 Signed', key: 'signed', width: 10 },
        { header: '签约金额（元）Amount (¥)', key: 'amount', width: 20 },
      ],
      rows: r.perEvent.map((e) => ({ ...e, amount: yuan(e.signedAmount) })),
    },
    {
      name: '赛道 Tracks',
      columns: [
        { header: '赛道 Track', key: 'key', width: 30 },
        { header: '项目 Projects', key: 'count', width: 12 },
      ],
      rows: r.projectsByTrack.map((t) => ({ ...t })),
    },
    dealsSheet(r.deals.byInstrument),
  ];
}

const figure = (name: string, value: number | string | null) => ({ name, value });

/** The first sheet of a report: one figure per row. */
function summarySheet(rows: { name: string; value: number | string | null }[]): SheetSpec {
  return {
    name: '概览 Summary',
    columns: [
      { header: '指标 Figure', key: 'name', width: 36 },
      { header: '数值 Value', key: 'value', width: 18 },
    ],
    rows,
  };
}

function dealsSheet(byInstrument: EventReport['deals']['byInstrument']): SheetSpec {
  return {
    name: '签约 Deals',
    columns: [
      { header: '方式 Instrument', key: 'label', width: 24 },
      { header: 'instrument', key: 'instrument', width: 22 },
      { header: '笔数 Count', key: 'count', width: 10 },
      { header: '金额（元）Amount (¥)', key: 'amount', width: 20 },
      { header: '股权部分（元）Equity part (¥)', key: 'equity', width: 22 },
      { header: '贷款部分（元）Loan part (¥)', key: 'loan', width: 22 },
    ],
    rows: byInstrument.map((d) => ({
      label: instrumentZh[d.instrument] ?? d.instrument,
      instrument: d.instrument,
      count: d.count,
      amount: yuan(d.amount),
      equity: yuan(d.equityAmount),
      loan: yuan(d.loanAmount),
    })),
  };
}

/** An investor's deal flow, one row per deal. */
export function dealFlowSheets(
  rows: readonly DealFlowRow[],
  passLabel: (code: string | null) => string | null,
): SheetSpec[] {
  return [
    {
      name: '项目流 Deal flow',
      columns: [
        { header: '项目 Project', key: 'project', width: 28 },
        { header: '企业 Company', key: 'company', width: 28 },
        { header: '阶段 Stage', key: 'stage', width: 16 },
        { header: '金额（元）Amount (¥)', key: 'amount', width: 18 },
        { header: '放弃原因 Pass reason', key: 'pass', width: 22 },
        { header: '结果 Outcome', key: 'outcome', width: 16 },
        { header: '方式 Instrument', key: 'instrument', width: 20 },
        { header: '签约金额（元）Signed (¥)', key: 'signed', width: 18 },
        { header: '开启 Opened', key: 'opened', width: 24 },
        { header: '阶段变更 Stage changed', key: 'changed', width: 24 },
        { header: 'deal id', key: 'id', width: 38 },
      ],
      rows: rows.map((r) => ({
        project: r.projectTitle,
        company: r.startupName,
        stage: r.deal.stage,
        amount: r.deal.amount === null ? null : yuan(r.deal.amount),
        pass: passLabel(r.deal.passReason?.code ?? null),
        outcome: r.outcomeStage,
        instrument: r.outcomeInstrument ? (instrumentZh[r.outcomeInstrument] ?? r.outcomeInstrument) : null,
        signed: r.outcomeAmount === null ? null : yuan(r.outcomeAmount),
        opened: r.deal.createdAt.toISOString(),
        changed: r.deal.stageChangedAt.toISOString(),
        id: r.deal.id,
      })),
    },
  ];
}
