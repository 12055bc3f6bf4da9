/**
 * 投早: earlier stage, younger company, fewer priced rounds; a university spin-out or a 概念验证中心
 * project earns a bonus. Missing age or rounds drop out and the known parts are re-weighted — an
 * unknown figure neither rewards nor punishes (stage is always known).
 */
import { show, type DisplayMode, type Text } from '../format';
import { clamp01, round4, STAGE_COUNT } from '../reference';
import type { InputValue, ProjectFeatures, Stage } from '../types';

export const STAGE_LABELS: Record<Stage, Text> = {
  idea: { zh: '创意', en: 'idea' },
  seed: { zh: '种子', en: 'seed' },
  angel: { zh: '天使', en: 'angel' },
  pre_a: { zh: 'Pre-A', en: 'pre-A' },
  a: { zh: 'A轮', en: 'series A' },
  b: { zh: 'B轮', en: 'series B' },
  c: { zh: 'C轮', en: 'series C' },
  pre_ipo: { zh: 'Pre-IPO', en: 'pre-IPO' },
};

const W_STAGE = 0.6;
const W_AGE = 0.2;
const W_ROUNDS = 0.2;
/** Ten years old or four priced rounds is no longer "early" at all. */
const AGE_HORIZON_YEARS = 10;
const ROUNDS_HORIZON = 4;
const BONUS = 0.1;

export function earlyValue(
  stageIdx: number,
  age: number | null,
  rounds: number | null,
  spinOut: boolean,
  poc: boolean,
): number {
  let sum = W_STAGE * (1 - stageIdx / (STAGE_COUNT - 1));
  let weight = W_STAGE;
  if (age !== null) {
    sum += W_AGE * clamp01(1 - age / AGE_HORIZON_YEARS);
    weight += W_AGE;
  }
  if (rounds !== null) {
    sum += W_ROUNDS * clamp01(1 - rounds / ROUNDS_HORIZON);
    weight += W_ROUNDS;
  }
  const bonus = (spinOut ? BONUS : 0) + (poc ? BONUS : 0);
  return round4(clamp01(sum / weight + bonus));
}

export function earlyInputs(f: ProjectFeatures): Record<string, InputValue> {
  return {
    stage: f.stage,
    companyAgeYears: f.companyAgeYears,
    priorRounds: f.priorRounds,
    universitySpinOut: f.universitySpinOut,
    fromPocCenter: f.fromPocCenter,
  };
}

export function renderEarly(inputs: Record<string, InputValue>, value: number, mode: DisplayMode): Text {
  const stage = STAGE_LABELS[inputs.stage as Stage];
  const age = show('companyAgeYears', inputs.companyAgeYears, mode);
  const rounds = show('priorRounds', inputs.priorRounds, mode);
  const extrasZh = [
    inputs.universitySpinOut ? '高校成果转化 +0.1' : '',
    inputs.fromPocCenter ? '概念验证中心项目 +0.1' : '',
  ]
    .filter(Boolean)
    .join('，');
  const extrasEn = [
    inputs.universitySpinOut ? 'university spin-out +0.1' : '',
    inputs.fromPocCenter ? 'from a proof-of-concept centre +0.1' : '',
  ]
    .filter(Boolean)
    .join(', ');
  return {
    zh: `投早 ${value}：阶段${stage.zh}，成立${age.zh}年，此前${rounds.zh}轮融资${extrasZh ? `，${extrasZh}` : ''}（阶段 60%、年龄 20%、轮次 20%，未知项不计入）`,
    en: `Early ${value}: stage ${stage.en}, ${age.en} years old, ${rounds.en} prior rounds${extrasEn ? `, ${extrasEn}` : ''} (stage 60 %, age 20 %, rounds 20 %; unknown parts left out)`,
  };
}
