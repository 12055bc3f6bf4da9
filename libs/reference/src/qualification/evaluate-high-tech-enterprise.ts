import {
  figure,
  figureName,
  openFactBook,
  sumFigure,
  summedFigureName,
  trailingYears,
  type FactBook,
} from './company-facts';
import { certificateRoute } from './direct-routes';
import { formatPercentNumber, moneyPhrase, pointsPhrase, type Phrase } from './format';
import { countIp } from './ip-facts';
import { addYears, compareDates, daysBetween } from './iso-date';
import {
  amountCondition,
  certificateOrAllConditions,
  type ConditionDraft,
  factCondition,
  shareCondition,
} from './result-builders';
import { HIGH_TECH_ENTERPRISE_2016, type HighTechEnterpriseRubric } from './rubrics/high-tech-enterprise-2016';
import { IP_CLASSES_2022, type IpClassRubric } from './rubrics/ip-classes';
import { allOf, anyOf, toVerdict } from './tri-logic';
import type { CompanyFacts, HighTechEnterpriseResult, Tri } from './types';

export interface HighTechEnterpriseRubrics {
  highTechEnterprise: HighTechEnterpriseRubric;
  ipClasses: IpClassRubric;
}

const DEFAULT_RUBRICS: HighTechEnterpriseRubrics = {
  highTechEnterprise: HIGH_TECH_ENTERPRISE_2016,
  ipClasses: IP_CLASSES_2022,
};

function registeredCondition(book: FactBook, rubric: HighTechEnterpriseRubric): ConditionDraft {
  const years = rubric.minYearsRegistered;
  const base = {
    key: 'registered_one_year',
    label: `注册成立 ${years} 年以上`,
    labelEn: `Registered at least ${years} year(s)`,
    requirement: { zh: `成立满 ${years} 年`, en: `${years} year(s) since founding` },
  };
  const founded = book.input.foundedOn;
  if (!founded) return { ...base, met: null, missingInputs: ['foundedOn'] };
  const eligibleOn = addYears(founded, years);
  const met = compareDates(book.asOf, eligibleOn) >= 0;
  const draft: ConditionDraft = {
    ...base,
    met,
    displayValue: founded,
    detail: { zh: `成立于 ${founded}`, en: `founded ${founded}` },
    missingInputs: [],
  };
  if (!met) {
    const days = daysBetween(book.asOf, eligibleOn);
    draft.gap = {
      threshold: years,
      unit: 'days',
      delta: days,
      step: { zh: `还需 ${days} 天（${eligibleOn} 起满足）`, en: `${days} more days (met from ${eligibleOn})` },
    };
  }
  return draft;
}

function coreIpCondition(book: FactBook, ipClasses: IpClassRubric): ConditionDraft {
  const classI = countIp(book.input, { ipClass: 'I', requireTied: true }, ipClasses);
  const classII = countIp(book.input, { ipClass: 'II', requireTied: true }, ipClasses);
  const known = classI.known + classII.known;
  const possible = classI.possible + classII.possible;
  const met: Tri = known >= 1 ? true : possible === 0 ? false : null;
  const draft: ConditionDraft = {
    key: 'core_ip',
    label: '拥有对主要产品在技术上发挥核心支持作用的知识产权',
    labelEn: 'Owns IP that supports the main product technically',
    met,
    rawValue: known,
    displayValue: `Ⅰ类 ${classI.known} 项、Ⅱ类 ${classII.known} 项`,
    requirement: { zh: '至少 1 项有效的Ⅰ类或Ⅱ类知识产权', en: 'at least 1 valid class I or II IP item' },
    missingInputs: met === null ? [...classI.missing, ...classII.missing] : [],
  };
  if (met === false) {
    draft.gap = {
      threshold: 1,
      unit: 'count',
      delta: 1,
      valueNeeded: 1,
      valueNeededInput: 'ipItems',
      valueDelta: 1,
      step: { zh: '取得 1 项与主要产品相关的知识产权', en: 'obtain 1 IP item tied to the main product' },
    };
  }
  return draft;
}

function rdIntensityConditions(book: FactBook, rubric: HighTechEnterpriseRubric): ConditionDraft[] {
  const years = trailingYears(book, rubric.rdIntensity.years);
  const span = years.length > 0 ? `${years[0]}–${years[years.length - 1]}` : String(book.fiscalYear);
  const rd = sumFigure(book, years, 'rdSpend');
  const revenue = sumFigure(book, years, 'revenue');
  const latestRevenue = figure(book, book.fiscalYear, 'revenue');
  const band =
    latestRevenue === null
      ? null
      : (rubric.rdIntensity.bands.find((b) => b.maxRevenue === null || latestRevenue <= b.maxRevenue) ?? null);
  const label = `近 ${years.length} 个会计年度（${span}）研发费用总额占同期销售收入总额比例`;
  const labelEn = `R&D ÷ revenue over the last ${years.length} fiscal year(s) (${span})`;
  let intensity: ConditionDraft;
  if (band === null) {
    const missingInputs = [...new Set([figureName(book.fiscalYear, 'revenue'), ...rd.missing, ...revenue.missing])];
    intensity = {
      key: 'rd_intensity',
      label,
      labelEn,
      met: null,
      requirement: { zh: '按最近一年销售收入确定（5% / 4% / 3%）', en: 'set by the latest revenue (5 % / 4 % / 3 %)' },
      missingInputs,
    };
  } else {
    const bandText: Phrase =
      band.maxRevenue === null
        ? { zh: '最近一年销售收入在上一档以上', en: 'latest revenue above the previous band' }
        : {
            zh: `最近一年销售收入 ≤ ${moneyPhrase(band.maxRevenue).zh}`,
            en: `latest revenue ≤ ${moneyPhrase(band.maxRevenue).en}`,
          };
    intensity = shareCondition({
      key: 'rd_intensity',
      label: `${label}（${bandText.zh}，不低于 ${formatPercentNumber(band.minPercent)}）`,
      labelEn: `${labelEn} (${bandText.en}, at least ${formatPercentNumber(band.minPercent)})`,
      part: rd.total,
      whole: revenue.total,
      partName: summedFigureName(years, 'rdSpend'),
      wholeName: summedFigureName(years, 'revenue'),
      percent: band.minPercent,
      comparison: 'atLeast',
      mode: 'separate',
      change: (x) => ({
        zh: `需研发费用累计再增加 ${moneyPhrase(x, 'up').zh}`,
        en: `R&D up by ${moneyPhrase(x, 'up').en} in total`,
      }),
    });
    if (rd.total === null || revenue.total === null) intensity.missingInputs = [...rd.missing, ...revenue.missing];
  }
  const inChina = sumFigure(book, years, 'rdSpendInChina');
  const china = shareCondition({
    key: 'rd_in_china_share',
    label: `境内研发费用占全部研发费用比例（${span}）`,
    labelEn: `Share of R&D spent in China (${span})`,
    part: inChina.total,
    whole: rd.total,
    partName: summedFigureName(years, 'rdSpendInChina'),
    wholeName: summedFigureName(years, 'rdSpend'),
    percent: rubric.rdIntensity.minInChinaPercent,
    comparison: 'atLeast',
    mode: 'included',
    change: (x) => ({
      zh: `需境内研发费用再增加 ${moneyPhrase(x, 'up').zh}`,
      en: `R&D in China up by ${moneyPhrase(x, 'up').en}`,
    }),
  });
  if (inChina.total === null || rd.total === null) china.missingInputs = [...inChina.missing, ...rd.missing];
  return [intensity, china];
}

/**
 * 高新技术企业 conditions (国科发火〔2016〕32号 第十一条). The figures-based conditions give
 * `quantitativeVerdict`; the full verdict also needs the key-field judgement and the expert innovation
 * score (> 70), which are optional inputs — without them the verdict stays `unknown` unless a figure
 * already fails. A valid certificate is a direct pass.
 */
export function evaluateHighTechEnterprise(
  input: CompanyFacts,
  rubrics: HighTechEnterpriseRubrics = DEFAULT_RUBRICS,
): HighTechEnterpriseResult {
  const book = openFactBook(input);
  const rubric = rubrics.highTechEnterprise;
  const year = book.fiscalYear;

  const registered = registeredCondition(book, rubric);
  const coreIp = coreIpCondition(book, rubrics.ipClasses);
  const keyField = factCondition({
    key: 'key_supported_field',
    label: '核心技术属于《国家重点支持的高新技术领域》',
    labelEn: "Core technology in the state's key supported high-tech fields",
    met: input.inKeySupportedHighTechField ?? null,
    requirement: { zh: '属于', en: 'in the list' },
    missingInputs:
      input.inKeySupportedHighTechField === undefined || input.inKeySupportedHighTechField === null
        ? ['inKeySupportedHighTechField']
        : [],
  });
  const techStaff = shareCondition({
    key: 'tech_staff_share',
    label: `科技人员占当年职工总数比例（${year}）`,
    labelEn: `Tech staff share of all staff (${year})`,
    part: figure(book, year, 'techStaff'),
    whole: figure(book, year, 'headcount'),
    partName: figureName(year, 'techStaff'),
    wholeName: figureName(year, 'headcount'),
    percent: rubric.minTechStaffPercent,
    comparison: 'atLeast',
    mode: 'included',
    change: (x) => ({ zh: `如新增 ${x} 名科技人员`, en: `e.g. hire ${x} more tech staff` }),
  });
  const [rdIntensity, rdInChina] = rdIntensityConditions(book, rubric);
  const highTechRevenue = shareCondition({
    key: 'high_tech_revenue_share',
    label: `高新技术产品（服务）收入占总收入比例（${year}）`,
    labelEn: `High-tech product revenue share (${year})`,
    part: figure(book, year, 'highTechRevenue'),
    whole: figure(book, year, 'revenue'),
    partName: figureName(year, 'highTechRevenue'),
    wholeName: figureName(year, 'revenue'),
    percent: rubric.minHighTechRevenuePercent,
    comparison: 'atLeast',
    mode: 'included',
    change: (x) => ({
      zh: `需高新技术产品收入再增加 ${moneyPhrase(x, 'up').zh}`,
      en: `high-tech revenue up by ${moneyPhrase(x, 'up').en}`,
    }),
  });
  const innovation = amountCondition({
    key: 'innovation_score',
    label: `企业创新能力评价得分高于 ${rubric.innovationScore.passAbove} 分（专家评分）`,
    labelEn: `Innovation ability score above ${rubric.innovationScore.passAbove} (expert-scored)`,
    value: input.expertInnovationScore ?? null,
    valueName: 'expertInnovationScore',
    threshold: rubric.innovationScore.passAbove,
    comparison: 'above',
    unit: 'points',
    format: pointsPhrase,
  });

  const quantitative = [registered, coreIp, techStaff, rdIntensity, rdInChina, highTechRevenue];
  const all = [registered, coreIp, keyField, techStaff, rdIntensity, rdInChina, highTechRevenue, innovation];
  const certificate = certificateRoute(book, {
    key: 'high_tech_enterprise_certificate',
    label: '已持有有效期内的高新技术企业证书',
    labelEn: 'Already holds a valid High-tech Enterprise certificate',
    kinds: ['high_tech_enterprise'],
    termYears: rubric.certificateValidityYears,
  });
  const { rubricId, rubricVersion, rubricName, rubricNameEn, verdict, ...rest } = certificateOrAllConditions(rubric, {
    fiscalYear: year,
    conditions: all,
    certificate,
    passReason: {
      byCertificate: {
        zh: '已持有有效期内的高新技术企业证书。',
        en: 'Holds a valid High-tech Enterprise certificate.',
      },
      byConditions: { zh: '各项认定条件均满足。', en: 'Every condition is met.' },
    },
  });
  // Spelled out so the serialized report keeps `quantitativeVerdict` right after `verdict`.
  return {
    rubricId,
    rubricVersion,
    rubricName,
    rubricNameEn,
    verdict,
    quantitativeVerdict: toVerdict(anyOf([certificate.met, allOf(quantitative.map((c) => c.met))])),
    ...rest,
  };
}
