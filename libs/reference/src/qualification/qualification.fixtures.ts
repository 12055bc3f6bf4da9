import { wanYuan } from './rubrics/units';
import type { CompanyFacts, FiscalYearFacts, IpItemFacts, QualificationFacts } from './types';

/**
 * Test companies for the golden suites. The base company scores the maximum on every 科技型中小企业
 * indicator, so each case changes one fact and reads one effect.
 */

export const AS_OF = '2024-06-30';
/** The "上年度" the base company is read in. */
export const YEAR = 2023;

export const yuan = (amount: number): number => amount * 100;

export function patent(overrides: Partial<IpItemFacts> = {}): IpItemFacts {
  return { type: 'invention_patent', status: 'valid', tiedToMainProduct: true, ...overrides };
}

export function classII(count: number, overrides: Partial<IpItemFacts> = {}): IpItemFacts[] {
  return Array.from({ length: count }, () => ({
    type: 'utility_model' as const,
    status: 'valid' as const,
    tiedToMainProduct: true,
    ...overrides,
  }));
}

export function qualification(
  kind: QualificationFacts['kind'],
  overrides: Partial<QualificationFacts> = {},
): QualificationFacts {
  return { kind, ...overrides };
}

export const BASE_YEAR: FiscalYearFacts = {
  year: YEAR,
  headcount: 100,
  techStaff: 30,
  rdStaff: 25,
  revenue: wanYuan(5_000),
  mainBusinessRevenue: wanYuan(4_800),
  highTechRevenue: wanYuan(4_000),
  totalCosts: wanYuan(4_500),
  rdSpend: wanYuan(300),
  rdSpendInChina: wanYuan(300),
  totalAssets: wanYuan(6_000),
  liabilities: wanYuan(2_400),
  newEquityRaised: 0,
};

export interface CompanyOverrides extends Partial<Omit<CompanyFacts, 'fiscalYears'>> {
  /** Fields changed in the reference year. */
  year?: Partial<FiscalYearFacts>;
  /** Extra years (earlier history). */
  history?: FiscalYearFacts[];
}

export function company(overrides: CompanyOverrides = {}): CompanyFacts {
  const { year, history = [], ...rest } = overrides;
  return {
    asOf: AS_OF,
    foundedOn: '2019-05-01',
    industry: 'industry',
    ipItems: [patent()],
    qualifications: [],
    ...rest,
    fiscalYears: [...history, { ...BASE_YEAR, ...year }],
  };
}
