/**
 * Exact rational arithmetic on bigint. Band edges decide money and certificates, so "30 of 100 tech
 * staff" must be exactly 30 % and 2999 of 10000 must be below it — float division gets such edges
 * wrong (0.1 + 0.2 ≠ 0.3) and 分 amounts times 10 000 overflow 2^53. Inputs are read through their
 * shortest decimal form, so 29.99 means 2999/100 and nothing else.
 */

export interface Fraction {
  readonly n: bigint;
  /** Always positive. */
  readonly d: bigint;
}

export type Comparison = -1 | 0 | 1;

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

export function fraction(n: bigint, d: bigint = 1n): Fraction {
  if (d === 0n) throw new RangeError('fraction with a zero denominator');
  return d < 0n ? { n: -n, d: -d } : { n, d };
}

export function exact(value: number): Fraction {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const match = DECIMAL.exec(String(value));
  if (!match) throw new RangeError(`cannot read ${value} as a decimal`);
  const [, sign, whole, decimals = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - decimals.length;
  let n = BigInt(whole + decimals);
  let d = 1n;
  if (exponent >= 0) n *= 10n ** BigInt(exponent);
  else d = 10n ** BigInt(-exponent);
  return fraction(sign === '-' ? -n : n, d);
}

export function add(a: Fraction, b: Fraction): Fraction {
  return fraction(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Fraction, b: Fraction): Fraction {
  return fraction(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mul(a: Fraction, b: Fraction): Fraction {
  return fraction(a.n * b.n, a.d * b.d);
}

export function div(a: Fraction, b: Fraction): Fraction {
  if (b.n === 0n) throw new RangeError('division by zero');
  return fraction(a.n * b.d, a.d * b.n);
}

export function compare(a: Fraction, b: Fraction): Comparison {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left === right ? 0 : left > right ? 1 : -1;
}

export function floor(a: Fraction): bigint {
  const q = a.n / a.d;
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

export function ceil(a: Fraction): bigint {
  const q = a.n / a.d;
  return a.n > 0n && q * a.d !== a.n ? q + 1n : q;
}

/** For display only: truncated toward −∞ so a shown value never claims a band it has not reached. */
export function toNumberDown(a: Fraction, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  return Number(floor(mul(a, fraction(scale)))) / Number(scale);
}

/** For display of amounts still needed: rounded up so adding the shown amount is always enough. */
export function toNumberUp(a: Fraction, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  return Number(ceil(mul(a, fraction(scale)))) / Number(scale);
}

const HUNDRED = fraction(100n);

/** `part ÷ whole` as an exact percentage. The caller guarantees `whole` is not zero. */
export function sharePercent(part: number, whole: number): Fraction {
  return div(mul(exact(part), HUNDRED), exact(whole));
}

/** Compares `part ÷ whole` with `percent` % exactly (`whole` must not be zero). */
export function compareShareToPercent(part: number, whole: number, percent: number): Comparison {
  return compare(sharePercent(part, whole), exact(percent));
}

/** Percentage points still missing to reach `percent`, exact (negative when already above). */
export function percentPointsTo(part: number, whole: number, percent: number): Fraction {
  return sub(exact(percent), sharePercent(part, whole));
}

/**
 * Smallest whole-unit increase x ≥ 0 of `part` so that the share reaches `percent`.
 * - `separate`: the denominator does not move (more R&D spend against the same revenue).
 * - `included`: the part is inside the whole and grows it too (hiring tech staff grows headcount;
 *   R&D spend is itself a cost), so we solve (part + x) ÷ (whole + x) ≥ p.
 * Returns null when no increase can reach it (an included share of 100 % or more).
 */
export function additionToReachPercent(
  part: number,
  whole: number,
  percent: number,
  mode: 'separate' | 'included',
): number | null {
  const p = div(exact(percent), HUNDRED);
  const shortfall = sub(mul(p, exact(whole)), exact(part));
  if (shortfall.n <= 0n) return 0;
  if (mode === 'separate') return Number(ceil(shortfall));
  const remaining = sub(fraction(1n), p);
  if (remaining.n <= 0n) return null;
  return Number(ceil(div(shortfall, remaining)));
}

/** Largest whole-unit `part` keeping `part ÷ whole` below `percent` (or at most it when `inclusive`). */
export function largestPartWithin(whole: number, percent: number, inclusive: boolean): number {
  const limit = div(mul(exact(whole), exact(percent)), HUNDRED);
  if (inclusive) return Number(floor(limit));
  return Number(ceil(limit) - 1n);
}
