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
  /**
   * Per track bit, stage index and province: the share of the investor's positive history on that
   * value where the written constraint does not allow it (`beyondShare`; null without history). A
   * soft penalty on a project there shrinks by that share (a track: its tracks' best share).
   */
  beyond: Beyond | null;
}

/** Pseudo-weight inside the written constraint: two deals' worth, so one deal beyond it is not "half your deals". */
export const BEYOND_PRIOR = 2;

/** `outside ÷ (known + BEYOND_PRIOR)`, rounded to whole percent (the explanation quotes it). */
export function beyondShare(outside: number, known: number): number {
  return outside <= 0 ? 0 : Math.round((100 * outside) / (known + BEYOND_PRIOR)) / 100;
}

/** A soft penalty scaled down by the history's share beyond the constraint (exact for `beyond` = 0). */
export const scaledBp = (bp: number, beyond: number) => (beyond === 0 ? bp : Math.round(bp * (1 - beyond)));

const ALL_HARD: ConstraintModes = {
  ticket: 'hard',
  track: 'hard',
  region: 'hard',
  stage: 'hard',
  instrument: 'hard',
  qualifications: 'hard',
  hardTechMinimums: 'hard',
};

export interface Beyond {
  track: Float64Array;
  stage: Float64Array;
  province: Float64Array;
}

/** The best beyond-share of a track mask's bits (0 = none). */
export function trackBeyond(b: Beyond | null, tracks: number): number {
  if (b === null) return 0;
  let best = 0;
  for (let t = tracks >>> 0; t !== 0; t = (t & (t - 1)) >>> 0) {
    const v = b.track[31 - Math.clz32(t & -t)];
    if (v > best) best = v;
  }
  return best;
}
export const stageBeyond = (b: Beyond | null, stage: number) => (b === null ? 0 : b.stage[stage]);
export const regionBeyond = (b: Beyond | null, region: number) =>
  b === null ? 0 : b.province[Math.floor(region / 10_000)];

export function resolveConstraints(mandate: Mandate): ResolvedConstraints {
  const c = mandate.constraints;
  if (c === null || c === undefined) {
    return { legacy: true, modes: ALL_HARD, ticketTolerancePct: 0, missingBp: EXCLUDE, beyond: null };
  }
  return {
    legacy: false,
    modes: { ...DEFAULT_CONSTRAINT_MODES, ...c.modes },
    ticketTolerancePct: c.ticketTolerancePct ?? DEFAULT_TICKET_TOLERANCE_PCT,
    missingBp: MISSING_BP,
    beyond: null,
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

export function stagePenaltyBp(stage: number, mask: number, soft: boolean, beyond = 0): number {
  if (!soft) return EXCLUDE;
  return scaledBp(Math.min(STAGE_MAX_BP, STAGE_STEP_BP * stageSteps(stage, mask)), beyond);
}

export const trackPenaltyBp = (soft: boolean, beyond = 0) => (soft ? scaledBp(TRACK_BP, beyond) : EXCLUDE);
export const instrumentPenaltyBp = (soft: boolean) => (soft ? INSTRUMENT_BP : EXCLUDE);

/** A known region outside the allowed ones: milder when it is in a province the mandate names. */
export function regionPenaltyBp(region: number, provinces: readonly number[], soft: boolean, beyond = 0): number {
  if (!soft) return EXCLUDE;
  const province = Math.floor(region / 10_000);
  for (const p of provinces) if (p === province) return scaledBp(REGION_SAME_PROVINCE_BP, beyond);
  return scaledBp(REGION_ELSEWHERE_BP, beyond);
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
