/**
 * How the investor's decisions become portfolio-fit history (pure; the service loads the rows).
 * Positive: a deal counts by how far it got (signed 1 … shortlisted 0.3), a "more like this" mark 0.6,
 * an imported investment 1. Negative: a pass weighs on what its reason is about — an off-thesis stage,
 * track, ticket or region on that aspect (1), `too_early` on the stage; team, traction, valuation and
 * competition are about the company rather than its kind (0.25 on every aspect), `other` 0.5; a
 * "not for us" mark 1 on every aspect. A deal still `new` says nothing yet.
 */
import type { HistoryEntry, PortfolioAspect } from '../engine';
import type { DealStage, PassReasonCode } from '../deals/deal-stages';

export type HistoryFacts = Omit<HistoryEntry, 'source' | 'polarity' | 'weight' | 'aspects'>;

export const DEAL_STAGE_WEIGHTS: Partial<Record<DealStage, number>> = {
  shortlisted: 0.3,
  contacted: 0.4,
  meeting: 0.5,
  due_diligence: 0.8,
  term_sheet: 0.9,
  signed: 1,
  disbursed: 1,
};

export const PASS_REASON_HISTORY: Record<PassReasonCode, { weight: number; aspects: readonly PortfolioAspect[] }> = {
  off_thesis_stage: { weight: 1, aspects: ['stage'] },
  off_thesis_track: { weight: 1, aspects: ['track'] },
  off_thesis_ticket: { weight: 1, aspects: ['amount'] },
  off_thesis_region: { weight: 1, aspects: ['region'] },
  too_early: { weight: 1, aspects: ['stage'] },
  team: { weight: 0.25, aspects: [] },
  traction: { weight: 0.25, aspects: [] },
  valuation: { weight: 0.25, aspects: [] },
  competition: { weight: 0.25, aspects: [] },
  other: { weight: 0.5, aspects: [] },
};

export const FEEDBACK_KINDS = ['more_like_this', 'not_for_us'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const FEEDBACK_HISTORY: Record<FeedbackKind, { polarity: 1 | -1; weight: number }> = {
  more_like_this: { polarity: 1, weight: 0.6 },
  not_for_us: { polarity: -1, weight: 1 },
};

/** A deal at its current stage (passed: with its reason); null when it says nothing (`new`). */
export function dealEntry(
  facts: HistoryFacts,
  stage: DealStage,
  passReason: PassReasonCode | null,
): HistoryEntry | null {
  if (stage === 'passed') {
    const rule = PASS_REASON_HISTORY[passReason ?? 'other'];
    return { ...facts, source: 'deal', polarity: -1, weight: rule.weight, aspects: rule.aspects };
  }
  const weight = DEAL_STAGE_WEIGHTS[stage];
  return weight === undefined ? null : { ...facts, source: 'deal', polarity: 1, weight };
}

export function feedbackEntry(facts: HistoryFacts, kind: FeedbackKind): HistoryEntry {
  const rule = FEEDBACK_HISTORY[kind];
  return { ...facts, source: 'feedback', polarity: rule.polarity, weight: rule.weight };
}

export function portfolioEntry(facts: HistoryFacts): HistoryEntry {
  return { ...facts, source: 'portfolio', polarity: 1, weight: 1 };
}
