import {
  figure,
  figureName,
  openFactBook,
  sumFigure,
  summedFigureName,
  trailingYears,
  type FactBook,
} from './company-facts';
import { certificateRoute, equityRaisedCondition } from './direct-routes';
import {
  evaluateSpecializedSme,
  prerequisiteTier,
  type SpecializedSmeRubrics,
  yearsInNicheCondition,
} from './evaluate-specialized-sme';
import { formatPercentNumber, moneyPhrase, type Phrase } from './format';
import { countIp } from './ip-facts';
import { amountCondition, certificateOrAllConditions, type ConditionDraft, shareCondition } from './result-builders';
import { HIGH_TECH_ENTERPRISE_2016 } from './rubrics/high-tech-enterprise-2016';
import { IP_CLASSES_2022 } from './rubrics/ip-classes';
import { SME_GRADIENT_2022, type LittleGiantRubric } from './rubrics/sme-gradient-2022';
import { SME_SIZE_2011 } from './rubrics/sme-size-2011';
import { allOf } from './tri-logic';
import type { CompanyFacts, RubricResult, Tri } from './types';

export interface LittleGiantRubrics extends SpecializedSmeRubrics {
  littleGiant: LittleGiantRubric;
}

const DEFAULT_RUBRICS: LittleGiantRubrics = {
  innovativeSme: SME_GRADIENT_2022.innovativeSme,
  specializedSme: SME_GRADIENT_2022.specializedSme,
  littleGiant: SME_GRADIENT_2022.littleGiant,
  ipClasses: IP_CLASSES_2022,
  smeSize: SME_SIZE_2011,
  highTechEnterprise: HIGH_TECH_ENTERPRISE_2016,
};

/** R&D ÷ revenue must reach `percent` in each of the last years (均不低于); the first failing year gives the distance. */
function rdIntensityEachYear(book: FactBook, rubric: LittleGiantRubric, percent: number, band: Phrase): ConditionDraft {
  const years = trailingYears(book, rubric.rdIntensity.years);
  const perYear = years.map((year) =>
    shareCondition({
      key: `rd_intensity_${year}`,
      label: String(year),
      labelEn: String(year),
      part: figure(book, year, 'rdSpend'),
      whole: figure(book, year, 'revenue'),
      partName: figureName(year, 'rdSpend'),
      wholeName: figureName(year, 'revenue'),
      percent,
      comparison: 'atLeast',
      mode: 'separate',
      change: (x) => ({
        zh: `${year} 年研发费用需再增加 ${moneyPhrase(x, 'up').zh}`,
        en: `${year} R&D up by ${moneyPhrase(x, 'up').en}`,
      }),
    }),
  );
  const met = allOf(perYear.map((c) => c.met));
  const failing = perYear.find((c) => c.met === false);
  const draft: ConditionDraft = {
    key: 'rd_intensity',
    label: `近 ${years.length} 年研发费用占营业收入比重均不低于 ${formatPercentNumber(percent)}（${band.zh}）`,
    labelEn: `R&D ÷ revenue at least ${formatPercentNumber(percent)} in each of the last ${years.length} years (${band.en})`,
    met,
    requirement: { zh: `每年 ≥ ${formatPercentNumber(percent)}`, en: `≥ ${formatPercentNumber(percent)} every year` },
    detail: {
      zh: perYear.map((c) => `${c.label} 年 ${c.displayValue ?? '—'}`).join('，'),
      en: perYear.map((c) => `${c.label}: ${c.displayValue ?? '—'}`).join(', '),
    },
    missingInputs: met === null ? perYear.flatMap((c) => c.missingInputs) : [],
  };
  if (failing?.gap) draft.gap = failing.gap;
  return draft;
}

/** Below the mid revenue band: new equity, cumulative R&D and R&D-staff share must all hold. */
function lowRevenueConditions(book: FactBook, rubric: LittleGiantRubric): ConditionDraft[] {
  const route = rubric.lowRevenueRoute;
  const years = trailingYears(book, route.years);
  const rd = sumFigure(book, years, 'rdSpend');
  const cumulative = amountCondition({
    key: 'cumulative_rd_spend',
    label: `近 ${route.years} 年研发费用总额不低于 ${moneyPhrase(route.minCumulativeRdSpend).zh}`,
    labelEn: `R&D over ${route.years} years at least ${moneyPhrase(route.minCumulativeRdSpend).en}`,
    value: rd.total,
    valueName: summedFigureName(years, 'rdSpend'),
    threshold: route.minCumulativeRdSpend,
    comparison: 'atLeast',
    unit: 'fen',
    format: moneyPhrase,
  });
  if (rd.total === null) cumulative.missingInputs = rd.missing;
  const year = book.fiscalYear;
  return [
    equityRaisedCondition(book, {
      key: 'equity_raised',
      label: `近 ${route.years} 年新增股权融资总额不低于 ${moneyPhrase(route.minEquityRaised).zh}`,
      labelEn: `New equity over ${route.years} years at least ${moneyPhrase(route.minEquityRaised).en}`,
      years: route.years,
      minAmount: route.minEquityRaised,
    }),
    cumulative,
    shareCondition({
      key: 'rd_staff_share',
      label: `研发人员占职工总数比重（${year}）`,
      labelEn: `R&D staff share (${year})`,
      part: figure(book, year, 'rdStaff'),
      whole: figure(book, year, 'headcount'),
      partName: figureName(year, 'rdStaff'),
      wholeName: figureName(year, 'headcount'),
      percent: route.minRdStaffPercent,
      comparison: 'atLeast',
      mode: 'included',
      change: (x) => ({ zh: `如新增 ${x} 名研发人员`, en: `e.g. hire ${x} more R&D staff` }),
    }),
  ];
}

/** The R&D conditions depend on the latest revenue: > ¥100 m → 3 %, ¥50–100 m → 6 %, below → the equity route. */
function rdConditions(book: FactBook, rubric: LittleGiantRubric): ConditionDraft[] {
  const revenue = figure(book, book.fiscalYear, 'revenue');
  const { highRevenueAbove, highRevenueMinPercent, midRevenueFrom, midRevenueMinPercent } = rubric.rdIntensity;
  if (revenue === null) {
    return [
      {
        key: 'rd_requirement',
        label: '研发投入要求（按上年度营业收入分档）',
        labelEn: 'R&D requirement (banded by last year’s revenue)',
        met: null,
        requirement: { zh: '按营业收入分档', en: 'banded by revenue' },
        missingInputs: [figureName(book.fiscalYear, 'revenue')],
      },
    ];
  }
  if (revenue > highRevenueAbove) {
    return [
      rdIntensityEachYear(book, rubric, highRevenueMinPercent, {
        zh: `营业收入 > ${moneyPhrase(highRevenueAbove).zh}`,
        en: `revenue > ${moneyPhrase(highRevenueAbove).en}`,
      }),
    ];
  }
  if (revenue >= midRevenueFrom) {
    return [
      rdIntensityEachYear(book, rubric, midRevenueMinPercent, {
        zh: `营业收入 ${moneyPhrase(midRevenueFrom).zh}–${moneyPhrase(highRevenueAbove).zh}`,
        en: `revenue ${moneyPhrase(midRevenueFrom).en}–${moneyPhrase(highRevenueAbove).en}`,
      }),
    ];
  }
  return lowRevenueConditions(book, rubric);
}

/**
 * 专精特新“小巨人” (工信部企业〔2022〕63号 附件3), the quantitative conditions: a recognised
 * 专精特新中小企业, ≥ 3 years in the niche, main business ≥ 70 % of revenue, debt ratio ≤ 70 %, ≥ 2
 * Ⅰ类 IP tied to the main product, and the revenue-banded R&D requirement.
 */
export function evaluateLittleGiant(input: CompanyFacts, rubrics: LittleGiantRubrics = DEFAULT_RUBRICS): RubricResult {
  const book = openFactBook(input);
  const rubric = rubrics.littleGiant;
  const year = book.fiscalYear;

  const specialized = evaluateSpecializedSme(input, rubrics);
  const prerequisite = prerequisiteTier(book, {
    key: 'specialized_sme',
    label: '为专精特新中小企业',
    labelEn: 'Is a specialized SME',
    kinds: ['specialized_sme', 'little_giant'],
    termYears: rubrics.specializedSme.certificateValidityYears,
    evaluated: specialized,
  });
  const niche = yearsInNicheCondition(input, rubric.minYearsInNiche);
  const mainBusiness = shareCondition({
    key: 'main_business_share',
    label: `主营业务收入占营业收入比重（${year}）`,
    labelEn: `Main-business share of revenue (${year})`,
    part: figure(book, year, 'mainBusinessRevenue'),
    whole: figure(book, year, 'revenue'),
    partName: figureName(year, 'mainBusinessRevenue'),
    wholeName: figureName(year, 'revenue'),
    percent: rubric.minMainBusinessPercent,
    comparison: 'atLeast',
    mode: 'included',
    change: (x) => ({
      zh: `需主营业务收入再增加 ${moneyPhrase(x, 'up').zh}`,
      en: `main-business revenue up by ${moneyPhrase(x, 'up').en}`,
    }),
  });
  const debt = shareCondition({
    key: 'debt_ratio',
    label: `资产负债率（${year}）`,
    labelEn: `Debt-to-asset ratio (${year})`,
    part: figure(book, year, 'liabilities'),
    whole: figure(book, year, 'totalAssets'),
    partName: figureName(year, 'liabilities'),
    wholeName: figureName(year, 'totalAssets'),
    percent: rubric.maxDebtRatioPercent,
    comparison: 'atMost',
    mode: 'separate',
    change: (x) => ({
      zh: `负债需减少 ${moneyPhrase(-x, 'up').zh}`,
      en: `liabilities down by ${moneyPhrase(-x, 'up').en}`,
    }),
  });
  const classI = countIp(input, { ipClass: 'I', requireTied: true }, rubrics.ipClasses);
  const ipMet: Tri = classI.known >= rubric.minClassIIp ? true : classI.possible < rubric.minClassIIp ? false : null;
  const ip: ConditionDraft = {
    key: 'class_i_ip',
    label: `拥有 ${rubric.minClassIIp} 项以上与主导产品相关的Ⅰ类知识产权`,
    labelEn: `At least ${rubric.minClassIIp} class I IP items tied to the main product`,
    met: ipMet,
    rawValue: classI.known,
    displayValue: `${classI.known} 项`,
    detail: { zh: `${classI.known} 项`, en: `${classI.known} item(s)` },
    requirement: { zh: `≥ ${rubric.minClassIIp} 项`, en: `≥ ${rubric.minClassIIp} items` },
    missingInputs: ipMet === null ? classI.missing : [],
  };
  if (ipMet === false) {
    const more = rubric.minClassIIp - classI.known;
    ip.gap = {
      threshold: rubric.minClassIIp,
      unit: 'count',
      delta: more,
      valueNeeded: rubric.minClassIIp,
      valueNeededInput: 'ipItems.classI',
      valueDelta: more,
      step: { zh: `还需 ${more} 项Ⅰ类知识产权`, en: `${more} more class I item(s)` },
    };
  }

  const certificate = certificateRoute(book, {
    key: 'already_recognised',
    label: '已获认定为专精特新“小巨人”企业（有效期内）',
    labelEn: 'Already recognised as a little giant (valid)',
    kinds: ['little_giant'],
    termYears: rubric.certificateValidityYears,
  });
  return certificateOrAllConditions(rubric, {
    fiscalYear: year,
    conditions: [prerequisite, niche, mainBusiness, debt, ip, ...rdConditions(book, rubric)],
    certificate,
    passReason: {
      byCertificate: { zh: '已持有有效期内的“小巨人”认定。', en: 'Already recognised and valid.' },
      byConditions: { zh: '各项量化条件均满足。', en: 'Every quantitative condition is met.' },
    },
  });
}
