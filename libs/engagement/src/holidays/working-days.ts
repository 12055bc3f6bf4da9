/**
 * Chinese working-day arithmetic over plain data (no clock, no I/O). A day is worked when it is a
 * make-up workday (调休), or a Monday–Friday that is not a statutory holiday. Years without a loaded
 * notice are counted by weekdays only and reported in `uncoveredYears`: the caller marks the result
 * provisional instead of presenting a guess as a deadline.
 */
export type SpecialDayKind = 'holiday' | 'workday';

export interface HolidayData {
  /** Years whose notice is loaded. */
  coveredYears: ReadonlySet<number>;
  /** `YYYY-MM-DD` → holiday | workday, for the covered years. */
  special: ReadonlyMap<string, SpecialDayKind>;
}

export interface WorkingDayResult {
  /** `YYYY-MM-DD`: the N-th working day after the start. */
  date: string;
  provisional: boolean;
  /** Years the count went through that have no loaded notice. */
  uncoveredYears: number[];
}

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function toEpochDay(date: string): number {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms).toISOString().slice(0, 10);
  if (back !== date) throw new RangeError(`not a calendar date: ${date}`);
  return ms / DAY_MS;
}

function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
const weekday = (epochDay: number) => (((epochDay + 4) % 7) + 7) % 7;

export function addCalendarDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whether a day is worked, and whether that answer comes from a loaded notice. */
export function isWorkingDay(date: string, data: HolidayData): { working: boolean; covered: boolean } {
  const day = toEpochDay(date);
  const covered = data.coveredYears.has(Number(date.slice(0, 4)));
  const special = covered ? data.special.get(date) : undefined;
  if (special === 'workday') return { working: true, covered };
  if (special === 'holiday') return { working: false, covered };
  const wd = weekday(day);
  return { working: wd !== 0 && wd !== 6, covered };
}

/** The N-th working day after `start` (N ≥ 1; `start` itself does not count). */
export function addWorkingDays(start: string, n: number, data: HolidayData): WorkingDayResult {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a positive integer, got ${n}`);
  let day = toEpochDay(start);
  const uncovered = new Set<number>();
  let left = n;
  while (left > 0) {
    day += 1;
    const date = fromEpochDay(day);
    const { working, covered } = isWorkingDay(date, data);
    if (!covered) uncovered.add(Number(date.slice(0, 4)));
    if (working) left -= 1;
  }
  const uncoveredYears = [...uncovered].sort();
  return { date: fromEpochDay(day), provisional: uncoveredYears.length > 0, uncoveredYears };
}

/** Working days strictly after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(from: string, to: string, data: HolidayData): number {
  let count = 0;
  for (let d = toEpochDay(from) + 1, end = toEpochDay(to); d <= end; d++)
    if (isWorkingDay(fromEpochDay(d), data).working) count++;
  return count;
}
