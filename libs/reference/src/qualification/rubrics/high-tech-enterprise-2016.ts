import { wanYuan } from './units';

/** R&D intensity required for a revenue band; `maxRevenue` is inclusive (含), `null` means no upper bound. */
export interface RevenueBandRequirement {
  readonly maxRevenue: number | null;
  readonly minPercent: number;
}

export interface HighTechEnterpriseRubric {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly nameEn: string;
  readonly source: string;
  /** 注册成立一年以上. */
  readonly minYearsRegistered: number;
  /** 科技人员占当年职工总数的比例不低于10%. */
  readonly minTechStaffPercent: number;
  /** 近三个会计年度研发费用总额占同期销售收入总额的比例, banded by the latest year's revenue. */
  readonly rdIntensity: {
    readonly years: number;
    readonly bands: readonly RevenueBandRequirement[];
    /** 在中国境内发生的研发费用占全部研发费用的比例不低于60%. */
    readonly minInChinaPercent: number;
  };
  /** 近一年高新技术产品（服务）收入占同期总收入的比例不低于60%. */
  readonly minHighTechRevenuePercent: number;
  /** Expert-scored innovation ability; passing needs strictly more than `passAbove`. */
  readonly innovationScore: {
    readonly passAbove: number;
    readonly maxPoints: number;
    readonly parts: Readonly<Record<'ip' | 'conversion' | 'rdManagement' | 'growth', number>>;
  };
  /** 高新技术企业资格自颁发证书之日起有效期为三年. */
  readonly certificateValidityYears: number;
}

export const HIGH_TECH_ENTERPRISE_2016: HighTechEnterpriseRubric = {
  id: 'high-tech-enterprise',
  version: '2016',
  name: '高新技术企业认定条件',
  nameEn: 'High and New Technology Enterprise (HNTE) conditions',
  source: '科技部 财政部 国家税务总局《高新技术企业认定管理办法》（国科发火〔2016〕32号）第十一条',
  minYearsRegistered: 1,
  minTechStaffPercent: 10,
  rdIntensity: {
    years: 3,
    bands: [
      { maxRevenue: wanYuan(5_000), minPercent: 5 },
      { maxRevenue: wanYuan(20_000), minPercent: 4 },
      { maxRevenue: null, minPercent: 3 },
    ],
    minInChinaPercent: 60,
  },
  minHighTechRevenuePercent: 60,
  innovationScore: { passAbove: 70, maxPoints: 100, parts: { ip: 30, conversion: 30, rdManagement: 20, growth: 20 } },
  certificateValidityYears: 3,
};
