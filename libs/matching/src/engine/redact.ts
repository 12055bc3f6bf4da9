/**
 * The view for an investor without a data grant: every confidential figure (revenue, R&D spend,
 * headcount, exact ratios, IP counts, points, cohort percentiles) becomes its band, and every sentence
 * is re-rendered from the banded inputs by the same renderers — so no raw figure survives in any field.
 * Scores, criterion values and public facts (stage, tracks, region, amount sought) stay.
 */
import { reasonText } from './constraints';
import { bandValue } from './format';
import { hintText } from './hints';
import { RENDERERS } from './score';
import type { ConstraintReason, CriterionResult, Hint, InputValue, MatchResult } from './types';

function bandInputs(inputs: Record<string, InputValue>): Record<string, InputValue> {
  const out: Record<string, InputValue> = {};
  for (const [k, v] of Object.entries(inputs)) out[k] = bandValue(k, v);
  return out;
}

function redactCriterion(c: CriterionResult): CriterionResult {
  return { ...c, inputs: bandInputs(c.inputs), ...RENDERERS[c.key](c.inputs, c.value, 'banded') };
}

function redactReason(r: ConstraintReason): ConstraintReason {
  const actual = bandValue(r.input, r.actual);
  // A soft penalty grows with the shortfall, so an exact one would give a banded figure away: it is
  // rounded up to a 10 % step with it.
  const penalty = actual !== r.actual && r.mode === 'soft' ? Math.ceil(r.penalty * 10 - 1e-9) / 10 : r.penalty;
  const banded = { ...r, actual, penalty };
  return { ...banded, ...reasonText(banded, 'banded') };
}

function redactHint(h: Hint): Hint {
  const text = hintText(h, 'banded');
  // Tech-SME hints carry percent; the feature (and its bands) is in basis points.
  const asFeature = h.unit === 'percent' && h.current !== null ? Math.round(h.current * 100) : h.current;
  const current = bandValue(h.input, asFeature);

  const hidden = current !== asFeature;
  // The distance to a threshold gives the figure away (threshold − delta), so it goes with the figure.
  return {
    ...h,
    current: hidden ? null : h.current,
    delta: hidden ? null : h.delta,
    ...(hidden ? { band: String(current) } : {}),
    ...text,
  };
}

export function redactForInvestor(result: MatchResult): MatchResult {
  return {
    ...result,
    reasons: result.reasons.map(redactReason),
    breakdown: result.breakdown.map(redactCriterion),
    hints: result.hints.map(redactHint),
    redacted: true,
  };
}
