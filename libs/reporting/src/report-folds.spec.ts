import {
  dealFigures,
  followUpFigures,
  fundFunnel,
  programmeReport,
  type EventFactsInput,
  type OutcomeRow,
} from './report-folds';

const now = new Date('2026-12-20T00:00:00Z');
const at = (iso: string) => new Date(iso);

describe('report folds', () => {
  it('follow-ups: done by the deadline is on time; done after it, or open past it, is late; open before it is pending', () => {
    const due = at('2026-12-16T16:00:00Z');
    const f = followUpFigures(
      [
        {
          kind: 'investor_replies',
          status: 'done',
          dueAt: due,
          doneAt: at('2026-12-16T15:59:59Z'),
          acknowledgedAt: at('2026-12-11T02:00:00Z'),
          acknowledgeDueAt: at('2026-12-11T16:00:00Z'),
        },
        {
          kind: 'investor_replies',
          status: 'done',
          dueAt: due,
          doneAt: at('2026-12-17T01:00:00Z'),
          acknowledgedAt: at('2026-12-12T01:00:00Z'),
          acknowledgeDueAt: at('2026-12-11T16:00:00Z'),
        },
        {
          kind: 'investor_replies',
          status: 'overdue',
          dueAt: due,
          doneAt: null,
          acknowledgedAt: null,
          acknowledgeDueAt: null,
        },
        {
          kind: 'investor_replies',
          status: 'open',
          dueAt: at('2026-12-24T16:00:00Z'),
          doneAt: null,
          acknowledgedAt: null,
          acknowledgeDueAt: null,
        },
      ],
      now,
    );
    expect(f).toEqual({ total: 4, onTime: 1, late: 2, open: 1, onTimeRate: 0.3333, acknowledgedOnTime: 1 });
    expect(followUpFigures([], now).onTimeRate).toBeNull();
  });

  it('deals: signed and disbursed count as signed, amounts summed by instrument with 投贷联动 parts', () => {
    const o = (
      stage: string,
      instrument: string | null,
      amount: number | null,
      parts: [number, number] | null = null,
      disbursed: number | null = null,
    ): OutcomeRow => ({
      subjectType: 'meeting',
      subjectId: 'x',
      eventId: 'e',
      stage,
      confirmed: false,
      attendance: null,
      instrument,
      amount,
      equityAmount: parts?.[0] ?? null,
      loanAmount: parts?.[1] ?? null,
      disbursedAmount: disbursed,
      passReasonCode: null,
    });
    const d = dealFigures([
      o('signed', 'equity', 100),
      o('disbursed', 'equity_loan_package', 500, [300, 200], 400),
      o('term_sheet', null, null),
      o('passed', null, null),
    ]);
    expect(d).toMatchObject({ signed: 2, signedAmount: 600, disbursed: 1, disbursedAmount: 400 });
    expect(d.byInstrument.find((x) => x.instrument === 'equity_loan_package')).toEqual({
      instrument: 'equity_loan_package',
      count: 1,
      amount: 500,
      equityAmount: 300,
      loanAmount: 200,
    });
    expect(d.byInstrument.map((x) => x.instrument)).toEqual([
      'equity',
      'convertible_grant',
      'loan',
      'ip_pledge_loan',
      'equity_loan_package',
    ]);
  });

  it('fund funnel: deals that ever reached a stage (a pass keeps how far it got), conversions step to step', () => {
    const f = fundFunnel([
      {
        stage: 'signed',
        reached: ['new', 'shortlisted', 'contacted', 'meeting', 'due_diligence', 'term_sheet', 'signed'],
        passReasonCode: null,
      },
      {
        stage: 'passed',
        reached: ['new', 'shortlisted', 'contacted', 'meeting', 'passed'],
        passReasonCode: 'valuation',
      },
      { stage: 'new', reached: ['new'], passReasonCode: null },
    ]);
    expect(f.funnel.map((x) => x.count)).toEqual([3, 2, 2, 2, 1, 1, 1, 0]);
    expect(f.conversion.slice(0, 4)).toEqual([
      { key: 'shortlisted', rate: 0.6667 },
      { key: 'contacted', rate: 1 },
      { key: 'meeting', rate: 1 },
      { key: 'due_diligence', rate: 0.5 },
    ]);
    expect(f.passReasons.find((x) => x.key === 'valuation')?.count).toBe(1);
  });

  it('programme: organizations counted once across events, projects per session track, sessions held by now', () => {
    const event = (id: string, orgs: string[], status = 'finished'): EventFactsInput => ({
      event: {
        id,
        title: id,
        status,
        timeZone: 'Asia/Shanghai',
        startsAt: at('2026-12-10T00:00:00Z'),
        endsAt: at('2026-12-10T09:00:00Z'),
      },
      applications: orgs.map((o, i) => ({
        id: `${id}-a${i}`,
        startupOrganizationId: o,
        sessionId: i === 0 ? `${id}-s` : null,
        status: 'accepted',
      })),
      sessions: [
        { id: `${id}-s`, title: 's', track: 'biomedicine', startsAt: at('2026-12-10T01:00:00Z'), published: true },
      ],
      pitches: [],
      invitations: [{ investorOrganizationId: 'fund-1', status: 'accepted', checkedIn: true }],
      meetingRequests: [],
      meetings: [],
    });
    const r = programmeReport(
      { from: '2026-12-01', to: '2026-12-31' },
      [
        { facts: event('e1', ['s1', 's2']), outcomes: [], followUps: [] },
        { facts: event('e2', ['s2', 's3'], 'open'), outcomes: [], followUps: [] },
      ],
      now,
    );
    expect(r).toMatchObject({
      events: 2,
      sessionsHeld: 2,
      organizationsCovered: 4,
      founderOrganizations: 3,
      investorOrganizations: 1,
    });
    expect(r.projectsByTrack).toEqual([
      { key: 'biomedicine', count: 2 },
      { key: 'open', count: 2 },
    ]);
    expect(r.funnel.find((f) => f.key === 'applied')?.count).toBe(4);
  });
});
