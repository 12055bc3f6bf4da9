/**
 * The investment pipeline as a state machine: one step forward at a time, pass from any open
 * stage (with a structured reason), revisit a passed deal. Pure, so the rules are unit-tested and
 * quoted verbatim in 409 errors.
 */
export const DEAL_STAGES = [
  'new',
  'shortlisted',
  'contacted',
  'meeting',
  'due_diligence',
  'term_sheet',
  'signed',
  'disbursed',
  'passed',
] as const;
export type DealStage = (typeof DEAL_STAGES)[number];

export const OPEN_FLOW: readonly DealStage[] = [
  'new',
  'shortlisted',
  'contacted',
  'meeting',
  'due_diligence',
  'term_sheet',
  'signed',
  'disbursed',
];

export const PASS_REASONS = [
  'off_thesis_stage',
  'off_thesis_track',
  'off_thesis_ticket',
  'off_thesis_region',
  'team',
  'traction',
  'valuation',
  'too_early',
  'competition',
  'other',
] as const;
export type PassReasonCode = (typeof PASS_REASONS)[number];

export const PASS_REASON_LABELS: Record<PassReasonCode, { zh: string; en: string }> = {
  off_thesis_stage: { zh: '不符合投资阶段', en: 'Off thesis: stage' },
  off_thesis_track: { zh: '不符合投资赛道', en: 'Off thesis: track' },
  off_thesis_ticket: { zh: '融资金额不在投资区间', en: 'Off thesis: ticket size' },
  off_thesis_region: { zh: '不符合地域要求', en: 'Off thesis: region' },
  team: { zh: '团队', en: 'Team' },
  traction: { zh: '业务进展', en: 'Traction' },
  valuation: { zh: '估值', en: 'Valuation' },
  too_early: { zh: '阶段过早', en: 'Too early' },
  competition: { zh: '竞争格局', en: 'Competition' },
  other: { zh: '其他', en: 'Other' },
};

export interface PassReason {
  code: PassReasonCode;
  /** Required for `other`, optional otherwise. */
  text: string | null;
}

/** Stages a deal may move to from `from`. */
export function nextStages(from: DealStage): DealStage[] {
  if (from === 'passed') return ['shortlisted'];
  const i = OPEN_FLOW.indexOf(from);
  const next = OPEN_FLOW[i + 1];
  const out: DealStage[] = next ? [next] : [];
  // Once money is committed (signed, disbursed) the deal can no longer be passed.
  if (from !== 'signed' && from !== 'disbursed') out.push('passed');
  return out;
}

export function canTransition(from: DealStage, to: DealStage): boolean {
  return nextStages(from).includes(to);
}

/** Stages that count as "reached" for stated-vs-actual (the deal got serious). */
export const ENGAGED_STAGES: readonly DealStage[] = ['meeting', 'due_diligence', 'term_sheet', 'signed', 'disbursed'];
