import {
  additionToReachPercent,
  compareShareToPercent,
  exact,
  type Fraction,
  largestPartWithin,
  percentPointsTo,
  sharePercent,
  sub,
  toNumberDown,
  toNumberUp,
} from './exact-arithmetic';
import { formatPercent, formatPercentNumber, formatPoints, type Phrase } from './format';
import { collectMissing, summarize } from './rubric-summary';
import type { PercentBand } from './rubrics/tech-sme-2022';
import { allOf, anyOf, flips, toVerdict } from './tri-logic';
import type {
  ConditionResult,
  DirectQualificationResult,
  Gap,
  IndicatorResult,
  RubricResult,
  Tri,
  Verdict,
} from './types';

/**
 * Indicators and conditions are built in two steps: a draft with the numbers and the wording of the
 * step to the next band, then — once the rubric knows whether that step would flip its verdict — the
 * final result with the sentence a founder reads.
 */

export interface GapDraft extends Omit<Gap, 'flipsVerdict'> {
  /** e.g. 再提高 3 个百分点达到 30% 档 / 3 pp more reaches the 30 % band. */
  step: Phrase;
  /** e.g. 如新增 5 名科技人员 / e.g. hire 5 more tech staff. */
  how?: Phrase;
}

export interface NextBandDraft extends GapDraft {
  pointsGained: number;
}

export interface IndicatorDraft {
  key: string;
  label: string;
  labelEn: string;
  maxPoints: number;
  rawValue: number | null;
  displayValue: string;
  points: number | null;
  minPoints: number;
  maxPointsPossible: number;
  band: string | null;
  missingInputs: string[];
  /** Extra context after the score, e.g. which of the two R&D ratios counted. */
  note?: Phrase;
  next?: NextBandDraft;
}

export interface ConditionDraft {
  key: string;
  label: string;
  labelEn: string;
  met: Tri;
  rawValue?: number | null;
  displayValue?: string;
  /** What the rubric requires, e.g. `≥ 10%`. */
  requirement: Phrase;
  /** Replaces the generic "value, met/not met" wording when a condition needs its own (certificates, awards). */
  detail?: Phrase;
  missingInputs: string[];
  gap?: GapDraft;
}

function gapOf(draft: GapDraft, flipsVerdict: boolean): Gap {
  const { step: _step, how: _how, ...gap } = draft;
  return { ...gap, flipsVerdict };
}

export function finishIndicator(draft: IndicatorDraft, flipsVerdict: boolean): IndicatorResult {
  const { note, next, ...rest } = draft;
  let zh: string;
  let en: string;
  if (draft.points === null) {
    zh = `${draft.label}：缺少 ${draft.missingInputs.join('、')}，暂无法计分（${draft.minPoints}–${draft.maxPointsPossible} 分之间）`;
    en = `${draft.labelEn}: missing ${draft.missingInputs.join(', ')}; cannot score yet (between ${draft.minPoints} and ${draft.maxPointsPossible} points)`;
  } else {
    zh = `${draft.label} ${draft.displayValue}，得 ${draft.points}/${draft.maxPoints} 分`;
    en = `${draft.labelEn} ${draft.displayValue}: ${draft.points}/${draft.maxPoints} points`;
    if (note) {
      zh += `（${note.zh}）`;
      en += ` (${note.en})`;
    }
    if (next) {
      zh += `：${next.step.zh}，+${next.pointsGained} 分`;
      en += `; ${next.step.en}, +${next.pointsGained} points`;
      if (next.how) {
        zh += `（${next.how.zh}）`;
        en += ` (${next.how.en})`;
      }
      if (flipsVerdict) {
        zh += '，可使评价结果变为通过';
        en += ', enough to turn the verdict into a pass';
      }
    } else {
      zh += '，已达最高档';
      en += '; top band reached';
    }
  }
  const result: IndicatorResult = { ...rest, explanation: zh, explanationEn: en };
  if (next && draft.points !== null)
    result.nextBand = { ...gapOf(next, flipsVerdict), pointsGained: next.pointsGained };
  return result;
}

export function finishCondition(draft: ConditionDraft, flipsVerdict: boolean): ConditionResult {
  const { requirement, detail, gap, ...rest } = draft;
  const subject =
    detail ?? (draft.displayValue !== undefined ? { zh: draft.displayValue, en: draft.displayValue } : null);
  const head = subject ? `${draft.label}：${subject.zh}` : draft.label;
  const headEn = subject ? `${draft.labelEn}: ${subject.en}` : draft.labelEn;
  let zh: string;
  let en: string;
  if (draft.met === true) {
    zh = `${head}，满足（要求 ${requirement.zh}）`;
    en = `${headEn} — met (required ${requirement.en})`;
  } else if (draft.met === false) {
    zh = `${head}，未满足（要求 ${requirement.zh}）`;
    en = `${headEn} — not met (required ${requirement.en})`;
    if (gap) {
      zh += `：${gap.step.zh}`;
      en += `; ${gap.step.en}`;
      if (gap.how) {
        zh += `（${gap.how.zh}）`;
        en += ` (${gap.how.en})`;
      }
      if (flipsVerdict) {
        zh += '，即可通过';
        en += ', which alone would turn the verdict into a pass';
      }
    }
  } else {
    zh = `${head}，缺少 ${draft.missingInputs.join('、')}，无法判断（要求 ${requirement.zh}）`;
    en = `${headEn} — missing ${draft.missingInputs.join(', ')}, cannot tell (required ${requirement.en})`;
  }
  const result: ConditionResult = { ...rest, explanation: zh, explanationEn: en };
  if (gap && draft.met === false) result.gap = gapOf(gap, flipsVerdict);
  return result;
}

// ——— percent bands ————————————————————————————————————————————————————————————————

/** Index of the highest band reached (bands are listed highest first), or -1 below all of them. */
export function bandIndexOfShare(part: number, whole: number, bands: readonly PercentBand[]): number {
  return bands.findIndex((band) => compareShareToPercent(part, whole, band.minPercent) >= 0);
}

export function pointsOfBand(bands: readonly PercentBand[], index: number): number {
  return index >= 0 ? bands[index].points : 0;
}

export function bandLabel(bands: readonly PercentBand[], index: number): string {
  if (index >= 0) return `≥${formatPercentNumber(bands[index].minPercent)}`;
  return `<${formatPercentNumber(bands[bands.length - 1].minPercent)}`;
}

/** Percent value for `rawValue`: truncated to 4 decimals so it never rounds up across a band edge. */
export function rawPercent(share: Fraction): number {
  return toNumberDown(share, 4);
}

export interface ShareStep {
  /** Whole units the part must grow by. */
  addition: number;
  percentPoints: Fraction;
}

/** What it takes for `part ÷ whole` to reach `percent`, or null when it cannot. */
export function stepToShare(
  part: number,
  whole: number,
  percent: number,
  mode: 'separate' | 'included',
): ShareStep | null {
  const addition = additionToReachPercent(part, whole, percent, mode);
  if (addition === null) return null;
  return { addition, percentPoints: percentPointsTo(part, whole, percent) };
}

export function raiseStepPhrase(step: ShareStep, percent: number, target: 'band' | 'threshold'): Phrase {
  const pp = formatPoints(step.percentPoints);
  const edge = formatPercentNumber(percent);
  return target === 'band'
    ? { zh: `再提高 ${pp} 个百分点达到 ${edge} 档`, en: `${pp} pp more reaches the ${edge} band` }
    : { zh: `再提高 ${pp} 个百分点达到 ${edge}`, en: `${pp} pp more reaches ${edge}` };
}

/** An indicator an input is missing for: its points lie between `minPoints` and the maximum. */
export function unscoredIndicator(
  base: { key: string; label: string; labelEn: string; maxPoints: number },
  missingInputs: string[],
  minPoints = 0,
): IndicatorDraft {
  return {
    ...base,
    rawValue: null,
    displayValue: '—',
    points: null,
    minPoints,
    maxPointsPossible: base.maxPoints,
    band: null,
    missingInputs,
  };
}

export interface ShareIndicatorSpec {
  key: string;
  label: string;
  labelEn: string;
  maxPoints: number;
  bands: readonly PercentBand[];
  part: number | null;
  whole: number | null;
  partName: string;
  wholeName: string;
  /** Whether the part is inside the whole (see `additionToReachPercent`). */
  mode: 'separate' | 'included';
  /** Wording for "the part must grow by x". */
  addition: (x: number) => Phrase;
}

/** A higher-is-better ratio scored by percent bands (科技人员占比, 研发费用占比, 主营业务收入占比 …). */
export function shareIndicator(spec: ShareIndicatorSpec): IndicatorDraft {
  const base = {
    key: spec.key,
    label: spec.label,
    labelEn: spec.labelEn,
    maxPoints: spec.maxPoints,
  };
  const missing: string[] = [];
  if (spec.part === null) missing.push(spec.partName);
  if (spec.whole === null) missing.push(spec.wholeName);
  if (spec.part === null || spec.whole === null) return unscoredIndicator(base, missing);
  if (spec.whole === 0) {
    return {
      ...base,
      rawValue: null,
      displayValue: '—',
      points: 0,
      minPoints: 0,
      maxPointsPossible: 0,
      band: bandLabel(spec.bands, -1),
      missingInputs: [],
      note: { zh: `${spec.wholeName} 为 0，比例无法计算`, en: `${spec.wholeName} is 0, so the ratio is undefined` },
    };
  }
  const share = sharePercent(spec.part, spec.whole);
  const index = bandIndexOfShare(spec.part, spec.whole, spec.bands);
  const points = pointsOfBand(spec.bands, index);
  const draft: IndicatorDraft = {
    ...base,
    rawValue: rawPercent(share),
    displayValue: formatPercent(share),
    points,
    minPoints: points,
    maxPointsPossible: points,
    band: bandLabel(spec.bands, index),
    missingInputs: [],
  };
  if (index !== 0) {
    const target = spec.bands[index === -1 ? spec.bands.length - 1 : index - 1];
    const step = stepToShare(spec.part, spec.whole, target.minPercent, spec.mode);
    if (step) {
      draft.next = {
        threshold: target.minPercent,
        unit: 'percent',
        delta: toNumberUp(step.percentPoints, 4),
        valueNeeded: spec.part + step.addition,
        valueNeededInput: spec.partName,
        valueDelta: step.addition,
        pointsGained: target.points - points,
        step: raiseStepPhrase(step, target.minPercent, 'band'),
        how: spec.addition(step.addition),
      };
    }
  }
  return draft;
}

// ——— threshold conditions —————————————————————————————————————————————————————————

export interface ShareConditionSpec {
  key: string;
  label: string;
  labelEn: string;
  part: number | null;
  whole: number | null;
  partName: string;
  wholeName: string;
  percent: number;
  /** `atLeast`: share ≥ percent; `atMost`: share ≤ percent. */
  comparison: 'atLeast' | 'atMost';
  mode: 'separate' | 'included';
  /** Wording for "the part must change by x" (x is positive for growth, negative for a cut). */
  change: (x: number) => Phrase;
}

/** A ratio compared with one threshold (高企 科技人员 ≥ 10 %, 小巨人 资产负债率 ≤ 70 % …). */
export function shareCondition(spec: ShareConditionSpec): ConditionDraft {
  const symbol = spec.comparison === 'atLeast' ? '≥' : '≤';
  const requirement = {
    zh: `${symbol} ${formatPercentNumber(spec.percent)}`,
    en: `${symbol} ${formatPercentNumber(spec.percent)}`,
  };
  const base = { key: spec.key, label: spec.label, labelEn: spec.labelEn, requirement };
  const missing: string[] = [];
  if (spec.part === null) missing.push(spec.partName);
  if (spec.whole === null) missing.push(spec.wholeName);
  if (spec.part === null || spec.whole === null) return { ...base, met: null, rawValue: null, missingInputs: missing };
  if (spec.whole === 0) {
    return {
      ...base,
      met: false,
      rawValue: null,
      displayValue: '—',
      detail: { zh: `${spec.wholeName} 为 0，比例无法计算`, en: `${spec.wholeName} is 0, so the ratio is undefined` },
      missingInputs: [],
    };
  }
  const share = sharePercent(spec.part, spec.whole);
  const cmp = compareShareToPercent(spec.part, spec.whole, spec.percent);
  const met = spec.comparison === 'atLeast' ? cmp >= 0 : cmp <= 0;
  const draft: ConditionDraft = {
    ...base,
    met,
    rawValue: rawPercent(share),
    displayValue: formatPercent(share),
    missingInputs: [],
  };
  if (!met && spec.comparison === 'atLeast') {
    const step = stepToShare(spec.part, spec.whole, spec.percent, spec.mode);
    if (step) {
      draft.gap = {
        threshold: spec.percent,
        unit: 'percent',
        delta: toNumberUp(step.percentPoints, 4),
        valueNeeded: spec.part + step.addition,
        valueNeededInput: spec.partName,
        valueDelta: step.addition,
        step: raiseStepPhrase(step, spec.percent, 'threshold'),
        how: spec.change(step.addition),
      };
    }
  } else if (!met) {
    // Only the separate-denominator case arises (liabilities ÷ assets): cut the part to the limit.
    const limit = largestPartWithin(spec.whole, spec.percent, true);
    const over = sub(share, exact(spec.percent));
    draft.gap = {
      threshold: spec.percent,
      unit: 'percent',
      delta: -toNumberUp(over, 4),
      valueNeeded: limit,
      valueNeededInput: spec.partName,
      valueDelta: limit - spec.part,
      step: {
        zh: `再降低 ${formatPoints(over)} 个百分点至 ${formatPercentNumber(spec.percent)}`,
        en: `${formatPoints(over)} pp lower reaches ${formatPercentNumber(spec.percent)}`,
      },
      how: spec.change(limit - spec.part),
    };
  }
  return draft;
}

export interface AmountConditionSpec {
  key: string;
  label: string;
  labelEn: string;
  value: number | null;
  valueName: string;
  threshold: number;
  /** `atLeast`: value ≥ threshold; `atMost`: value ≤ threshold; `above`: value > threshold. */
  comparison: 'atLeast' | 'atMost' | 'above';
  unit: Gap['unit'];
  format: (value: number, rounding: 'down' | 'up') => Phrase;
}

/** An amount compared with one threshold (职工总数 ≤ 500, 研发费用 ≥ 100 万元, 细分市场 ≥ 2 年 …). */
export function amountCondition(spec: AmountConditionSpec): ConditionDraft {
  const t = spec.format(spec.threshold, 'down');
  const symbol = spec.comparison === 'atLeast' ? '≥' : spec.comparison === 'atMost' ? '≤' : '>';
  const requirement = { zh: `${symbol} ${t.zh}`, en: `${symbol} ${t.en}` };
  const base = { key: spec.key, label: spec.label, labelEn: spec.labelEn, requirement };
  if (spec.value === null) return { ...base, met: null, rawValue: null, missingInputs: [spec.valueName] };
  const value = spec.value;
  const met =
    spec.comparison === 'atLeast'
      ? value >= spec.threshold
      : spec.comparison === 'atMost'
        ? value <= spec.threshold
        : value > spec.threshold;
  const shown = spec.format(value, 'down');
  const draft: ConditionDraft = {
    ...base,
    met,
    rawValue: value,
    displayValue: shown.zh,
    detail: { zh: shown.zh, en: shown.en },
    missingInputs: [],
  };
  if (!met) {
    const delta = spec.threshold - value;
    const d = spec.format(Math.abs(delta), 'up');
    const phrase: Phrase =
      spec.comparison === 'atMost'
        ? { zh: `需减少 ${d.zh}`, en: `${d.en} less needed` }
        : spec.comparison === 'atLeast'
          ? { zh: `还差 ${d.zh}`, en: `${d.en} more needed` }
          : { zh: `需高于 ${t.zh}`, en: `must be above ${t.en}` };
    draft.gap = { threshold: spec.threshold, unit: spec.unit, delta, step: phrase };
    // "More than" has no single value that reaches it, so only inclusive thresholds name one.
    if (spec.comparison !== 'above') {
      Object.assign(draft.gap, { valueNeeded: spec.threshold, valueNeededInput: spec.valueName, valueDelta: delta });
    }
  }
  return draft;
}

/** A yes/no fact (a certificate held, a judgement given) as a condition. */
export function factCondition(spec: {
  key: string;
  label: string;
  labelEn: string;
  met: Tri;
  requirement: Phrase;
  detail?: Phrase;
  missingInputs: string[];
}): ConditionDraft {
  return { ...spec };
}

// ——— rubric results ——————————————————————————————————————————————————————————————

/** What every result repeats about the rubric it comes from. */
export interface RubricIdentity {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly nameEn: string;
}

export interface RubricOutcome {
  verdict: Verdict;
  missingInputs: string[];
  fiscalYear: number;
  /** Scored rubrics only. */
  score?: { totalPoints: number | null; maxPoints: number; passPoints: number };
  indicators: IndicatorResult[];
  conditions: ConditionResult[];
  /** Routes that replace the rubric's own test; absent when the rubric has none. */
  directRoutes?: readonly ConditionDraft[];
  /** Why the rubric passes, read only when it does. */
  passReason: Phrase;
}

/** The direct routes as reported: met when any route is, naming the first one that is. */
function directQualification(routes: readonly ConditionDraft[]): DirectQualificationResult {
  const index = routes.findIndex((c) => c.met === true);
  return {
    met: anyOf(routes.map((c) => c.met)),
    ...(index >= 0 ? { route: routes[index].key } : {}),
    routes: routes.map((c) => finishCondition(c, false)),
  };
}

/** A rubric's result with the summary a founder reads first, explaining the failed conditions. */
export function rubricResult(rubric: RubricIdentity, outcome: RubricOutcome): RubricResult {
  const { verdict, missingInputs, conditions, directRoutes } = outcome;
  const summary = summarize(
    { zh: rubric.name, en: rubric.nameEn },
    verdict,
    conditions.filter((c) => c.met === false),
    missingInputs,
    outcome.passReason,
  );
  return {
    rubricId: rubric.id,
    rubricVersion: rubric.version,
    rubricName: rubric.name,
    rubricNameEn: rubric.nameEn,
    verdict,
    missingInputs,
    fiscalYear: outcome.fiscalYear,
    ...outcome.score,
    indicators: outcome.indicators,
    conditions,
    ...(directRoutes ? { directQualification: directQualification(directRoutes) } : {}),
    explanation: summary.zh,
    explanationEn: summary.en,
  };
}

/**
 * A rubric passed by a valid certificate of its own or by meeting every condition (高新技术企业,
 * 专精特新中小企业, 小巨人). A failed condition's gap flips the verdict when meeting that condition alone
 * would pass.
 */
export function certificateOrAllConditions(
  rubric: RubricIdentity,
  spec: {
    fiscalYear: number;
    conditions: readonly ConditionDraft[];
    certificate: ConditionDraft;
    passReason: { byCertificate: Phrase; byConditions: Phrase };
  },
): RubricResult {
  const { conditions: all, certificate } = spec;
  const decide = (states: readonly Tri[]): Tri => anyOf([certificate.met, allOf(states)]);
  const now = decide(all.map((c) => c.met));
  return rubricResult(rubric, {
    verdict: toVerdict(now),
    missingInputs: collectMissing([...all, certificate]),
    fiscalYear: spec.fiscalYear,
    indicators: [],
    conditions: all.map((c) =>
      finishCondition(
        c,
        c.met === false && c.gap ? flips(now, decide(all.map((o) => (o === c ? true : o.met)))) : false,
      ),
    ),
    directRoutes: [certificate],
    passReason: certificate.met === true ? spec.passReason.byCertificate : spec.passReason.byConditions,
  });
}
