import type { IsoDate } from './types';

/**
 * Calendar arithmetic on `YYYY-MM-DD` strings. Dates are never turned into instants, so no time zone
 * can move a certificate's last day; `Date.UTC` is used only as a pure day counter.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(date: IsoDate): DateParts | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function mustParse(date: IsoDate): DateParts {
  const parsed = parts(date);
  if (!parsed) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return parsed;
}

function format({ year, month, day }: DateParts): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parts(value) !== null;
}

export function yearOf(date: IsoDate): number {
  return mustParse(date).year;
}

/** Same month and day `years` later (29 Feb falls back to 28 Feb in common years). */
export function addYears(date: IsoDate, years: number): IsoDate {
  const { year, month, day } = mustParse(date);
  const target = year + years;
  return format({ year: target, month, day: Math.min(day, daysInMonth(target, month)) });
}

/** Zero-padded ISO dates order correctly as strings. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = mustParse(from);
  const b = mustParse(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}
