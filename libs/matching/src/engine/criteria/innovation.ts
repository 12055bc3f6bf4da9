/**
 * 创新积分（估算）: a transparent approximation of the 企业创新积分制 — each indicator as a mid-rank
 * percentile inside the snapshot's cohort, weighted by company stage (early firms are judged on R&D
 * staff, patents and equity raised; later ones more on spend, high-tech revenue and growth). It is
 * always labelled an estimate and never presented as the official score. A missing indicator counts as
 * the bottom of the cohort (percentile 0): unreported innovation cannot be ranked.
 */
import type { Cohort } from '../cohort';
import { show, type DisplayMode, type Text } from '../format';
import { round4 } from '../reference';
import type { InputValue, ProjectFeatures } from '../types';
import { INNOVATION_INDICATORS, innovationIndicatorValues } from './innovation-indicators';

/** Weights per indicator (same order as `INNOVATION_INDICATORS`), each row sums to 1. */
const STAGE_WEIGHTS: readonly (readonly number[])[] = [
  // idea · seed · angel
  [0.1, 0.1, 0.2, 0.2, 0.05, 0.05, 0.2, 0.1],
  // pre-A · A
  [0.15, 0.15, 0.15, 0.15, 0.1, 0.1, 0.1, 0.1],
  // B · C · pre-IPO
  [0.2, 0.15, 0.1, 0.1, 0.15, 0.15, 0.05, 0.1],
];
const STAGE_GROUP_LABELS: readonly Text[] = [
  { zh: '早期（创意至天使）', en: 'early (idea to angel)' },
  { zh: '成长期（Pre-A、A轮）', en: 'growth (pre-A, A)' },
  { zh: '成熟期（B轮及以后）', en: 'later (B onwards)' },
];

export function stageGroup(stageIdx: number): number {
  return stageIdx <= 2 ? 0 : stageIdx <= 4 ? 1 : 2;
}

/** The indicator weights `innovationValue` applies for a stage (same order as `INNOVATION_INDICATORS`). */
export function innovationWeights(stageIdx: number): readonly number[] {
  return STAGE_WEIGHTS[stageGroup(stageIdx)];
}

export function innovationValue(values: readonly (number | null)[], stageIdx: number, cohort: Cohort): number {
  const weights = STAGE_WEIGHTS[stageGroup(stageIdx)];
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null) sum += weights[i] * cohort.percentile(i, v);
  }
  return round4(sum);
}

/** Each indicator's cohort percentile (`null` where the value is unknown), for one explained item. */
export function innovationPercentiles(values: readonly (number | null)[], cohort: Cohort): (number | null)[] {
  const out = new Array<number | null>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === null ? null : cohort.percentile(i, v);
  }
  return out;
}

/** `innovationValue` from precomputed percentiles: the same terms added in the same order, so the same float. */
export function innovationFromPercentiles(pct: readonly (number | null)[], stageIdx: number): number {
  const weights = STAGE_WEIGHTS[stageGroup(stageIdx)];
  let sum = 0;
  for (let i = 0; i < pct.length; i++) {
    const p = pct[i];
    if (p !== null) sum += weights[i] * p;
  }
  return round4(sum);
}

const PCT_KEYS = INNOVATION_INDICATORS.map((ind) => `pct.${ind.key}`);

export function innovationInputs(
  f: ProjectFeatures,
  stageIdx: number,
  cohort: Cohort,
  values: readonly (number | null)[] = innovationIndicatorValues(f),
  pct: readonly (number | null)[] = innovationPercentiles(values, cohort),
): Record<string, InputValue> {
  const inputs: Record<string, InputValue> = { stageGroup: stageGroup(stageIdx) };
  for (let i = 0; i < INNOVATION_INDICATORS.length; i++) {
    const p = pct[i];
    inputs[INNOVATION_INDICATORS[i].key] = values[i];
    inputs[PCT_KEYS[i]] = p === null ? null : round4(p);
  }
  return inputs;
}

export function renderInnovation(inputs: Record<string, InputValue>, value: number, mode: DisplayMode): Text {
  const weights = STAGE_WEIGHTS[inputs.stageGroup as number];
  const group = STAGE_GROUP_LABELS[inputs.stageGroup as number];
  // Appended piece by piece rather than mapped and joined: this is the longest text of an explanation
  // and was a quarter of a ranking's garbage (part objects, two arrays, two flattened joins).
  let zh = `创新积分（估算，非官方）${value}：按${group.zh}权重的同批项目百分位 — `;
  let en = `Innovation points (estimate, not the official score) ${value}: cohort percentiles weighted for ${group.en} — `;
  for (let i = 0; i < INNOVATION_INDICATORS.length; i++) {
    const ind = INNOVATION_INDICATORS[i];
    const v = show(ind.key, inputs[ind.key], mode);
    const p = show(PCT_KEYS[i], inputs[PCT_KEYS[i]], mode);
    const w = Math.round(weights[i] * 100);
    if (i > 0) {
      zh += '；';
      en += '; ';
    }
    zh += `${ind.zh} ${v.zh}（${p.zh}，权重${w}%）`;
    en += `${ind.en} ${v.en} (${p.en}, weight ${w} %)`;
  }
  return { zh, en };
}
