/**
 * Industries of the 2011 SME size standard (工信部联企业〔2011〕300号) that a company can pick.
 * The thresholds themselves live in the rubric data (qualification/rubrics/sme-size-2011.ts);
 * this list only names the keys and their labels.
 */
export interface Industry {
  key: string;
  zh: string;
  en: string;
}

export const INDUSTRIES: readonly Industry[] = [
  { key: 'industry', zh: '工业', en: 'Industry (manufacturing, mining, utilities)' },
  { key: 'software_it', zh: '软件和信息技术服务业', en: 'Software and IT services' },
  { key: 'other', zh: '其他未列明行业', en: 'Other industries' },
];

export const INDUSTRY_KEYS = INDUSTRIES.map((i) => i.key);
