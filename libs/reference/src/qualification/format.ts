import { exact, type Fraction, toNumberDown, toNumberUp } from './exact-arithmetic';
import { FEN_PER_WAN_YUAN, FEN_PER_YUAN } from './rubrics/units';

/**
 * Display strings for explanations. Values are truncated (a shown 29.99 % is never secretly 30 %),
 * amounts still needed are rounded up (adding the shown amount is always enough).
 */

export type Rounding = 'down' | 'up';

/** A sentence fragment in both languages the product speaks. */
export interface Phrase {
  zh: string;
  en: string;
}

// `toLocaleString(locale, options)` builds a new Intl.NumberFormat on every call (~10 µs each, the
// bulk of a rubric evaluation); one cached formatter per precision gives identical output.
const formatters = new Map<number, Intl.NumberFormat>();

function digits(value: number, maxDecimals: number): string {
  let f = formatters.get(maxDecimals);
  if (!f)
    formatters.set(
      maxDecimals,
      (f = new Intl.NumberFormat('en-US', { maximumFractionDigits: maxDecimals, useGrouping: true })),
    );
  return f.format(value);
}

function scaled(value: Fraction, decimals: number, rounding: Rounding): number {
  return rounding === 'up' ? toNumberUp(value, decimals) : toNumberDown(value, decimals);
}

/** `27%`, `29.99%`, `4.2%`. */
export function formatPercent(value: Fraction, rounding: Rounding = 'down'): string {
  return `${digits(scaled(value, 2, rounding), 2)}%`;
}

export function formatPercentNumber(value: number): string {
  return formatPercent(exact(value));
}

/** Percentage points, e.g. `3` or `0.01`, always rounded up because it is a distance still to cover. */
export function formatPoints(value: Fraction): string {
  return digits(scaled(value, 2, 'up'), 2);
}

const FEN_PER_YI_YUAN = 10_000 * FEN_PER_WAN_YUAN;
const FEN_PER_MILLION_YUAN = 1_000_000 * FEN_PER_YUAN;

/** `2 亿元`, `300 万元`, `1,234.5 元`. */
export function formatMoneyZh(fen: number, rounding: Rounding = 'down'): string {
  const amount = exact(Math.abs(fen));
  const sign = fen < 0 ? '-' : '';
  const over = (unit: number) => ({ n: amount.n, d: amount.d * BigInt(unit) });
  if (Math.abs(fen) >= FEN_PER_YI_YUAN) return `${sign}${digits(scaled(over(FEN_PER_YI_YUAN), 4, rounding), 4)} 亿元`;
  if (Math.abs(fen) >= FEN_PER_WAN_YUAN) return `${sign}${digits(scaled(over(FEN_PER_WAN_YUAN), 2, rounding), 2)} 万元`;
  return `${sign}${digits(scaled(over(FEN_PER_YUAN), 2, rounding), 2)} 元`;
}

/** `¥200 m`, `¥0.5 m`, `¥12,345`. */
export function formatMoneyEn(fen: number, rounding: Rounding = 'down'): string {
  const amount = exact(Math.abs(fen));
  const sign = fen < 0 ? '-' : '';
  const over = (unit: number) => ({ n: amount.n, d: amount.d * BigInt(unit) });
  if (Math.abs(fen) >= FEN_PER_MILLION_YUAN / 10) {
    return `${sign}¥${digits(scaled(over(FEN_PER_MILLION_YUAN), 3, rounding), 3)} m`;
  }
  return `${sign}¥${digits(scaled(over(FEN_PER_YUAN), 2, rounding), 2)}`;
}

export function formatCount(value: number): string {
  return digits(value, 2);
}

export function moneyPhrase(fen: number, rounding: Rounding = 'down'): Phrase {
  return { zh: formatMoneyZh(fen, rounding), en: formatMoneyEn(fen, rounding) };
}

export function staffPhrase(count: number): Phrase {
  return { zh: `${formatCount(count)} 人`, en: `${formatCount(count)} staff` };
}

export function yearsPhrase(years: number): Phrase {
  return { zh: `${formatCount(years)} 年`, en: `${formatCount(years)} years` };
}

export function pointsPhrase(points: number): Phrase {
  return { zh: `${formatCount(points)} 分`, en: `${formatCount(points)} points` };
}

export function itemsPhrase(count: number): Phrase {
  return { zh: `${formatCount(count)} 项`, en: `${formatCount(count)} items` };
}
