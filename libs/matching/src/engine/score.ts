/**
 * One pair, explained: constraints → criteria → score, with breakdown and hints. Also the naive
 * "score everything and sort" ranking, kept as the reference the columnar top-k is tested and
 * benchmarked against.
 */
import type { Cohort } from './cohort';
import { belowInnovationMinimum, evaluateConstraints, excludes, innovationReason, penaltyBpOf } from './constraints';
import { keepOf } from './soft';
import { earlyInputs, earlyValue, renderEarly } from './criteria/early';
import { fitInputs, fitParts, fitValue, renderFit } from './criteria/fit';
import { portfolioInputs, portfolioOf, renderPortfolio } from './criteria/portfolio';
import { hardTechInputs, hardTechValue, renderHardTech } from './criteria/hard-tech';
import { innovationIndicatorValues } from './criteria/innovation-indicators';
import {
  innovationFromPercentiles,
  innovationInputs,
  innovationPercentiles,
  innovationValue,
  renderInnovation,
} from './criteria/innovation';
import { renderSmall, smallInputs, smallValue } from './criteria/small';
import type { DisplayMode, Text } from './format';
import { buildHints } from './hints';
import { compileMandate, type CompiledMandate } from './mandate';
import {
  instrumentMask,
  qualificationMask,
  regionInt,
  regionMatches,
  regionPrefix,
  round2,
  SCORE_VERSION,
  stageIndex,
  stageMask,
  trackMask,
  type RegionPrefix,
} from './reference';
import {
  type BreakdownKey,
  type CriterionResult,
  type Cursor,
  type InputValue,
  type Mandate,
  type MatchResult,
  type ProjectFeatures,
  type RankFilters,
  type RankOptions,
  type RankPage,
} from './types';

export const CRITERION_LABELS: Record<BreakdownKey, Text> = {
  early: { zh: '投早', en: 'Early' },
  small: { zh: '投小', en: 'Small' },
  hardTech: { zh: '投硬科技', en: 'Hard tech' },
  innovation: { zh: '创新积分（估算）', en: 'Innovation points (estimate)' },
  fit: { zh: '匹配度', en: 'Mandate fit' },
  portfolio: { zh: '投资组合相似度', en: 'Portfolio fit' },
};

export const RENDERERS: Record<BreakdownKey, (i: Record<string, InputValue>, v: number, m: DisplayMode) => Text> = {
  early: renderEarly,
  small: renderSmall,
  hardTech: renderHardTech,
  innovation: renderInnovation,
  fit: renderFit,
  portfolio: renderPortfolio,
};

/**
 * Score in hundredths of a point (0–10 000): an integer, so the heap, the cursor and the naive sort
 * compare exactly. Criteria are added in `CRITERIA` order in every path, so the float sum is identical;
 * `keep` (`keepOf` the soft penalties, exactly 1 without any) multiplies last, as in the scan.
 */
export function combine(
  weights: readonly number[],
  early: number,
  small: number,
  hardTech: number,
  innovation: number,
  fit: number,
  keep = 1,
  portfolioWeight = 0,
  portfolio = 0,
  rest = 1,
): number {
  const mandate =
    weights[0] * early + weights[1] * small + weights[2] * hardTech + weights[3] * innovation + weights[4] * fit;
  // Without portfolio fit the formula is exactly the five-criterion one (no extra float operations).
  if (portfolioWeight === 0) return Math.round(10_000 * mandate * keep);
  return Math.round(10_000 * (mandate * rest + portfolioWeight * portfolio) * keep);
}

/** `combine` with the compiled mandate's portfolio weight (0 without history). */
export function combineFor(m: CompiledMandate, v: readonly number[], keep: number, portfolio: number): number {
  const p = m.portfolio;
  return combine(m.weights, v[0], v[1], v[2], v[3], v[4], keep, p?.weight ?? 0, portfolio, p?.rest ?? 1);
}

/** The five criterion values of an eligible pair, from the feature object. */
export function criterionValues(f: ProjectFeatures, m: CompiledMandate, cohort: Cohort): number[] {
  const stage = stageIndex(f.stage);
  const parts = fitParts(f, m);
  return [
    earlyValue(stage, f.companyAgeYears, f.priorRounds, f.universitySpinOut, f.fromPocCenter),
    smallValue(f.sizeClass, f.withinTechSmeCeiling),
    hardTechValue(
      f.techSmePoints,
      f.techSmeVerdict,
      f.rdIntensityBp,
      f.ipClassI,
      f.techStaffShareBp,
      trackMask(f.tracks),
    ),
    innovationValue(innovationIndicatorValues(f), stage, cohort),
    fitValue(parts.track, parts.ticket, parts.region, parts.keywords),
  ];
}

function criterion(
  key: BreakdownKey,
  weight: number,
  value: number,
  inputs: Record<string, InputValue>,
  text: Text = RENDERERS[key](inputs, value, 'raw'),
): CriterionResult {
  const label = CRITERION_LABELS[key];
  const c: CriterionResult = {
    key,
    labelZh: label.zh,
    labelEn: label.en,
    value,
    weight,
    contribution: round2(100 * weight * value),
    inputs,
    zh: text.zh,
    en: text.en,
  };
  if (key === 'innovation') c.estimate = true;
  return c;
}

/**
 * Rendered sentences that do not depend on the mandate, per project: early, small and hard tech read
 * only the feature object; innovation reads it and the cohort, so it is kept with the cohort state it
 * was rendered against (instance and revision). Building these strings was most of the memory a
 * ranking allocated (~17 KB per explained item), and on a loaded 2-core machine each young-generation
 * GC it triggered cost 2–20 ms — the p95 of a ranking. Only strings are shared between results (they
 * are immutable); every object in a result is built fresh. Feature objects are never mutated in place
 * (the snapshot replaces them on upsert), so one is a valid key; FIFO-bounded to cap the memory.
 */
interface ProjectTexts {
  early: Text;
  small: Text;
  hardTech: Text;
  innovation: Text | null;
  cohort: Cohort | null;
  cohortRevision: number;
}

const TEXT_CACHE_CAPACITY = 2048;
const textCache = new Map<ProjectFeatures, ProjectTexts>();

function projectTexts(
  f: ProjectFeatures,
  early: number,
  small: number,
  hard: number,
  inputs: readonly Record<string, InputValue>[],
): ProjectTexts {
  let texts = textCache.get(f);
  if (texts === undefined) {
    texts = {
      early: renderEarly(inputs[0], early, 'raw'),
      small: renderSmall(inputs[1], small, 'raw'),
      hardTech: renderHardTech(inputs[2], hard, 'raw'),
      innovation: null,
      cohort: null,
      cohortRevision: -1,
    };
    if (textCache.size >= TEXT_CACHE_CAPACITY) textCache.delete(textCache.keys().next().value!);
    textCache.set(f, texts);
  }
  return texts;
}

/**
 * The full explanation of one pair. A ranking calls this for the k returned items only, so it is on
 * the latency path: every derived part (track mask, fit parts, the eight cohort percentiles) is
 * computed once and feeds both the criterion value and its quoted inputs — which is also what keeps
 * the value and the inputs from ever disagreeing.
 */
/** The innovation criterion of one project (the value the score uses). */
function innovationOf(f: ProjectFeatures, cohort: Cohort): number {
  return innovationFromPercentiles(innovationPercentiles(innovationIndicatorValues(f), cohort), stageIndex(f.stage));
}

/** Every failed constraint, the cohort-dependent innovation minimum included. */
export function allReasons(
  f: ProjectFeatures,
  m: CompiledMandate,
  cohort: Cohort,
  percentiles?: readonly (number | null)[],
) {
  const reasons = evaluateConstraints(f, m);
  const minimum = m.mandate.minInnovationScore;
  if (minimum !== null && minimum !== undefined) {
    const innovation =
      percentiles === undefined ? innovationOf(f, cohort) : innovationFromPercentiles(percentiles, stageIndex(f.stage));
    if (belowInnovationMinimum(innovation, minimum)) reasons.push(innovationReason(innovation, minimum));
  }
  return reasons;
}

/**
 * `percentiles`, when given, are `f`'s cohort percentiles already at hand (the snapshot reads them from
 * its counts — the same floats as `innovationPercentiles`, without its sixteen binary searches).
 */
export function explainPair(
  f: ProjectFeatures,
  m: CompiledMandate,
  cohort: Cohort,
  percentiles?: readonly (number | null)[],
): MatchResult {
  const reasons = allReasons(f, m, cohort, percentiles);
  const hints = buildHints(f, reasons);
  if (excludes(reasons)) {
    return {
      projectId: f.projectId,
      startupId: f.startupId,
      mandateId: m.mandate.id,
      mandateVersion: m.mandate.version,
      scoreVersion: SCORE_VERSION,
      eligible: false,
      score: null,
      reasons,
      breakdown: [],
      hints,
    };
  }
  const stage = stageIndex(f.stage);
  const tracks = trackMask(f.tracks);
  const parts = fitParts(f, m, tracks);
  const indicators = innovationIndicatorValues(f);
  const pct = percentiles ?? innovationPercentiles(indicators, cohort);
  const w = m.weights;
  const early = earlyValue(stage, f.companyAgeYears, f.priorRounds, f.universitySpinOut, f.fromPocCenter);
  const small = smallValue(f.sizeClass, f.withinTechSmeCeiling);
  const hard = hardTechValue(
    f.techSmePoints,
    f.techSmeVerdict,
    f.rdIntensityBp,
    f.ipClassI,
    f.techStaffShareBp,
    tracks,
  );
  const innovation = innovationFromPercentiles(pct, stage);
  const fit = fitValue(parts.track, parts.ticket, parts.region, parts.keywords);
  const earlyIn = earlyInputs(f);
  const smallIn = smallInputs(f);
  const hardIn = hardTechInputs(f);
  const innovationIn = innovationInputs(f, stage, cohort, indicators, pct);
  const texts = projectTexts(f, early, small, hard, [earlyIn, smallIn, hardIn]);
  if (texts.innovation === null || texts.cohort !== cohort || texts.cohortRevision !== cohort.revision) {
    texts.innovation = renderInnovation(innovationIn, innovation, 'raw');
    texts.cohort = cohort;
    texts.cohortRevision = cohort.revision;
  }
  const p = m.portfolio;
  // With portfolio fit, the mandate's criteria share what it leaves (`rest`): the weights shown are
  // the ones the score used, so contributions still add up to it (before penalties).
  const r = p === null || p.weight === 0 ? 1 : p.rest;
  const breakdown = [
    criterion('early', w[0] * r, early, earlyIn, texts.early),
    criterion('small', w[1] * r, small, smallIn, texts.small),
    criterion('hardTech', w[2] * r, hard, hardIn, texts.hardTech),
    criterion('innovation', w[3] * r, innovation, innovationIn, texts.innovation),
    criterion('fit', w[4] * r, fit, fitInputs(f, m, parts)),
  ];
  const portfolio = p === null ? 0 : portfolioOf(f, p);
  if (p !== null) breakdown.push(criterion('portfolio', p.weight, portfolio, portfolioInputs(f, p)));
  return {
    projectId: f.projectId,
    startupId: f.startupId,
    mandateId: m.mandate.id,
    mandateVersion: m.mandate.version,
    scoreVersion: SCORE_VERSION,
    eligible: true,
    score: combineFor(m, [early, small, hard, innovation, fit], keepOf(penaltyBpOf(reasons)), portfolio) / 100,
    reasons,
    breakdown,
    hints,
  };
}

/** Convenience for one pair outside a ranking (the founder's "why / why not" view). */
export function explainMatch(f: ProjectFeatures, mandate: Mandate, cohort: Cohort): MatchResult {
  return explainPair(f, compileMandate(mandate, cohort.aspects), cohort);
}

export interface CompiledFilters {
  tracks: number;
  stages: number;
  instruments: number;
  qualifications: number;
  regions: RegionPrefix[];
  /** In hundredths; -1 = none. */
  minCenti: number;
  projectIds: ReadonlySet<string> | null;
}

export function compileFilters(filters: RankFilters | undefined): CompiledFilters {
  return {
    tracks: trackMask(filters?.tracks ?? []),
    stages: stageMask(filters?.stages ?? []),
    instruments: instrumentMask(filters?.instruments ?? []),
    qualifications: qualificationMask(filters?.qualifications ?? []),
    regions: (filters?.regions ?? []).map(regionPrefix),
    minCenti: filters?.minScore === undefined ? -1 : Math.round(filters.minScore * 100),
    projectIds: filters?.projectIds ?? null,
  };
}

function passesFilters(f: ProjectFeatures, c: CompiledFilters): boolean {
  if (c.projectIds !== null && !c.projectIds.has(f.projectId)) return false;
  if (c.tracks !== 0 && (trackMask(f.tracks) & c.tracks) === 0) return false;
  if (c.stages !== 0 && (stageMask([f.stage]) & c.stages) === 0) return false;
  if (c.instruments !== 0 && (instrumentMask(f.instruments) & c.instruments) === 0) return false;
  if ((qualificationMask(f.qualifications) & c.qualifications) !== c.qualifications) return false;
  if (c.regions.length > 0 && (f.regionCode === null || !regionMatches(regionInt(f.regionCode), c.regions)))
    return false;
  return true;
}

/** Total order of a ranking: score descending, then project id ascending. */
export function isAfter(centi: number, projectId: string, cursor: { centi: number; projectId: string }): boolean {
  return centi < cursor.centi || (centi === cursor.centi && projectId > cursor.projectId);
}

export function cursorKey(cursor: Cursor | null | undefined): { centi: number; projectId: string } | null {
  return cursor ? { centi: Math.round(cursor.score * 100), projectId: cursor.projectId } : null;
}

/**
 * Reference ranking: evaluate every pair, sort them all, slice. O(n log n) and allocation-heavy by
 * design — the columnar top-k must return exactly this.
 */
export function rankNaive(
  features: readonly ProjectFeatures[],
  mandate: Mandate,
  cohort: Cohort,
  options: RankOptions,
  snapshotVersion = 0,
): RankPage {
  const m = compileMandate(mandate, cohort.aspects);
  const filters = compileFilters(options.filters);
  const after = cursorKey(options.cursor);
  const scored: { f: ProjectFeatures; centi: number }[] = [];
  for (const f of features) {
    if (!passesFilters(f, filters)) continue;
    const reasons = evaluateConstraints(f, m);
    if (excludes(reasons)) continue;
    const v = criterionValues(f, m, cohort);
    if (belowInnovationMinimum(v[3], m.mandate.minInnovationScore)) continue;
    const portfolio = m.portfolio === null ? 0 : portfolioOf(f, m.portfolio);
    const centi = combineFor(m, v, keepOf(penaltyBpOf(reasons)), portfolio);
    if (centi < filters.minCenti) continue;
    scored.push({ f, centi });
  }
  scored.sort(
    (a, b) => b.centi - a.centi || (a.f.projectId < b.f.projectId ? -1 : a.f.projectId > b.f.projectId ? 1 : 0),
  );
  const rest = after ? scored.filter((s) => isAfter(s.centi, s.f.projectId, after)) : scored;
  const page = rest.slice(0, options.k);
  const items = page.map((s) => explainPair(s.f, m, cohort));
  const last = page[page.length - 1];
  return {
    items,
    total: scored.length,
    nextCursor: rest.length > options.k && last ? { score: last.centi / 100, projectId: last.f.projectId } : null,
    snapshotVersion,
    scoreVersion: SCORE_VERSION,
  };
}
