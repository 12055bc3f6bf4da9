import type { ConditionResult, IndicatorResult, Verdict } from './types';
import type { Phrase } from './format';

/** Every input a rubric lacked, once each, in the order its parts reported them. */
export function collectMissing(parts: ReadonlyArray<{ missingInputs: readonly string[] }>): string[] {
  return [...new Set(parts.flatMap((part) => part.missingInputs))];
}

/**
 * The one-paragraph verdict a founder reads first: why it passes, which conditions fail (each with
 * its own distance), or which inputs are missing.
 */
export function summarize(
  name: Phrase,
  verdict: Verdict,
  failed: ReadonlyArray<ConditionResult | IndicatorResult>,
  missingInputs: readonly string[],
  passReason: Phrase,
): Phrase {
  if (verdict === 'pass') return { zh: `${name.zh}：通过。${passReason.zh}`, en: `${name.en}: pass. ${passReason.en}` };
  if (verdict === 'fail') {
    return {
      zh: `${name.zh}：未通过。${failed.map((part) => part.explanation).join('；')}`,
      en: `${name.en}: fail. ${failed.map((part) => part.explanationEn).join('; ')}`,
    };
  }
  return {
    zh: `${name.zh}：暂无法判断，缺少 ${missingInputs.join('、')}`,
    en: `${name.en}: unknown, missing ${missingInputs.join(', ')}`,
  };
}
