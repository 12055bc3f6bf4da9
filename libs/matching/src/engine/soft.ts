/**
 * Soft constraints: a penalty, in integer basis points of the score, for a constraint the project
 * misses but the mandate keeps soft — growing with the distance — or `EXCLUDE` when it acts as hard.
 * The columnar scan (`rank.ts`) and the explained path (`constraints.ts`) call these same functions
 * on the same values, and penalties add as integers (order-free), so both paths keep the same rows
 * and compute the same score: `round(10 000 × Σ wᵢ·cᵢ × keep)` with `keep = (10 000 − total) ÷ 10 000`.
 *
 * A mandate without `constraints` (terms written before soft constraints existed) keeps its meaning:
 * every constraint hard, and missing data excludes.
 */
import { DEFAULT_CONSTRAINT_MODES, DEFAULT_TICKET_TOLERANCE_PCT, type ConstraintModes } from '@app/reference';
import { popcount } from './reference';
import type { Mandate } from './types';

/** The constraint excludes the pair. */
export const EXCLUDE = -1;
/** An unknown figure under a mandate with soft constraints: −10 %, never an exclusion. */
export const MISSING_BP = 1_000;
/** The score keeps at least 10 % whatever the penalties. */
export const MAX_PENALTY_BP = 9_000;

export const TICKET_BASE_BP = 500;
export const TICKET_SPAN_BP = 3_500;
export const STAGE_STEP_BP = 1_500;
export const STAGE_MAX_BP = 4_000;
export const TRACK_BP = 2_500;
export const REGION_SAME_PROVINCE_BP = 1_500;
export const REGION_ELSEWHERE_BP = 3_000;
export const INSTRUMENT_BP = 3_000;
export const QUALIFICATION_STEP_BP = 1_500;
export const QUALIFICATION_MAX_BP = 4_500;
export const MINIMUM_BASE_BP = 1_000;
export const MINIMUM_SPAN_BP = 3_000;

export interface ResolvedConstraints {
  /** `true` = a mandate written before soft constraints: all hard, missing data excludes. */
  legacy: boolean;
  modes: ConstraintModes;
  ticketTolerancePct: number;
  /** Penalty of an unknown figure, or `EXCLUDE` (legacy). */
  missingBp: number;
}

const ALL_HARD: ConstraintModes = {
  ticket: 'hard',
  track: 'hard',
  region: 'hard',
  stage: 'hard',
  instrument: 'hard',
  qualifications: 'hard',
  hardTechMinimums: 'hard',
};

export function resolveConstraints(mandate: Mandate): ResolvedConstraints {
  const c = mandate.constraints;
  if (c === null || c === undefined) {
    return { legacy: true, modes: ALL_HARD, ticketTolerancePct: 0, missingBp: EXCLUDE };
  }
  return {
    legacy: false,
    modes: { ...DEFAULT_CONSTRAINT_MODES, ...c.modes },
    ticketTolerancePct: c.ticketTolerancePct ?? DEFAULT_TICKET_TOLERANCE_PCT,
    missingBp: MISSING_BP,
  };
}

/** Relative distance of an amount outside [min, max]: the share above the ceiling or below the floor. */
export function ticketDistance(amount: number, min: number, max: number): number {
  return amount > max ? (max === 0 ? Infinity : (amount - max) / max) : (min - amount) / min;
}

/** A known amount: 0 inside the range; soft within the tolerance (5 % → 40 % of the score), hard beyond. */
export function ticketPenaltyBp(amount: number, min: number, max: number, soft: boolean, tolerancePct: number): number {
  if (amount >= min && amount <= max) return 0;
  if (!soft) return EXCLUDE;
  const d = ticketDistance(amount, min, max);
  const tol = tolerancePct / 100;
  if (!(d <= tol)) return EXCLUDE;
  return TICKET_BASE_BP + Math.round(TICKET_SPAN_BP * (tol === 0 ? 1 : d / tol));
}

/** Steps from a stage to the nearest the mandate names (`mask` ≠ 0, `stage` not in it). */
export function stageSteps(stage: number, mask: number): number {
  let best = 32;
  for (let s = 0; s < 32; s++) if (((mask >>> s) & 1) === 1 && Math.abs(s - stage) < best) best = Math.abs(s - stage);
  return best;
}

export function stagePenaltyBp(stage: number, mask: number, soft: boolean): number {
  if (!soft) return EXCLUDE;
  return Math.min(STAGE_MAX_BP, STAGE_STEP_BP * stageSteps(stage, mask));
}

export const trackPenaltyBp = (soft: boolean) => (soft ? TRACK_BP : EXCLUDE);
export const instrumentPenaltyBp = (soft: boolean) => (soft ? INSTRUMENT_BP : EXCLUDE);

/** A known region outside the allowed ones: milder when it is in a province the mandate names. */
export function regionPenaltyBp(region: number, provinces: readonly number[], soft: boolean): number {
  if (!soft) return EXCLUDE;
  const province = Math.floor(region / 10_000);
  for (const p of provinces) if (p === province) return REGION_SAME_PROVINCE_BP;
  return REGION_ELSEWHERE_BP;
}

export function qualificationPenaltyBp(lacking: number, soft: boolean): number {
  if (!soft) return EXCLUDE;
  return Math.min(QUALIFICATION_MAX_BP, QUALIFICATION_STEP_BP * popcount(lacking));
}

/** A known value below a minimum (> 0): 10 % plus up to 30 % for the shortfall. */
export function minimumPenaltyBp(actual: number, min: number, soft: boolean): number {
  if (!soft) return EXCLUDE;
  return MINIMUM_BASE_BP + Math.round(MINIMUM_SPAN_BP * Math.min(1, (min - actual) / min));
}

/** The share of the score a pair keeps after `penaltyBp` (capped), exact for `penaltyBp = 0`. */
export function keepOf(penaltyBp: number): number {
  return (10_000 - (penaltyBp > MAX_PENALTY_BP ? MAX_PENALTY_BP : penaltyBp)) / 10_000;
}
