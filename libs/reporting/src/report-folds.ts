/**
 * The report figures, folded from plain rows (roadshows' event facts, engagement's outcomes and
 * follow-ups). Pure: no I/O, no clock (`now` is given), so every figure is unit-tested.
 */
import { INSTRUMENTS } from '@app/reference';
import { PASS_REASONS } from '@app/matching';

export interface EventFactsInput {
  event: { id: string; title: string; status: string; timeZone: string; startsAt: Date; endsAt: Date };
  applications: { id: string; startupOrganizationId: string; sessionId: string | null; status: string }[];
  sessions: { id: string; title: string; track: string | null; startsAt: Date; published: boolean }[];
  pitches: { applicationId: string; sessionId: string; startsAt: Date }[];
  invitations: { investorOrganizationId: string; status: string; checkedIn: boolean }[];
  meetingRequests: { id: string; fromOrganizationId: string; toOrganizationId: string; status: string }[];
  meetings: { requestId: string; cancelled: boolean }[];
}

export interface OutcomeRow {
  subjectType: string;
  subjectId: string;
  eventId: string | null;
  stage: string | null;
  confirmed: boolean;
  attendance: string | null;
  instrument: string | null;
  amount: number | null;
  equityAmount: number | null;
  loanAmount: number | null;
  disbursedAmount: number | null;
  passReasonCode: string | null;
}

export interface FollowUpRow {
  kind: string;
  status: string;
  dueAt: Date;
  doneAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgeDueAt: Date | null;
}

export const APPLICATION_STATUS_ORDER = ['pending', 'accepted', 'waitlisted', 'rejected', 'withdrawn'] as const;
export const OUTCOME_STAGE_ORDER = [
  'interested',
  'due_diligence',
  'term_sheet',
  'signed',
  'disbursed',
  'passed',
] as const;
const FLOW = ['interested', 'due_diligence', 'term_sheet', 'signed', 'disbursed'];
export const FOLLOW_UP_KIND_ORDER = ['investor_replies', 'founder_sends_data_room'] as const;
export const FUNNEL_STEPS = [
  'applied',
  'accepted',
  'pitched',
  'met',
  'interested',
  'due_diligence',
  'term_sheet',
  'signed',
  'disbursed',
] as const;

export interface StatusCount {
  key: string;
  count: number;
}

export interface InstrumentFigure {
  instrument: string;
  count: number;
  /** 分. */
  amount: number;
  /** 投贷联动's equity and loan parts (0 for other instruments), 分. */
  equityAmount: number;
  loanAmount: number;
}

export interface FollowUpFigures {
  total: number;
  /** Done by the deadline. */
  onTime: number;
  /** Done after the deadline, or still open past it. */
  late: number;
  /** Open and not yet due. */
  open: number;
  /** onTime ÷ (onTime + late), 4 decimals; null while nothing is decided. */
  onTimeRate: number | null;
  /** Acknowledged within the acknowledge clock. */
  acknowledgedOnTime: number;
}

export interface DealFigures {
  /** Signed or disbursed. */
  signed: number;
  signedAmount: number;
  disbursed: number;
  disbursedAmount: number;
  /** Every instrument, in the reference order (zeros included, so charts keep their axes). */
  byInstrument: InstrumentFigure[];
}

export interface EventReport {
  event: { id: string; title: string; status: string; timeZone: string; startsAt: string; endsAt: string };
  generatedAt: string;
  applications: { total: number; accepted: number; byStatus: StatusCount[] };
  /** Projects on a published agenda whose pitch has started (all of them once the event is finished). */
  pitched: number;
  sessions: { id: string; title: string; track: string | null; onAgenda: number; pitched: number }[];
  investors: { invited: number; rsvpAccepted: number; attending: number };
  meetings: {
    requested: number;
    accepted: number;
    declined: number;
    /** Published and not cancelled. */
    scheduled: number;
    /** Reported held (or an outcome recorded without a no-show). */
    held: number;
    noShow: number;
    /** Scheduled, neither held nor no-show reported yet. */
    unrecorded: number;
    cancelled: number;
  };
  followUps: FollowUpFigures & { byKind: ({ kind: string } & FollowUpFigures)[] };
  outcomes: { recorded: number; confirmed: number; byStage: StatusCount[]; passReasons: StatusCount[] };
  deals: DealFigures;
  funnel: StatusCount[];
}

export const rate = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

export function followUpFigures(rows: readonly FollowUpRow[], now: Date): FollowUpFigures {
  let onTime = 0;
  let late = 0;
  let open = 0;
  let acknowledgedOnTime = 0;
  for (const t of rows) {
    if (t.doneAt) {
      if (t.doneAt.getTime() <= t.dueAt.getTime()) onTime++;
      else late++;
    } else if (t.dueAt.getTime() <= now.getTime()) late++;
    else open++;
    if (t.acknowledgedAt && t.acknowledgeDueAt && t.acknowledgedAt.getTime() <= t.acknowledgeDueAt.getTime())
      acknowledgedOnTime++;
  }
  return { total: rows.length, onTime, late, open, onTimeRate: rate(onTime, onTime + late), acknowledgedOnTime };
}

export function dealFigures(outcomes: readonly OutcomeRow[]): DealFigures {
  const by = new Map<string, InstrumentFigure>(
    INSTRUMENTS.map((i) => [i, { instrument: i, count: 0, amount: 0, equityAmount: 0, loanAmount: 0 }]),
  );
  let signed = 0;
  let signedAmount = 0;
  let disbursed = 0;
  let disbursedAmount = 0;
  for (const o of outcomes) {
    if (o.stage !== 'signed' && o.stage !== 'disbursed') continue;
    signed++;
    signedAmount += o.amount ?? 0;
    if (o.stage === 'disbursed') {
      disbursed++;
      disbursedAmount += o.disbursedAmount ?? 0;
    }
    const f = by.get(o.instrument ?? '');
    if (f) {
      f.count++;
      f.amount += o.amount ?? 0;
      f.equityAmount += o.equityAmount ?? 0;
      f.loanAmount += o.loanAmount ?? 0;
    }
  }
  return { signed, signedAmount, disbursed, disbursedAmount, byInstrument: [...by.values()] };
}

const reachedAtLeast = (stage: string | null, step: string) =>
  stage !== null && FLOW.includes(stage) && FLOW.indexOf(stage) >= FLOW.indexOf(step);

const counted = (keys: readonly string[], values: Iterable<string>): StatusCount[] => {
  const m = new Map<string, number>(keys.map((k) => [k, 0]));
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].map(([key, count]) => ({ key, count }));
};

/** Whether each pitch counts as pitched at `now`. */
function pitchedSet(f: EventFactsInput, now: Date): { onAgenda: Map<string, string>; pitched: Set<string> } {
  const published = new Set(f.sessions.filter((s) => s.published).map((s) => s.id));
  const onAgenda = new Map<string, string>();
  const pitched = new Set<string>();
  for (const p of f.pitches) {
    if (!published.has(p.sessionId)) continue;
    onAgenda.set(p.applicationId, p.sessionId);
    if (f.event.status === 'finished' || p.startsAt.getTime() <= now.getTime()) pitched.add(p.applicationId);
  }
  return { onAgenda, pitched };
}

export function eventReport(
  f: EventFactsInput,
  allOutcomes: readonly OutcomeRow[],
  followUps: readonly FollowUpRow[],
  now: Date,
): EventReport {
  const scheduled = new Set(f.meetings.filter((m) => !m.cancelled).map((m) => m.requestId));
  // Only the outcomes of this event's meetings that are still on the plan.
  const outcomes = allOutcomes.filter((o) => o.subjectType === 'meeting' && scheduled.has(o.subjectId));
  const { onAgenda, pitched } = pitchedSet(f, now);
  const noShow = outcomes.filter((o) => o.attendance === 'no_show').length;
  const held = outcomes.filter(
    (o) => o.attendance !== 'no_show' && (o.attendance === 'held' || o.stage !== null),
  ).length;
  const accepted = f.applications.filter((a) => a.status === 'accepted').length;
  const fu = followUpFigures(followUps, now);
  const deals = dealFigures(outcomes);
  const stageOf = outcomes.map((o) => o.stage).filter((s): s is string => s !== null);
  return {
    event: {
      id: f.event.id,
      title: f.event.title,
      status: f.event.status,
      timeZone: f.event.timeZone,
      startsAt: f.event.startsAt.toISOString(),
      endsAt: f.event.endsAt.toISOString(),
    },
    generatedAt: now.toISOString(),
    applications: {
      total: f.applications.length,
      accepted,
      byStatus: counted(
        APPLICATION_STATUS_ORDER,
        f.applications.map((a) => a.status),
      ),
    },
    pitched: pitched.size,
    sessions: f.sessions.map((s) => ({
      id: s.id,
      title: s.title,
      track: s.track,
      onAgenda: [...onAgenda.values()].filter((id) => id === s.id).length,
      pitched: [...pitched].filter((a) => onAgenda.get(a) === s.id).length,
    })),
    investors: {
      invited: f.invitations.length,
      rsvpAccepted: f.invitations.filter((i) => i.status === 'accepted').length,
      attending: f.invitations.filter((i) => i.checkedIn).length,
    },
    meetings: {
      requested: f.meetingRequests.length,
      accepted: f.meetingRequests.filter((r) => r.status === 'accepted').length,
      declined: f.meetingRequests.filter((r) => r.status === 'declined').length,
      scheduled: scheduled.size,
      held,
      noShow,
      unrecorded: scheduled.size - held - noShow,
      cancelled: f.meetings.filter((m) => m.cancelled).length,
    },
    followUps: {
      ...fu,
      byKind: FOLLOW_UP_KIND_ORDER.map((kind) => ({
        kind,
        ...followUpFigures(
          followUps.filter((t) => t.kind === kind),
          now,
        ),
      })),
    },
    outcomes: {
      recorded: outcomes.filter((o) => o.stage !== null || o.attendance !== null).length,
      confirmed: outcomes.filter((o) => o.confirmed).length,
      byStage: counted(OUTCOME_STAGE_ORDER, stageOf),
      passReasons: counted(
        PASS_REASONS,
        outcomes.filter((o) => o.stage === 'passed' && o.passReasonCode).map((o) => o.passReasonCode!),
      ),
    },
    deals,
    funnel: funnel({
      applied: f.applications.length,
      accepted,
      pitched: pitched.size,
      met: held,
      stages: stageOf,
    }),
  };
}

export function funnel(x: {
  applied: number;
  accepted: number;
  pitched: number;
  met: number;
  stages: readonly string[];
}) {
  return FUNNEL_STEPS.map((key) => ({
    key,
    count:
      key === 'applied'
        ? x.applied
        : key === 'accepted'
          ? x.accepted
          : key === 'pitched'
            ? x.pitched
            : key === 'met'
              ? x.met
              : x.stages.filter((s) => reachedAtLeast(s, key)).length,
  }));
}
