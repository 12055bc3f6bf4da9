/**
 * Portfolio fit (投资组合相似度): how much a project looks like what this investor has actually done —
 * its signed, due-diligence and shortlisted deals, "more like this" marks and an imported portfolio
 * (positive), and its passes and "not for us" marks (negative) — as opposed to what its mandate says.
 *
 * The history is compiled once per ranking into one affinity table per aspect (track, stage, amount
 * band, province, pitch keywords, qualifications), so a row costs a handful of table reads in the
 * columnar scan and the explained path reads the very same tables through the same function
 * (`portfolioValue`): both compute the same float. Per aspect a value's affinity is its smoothed
 * positive mass relative to the best value (stage and amount spread to neighbours: ½ one step away,
 * 0.15 two), shrunk by the negative mass on it: `rel × (1 + pos) ÷ (1 + pos + neg)`. A negative only
 * weighs on the aspects its reason is about (a pass for `off_thesis_track` on the track). The value is
 * the weighted geometric mean of the active aspects' affinities (floored at 0.05; an unknown project
 * figure counts 0.5), rounded to 4 decimals — a product, so a project unlike the history on one aspect
 * cannot make up for it with another.
 *
 * A soft ticket edge also stretches to what the investor has really funded: its tolerance becomes at
 * least the farthest positive deal (weight ≥ 0.5) beyond the edge, capped at 400 % (`compileMandate`).
 *
 * The written mandate is the prior the history updates: on the aspects it names (stage, track, ticket
 * band, regions and preferred regions) the pseudo-count is 8, 70 % of it on the written values and 30 %
 * on the deal flow's base rates — the mandate counts as 5.6 records there, so a few deals confirm it
 * and many deals can move it (an investor whose deals drift to an adjacent track or a second province).
 *
 * Its weight grows with the evidence, `0.8 × E ÷ (E + 2)` (E = positive weight + ½ negative weight),
 * and the mandate's own criteria share the rest: `(1 − w) × Σ wᵢcᵢ + w × portfolio`. No history: weight
 * 0, and the explanation says so. The explanation names the nearest past deals and the aspects the
 * written mandate is the prior of.
 */
import { QUALIFICATION_KINDS } from '@app/reference';
import type { DisplayMode, Text } from '../format';
import {
  EngineInputError,
  qualificationMask,
  regionInt,
  regionMatches,
  round4,
  type RegionPrefix,
  STAGE_COUNT,
  stageIndex,
  trackMask,
  uniqueKeywords,
} from '../reference';
import { beyondShare, type Beyond } from '../soft';
import type { HistoryEntry, InputValue, PortfolioAspect, ProjectFeatures } from '../types';
import {
  AMOUNT_BANDS,
  amountBand,
  EMPTY_BASE,
  PROVINCE_SLOTS,
  QUAL_SLOTS,
  TRACK_SLOTS,
  type AspectBase,
} from './portfolio-base';

export { amountBand, AMOUNT_BANDS } from './portfolio-base';

export const PORTFOLIO_ASPECTS: readonly PortfolioAspect[] = [
  'track',
  'stage',
  'amount',
  'region',
  'keywords',
  'qualifications',
];
/** Weights of the aspects in the geometric mean (`PORTFOLIO_ASPECTS` order). */
const ASPECT_WEIGHTS = [1, 1, 1, 1, 1, 0.5];
export const PORTFOLIO_MAX_WEIGHT = 0.8;
export const PORTFOLIO_HALF_EVIDENCE = 2;
/** Affinity below this counts as this (the log of 0 would make one aspect decide alone). */
const FLOOR = 0.05;
const KERNEL = [1, 0.5, 0.15];
/** How many past deals an explanation names. */
const NEAREST = 2;
/** A passed deal this similar is named too ("and like X, which you passed"). */
const NEAR_PASS = 0.75;

/** A learned ticket tolerance never goes beyond this (4× beyond an edge). */
export const MAX_LEARNED_TOLERANCE_PCT = 400;
/** Positives that count for the learned tolerance (a shortlist alone does not move an edge). */
const TOLERANCE_MIN_WEIGHT = 0.5;

/**
 * The soft ticket edge's tolerance the history supports: how far beyond [min, max] (as a share of
 * the edge, like the written tolerance) the investor has really invested, capped; 0 without such deals.
 */
export function learnedTicketTolerancePct(p: CompiledPortfolio, min: number, max: number): number {
  // Per side, in log terms (amounts spread multiplicatively): the farthest of k deals beyond an edge
  // understates how far the investor goes — (k + 1) ÷ k × the farthest is the unbiased estimate of
  // where a range ends from k draws inside it.
  let above = 0;
  let below = 0;
  let nAbove = 0;
  let nBelow = 0;
  for (const e of p.entries) {
    if (e.polarity < 0 || e.weight < TOLERANCE_MIN_WEIGHT || e.amount === null) continue;
    if (e.amount >= min && e.amount <= max) continue;
    // Log ratio beyond the edge: amount ÷ max above, min ÷ amount below.
    const r = e.amount > max ? (max === 0 ? Infinity : Math.log(e.amount / max)) : Math.log(min / e.amount);
    if (e.amount > max) {
      nAbove++;
      if (r > above) above = r;
    } else {
      nBelow++;
      if (r > below) below = r;
    }
  }
  // Back to the tolerance's terms: the share above the ceiling, or below the floor.
  const up = nAbove === 0 ? 0 : Math.expm1((above * (nAbove + 1)) / nAbove);
  const down = nBelow === 0 ? 0 : 1 - Math.exp((-below * (nBelow + 1)) / nBelow);
  const worst = Math.max(up, down);
  return Math.min(MAX_LEARNED_TOLERANCE_PCT, Math.ceil(worst * 100));
}

/**
 * Per track, stage and province the written constraint does not allow: the share of the positive
 * history (deals of weight ≥ 0.5, imported rows) on it — `outside ÷ (known + BEYOND_PRIOR)`. A soft
 * penalty on a project there shrinks by it: you have invested there before.
 */
export function beyondOf(
  p: CompiledPortfolio,
  tracks: number,
  stages: number,
  regions: readonly RegionPrefix[],
): Beyond {
  const out: Beyond = {
    track: new Float64Array(TRACK_SLOTS),
    stage: new Float64Array(STAGE_COUNT),
    province: new Float64Array(PROVINCE_SLOTS),
  };
  let knownTrack = 0;
  let knownStage = 0;
  let knownRegion = 0;
  const provinceOnly = new Float64Array(PROVINCE_SLOTS);
  for (const e of p.entries) {
    if (e.polarity < 0 || e.weight < TOLERANCE_MIN_WEIGHT) continue;
    if (tracks !== 0 && e.tracks !== 0) {
      knownTrack += e.weight;
      if ((e.tracks & tracks) === 0)
        for (let b = 0; b < TRACK_SLOTS; b++) if (((e.tracks >>> b) & 1) === 1) out.track[b] += e.weight;
    }
    if (stages !== 0 && e.stage >= 0) {
      knownStage += e.weight;
      if (((stages >>> e.stage) & 1) === 0) out.stage[e.stage] += e.weight;
    }
    if (regions.length > 0 && e.region >= 0) {
      knownRegion += e.weight;
      if (!regionMatches(e.region, regions)) provinceOnly[e.province] += e.weight;
    }
  }
  for (let b = 0; b < TRACK_SLOTS; b++) out.track[b] = beyondShare(out.track[b], knownTrack);
  for (let s = 0; s < STAGE_COUNT; s++) out.stage[s] = beyondShare(out.stage[s], knownStage);
  for (let v = 0; v < PROVINCE_SLOTS; v++) out.province[v] = beyondShare(provinceOnly[v], knownRegion);
  return out;
}

/** One history entry, encoded once. */
interface Encoded {
  label: string;
  source: HistoryEntry['source'];
  polarity: 1 | -1;
  weight: number;
  /** Aspects a negative is about (bit per `PORTFOLIO_ASPECTS` index); all for positives. */
  aspects: number;
  tracks: number;
  stage: number; // -1 unknown
  band: number; // -1 unknown
  amount: number | null;
  province: number; // -1 unknown
  region: number; // 6-digit code as an integer, -1 unknown
  keywords: string[];
  /** -1 = not known (an imported row). */
  qualifications: number;
}

/** Log-lift of holding / not holding each qualification, and the best achievable sum. */
export interface QualificationTable {
  has: Float64Array;
  not: Float64Array;
  max: number;
  /** `qualificationAffinity` of every mask of the known kinds, computed once per compile (the scan reads it). */
  byMask: Float64Array;
}

export interface CompiledPortfolio {
  /** Share of the score portfolio fit carries (0 without history). */
  weight: number;
  /** 1 − weight: what the mandate's own criteria keep. */
  rest: number;
  evidence: number;
  positives: number;
  negatives: number;
  /** Aspect affinities (lift against the deal flow, normalised to the best value), or null when the history says nothing about the aspect. */
  track: Float64Array | null;
  /** Affinity of a project without that figure: lift 1, normalised. */
  trackNeutral: number;
  stage: Float64Array | null;
  amount: Float64Array | null;
  amountNeutral: number;
  region: Float64Array | null;
  regionNeutral: number;
  keywords: Map<string, number> | null;
  /** Affinity of a keyword the history never saw. */
  keywordDefault: number;
  /** Affinity of a project without keywords. */
  keywordNeutral: number;
  qualifications: QualificationTable | null;
  /** Aspects whose prior is the written mandate (`WRITTEN_PRIOR`): the explanation says so. */
  fromMandate: PortfolioAspect[];
  entries: Encoded[];
}

const aspectBit = (a: PortfolioAspect) => 1 << PORTFOLIO_ASPECTS.indexOf(a);
const ALL_ASPECTS = (1 << PORTFOLIO_ASPECTS.length) - 1;

function encode(e: HistoryEntry): Encoded {
  const weight = e.weight ?? 1;
  if (!(Number.isFinite(weight) && weight >= 0))
    throw new EngineInputError('HISTORY_WEIGHT_INVALID', 'history weight must be finite and ≥ 0');
  let aspects = ALL_ASPECTS;
  if (e.polarity < 0 && e.aspects && e.aspects.length > 0) {
    aspects = 0;
    for (const a of e.aspects) aspects |= aspectBit(a);
  }
  const region = e.regionCode === null ? -1 : regionInt(e.regionCode);
  return {
    label: e.label,
    source: e.source,
    polarity: e.polarity < 0 ? -1 : 1,
    weight,
    aspects,
    tracks: trackMask(e.tracks),
    stage: e.stage === null ? -1 : stageIndex(e.stage),
    band: e.amount === null || !(e.amount > 0) ? -1 : amountBand(e.amount),
    amount: e.amount === null || !(e.amount > 0) ? null : e.amount,
    province: region < 0 ? -1 : Math.floor(region / 10_000),
    region,
    keywords: uniqueKeywords(e.keywords),
    qualifications: e.qualifications === null ? -1 : qualificationMask(e.qualifications),
  };
}

/** Pseudo-weight of the base rates in a positive share: how much history it takes to move away from "as common as in the deal flow". */
const PRIOR = 2;
/**
 * On an aspect the written mandate names (stage, track, ticket, region) the prior is heavier and
 * mostly the mandate: `WRITTEN_PRIOR × ((1 − MANDATE_SHARE) × base + MANDATE_SHARE × written)`, so
 * the mandate counts as 5.6 deals there — what a few deals confirm, many deals can move.
 */
export const WRITTEN_PRIOR = 8;
export const MANDATE_SHARE = 0.7;
/** How many records the written mandate counts as on an aspect it names (quoted by the explanation). */
const MANDATE_RECORDS = Math.round(WRITTEN_PRIOR * MANDATE_SHARE * 10) / 10;

/** What the written mandate says about the aspects (0 / empty = left open): the prior the history updates. */
export interface WrittenPrior {
  stages: number;
  tracks: number;
  provinces: readonly number[];
  ticketMin: number;
  ticketMax: number;
}

/** The written mandate as a distribution per aspect (null = the mandate leaves it open). */
function writtenTables(w: WrittenPrior | null) {
  const stage = w === null || w.stages === 0 ? null : new Float64Array(STAGE_COUNT);
  if (stage !== null) for (let s = 0; s < STAGE_COUNT; s++) if (((w!.stages >>> s) & 1) === 1) spread(stage, s, 1);
  const track = w === null || w.tracks === 0 ? null : new Float64Array(TRACK_SLOTS);
  if (track !== null) for (let b = 0; b < TRACK_SLOTS; b++) track[b] = (w!.tracks >>> b) & 1;
  const region = w === null || w.provinces.length === 0 ? null : new Float64Array(PROVINCE_SLOTS);
  if (region !== null) for (const v of w!.provinces) region[v] += 1;
  let amount: Float64Array | null = null;
  if (w !== null && w.ticketMax > 0) {
    amount = new Float64Array(AMOUNT_BANDS);
    for (let b = amountBand(Math.max(w.ticketMin, 1)); b <= amountBand(w.ticketMax); b++) amount[b] = 1;
  }
  // Single-valued aspects as distributions; tracks stay a share of projects having each (a project has 1–2).
  for (const t of [stage, region, amount]) {
    if (t === null) continue;
    const sum = t.reduce((a, x) => a + x, 0);
    for (let v = 0; v < t.length; v++) t[v] /= sum;
  }
  return { stage, track, region, amount };
}
/** `(1 + pos) ÷ (1 + pos + neg)`: how much the passes on a value take off it. */
const shrink = (pos: number, neg: number) => (1 + pos) / (1 + pos + neg);

interface Table {
  table: Float64Array;
  /** Affinity of a project whose value is unknown: lift 1 (as common as in the deal flow), normalised. */
  neutral: number;
}

/**
 * Lift per slot against the deal flow's base rates, normalised to the best slot:
 * `lift = (pos + PRIOR × base) ÷ ((posTotal + PRIOR) × base) × shrink(pos, neg)`, base = the share of
 * projects with the value (Laplace-smoothed; kernel-spread like the history for stage and amount).
 */
function liftTable(
  pos: Float64Array,
  neg: Float64Array,
  posTotal: number,
  negTotal: number,
  counts: Int32Array,
  rows: number,
  kernel: boolean,
  multi: boolean,
  written: Float64Array | null,
): Table | null {
  if (posTotal + negTotal === 0) return null;
  const n = pos.length;
  const base = new Float64Array(n);
  let sum = 0;
  for (let v = 0; v < n; v++) {
    let c = 0;
    if (kernel) {
      for (let d = -2; d <= 2; d++) if (v + d >= 0 && v + d < n) c += counts[v + d] * KERNEL[Math.abs(d)];
    } else c = counts[v];
    base[v] = c + 1;
    sum += c + 1;
  }
  // Multi-valued (tracks): the share of projects having the value; single-valued: a distribution.
  const denom = multi ? rows + 2 : sum;
  let spreadTotal = 0;
  for (let v = 0; v < n; v++) spreadTotal += pos[v];
  const mass = multi ? posTotal : spreadTotal;
  const out = new Float64Array(n);
  let best = 0;
  for (let v = 0; v < n; v++) {
    const b = base[v] / denom;
    const prior = written === null ? PRIOR * b : WRITTEN_PRIOR * ((1 - MANDATE_SHARE) * b + MANDATE_SHARE * written[v]);
    const lift =
      ((pos[v] + prior) / ((mass + (written === null ? PRIOR : WRITTEN_PRIOR)) * b)) * shrink(pos[v], neg[v]);
    out[v] = lift;
    if (lift > best) best = lift;
  }
  for (let v = 0; v < n; v++) out[v] /= best;
  return { table: out, neutral: Math.min(1, 1 / best) };
}

function spread(target: Float64Array, at: number, w: number) {
  for (let d = -2; d <= 2; d++) {
    const v = at + d;
    if (v >= 0 && v < target.length) target[v] += w * KERNEL[Math.abs(d)];
  }
}

/**
 * `null` history (not given): the criterion is left out. An empty one: present, weight 0 (cold start).
 * `base`: the deal flow's base rates (the snapshot's cohort); without it every value is equally common.
 */
export function compilePortfolio(
  history: readonly HistoryEntry[] | null | undefined,
  base: AspectBase = EMPTY_BASE,
  written: WrittenPrior | null = null,
): CompiledPortfolio | null {
  if (history === null || history === undefined) return null;
  const entries = history.map(encode);
  const bit = (i: number) => 1 << i;
  const tPos = new Float64Array(TRACK_SLOTS);
  const tNeg = new Float64Array(TRACK_SLOTS);
  const sPos = new Float64Array(STAGE_COUNT);
  const sNeg = new Float64Array(STAGE_COUNT);
  const aPos = new Float64Array(AMOUNT_BANDS);
  const aNeg = new Float64Array(AMOUNT_BANDS);
  const rPos = new Float64Array(PROVINCE_SLOTS);
  const rNeg = new Float64Array(PROVINCE_SLOTS);
  const kPos = new Map<string, number>();
  const kNeg = new Map<string, number>();
  const qPos = new Float64Array(QUAL_SLOTS);
  const totals = { t: [0, 0], s: [0, 0], a: [0, 0], r: [0, 0], k: [0, 0], q: 0 };
  let positives = 0;
  let negatives = 0;
  let evidence = 0;
  for (const e of entries) {
    const w = e.weight;
    if (w === 0) continue;
    const side = e.polarity > 0 ? 0 : 1;
    if (side === 0) positives++;
    else negatives++;
    evidence += side === 0 ? w : w / 2;
    const about = (i: number) => (e.aspects & bit(i)) !== 0;
    if (e.tracks !== 0 && about(0)) {
      const t = side === 0 ? tPos : tNeg;
      for (let b = 0; b < TRACK_SLOTS; b++) if (((e.tracks >>> b) & 1) === 1) t[b] += w;
      totals.t[side] += w;
    }
    if (e.stage >= 0 && about(1)) {
      spread(side === 0 ? sPos : sNeg, e.stage, w);
      totals.s[side] += w;
    }
    if (e.band >= 0 && about(2)) {
      spread(side === 0 ? aPos : aNeg, e.band, w);
      totals.a[side] += w;
    }
    if (e.province >= 0 && about(3)) {
      (side === 0 ? rPos : rNeg)[e.province] += w;
      totals.r[side] += w;
    }
    if (e.keywords.length > 0 && about(4)) {
      const k = side === 0 ? kPos : kNeg;
      for (const word of e.keywords) k.set(word, (k.get(word) ?? 0) + w);
      totals.k[side] += w;
    }
    if (side === 0 && e.qualifications >= 0) {
      for (let b = 0; b < QUAL_SLOTS; b++) if (((e.qualifications >>> b) & 1) === 1) qPos[b] += w;
      totals.q += w;
    }
  }
  const w = writtenTables(written);
  const track = liftTable(tPos, tNeg, totals.t[0], totals.t[1], base.track, base.trackRows, false, true, w.track);
  const stage = liftTable(sPos, sNeg, totals.s[0], totals.s[1], base.stage, base.rows, true, false, w.stage);
  const amount = liftTable(aPos, aNeg, totals.a[0], totals.a[1], base.amount, base.amountRows, true, false, w.amount);
  const region = liftTable(
    rPos,
    rNeg,
    totals.r[0],
    totals.r[1],
    base.province,
    base.regionRows,
    false,
    false,
    w.region,
  );
  // Keywords: the lift of each word the history names against its document frequency in the deal flow
  // (a rare shared word says more than a common one); a word the history never names: PRIOR ÷ (mass + PRIOR).
  let keywords: Map<string, number> | null = null;
  let keywordDefault = 0;
  let keywordNeutral = 1;
  if (totals.k[0] + totals.k[1] > 0) {
    const words = [...new Set([...kPos.keys(), ...kNeg.keys()])].sort();
    const mass = totals.k[0];
    const unseen = PRIOR / (mass + PRIOR);
    let best = unseen;
    const lifts = new Map<string, number>();
    for (const w of words) {
      const p = kPos.get(w) ?? 0;
      const b = ((base.keywords.get(w) ?? 0) + 1) / (base.keywordRows + 2);
      const lift = ((p + PRIOR * b) / ((mass + PRIOR) * b)) * shrink(p, kNeg.get(w) ?? 0);
      lifts.set(w, lift);
      if (lift > best) best = lift;
    }
    keywords = new Map();
    for (const [w, lift] of lifts) keywords.set(w, lift / best);
    keywordDefault = unseen / best;
    keywordNeutral = Math.min(1, 1 / best);
  }
  // Qualifications: per qualification, held or not, the positives' smoothed share against the deal
  // flow's (a Bernoulli lift each); a history that holds them as often as the deal flow is indifferent.
  let qualifications: QualificationTable | null = null;
  if (totals.q > 0) {
    const has = new Float64Array(QUAL_SLOTS);
    const not = new Float64Array(QUAL_SLOTS);
    let max = 0;
    for (let b = 0; b < QUAL_SLOTS; b++) {
      const q = (base.qualifications[b] + 1) / (base.rows + 2);
      const p = (qPos[b] + PRIOR * q) / (totals.q + PRIOR);
      has[b] = Math.log(p / q);
      not[b] = Math.log((1 - p) / (1 - q));
      max += has[b] > not[b] ? has[b] : not[b];
    }
    const byMask = new Float64Array(1 << QUALIFICATION_KINDS.length);
    qualifications = { has, not, max, byMask };
    for (let mask = 0; mask < byMask.length; mask++) byMask[mask] = qualificationAffinity(qualifications, mask);
  }
  const weight = evidence === 0 ? 0 : (PORTFOLIO_MAX_WEIGHT * evidence) / (evidence + PORTFOLIO_HALF_EVIDENCE);
  return {
    weight,
    rest: 1 - weight,
    evidence,
    positives,
    negatives,
    track: track?.table ?? null,
    trackNeutral: track?.neutral ?? 1,
    stage: stage?.table ?? null,
    amount: amount?.table ?? null,
    amountNeutral: amount?.neutral ?? 1,
    region: region?.table ?? null,
    regionNeutral: region?.neutral ?? 1,
    keywords,
    keywordDefault,
    keywordNeutral,
    qualifications,
    // In PORTFOLIO_ASPECTS order: the aspects the mandate names and the history has a table for.
    fromMandate: (
      [
        ['track', w.track, track],
        ['stage', w.stage, stage],
        ['amount', w.amount, amount],
        ['region', w.region, region],
      ] as const
    )
      .filter(([, written, table]) => written !== null && table !== null)
      .map(([aspect]) => aspect),
    entries,
  };
}

/** Affinity of a project's tracks: the best of its tracks; NaN = no tracks. */
export function trackAffinity(table: Float64Array, tracks: number): number {
  if (tracks === 0) return NaN;
  let best = 0;
  // Only the set bits (a project has one or two tracks, not 32).
  for (let t = tracks >>> 0; t !== 0; t = (t & (t - 1)) >>> 0) {
    const v = table[31 - Math.clz32(t & -t)];
    if (v > best) best = v;
  }
  return best;
}

/** `exp(Σ log-lift of what the project holds and lacks − the best sum)`: 1 for the history's usual set. */
export function qualificationAffinity(q: QualificationTable, held: number): number {
  let sum = 0;
  for (let b = 0; b < QUAL_SLOTS; b++) sum += ((held >>> b) & 1) === 1 ? q.has[b] : q.not[b];
  return Math.exp(sum - q.max);
}

/** The aspect affinities of one project (NaN = the history says nothing about it), in aspect order. */
export function aspectValues(
  p: CompiledPortfolio,
  tracks: number,
  stage: number,
  amount: number,
  region: number,
  keyword: number,
  qualifications: number,
  out: Float64Array,
): void {
  out[0] = p.track === null ? NaN : tracks === 0 ? p.trackNeutral : trackAffinity(p.track, tracks);
  out[1] = p.stage === null ? NaN : p.stage[stage];
  out[2] = p.amount === null ? NaN : amount === amount ? p.amount[amountBand(amount)] : p.amountNeutral;
  out[3] = p.region === null ? NaN : region >= 0 ? p.region[Math.floor(region / 10_000)] : p.regionNeutral;
  out[4] = p.keywords === null ? NaN : keyword === keyword ? keyword : p.keywordNeutral;
  out[5] = p.qualifications === null ? NaN : p.qualifications.byMask[qualifications];
}

const ASPECTS = new Float64Array(PORTFOLIO_ASPECTS.length);

/** Weighted geometric mean of the active aspects, 4 decimals; 0 when none is active. */
export function combineAspects(a: Float64Array): number {
  let sum = 0;
  let weights = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v !== v) continue;
    sum += ASPECT_WEIGHTS[i] * Math.log(v < FLOOR ? FLOOR : v);
    weights += ASPECT_WEIGHTS[i];
  }
  return weights === 0 ? 0 : round4(Math.exp(sum / weights));
}

/**
 * The criterion value from encoded project facts — the one function both the scan and the
 * explanation call. `amount` NaN = unknown, `region` −1 = unknown, `keyword` = the best affinity
 * among the project's keywords (NaN = it has none).
 */
export function portfolioValue(
  p: CompiledPortfolio,
  tracks: number,
  stage: number,
  amount: number,
  region: number,
  keyword: number,
  qualifications: number,
): number {
  aspectValues(p, tracks, stage, amount, region, keyword, qualifications, ASPECTS);
  return combineAspects(ASPECTS);
}

/** Best keyword affinity of a project's (normalised, unique) keywords; NaN = none. */
export function keywordAffinity(p: CompiledPortfolio, words: readonly string[]): number {
  if (p.keywords === null || words.length === 0) return NaN;
  let best = 0;
  for (const w of words) {
    const a = p.keywords.get(w) ?? p.keywordDefault;
    if (a > best) best = a;
  }
  return best;
}

interface ProjectCodes {
  tracks: number;
  stage: number;
  amount: number;
  region: number;
  keywords: string[];
  qualifications: number;
}

function codesOf(f: ProjectFeatures): ProjectCodes {
  return {
    tracks: trackMask(f.tracks),
    stage: stageIndex(f.stage),
    amount: f.amountSought ?? NaN,
    region: f.regionCode === null ? -1 : regionInt(f.regionCode),
    keywords: uniqueKeywords(f.keywords),
    qualifications: qualificationMask(f.qualifications),
  };
}

/** The value for a feature object (explanation, naive reference). */
export function portfolioOf(f: ProjectFeatures, p: CompiledPortfolio): number {
  const c = codesOf(f);
  return portfolioValue(p, c.tracks, c.stage, c.amount, c.region, keywordAffinity(p, c.keywords), c.qualifications);
}

/** Similarity of the project to one past entry: mean of the aspects both sides know (0 … 1). */
function entrySimilarity(c: ProjectCodes, e: Encoded): number {
  let sum = 0;
  let n = 0;
  if (c.tracks !== 0 && e.tracks !== 0) {
    sum += (c.tracks & e.tracks) !== 0 ? 1 : 0;
    n++;
  }
  if (e.stage >= 0) {
    sum += KERNEL[Math.abs(c.stage - e.stage)] ?? 0;
    n++;
  }
  if (c.amount === c.amount && e.band >= 0) {
    sum += KERNEL[Math.abs(amountBand(c.amount) - e.band)] ?? 0;
    n++;
  }
  if (c.region >= 0 && e.province >= 0) {
    sum += Math.floor(c.region / 10_000) === e.province ? 1 : 0;
    n++;
  }
  if (c.keywords.length > 0 && e.keywords.length > 0) {
    sum += c.keywords.some((k) => e.keywords.includes(k)) ? 1 : 0;
    n++;
  }
  return n === 0 ? 0 : sum / n;
}

function nearest(c: ProjectCodes, entries: readonly Encoded[], polarity: 1 | -1, min: number): string[] {
  const scored = entries
    .filter((e) => e.polarity === polarity && e.weight > 0)
    .map((e) => ({ label: e.label, s: entrySimilarity(c, e), w: e.weight }))
    .filter((x) => x.s > min)
    .sort((a, b) => b.s - a.s || b.w - a.w || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const out: string[] = [];
  for (const x of scored) {
    if (!out.includes(x.label)) out.push(x.label);
    if (out.length === NEAREST) break;
  }
  return out;
}

export function portfolioInputs(f: ProjectFeatures, p: CompiledPortfolio): Record<string, InputValue> {
  const c = codesOf(f);
  const a = new Float64Array(PORTFOLIO_ASPECTS.length);
  aspectValues(p, c.tracks, c.stage, c.amount, c.region, keywordAffinity(p, c.keywords), c.qualifications, a);
  const inputs: Record<string, InputValue> = {
    historyEntries: p.positives + p.negatives,
    positives: p.positives,
    negatives: p.negatives,
    portfolioWeight: round4(p.weight),
    nearest: p.weight === 0 ? [] : nearest(c, p.entries, 1, 0),
    nearestPassed: p.weight === 0 ? [] : nearest(c, p.entries, -1, NEAR_PASS - 1e-9),
    mandatePrior: p.fromMandate,
  };
  PORTFOLIO_ASPECTS.forEach((name, i) => (inputs[`aspect.${name}`] = a[i] === a[i] ? round4(a[i]) : null));
  return inputs;
}

const ASPECT_LABELS: Record<PortfolioAspect, Text> = {
  track: { zh: '赛道', en: 'track' },
  stage: { zh: '阶段', en: 'stage' },
  amount: { zh: '金额', en: 'amount' },
  region: { zh: '地区', en: 'region' },
  keywords: { zh: '关键词', en: 'keywords' },
  qualifications: { zh: '资质', en: 'qualifications' },
};

/** Quotes the investor's own history and the project's public facts only: both modes read alike. */
export function renderPortfolio(inputs: Record<string, InputValue>, value: number, _mode: DisplayMode): Text {
  const n = inputs.historyEntries as number;
  if ((inputs.portfolioWeight as number) === 0) {
    return {
      zh: '投资组合相似度：尚无投资记录（签约、尽调、入围的项目，“更多类似”的标记或导入的投资组合），暂不计分（权重 0）',
      en: 'Portfolio fit: no history yet (signed, due-diligence or shortlisted deals, "more like this" marks or an imported portfolio), so it does not count (weight 0)',
    };
  }
  const names = inputs.nearest as readonly string[];
  const passed = inputs.nearestPassed as readonly string[];
  const parts = PORTFOLIO_ASPECTS.filter((a) => inputs[`aspect.${a}`] !== null);
  const zhParts = parts.map((a) => `${ASPECT_LABELS[a].zh} ${inputs[`aspect.${a}`]}`).join('、');
  const enParts = parts.map((a) => `${ASPECT_LABELS[a].en} ${inputs[`aspect.${a}`]}`).join(', ');
  const zhLike = names.length > 0 ? `与你投资的${names.join('和')}相似` : '与你的投资记录都不太相似';
  const enLike = names.length > 0 ? `like your investments in ${names.join(' and ')}` : 'unlike your past investments';
  const zhPass = passed.length > 0 ? `，也像你放弃的${passed.join('和')}` : '';
  const enPass = passed.length > 0 ? `, and like ${passed.join(' and ')}, which you passed` : '';
  const w = inputs.portfolioWeight;
  const prior = (inputs.mandatePrior as readonly PortfolioAspect[] | undefined) ?? [];
  const zhPrior =
    prior.length > 0
      ? `；${prior.map((a) => ASPECT_LABELS[a].zh).join('、')}上书面投资方针计作 ${MANDATE_RECORDS} 条记录`
      : '';
  const enPrior =
    prior.length > 0
      ? `; on ${prior.map((a) => ASPECT_LABELS[a].en).join(', ')} your written mandate counts as ${MANDATE_RECORDS} records`
      : '';
  return {
    zh: `投资组合相似度 ${value}：${zhLike}${zhPass}（${zhParts}；依据 ${n} 条记录：${inputs.positives} 条正面、${inputs.negatives} 条负面${zhPrior}，权重 ${w}）`,
    en: `Portfolio fit ${value}: ${enLike}${enPass} (${enParts}; from ${n} records: ${inputs.positives} positive, ${inputs.negatives} negative${enPrior}; weight ${w})`,
  };
}
