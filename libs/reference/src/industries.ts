import { SME_SIZE_2011 } from './qualification';

/**
 * Industries a company can pick for `industry`: the sixteen groups of the 2011 SME size standard
 * (工信部联企业〔2011〕300号), read from the rubric data so the two never disagree.
 */
export interface Industry {
  key: string;
  zh: string;
  en: string;
}

export const INDUSTRIES: readonly Industry[] = Object.entries(SME_SIZE_2011.industries).map(([key, i]) => ({
  key,
  zh: i.label,
  en: i.labelEn,
}));

export const INDUSTRY_KEYS = INDUSTRIES.map((i) => i.key);
