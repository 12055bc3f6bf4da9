import type { SizeMetric } from '../types';
import { wanYuan } from './units';

/** Lower bounds a class requires; every listed metric must reach its bound (且). */
export type SizeThresholds = Readonly<Partial<Record<SizeMetric, number>>>;

export interface SmeSizeIndustry {
  readonly label: string;
  readonly labelEn: string;
  /** Metrics the standard uses for this industry. */
  readonly metrics: readonly SizeMetric[];
  /**
   * The 中小微型企业 ceiling: a company is an SME when ANY metric is below it (…以下或…以下), so it is
   * large only when every metric reaches it.
   */
  readonly smeCeiling: SizeThresholds;
  readonly medium: SizeThresholds;
  readonly small: SizeThresholds;
}

export interface SmeSizeRubric {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly nameEn: string;
  readonly source: string;
  readonly industries: Readonly<Record<string, SmeSizeIndustry>>;
}

/**
 * 工信部联企业〔2011〕300号《中小企业划型标准规定》第四条, all sixteen industry groups. "及以上"
 * includes the number, "以下" excludes it. Money is 分 (see `wanYuan`).
 */
export const SME_SIZE_2011: SmeSizeRubric = {
  id: 'sme-size',
  version: '2011',
  name: '中小企业划型',
  nameEn: 'SME size class',
  source: '工业和信息化部 国家统计局 国家发展改革委 财政部《中小企业划型标准规定》（工信部联企业〔2011〕300号）',
  industries: {
    agriculture: {
      label: '农、林、牧、渔业',
      labelEn: 'Agriculture, forestry, animal husbandry and fishery',
      metrics: ['revenue'],
      smeCeiling: { revenue: wanYuan(20_000) },
      medium: { revenue: wanYuan(500) },
      small: { revenue: wanYuan(50) },
    },
    industry: {
      label: '工业',
      labelEn: 'Industry',
      metrics: ['headcount', 'revenue'],
      smeCeiling: { headcount: 1000, revenue: wanYuan(40_000) },
      medium: { headcount: 300, revenue: wanYuan(2_000) },
      small: { headcount: 20, revenue: wanYuan(300) },
    },
    construction: {
      label: '建筑业',
      labelEn: 'Construction',
      metrics: ['revenue', 'totalAssets'],
      smeCeiling: { revenue: wanYuan(80_000), totalAssets: wanYuan(80_000) },
      medium: { revenue: wanYuan(6_000), totalAssets: wanYuan(5_000) },
      small: { revenue: wanYuan(300), totalAssets: wanYuan(300) },
    },
    wholesale: {
      label: '批发业',
      labelEn: 'Wholesale',
      metrics: ['headcount', 'revenue'],
      smeCeiling: { headcount: 200, revenue: wanYuan(40_000) },
      medium: { headcount: 20, revenue: wanYuan(5_000) },
      small: { headcount: 5, revenue: wanYuan(1_000) },
    },
    retail: {
      label: '零售业',
      labelEn: 'Retail',
      metrics: ['headcount', 'revenue'],
      smeCeiling: { headcount: 300, revenue: wanYuan(20_000) },
      medium: { headcount: 50, revenue: wanYuan(500) },
      small: { headcount: 10, revenue: wanYuan(100) },
    },
    transport: {
      label: '交通运输业',
      labelEn: 'Transport',
      metrics: ['headcount', 'revenue'],
      smeCeiling: { headcount: 1000, revenue: wanYuan(30_000) },
      medium: { headcount: 300, revenue: wanYuan(3_000) },
      small: { headcount: 20, revenue: wanYuan(200) },
    },
    warehousing: {
      label: '仓储业',
      labelEn: 'Warehousing',
      metrics: ['headcount', 'revenue'],
      smeCeiling: { headcount: 200, revenue: wanYuan(30_000) },
      medium: { headcount: 100, revenue: wanYuan(1_000) },
      small: { headcount: 20, revenue: wanYuan(100) },
    },
    postal: {
      label: '邮政业',
      labelEn: 'Postal services',
      metrics: ['headcount', 'revenue'],
      smeCeiling: { headcount: 1000, revenue: wanYuan(30_000) },
      medium: { headcount: 300, revenue: wanYuan(2_000) },
      small: { headcount: 20, revenue: wanYuan(100) },
    },
    accommodation: {
      label: '住宿业',
      labelEn: 'Accommodation',
      metrics: ['headcount', 'revenue'],
      smeCeiling: { headcount: 300, revenue: wanYuan(10_000) },
      medium: { headcount: 100, revenue: wanYuan(2_000) },
      small: { headcount: 10, revenue: wanYuan(100) },
    },
    catering: {
      label: '餐饮业',
      labelEn: 'Catering',
      metrics: ['headcount', 'revenue'],
      smeCeiling: { headcount: 300, revenue: wanYuan(10_000) },
      medium: { headcount: 100, revenue: wanYuan(2_000) },
      small: { headcount: 10, revenue: wanYuan(100) },
    },
    information_transmission: {
      label: '信息传输业',
      labelEn: 'Information transmission',
      metrics: ['headcount', 'revenue'],
      smeCeiling: { headcount: 2000, revenue: wanYuan(100_000) },
      medium: { headcount: 100, revenue: wanYuan(1_000) },
      small: { headcount: 10, revenue: wanYuan(100) },
    },
    software_it: {
      label: '软件和信息技术服务业',
      labelEn: 'Software and IT services',
      metrics: ['headcount', 'revenue'],
      smeCeiling: { headcount: 300, revenue: wanYuan(10_000) },
      medium: { headcount: 100, revenue: wanYuan(1_000) },
      small: { headcount: 10, revenue: wanYuan(50) },
    },
    real_estate_development: {
      label: '房地产开发经营',
      labelEn: 'Real estate development',
      metrics: ['revenue', 'totalAssets'],
      smeCeiling: { revenue: wanYuan(200_000), totalAssets: wanYuan(10_000) },
      medium: { revenue: wanYuan(1_000), totalAssets: wanYuan(5_000) },
      small: { revenue: wanYuan(100), totalAssets: wanYuan(2_000) },
    },
    property_management: {
      label: '物业管理',
      labelEn: 'Property management',
      metrics: ['headcount', 'revenue'],
      smeCeiling: { headcount: 1000, revenue: wanYuan(5_000) },
      medium: { headcount: 300, revenue: wanYuan(1_000) },
      small: { headcount: 100, revenue: wanYuan(500) },
    },
    leasing_business_services: {
      label: '租赁和商务服务业',
      labelEn: 'Leasing and business services',
      metrics: ['headcount', 'totalAssets'],
      smeCeiling: { headcount: 300, totalAssets: wanYuan(120_000) },
      medium: { headcount: 100, totalAssets: wanYuan(8_000) },
      small: { headcount: 10, totalAssets: wanYuan(100) },
    },
    other: {
      label: '其他未列明行业',
      labelEn: 'Other industries not listed',
      metrics: ['headcount'],
      smeCeiling: { headcount: 300 },
      medium: { headcount: 100 },
      small: { headcount: 10 },
    },
  },
};

export const SME_INDUSTRY_KEYS: readonly string[] = Object.keys(SME_SIZE_2011.industries);
