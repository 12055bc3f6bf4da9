/**
 * Outcomes after a meeting or along a deal: each side (investor, founder) records where it stands;
 * the shared state both see folds the two. Pure: validation and the fold are unit-tested.
 */
import { INSTRUMENTS, type Instrument } from '@app/reference';
import { PASS_REASONS, type PassReasonCode } from '@app/matching';

export const OUTCOME_STAGES = ['interested', 'due_diligence', 'term_sheet', 'signed', 'disbursed', 'passed'] as const;
export type OutcomeStage = (typeof OUTCOME_STAGES)[number];
/** The forward order; `passed` ends it from any stage before money is committed. */
export const OUTCOME_FLOW: readonly OutcomeStage[] = [
  'interested',
  'due_diligence',
  'term_sheet',
  'signed',
  'disbursed',
];
export const ATTENDANCE = ['held', 'no_show'] as const;
export type Attendance = (typeof ATTENDANCE)[number];
export const OUTCOME_SIDES = ['investor', 'founder'] as const;
export type OutcomeSide = (typeof OUTCOME_SIDES)[number];
export const OUTCOME_SUBJECTS = ['meeting', 'deal'] as const;
export type OutcomeSubject = (typeof OUTCOME_SUBJECTS)[number];

/** Signed terms. Amounts in 分 (¥1 = 100 分), positive integers; 投贷联动 has both parts and amount = their sum. */
export interface OutcomeTerms {
  instrument: Instrument;
  amount: number;
  /** 投贷联动 only: the equity part and the loan part. */
  equityAmount: number | null;
  loanAmount: number | null;
}

/** What one side recorded. */
export interface OutcomeSideRecord {
  /** Null: the side recorded attendance only. */
  stage: OutcomeStage | null;
  attendance: Attendance | null;
  terms: OutcomeTerms | null;
  /** 分, disbursed only. */
  disbursedAmount: number | null;
  passReason: { code: PassReasonCode; text: string | null } | null;
  note: string | null;
  recordedByUserId: string;
  recordedAt: string;
  /** 1 for the side's first record, +1 each time it is recorded again (absent on rows older than it: 1). */
  revision?: number;
}

/** A side's revision: 0 when it has recorded nothing, 1 for records written before revisions were kept. */
export function sideRevision(side: OutcomeSideRecord | null | undefined): number {
  return side ? (side.revision ?? 1) : 0;
}

/** The input as the API receives it (already shape-checked by the DTO). */
export interface OutcomeInput {
  stage?: string | null;
  attendance?: string | null;
  instrument?: string | null;
  amount?: number | null;
  equityAmount?: number | null;
  loanAmount?: number | null;
  disbursedAmount?: number | null;
  passReason?: { code?: string; text?: string | null } | null;
  note?: string | null;
  /** Optimistic concurrency: the revision of the caller's side it read (0: none). Not part of the record. */
  expectedRevision?: number | null;
}

export interface OutcomeProblem {
  field: string;
  reason: string;
}

const isMoney = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const present = (v: unknown) => v !== undefined && v !== null;

/** Checks an input for the subject; returns the first problem (field and reason) or the normalised record. */
export function checkOutcome(
  subject: OutcomeSubject,
  input: OutcomeInput,
):
  | { ok: true; value: Omit<OutcomeSideRecord, 'recordedByUserId' | 'recordedAt'> }
  | { ok: false; problem: OutcomeProblem } {
  const fail = (field: string, reason: string) => ({ ok: false as const, problem: { field, reason } });
  const stage = input.stage ?? null;
  if (stage !== null && !(OUTCOME_STAGES as readonly string[]).includes(stage)) return fail('stage', 'unknown');
  const attendance = input.attendance ?? null;
  if (attendance !== null) {
    if (subject !== 'meeting') return fail('attendance', 'meetings_only');
    if (!(ATTENDANCE as readonly string[]).includes(attendance)) return fail('attendance', 'unknown');
  }
  if (stage === null && attendance === null) return fail('stage', 'required');
  if (attendance === 'no_show' && stage !== null && stage !== 'passed') return fail('stage', 'no_show_meeting');
  const s = stage as OutcomeStage | null;
  const withTerms = s === 'signed' || s === 'disbursed';
  let terms: OutcomeTerms | null = null;
  if (withTerms) {
    const instrument = input.instrument ?? null;
    if (instrument === null) return fail('instrument', 'required');
    if (!(INSTRUMENTS as readonly string[]).includes(instrument)) return fail('instrument', 'unknown');
    if (instrument === 'equity_loan_package') {
      if (!present(input.equityAmount)) return fail('equityAmount', 'required');
      if (!isMoney(input.equityAmount)) return fail('equityAmount', 'positive_integer_fen');
      if (!present(input.loanAmount)) return fail('loanAmount', 'required');
      if (!isMoney(input.loanAmount)) return fail('loanAmount', 'positive_integer_fen');
      const sum = input.equityAmount + input.loanAmount;
      if (!Number.isSafeInteger(sum)) return fail('amount', 'positive_integer_fen');
      if (present(input.amount) && input.amount !== sum) return fail('amount', 'not_sum_of_parts');
      terms = { instrument, amount: sum, equityAmount: input.equityAmount, loanAmount: input.loanAmount };
    } else {
      if (present(input.equityAmount)) return fail('equityAmount', 'package_only');
      if (present(input.loanAmount)) return fail('loanAmount', 'package_only');
      if (!present(input.amount)) return fail('amount', 'required');
      if (!isMoney(input.amount)) return fail('amount', 'positive_integer_fen');
      terms = { instrument: instrument as Instrument, amount: input.amount, equityAmount: null, loanAmount: null };
    }
  } else {
    for (const f of ['instrument', 'amount', 'equityAmount', 'loanAmount'] as const)
      if (present(input[f])) return fail(f, 'signed_only');
  }
  let disbursedAmount: number | null = null;
  if (s === 'disbursed') {
    if (!present(input.disbursedAmount)) return fail('disbursedAmount', 'required');
    if (!isMoney(input.disbursedAmount)) return fail('disbursedAmount', 'positive_integer_fen');
    if (input.disbursedAmount > terms!.amount) return fail('disbursedAmount', 'exceeds_amount');
    disbursedAmount = input.disbursedAmount;
  } else if (present(input.disbursedAmount)) return fail('disbursedAmount', 'disbursed_only');
  let passReason: OutcomeSideRecord['passReason'] = null;
  if (s === 'passed') {
    const code = input.passReason?.code;
    if (!code) return fail('passReason.code', 'required');
    if (!(PASS_REASONS as readonly string[]).includes(code)) return fail('passReason.code', 'unknown');
    const text = input.passReason?.text?.trim() || null;
    if (code === 'other' && !text) return fail('passReason.text', 'required');
    passReason = { code: code as PassReasonCode, text };
  } else if (present(input.passReason)) return fail('passReason', 'passed_only');
  const note = input.note?.trim() || null;
  return {
    ok: true,
    value: { stage: s, attendance: attendance as Attendance | null, terms, disbursedAmount, passReason, note },
  };
}

export interface SharedOutcome {
  /**
   * Where it stands for both: a pass by either side ends it; otherwise the lower of the two stages
   * (a claim the other side has not reached yet does not count); one side's stage when only it recorded.
   */
  stage: OutcomeStage | null;
  /** Both sides recorded the same stage (and the same terms, when signed). */
  confirmed: boolean;
  /** `no_show` when either side reports one, `held` when a side reports it held. */
  attendance: Attendance | null;
  /** The terms of the shared stage when it is signed or disbursed (the investor's when both recorded). */
  terms: OutcomeTerms | null;
  disbursedAmount: number | null;
  passReason: OutcomeSideRecord['passReason'];
  /** Which side passed, when passed. */
  passedBy: OutcomeSide | null;
}

const rank = (s: OutcomeStage) => OUTCOME_FLOW.indexOf(s);
const sameTerms = (a: OutcomeTerms | null, b: OutcomeTerms | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.instrument === b.instrument &&
    a.amount === b.amount &&
    a.equityAmount === b.equityAmount &&
    a.loanAmount === b.loanAmount);

export function sharedOutcome(investor: OutcomeSideRecord | null, founder: OutcomeSideRecord | null): SharedOutcome {
  const attendance: Attendance | null =
    investor?.attendance === 'no_show' || founder?.attendance === 'no_show'
      ? 'no_show'
      : investor?.attendance === 'held' || founder?.attendance === 'held'
        ? 'held'
        : null;
  const base = { attendance, terms: null, disbursedAmount: null, passReason: null, passedBy: null };
  const i = investor?.stage ?? null;
  const f = founder?.stage ?? null;
  if (i === 'passed' || f === 'passed') {
    const by: OutcomeSide = i === 'passed' ? 'investor' : 'founder';
    const rec = by === 'investor' ? investor! : founder!;
    return { ...base, stage: 'passed', confirmed: i === f, passReason: rec.passReason, passedBy: by };
  }
  if (i === null && f === null) return { ...base, stage: null, confirmed: false };
  let stage: OutcomeStage;
  let from: OutcomeSideRecord;
  if (i !== null && f !== null) {
    const lowerIsFounder = rank(f) < rank(i);
    stage = lowerIsFounder ? f : i;
    from = lowerIsFounder ? founder! : investor!;
  } else {
    stage = (i ?? f)!;
    from = i !== null ? investor! : founder!;
  }
  const confirmed =
    i !== null &&
    i === f &&
    (stage === 'signed' || stage === 'disbursed' ? sameTerms(investor!.terms, founder!.terms) : true);
  const withTerms = stage === 'signed' || stage === 'disbursed';
  const termsFrom = i !== null && rank(i) >= rank(stage) && investor!.terms ? investor! : from;
  return {
    ...base,
    stage,
    confirmed,
    terms: withTerms ? termsFrom.terms : null,
    disbursedAmount: stage === 'disbursed' ? termsFrom.disbursedAmount : null,
  };
}
