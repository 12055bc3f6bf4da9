/**
 * The import template: one row per company-year. Headers are zh-CN (what organizers' spreadsheets
 * use); `key` is the field. Money is in 元 with at most two decimals and is stored as integer 分.
 */
export type ColumnKind = 'text' | 'date' | 'region' | 'credit_code' | 'year' | 'count' | 'money' | 'bool' | 'list' | 'industry';

export interface ImportColumn {
  key: string;
  header: string;
  kind: ColumnKind;
  required?: boolean;
  maxLength?: number;
  note?: string;
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'legalName', header: '企业名称', kind: 'text', required: true, maxLength: 200 },
  { key: 'creditCode', header: '统一社会信用代码', kind: 'credit_code', required: true },
  { key: 'foundedOn', header: '成立日期', kind: 'date', note: 'YYYY-MM-DD' },
  { key: 'regionCode', header: '地区代码', kind: 'region', required: true, note: '6 位行政区划代码' },
  { key: 'industry', header: '行业', kind: 'industry', note: '工业 / 软件和信息技术服务业 / 其他未列明行业 …' },
  { key: 'tracks', header: '赛道', kind: 'list', note: '多个用 、 或 , 分隔，如：人工智能、集成电路' },
  { key: 'universitySpinOut', header: '高校衍生', kind: 'bool', note: '是 / 否' },
  { key: 'website', header: '官网', kind: 'text', maxLength: 300 },
  { key: 'oneLiner', header: '一句话介绍', kind: 'text', maxLength: 140 },
  { key: 'year', header: '年度', kind: 'year', required: true },
  { key: 'headcount', header: '从业人数', kind: 'count' },
  { key: 'techStaff', header: '科技人员数', kind: 'count' },
  { key: 'rdStaff', header: '研发人员数', kind: 'count' },
  { key: 'revenue', header: '营业收入（元）', kind: 'money' },
  { key: 'mainBusinessRevenue', header: '主营业务收入（元）', kind: 'money' },
  { key: 'highTechRevenue', header: '高新技术产品收入（元）', kind: 'money' },
  { key: 'totalCosts', header: '成本费用总额（元）', kind: 'money' },
  { key: 'rdSpend', header: '研发费用（元）', kind: 'money' },
  { key: 'rdSpendInChina', header: '境内研发费用（元）', kind: 'money' },
  { key: 'totalAssets', header: '资产总额（元）', kind: 'money' },
  { key: 'liabilities', header: '负债总额（元）', kind: 'money' },
  { key: 'newEquityRaised', header: '新增股权融资（元）', kind: 'money' },
];

export const FISCAL_KEYS = [
  'headcount',
  'techStaff',
  'rdStaff',
  'revenue',
  'mainBusinessRevenue',
  'highTechRevenue',
  'totalCosts',
  'rdSpend',
  'rdSpendInChina',
  'totalAssets',
  'liabilities',
  'newEquityRaised',
] as const;
