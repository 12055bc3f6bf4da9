import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * One date rule for every DTO and query (pure: no clock). JavaScript's `Date` and class-validator's
 * `IsDateString` are both too kind: `2023-02-30` becomes March 2nd, a full date-time is taken for a
 * date (and silently cut), and `2023-06-01 10:00` (no zone) is read in the server's zone.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** A real calendar day, `YYYY-MM-DD` (years 1000–9999). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** An ISO 8601 instant with an explicit zone (`Z` or an offset up to ±14:00) on a real day and time. */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = INSTANT.exec(value);
  if (!m || !isCalendarDate(m[1])) return false;
  const [hours, minutes, seconds] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return false;
  if (m[5] !== 'Z') {
    const offset = Number(m[7]) * 60 + Number(m[8]);
    if (Number(m[8]) > 59 || offset > 14 * 60) return false;
  }
  return true;
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (v) => isCalendarDate(v),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a calendar date (YYYY-MM-DD)`,
      },
    },
    options,
  );
}

export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (v) => isInstant(v),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be an ISO 8601 date-time with a zone (2026-12-10T09:30:00+08:00 or …Z)`,
      },
    },
    options,
  );
}
