import { wanYuan } from './units';

/** A "≥ minPercent earns points" band; bands are listed from the highest threshold down. */
export interface PercentBand {
  readonly minPercent: number;
  readonly points: number;
}

/** A "≥ minCount items earns points" band; listed from the highest count down. */
export interface CountBand {
  readonly minCount: number;
  readonly points: number;
}

export interface TechSmeRubric {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly nameEn: string;
  readonly source: string;
  /** 职工总数不超过500人、年销售收入不超过2亿元、资产总额不超过2亿元 — all inclusive. */
  readonly basicConditions: {
    readonly maxHeadcount: number;
    readonly maxRevenue: number;
    readonly maxTotalAssets: number;
  };
  readonly maxPoints: number;
  readonly passPoints: number;
  readonly techStaffShare: { readonly maxPoints: number; readonly bands: readonly PercentBand[] };
  /** Scored on whichever of the two ratios earns more (选其中一项计分). */
  readonly rdIntensity: {
    readonly maxPoints: number;
    readonly byRevenue: readonly PercentBand[];
    readonly byTotalCosts: readonly PercentBand[];
  };
  /** Any Ⅰ类 item earns the Ⅰ类 points outright; otherwise the Ⅱ类 count decides. */
  readonly ip: {
    readonly maxPoints: number;
    readonly classIMinCount: number;
    readonly classIPoints: number;
    readonly classIIBands: readonly CountBand[];
  };
  /** Routes that replace the score (but not the basic conditions). */
  readonly directRoutes: {
    readonly nationalAwardWithinYears: number;
    readonly nationalAwardMaxRank: number;
    readonly standardWithinYears: number;
    readonly countedStandardScopes: readonly string[];
  };
}

export const TECH_SME_2022: TechSmeRubric = {
  id: 'tech-sme',
  version: '2022',
  name: '科技型中小企业评价',
  nameEn: 'Technology-based SME evaluation',
  source: '科技部 财政部 税务总局《科技型中小企业评价办法》（国科发政〔2022〕67号）',
  basicConditions: { maxHeadcount: 500, maxRevenue: wanYuan(20_000), maxTotalAssets: wanYuan(20_000) },
  maxPoints: 100,
  passPoints: 60,
  techStaffShare: {
    maxPoints: 20,
    bands: [
      { minPercent: 30, points: 20 },
      { minPercent: 25, points: 16 },
      { minPercent: 20, points: 12 },
      { minPercent: 15, points: 8 },
      { minPercent: 10, points: 4 },
    ],
  },
  rdIntensity: {
    maxPoints: 50,
    byRevenue: [
      { minPercent: 6, points: 50 },
      { minPercent: 5, points: 40 },
      { minPercent: 4, points: 30 },
      { minPercent: 3, points: 20 },
      { minPercent: 2, points: 10 },
    ],
    byTotalCosts: [
      { minPercent: 30, points: 50 },
      { minPercent: 25, points: 40 },
      { minPercent: 20, points: 30 },
      { minPercent: 15, points: 20 },
      { minPercent: 10, points: 10 },
    ],
  },
  ip: {
    maxPoints: 30,
    classIMinCount: 1,
    classIPoints: 30,
    classIIBands: [
      { minCount: 4, points: 24 },
      { minCount: 3, points: 18 },
      { minCount: 2, points: 12 },
      { minCount: 1, points: 6 },
    ],
  },
  directRoutes: {
    nationalAwardWithinYears: 5,
    nationalAwardMaxRank: 3,
    standardWithinYears: 5,
    countedStandardScopes: ['international', 'national', 'industry'],
  },
};
