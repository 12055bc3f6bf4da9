import type { Tri, Verdict } from './types';

/**
 * Kleene three-valued logic. A missing figure is "cannot tell", not "false": a conjunction is false
 * as soon as one part is known false, true only when every part is known true, otherwise unknown.
 * That is what lets a rubric fail on a condition independent of the missing data, and pass by a
 * direct route despite it.
 */
export function allOf(values: readonly Tri[]): Tri {
  if (values.some((value) => value === false)) return false;
  return values.every((value) => value === true) ? true : null;
}

export function anyOf(values: readonly Tri[]): Tri {
  if (values.some((value) => value === true)) return true;
  return values.every((value) => value === false) ? false : null;
}

/** Whether a score known only within [lower, upper] reaches `threshold`. */
export function reaches(lower: number, upper: number, threshold: number): Tri {
  if (lower >= threshold) return true;
  return upper < threshold ? false : null;
}

export function toVerdict(value: Tri): Verdict {
  return value === true ? 'pass' : value === false ? 'fail' : 'unknown';
}

/** A fix flips the verdict only when the rubric fails now and passes with the fix, all else equal. */
export function flips(now: Tri, withFix: Tri): boolean {
  return now === false && withFix === true;
}
