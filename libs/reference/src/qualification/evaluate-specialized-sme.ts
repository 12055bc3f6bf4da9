import { figure, figureName, openFactBook, type FactBook } from './company-facts';
import { certificateRoute, equityRaisedCondition } from './direct-routes';
import { evaluateInnovativeSme, type InnovativeSmeRubrics } from './evaluate-innovative-sme';
import { moneyPhrase, yearsPhrase, type Phrase } from './format';
import {
  amountCondition,
  certificateOrAllConditions,
  type ConditionDraft,
  factCondition,
  shareCondition,
} from './result-builders';
import { HIGH_TECH_ENTERPRISE_2016 } from './rubrics/high-tech-enterprise-2016';
import { IP_CLASSES_2022 } from './rubrics/ip-classes';
import { SME_GRADIENT_2022, type SpecializedSmeRubric } from './rubrics/sme-gradient-2022';
import { SME_SIZE_2011 } from './rubrics/sme-size-2011';
import { anyOf } from './tri-logic';
import type { CompanyFacts, QualificationKind, RubricResult, Tri } from './types';

export interface SpecializedSmeRubrics extends InnovativeSmeRubrics {
  specializedSme: SpecializedSmeRubric;
}

const DEFAULT_RUBRICS: SpecializedSmeRubrics = {
  innovativeSme: SME_GRADIENT_2022.innovativeSme,
  specializedSme: SME_GRADIENT_2022.specializedSme,
  ipClasses: IP_CLASSES_2022,
  smeSize: SME_SIZE_2011,
  highTechEnterprise: HIGH_TECH_ENTERPRISE_2016,
};

/**
 * The gradient is a ladder: a tier requires the tier below, either already recognised (a valid
 * certificate of that tier or higher) or met now by our own evaluation of it.
 */
export function prerequisiteTier(
  book: FactBook,
  spec: {
    key: string;
    label: string;
    labelEn: string;
    kinds: readonly QualificationKind[];
    termYears: number;
    evaluated: RubricResult;
  },
): ConditionDraft {
  const held = certificateRoute(book, {
    key: spec.key,
    label: spec.label,
    labelEn: spec.labelEn,
    kinds: spec.kinds,
    termYears: spec.termYears,
  });
  const evaluated: Tri = spec.evaluated.verdict === 'pass' ? true : spec.evaluated.verdict === 'fail' ? false : null;
  const met = anyOf([held.met, evaluated]);
  const verdictText: Phrase =
    spec.evaluated.verdict === 'pass'
      ? { zh: '本次评估通过', en: 'passes our evaluation' }
      : spec.evaluated.verdict === 'fail'
        ? { zh: '本次评估未通过', en: 'fails our evaluation' }
        : { zh: '本次评估无法判断', en: 'our evaluation is unknown' };
  return factCondition({
    key: spec.key,
    label: spec.label,
    labelEn: spec.labelEn,
    met,
    requirement: { zh: '已认定（有效期内）或本次评估通过', en: 'recognised and valid, or passing our evaluation now' },
    detail: held.met === true ? held.detail : verdictText,
    missingInputs: met === null ? [...held.missingInputs, ...spec.evaluated.missingInputs] : [],
  });
}

/** Years serving a niche market, which the upper tiers require (专精特新 ≥ 2, 小巨人 ≥ 3). */
export function yearsInNicheCondition(input: CompanyFacts, minYears: number): ConditionDraft {
  return amountCondition({
    key: 'years_in_niche',
    label: `从事特定细分市场时间达到 ${minYears} 年以上`,
    labelEn: `At least ${minYears} years in a niche market`,
    value: input.yearsInNiche ?? null,
    valueName: 'yearsInNiche',
    threshold: minYears,
    comparison: 'atLeast',
    unit: 'years',
    format: yearsPhrase,
  });
}

/**
 * 专精特新中小企业 (工信部企业〔2022〕63号 附件2), the quantitative conditions: a recognised 创新型中小企业,
 * ≥ 2 years in a niche, R&D ≥ ¥1 m and ≥ 3 % of revenue, revenue ≥ ¥10 m or ≥ ¥20 m new equity in
 * 2 years. The expert score sheet of 附件2 is not assessed here.
 */
export function evaluateSpecializedSme(
  input: CompanyFacts,
  rubrics: SpecializedSmeRubrics = DEFAULT_RUBRICS,
): RubricResult {
  const book = openFactBook(input);
  const rubric = rubrics.specializedSme;
  const year = book.fiscalYear;

  const innovative = evaluateInnovativeSme(input, rubrics);
  const prerequisite = prerequisiteTier(book, {
    key: 'innovative_sme',
    label: '为创新型中小企业',
    labelEn: 'Is an innovative SME',
    kinds: ['innovative_sme', 'specialized_sme', 'little_giant'],
    termYears: rubrics.innovativeSme.certificateValidityYears,
    evaluated: innovative,
  });
  const niche = yearsInNicheCondition(input, rubric.minYearsInNiche);
  const rdSpend = amountCondition({
    key: 'rd_spend',
    label: `上年度研发费用总额不低于 ${moneyPhrase(rubric.minRdSpend).zh}`,
    labelEn: `R&D spend last year at least ${moneyPhrase(rubric.minRdSpend).en}`,
    value: figure(book, year, 'rdSpend'),
    valueName: figureName(year, 'rdSpend'),
    threshold: rubric.minRdSpend,
    comparison: 'atLeast',
    unit: 'fen',
    format: moneyPhrase,
  });
  const rdIntensity = shareCondition({
    key: 'rd_intensity',
    label: '上年度研发费用占营业收入总额比重',
    labelEn: 'R&D ÷ revenue last year',
    part: figure(book, year, 'rdSpend'),
    whole: figure(book, year, 'revenue'),
    partName: figureName(year, 'rdSpend'),
    wholeName: figureName(year, 'revenue'),
    percent: rubric.minRdPercent,
    comparison: 'atLeast',
    mode: 'separate',
    change: (x) => ({
      zh: `需研发费用再增加 ${moneyPhrase(x, 'up').zh}`,
      en: `R&D spend up by ${moneyPhrase(x, 'up').en}`,
    }),
  });
  const revenue = amountCondition({
    key: 'revenue',
    label: `上年度营业收入不低于 ${moneyPhrase(rubric.minRevenue).zh}`,
    labelEn: `Revenue last year at least ${moneyPhrase(rubric.minRevenue).en}`,
    value: figure(book, year, 'revenue'),
    valueName: figureName(year, 'revenue'),
    threshold: rubric.minRevenue,
    comparison: 'atLeast',
    unit: 'fen',
    format: moneyPhrase,
  });
  const alt = rubric.equityAlternative;
  const equity = equityRaisedCondition(book, {
    key: 'equity_raised',
    label: `近 ${alt.withinYears} 年新增股权融资不低于 ${moneyPhrase(alt.minEquityRaised).zh}`,
    labelEn: `New equity over ${alt.withinYears} years at least ${moneyPhrase(alt.minEquityRaised).en}`,
    years: alt.withinYears,
    minAmount: alt.minEquityRaised,
  });
  // One condition with two ways to meet it, so that "all conditions met" keeps meaning what it says.
  const scale: ConditionDraft = {
    key: 'revenue_or_equity',
    label: `营业收入不低于 ${moneyPhrase(rubric.minRevenue).zh}，或近 ${alt.withinYears} 年新增股权融资不低于 ${moneyPhrase(alt.minEquityRaised).zh}`,
    labelEn: `Revenue at least ${moneyPhrase(rubric.minRevenue).en}, or ${moneyPhrase(alt.minEquityRaised).en} new equity over ${alt.withinYears} years`,
    met: anyOf([revenue.met, equity.met]),
    requirement: { zh: '满足其一', en: 'either' },
    detail: {
      zh: `营业收入 ${revenue.detail?.zh ?? '—'}；新增股权融资 ${equity.detail?.zh ?? '—'}`,
      en: `revenue ${revenue.detail?.en ?? '—'}; new equity ${equity.detail?.en ?? '—'}`,
    },
    missingInputs: [],
  };
  if (scale.met === null) scale.missingInputs = [...revenue.missingInputs, ...equity.missingInputs];
  if (scale.met === false && revenue.gap) scale.gap = revenue.gap;

  const certificate = certificateRoute(book, {
    key: 'already_recognised',
    label: '已获认定为专精特新中小企业（有效期内）',
    labelEn: 'Already recognised as a specialized SME (valid)',
    kinds: ['specialized_sme', 'little_giant'],
    termYears: rubric.certificateValidityYears,
  });
  return certificateOrAllConditions(rubric, {
    fiscalYear: year,
    conditions: [prerequisite, niche, rdSpend, rdIntensity, scale],
    certificate,
    passReason: {
      byCertificate: { zh: '已持有有效期内的专精特新认定。', en: 'Already recognised and valid.' },
      byConditions: { zh: '各项量化条件均满足。', en: 'Every quantitative condition is met.' },
    },
  });
}
