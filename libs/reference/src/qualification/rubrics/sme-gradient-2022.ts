import type { PercentBand } from './tech-sme-2022';
import { wanYuan } from './units';

/** A "below maxPercent (exclusive) earns points" band for lower-is-better ratios; listed from the lowest up. */
export interface BelowPercentBand {
  readonly belowPercent: number;
  readonly points: number;
}

export interface InnovativeSmeRubric {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly nameEn: string;
  readonly source: string;
  readonly maxPoints: number;
  readonly passPoints: number;
  /** Minimum points per indicator group (创新能力 ≥ 20, 成长性 ≥ 15, 专业化 ≥ 15). */
  readonly groupMinimums: { readonly innovation: number; readonly growth: number; readonly specialisation: number };
  /** 1. 与企业主导产品相关的有效知识产权数量: the first matching grade wins. */
  readonly ip: {
    readonly maxPoints: number;
    readonly classIHighValuePoints: number;
    readonly classISelfDevelopedPoints: number;
    readonly classIPoints: number;
    readonly classIIPoints: number;
  };
  /** 2. 上年度研发费用总额占营业收入总额比重. */
  readonly rdIntensity: { readonly maxPoints: number; readonly bands: readonly PercentBand[] };
  /** 3. 上年度主营业务收入增长率 (0 % exactly still earns the 0–5 % band). */
  readonly mainBusinessGrowth: { readonly maxPoints: number; readonly bands: readonly PercentBand[] };
  /** 4. 上年度资产负债率. */
  readonly debtRatio: { readonly maxPoints: number; readonly bands: readonly BelowPercentBand[] };
  /** 5. 主导产品所属领域: 战略性新兴产业 earns more than other fields. */
  readonly strategicField: { readonly maxPoints: number; readonly inListPoints: number; readonly otherPoints: number };
  /** 6. 上年度主营业务收入总额占营业收入总额比重. */
  readonly mainBusinessShare: { readonly maxPoints: number; readonly bands: readonly PercentBand[] };
  /** Direct recognition (满足下列条件之一). */
  readonly directRoutes: {
    readonly awardWithinYears: number;
    readonly equityWithinYears: number;
    readonly minEquityRaised: number;
  };
  readonly certificateValidityYears: number;
}

export interface SpecializedSmeRubric {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly nameEn: string;
  readonly source: string;
  readonly minYearsInNiche: number;
  readonly minRdSpend: number;
  readonly minRdPercent: number;
  /** 上年度营业收入总额在1000万元以上，或…近2年新增股权融资总额达到2000万元以上. */
  readonly minRevenue: number;
  readonly equityAlternative: { readonly withinYears: number; readonly minEquityRaised: number };
  readonly certificateValidityYears: number;
}

export interface LittleGiantRubric {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly nameEn: string;
  readonly source: string;
  readonly minYearsInNiche: number;
  readonly minMainBusinessPercent: number;
  /** 资产负债率不高于70% (inclusive). */
  readonly maxDebtRatioPercent: number;
  readonly minClassIIp: number;
  /** R&D requirement by the latest year's revenue; each of the last `years` years must meet the ratio. */
  readonly rdIntensity: {
    readonly years: number;
    /** Revenue strictly above this needs `highRevenueMinPercent`. */
    readonly highRevenueAbove: number;
    readonly highRevenueMinPercent: number;
    /** Revenue from this (inclusive) up to `highRevenueAbove` (inclusive) needs `midRevenueMinPercent`. */
    readonly midRevenueFrom: number;
    readonly midRevenueMinPercent: number;
  };
  /** Below `midRevenueFrom`: all three over the last `years` years. */
  readonly lowRevenueRoute: {
    readonly years: number;
    readonly minEquityRaised: number;
    readonly minCumulativeRdSpend: number;
    readonly minRdStaffPercent: number;
  };
  readonly certificateValidityYears: number;
}

export interface SmeGradientRubric {
  readonly innovativeSme: InnovativeSmeRubric;
  readonly specializedSme: SpecializedSmeRubric;
  readonly littleGiant: LittleGiantRubric;
}

const SOURCE = '工业和信息化部《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号）';

export const SME_GRADIENT_2022: SmeGradientRubric = {
  innovativeSme: {
    id: 'innovative-sme',
    version: '2022',
    name: '创新型中小企业评价',
    nameEn: 'Innovative SME evaluation',
    source: `${SOURCE} 附件1 创新型中小企业评价标准`,
    maxPoints: 100,
    passPoints: 60,
    groupMinimums: { innovation: 20, growth: 15, specialisation: 15 },
    ip: { maxPoints: 20, classIHighValuePoints: 20, classISelfDevelopedPoints: 15, classIPoints: 10, classIIPoints: 5 },
    rdIntensity: {
      maxPoints: 20,
      bands: [
        { minPercent: 5, points: 20 },
        { minPercent: 3, points: 15 },
        { minPercent: 2, points: 10 },
        { minPercent: 1, points: 5 },
      ],
    },
    mainBusinessGrowth: {
      maxPoints: 20,
      bands: [
        { minPercent: 15, points: 20 },
        { minPercent: 10, points: 15 },
        { minPercent: 5, points: 10 },
        { minPercent: 0, points: 5 },
      ],
    },
    debtRatio: {
      maxPoints: 10,
      bands: [
        { belowPercent: 55, points: 10 },
        { belowPercent: 75, points: 5 },
      ],
    },
    strategicField: { maxPoints: 10, inListPoints: 10, otherPoints: 5 },
    mainBusinessShare: {
      maxPoints: 20,
      bands: [
        { minPercent: 70, points: 20 },
        { minPercent: 60, points: 15 },
        { minPercent: 55, points: 10 },
        { minPercent: 50, points: 5 },
      ],
    },
    directRoutes: { awardWithinYears: 3, equityWithinYears: 3, minEquityRaised: wanYuan(500) },
    certificateValidityYears: 3,
  },
  specializedSme: {
    id: 'specialized-sme',
    version: '2022',
    name: '专精特新中小企业（量化条件）',
    nameEn: 'Specialized, refined, distinctive and innovative SME (quantitative conditions)',
    source: `${SOURCE} 附件2 专精特新中小企业认定标准`,
    minYearsInNiche: 2,
    minRdSpend: wanYuan(100),
    minRdPercent: 3,
    minRevenue: wanYuan(1_000),
    equityAlternative: { withinYears: 2, minEquityRaised: wanYuan(2_000) },
    certificateValidityYears: 3,
  },
  littleGiant: {
    id: 'little-giant',
    version: '2022',
    name: '专精特新“小巨人”企业（量化条件）',
    nameEn: '"Little giant" specialized SME (quantitative conditions)',
    source: `${SOURCE} 附件3 专精特新“小巨人”企业认定标准`,
    minYearsInNiche: 3,
    minMainBusinessPercent: 70,
    maxDebtRatioPercent: 70,
    minClassIIp: 2,
    rdIntensity: {
      years: 2,
      highRevenueAbove: wanYuan(10_000),
      highRevenueMinPercent: 3,
      midRevenueFrom: wanYuan(5_000),
      midRevenueMinPercent: 6,
    },
    lowRevenueRoute: {
      years: 2,
      minEquityRaised: wanYuan(8_000),
      minCumulativeRdSpend: wanYuan(3_000),
      minRdStaffPercent: 50,
    },
    certificateValidityYears: 3,
  },
};
