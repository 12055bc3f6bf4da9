import { isIsoDate, yearOf } from './iso-date';
import type { CompanyFacts, FiscalYearFacts, IsoDate } from './types';

/**
 * Thrown for input that is malformed rather than incomplete (a bad date, a negative head count, two
 * rows for one year). Incomplete input is normal and yields `unknown`; malformed input is a bug upstream.
 */
export class QualificationInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'QualificationInputError';
  }
}

export type FiscalField = Exclude<keyof FiscalYearFacts, 'year'>;

const MONEY_FIELDS: readonly FiscalField[] = [
  'revenue',
  'mainBusinessRevenue',
  'highTechRevenue',
  'totalCosts',
  'rdSpend',
  'rdSpendInChina',
  'totalAssets',
  'liabilities',
  'newEquityRaised',
];
// Head counts are annual averages in the official methods, so decimals are allowed.
const COUNT_FIELDS: readonly FiscalField[] = ['headcount', 'techStaff', 'rdStaff'];

const IP_TYPES = new Set([
  'invention_patent',
  'utility_model',
  'design',
  'software_copyright',
  'new_plant_variety',
  'ic_layout',
  'national_new_drug',
  'protected_tcm_1',
  'trademark',
]);
const IP_STATUSES = new Set(['valid', 'expired', 'pledged']);

/** The validated input plus the fiscal year single-year indicators read. */
export interface FactBook {
  readonly input: CompanyFacts;
  readonly asOf: IsoDate;
  /** "上年度": the fiscal year single-year indicators read. */
  readonly fiscalYear: number;
  readonly foundedYear: number | null;
  readonly years: ReadonlyMap<number, FiscalYearFacts>;
}

export function figureName(year: number, field: FiscalField): string {
  return `fiscalYears[${year}].${field}`;
}

export function figure(book: FactBook, year: number, field: FiscalField): number | null {
  const value = book.years.get(year)?.[field];
  return value === undefined || value === null ? null : value;
}

/** Names of the inputs whose values are missing, in the order given. */
export function missingNames(entries: ReadonlyArray<readonly [unknown, string]>): string[] {
  return entries.filter(([value]) => value === null || value === undefined).map(([, name]) => name);
}

/** The `count` fiscal years ending at the reference year, without years before the company existed (实际经营期不满的按实际经营时间计算). */
export function trailingYears(book: FactBook, count: number): number[] {
  const years: number[] = [];
  for (let year = book.fiscalYear - count + 1; year <= book.fiscalYear; year++) {
    if (book.foundedYear === null || year >= book.foundedYear) years.push(year);
  }
  return years;
}

/** Sum of one figure over several years; null (with the missing names) when any year lacks it. No years sum to 0. */
export function sumFigure(
  book: FactBook,
  years: readonly number[],
  field: FiscalField,
): { total: number | null; missing: string[] } {
  const missing = years.filter((year) => figure(book, year, field) === null).map((year) => figureName(year, field));
  if (missing.length > 0) return { total: null, missing };
  return { total: years.reduce((sum, year) => sum + (figure(book, year, field) ?? 0), 0), missing };
}

function checkNonNegative(value: unknown, field: string, integer: boolean): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new QualificationInputError(field, `expected a non-negative number, got ${String(value)}`);
  }
  if (integer && !Number.isSafeInteger(value)) {
    throw new QualificationInputError(
      field,
      `expected a whole number of 分 within the safe integer range, got ${value}`,
    );
  }
}

function checkDate(value: unknown, field: string): void {
  if (value === undefined || value === null) return;
  if (!isIsoDate(value)) throw new QualificationInputError(field, `expected a YYYY-MM-DD date, got ${String(value)}`);
}

function defaultFiscalYear(input: CompanyFacts, asOfYear: number): number {
  // The methods read "上年度" figures: the latest completed year, never the year still running.
  const completed = (input.fiscalYears ?? []).map((fy) => fy.year).filter((year) => year < asOfYear);
  return completed.length > 0 ? Math.max(...completed) : asOfYear - 1;
}

export function openFactBook(input: CompanyFacts): FactBook {
  if (!isIsoDate(input.asOf))
    throw new QualificationInputError('asOf', `expected a YYYY-MM-DD date, got ${input.asOf}`);
  checkDate(input.foundedOn, 'foundedOn');
  const years = new Map<number, FiscalYearFacts>();
  for (const fy of input.fiscalYears ?? []) {
    if (!Number.isInteger(fy.year))
      throw new QualificationInputError('fiscalYears', `year ${fy.year} is not an integer`);
    if (years.has(fy.year)) throw new QualificationInputError(`fiscalYears[${fy.year}]`, 'appears twice');
    for (const field of MONEY_FIELDS) checkNonNegative(fy[field], figureName(fy.year, field), true);
    for (const field of COUNT_FIELDS) checkNonNegative(fy[field], figureName(fy.year, field), false);
    years.set(fy.year, fy);
  }
  (input.ipItems ?? []).forEach((item, i) => {
    if (!IP_TYPES.has(item.type)) throw new QualificationInputError(`ipItems[${i}].type`, `unknown type ${item.type}`);
    if (!IP_STATUSES.has(item.status)) {
      throw new QualificationInputError(`ipItems[${i}].status`, `unknown status ${item.status}`);
    }
  });
  (input.qualifications ?? []).forEach((q, i) => {
    checkDate(q.validFrom, `qualifications[${i}].validFrom`);
    checkDate(q.validUntil, `qualifications[${i}].validUntil`);
    checkDate(q.eventOn, `qualifications[${i}].eventOn`);
  });
  checkNonNegative(input.yearsInNiche, 'yearsInNiche', false);
  checkNonNegative(input.expertInnovationScore, 'expertInnovationScore', false);
  if (input.evaluationYear !== undefined && input.evaluationYear !== null && !Number.isInteger(input.evaluationYear)) {
    throw new QualificationInputError('evaluationYear', `expected an integer, got ${input.evaluationYear}`);
  }
  const asOfYear = yearOf(input.asOf);
  return {
    input,
    asOf: input.asOf,
    fiscalYear: input.evaluationYear ?? defaultFiscalYear(input, asOfYear),
    foundedYear: input.foundedOn ? yearOf(input.foundedOn) : null,
    years,
  };
}

/** Input name for a figure summed over years, e.g. `fiscalYears[2022..2023].newEquityRaised`. */
export function summedFigureName(years: readonly number[], field: FiscalField): string {
  if (years.length === 0) return `fiscalYears[].${field}`;
  if (years.length === 1) return figureName(years[0], field);
  return `fiscalYears[${years[0]}..${years[years.length - 1]}].${field}`;
}
