import { figure, figureName, openFactBook, type FactBook } from './company-facts';
import { awardRoute, certificateRoute, equityRaisedCondition } from './direct-routes';
import { compare, exact, largestPartWithin, sharePercent, sub, toNumberUp } from './exact-arithmetic';
import { formatPercent, formatPercentNumber, formatPoints, moneyPhrase, pointsPhrase, type Phrase } from './format';
import { countIp } from './ip-facts';
import {
  type ConditionDraft,
  factCondition,
  finishCondition,
  finishIndicator,
  type IndicatorDraft,
  rawPercent,
  rubricResult,
  shareIndicator,
  unscoredIndicator,
} from './result-builders';
import { collectMissing } from './rubric-summary';
import { HIGH_TECH_ENTERPRISE_2016, type HighTechEnterpriseRubric } from './rubrics/high-tech-enterprise-2016';
import { IP_CLASSES_2022, type IpClassRubric } from './rubrics/ip-classes';
import { SME_GRADIENT_2022, type InnovativeSmeRubric } from './rubrics/sme-gradient-2022';
import { SME_SIZE_2011, type SmeSizeRubric } from './rubrics/sme-size-2011';
import { TECH_SME_2022 } from './rubrics/tech-sme-2022';
import { evaluateSmeSize, SIZE_CLASS_LABELS } from './sme-size';
import { allOf, anyOf, flips, reaches, toVerdict } from './tri-logic';
import type { CompanyFacts, RubricResult, Tri } from './types';

export interface InnovativeSmeRubrics {
  innovativeSme: InnovativeSmeRubric;
  ipClasses: IpClassRubric;
  smeSize: SmeSizeRubric;
  /** Supplies the 高新技术企业 certificate term for the direct route. */
  highTechEnterprise: HighTechEnterpriseRubric;
}

const DEFAULT_RUBRICS: InnovativeSmeRubrics = {
  innovativeSme: SME_GRADIENT_2022.innovativeSme,
  ipClasses: IP_CLASSES_2022,
  smeSize: SME_SIZE_2011,
  highTechEnterprise: HIGH_TECH_ENTERPRISE_2016,
};

/** 1. 与企业主导产品相关的有效知识产权: the first grade the portfolio reaches (高价值Ⅰ类 > 自主研发Ⅰ类 > Ⅰ类 > Ⅱ类). */
function ipIndicator(book: FactBook, rubric: InnovativeSmeRubric, ipClasses: IpClassRubric): IndicatorDraft {
  const grades = [
    {
      points: rubric.ip.classIHighValuePoints,
      count: countIp(book.input, { ipClass: 'I', requireTied: true, requireFlag: 'highValue' }, ipClasses),
      band: 'Ⅰ类高价值≥1',
      what: { zh: '1 项Ⅰ类高价值知识产权', en: '1 high-value class I item' },
    },
    {
      points: rubric.ip.classISelfDevelopedPoints,
      count: countIp(book.input, { ipClass: 'I', requireTied: true, requireFlag: 'selfDeveloped' }, ipClasses),
      band: '自主研发Ⅰ类≥1',
      what: { zh: '1 项自主研发的Ⅰ类知识产权', en: '1 self-developed class I item' },
    },
    {
      points: rubric.ip.classIPoints,
      count: countIp(book.input, { ipClass: 'I', requireTied: true }, ipClasses),
      band: 'Ⅰ类≥1',
      what: { zh: '1 项Ⅰ类知识产权', en: '1 class I item' },
    },
    {
      points: rubric.ip.classIIPoints,
      count: countIp(book.input, { ipClass: 'II', requireTied: true }, ipClasses),
      band: 'Ⅱ类≥1',
      what: { zh: '1 项Ⅱ类知识产权', en: '1 class II item' },
    },
  ];
  const minPoints = grades.find((g) => g.count.known >= 1)?.points ?? 0;
  const maxPossible = grades.find((g) => g.count.possible >= 1)?.points ?? 0;
  const points = minPoints === maxPossible ? minPoints : null;
  const reached = grades.find((g) => g.count.known >= 1);
  const draft: IndicatorDraft = {
    key: 'ip',
    label: '与主导产品相关的有效知识产权',
    labelEn: 'Valid IP tied to the main product',
    maxPoints: rubric.ip.maxPoints,
    rawValue: grades[2].count.known + grades[3].count.known,
    displayValue: `Ⅰ类 ${grades[2].count.known} 项、Ⅱ类 ${grades[3].count.known} 项`,
    points,
    minPoints,
    maxPointsPossible: maxPossible,
    band: reached?.band ?? '无',
    missingInputs: [...new Set(grades.flatMap((g) => g.count.missing))],
  };
  if (points !== null && points < rubric.ip.maxPoints) {
    const next = [...grades].reverse().find((g) => g.points > points);
    if (next) {
      draft.next = {
        threshold: 1,
        unit: 'count',
        delta: 1,
        valueNeeded: 1,
        valueNeededInput: 'ipItems',
        valueDelta: 1,
        pointsGained: next.points - points,
        step: { zh: `取得${next.what.zh}`, en: `obtain ${next.what.en}` },
      };
    }
  }
  return draft;
}

/** 3. 上年度主营业务收入增长率, scored like a share of last year's main-business revenue. */
function growthIndicator(book: FactBook, rubric: InnovativeSmeRubric): IndicatorDraft {
  const year = book.fiscalYear;
  const current = figure(book, year, 'mainBusinessRevenue');
  const previous = figure(book, year - 1, 'mainBusinessRevenue');
  const base = {
    key: 'main_business_growth',
    label: '主营业务收入增长率',
    labelEn: 'Main-business revenue growth',
    maxPoints: rubric.mainBusinessGrowth.maxPoints,
  };
  if (current === null || previous === null) {
    const missingInputs = [];
    if (current === null) missingInputs.push(figureName(year, 'mainBusinessRevenue'));
    if (previous === null) missingInputs.push(figureName(year - 1, 'mainBusinessRevenue'));
    return unscoredIndicator(base, missingInputs);
  }
  if (previous === 0) {
    // From nothing, any revenue is unbounded growth and none is no growth at all.
    const bands = rubric.mainBusinessGrowth.bands;
    const points = current > 0 ? bands[0].points : (bands.find((b) => b.minPercent <= 0)?.points ?? 0);
    return {
      ...base,
      rawValue: null,
      displayValue: '—',
      points,
      minPoints: points,
      maxPointsPossible: points,
      band: current > 0 ? `≥${formatPercentNumber(bands[0].minPercent)}` : '≥0%',
      missingInputs: [],
      note: { zh: '上年主营业务收入为 0', en: "the previous year's main-business revenue was 0" },
    };
  }
  const draft = shareIndicator({
    ...base,
    bands: rubric.mainBusinessGrowth.bands,
    part: current - previous,
    whole: previous,
    partName: figureName(year, 'mainBusinessRevenue'),
    wholeName: figureName(year - 1, 'mainBusinessRevenue'),
    mode: 'separate',
    addition: (x) => ({
      zh: `需主营业务收入再增加 ${moneyPhrase(x, 'up').zh}`,
      en: `main-business revenue up by ${moneyPhrase(x, 'up').en}`,
    }),
  });
  if (draft.next?.valueDelta !== undefined) draft.next.valueNeeded = current + draft.next.valueDelta;
  return draft;
}

/** 4. 上年度资产负债率: lower is better, each band is "below" its edge. */
function debtRatioIndicator(book: FactBook, rubric: InnovativeSmeRubric): IndicatorDraft {
  const year = book.fiscalYear;
  const liabilities = figure(book, year, 'liabilities');
  const assets = figure(book, year, 'totalAssets');
  const { maxPoints, bands } = rubric.debtRatio;
  const base = { key: 'debt_ratio', label: '资产负债率', labelEn: 'Debt-to-asset ratio', maxPoints };
  if (liabilities === null || assets === null) {
    const missingInputs = [];
    if (liabilities === null) missingInputs.push(figureName(year, 'liabilities'));
    if (assets === null) missingInputs.push(figureName(year, 'totalAssets'));
    return unscoredIndicator(base, missingInputs);
  }
  if (assets === 0) {
    return {
      ...base,
      rawValue: null,
      displayValue: '—',
      points: 0,
      minPoints: 0,
      maxPointsPossible: 0,
      band: null,
      missingInputs: [],
      note: { zh: '资产总额为 0，比例无法计算', en: 'total assets are 0, so the ratio is undefined' },
    };
  }
  const share = sharePercent(liabilities, assets);
  const index = bands.findIndex((b) => compare(share, exact(b.belowPercent)) < 0);
  const points = index >= 0 ? bands[index].points : 0;
  const draft: IndicatorDraft = {
    ...base,
    rawValue: rawPercent(share),
    displayValue: formatPercent(share),
    points,
    minPoints: points,
    maxPointsPossible: points,
    band:
      index >= 0
        ? `<${formatPercentNumber(bands[index].belowPercent)}`
        : `≥${formatPercentNumber(bands[bands.length - 1].belowPercent)}`,
    missingInputs: [],
  };
  if (index !== 0) {
    const target = bands[index === -1 ? bands.length - 1 : index - 1];
    const limit = largestPartWithin(assets, target.belowPercent, false);
    const over = sub(share, exact(target.belowPercent));
    const cut = liabilities - limit;
    draft.next = {
      threshold: target.belowPercent,
      unit: 'percent',
      delta: -toNumberUp(over, 4),
      valueNeeded: limit,
      valueNeededInput: figureName(year, 'liabilities'),
      valueDelta: -cut,
      pointsGained: target.points - points,
      step: {
        zh: `负债率降至 ${formatPercentNumber(target.belowPercent)} 以下（至少降低 ${formatPoints(over)} 个百分点）`,
        en: `bring the ratio below ${formatPercentNumber(target.belowPercent)} (at least ${formatPoints(over)} pp lower)`,
      },
      how: { zh: `负债需减少 ${moneyPhrase(cut, 'up').zh}`, en: `liabilities down by ${moneyPhrase(cut, 'up').en}` },
    };
  }
  return draft;
}

/** 5. 主导产品所属领域: a classification, not something a founder can move, so it has no next band. */
function strategicFieldIndicator(book: FactBook, rubric: InnovativeSmeRubric): IndicatorDraft {
  const value = book.input.inStrategicEmergingIndustry;
  const { maxPoints, inListPoints, otherPoints } = rubric.strategicField;
  const base = { key: 'strategic_field', label: '主导产品所属领域', labelEn: 'Field of the main product', maxPoints };
  if (value === undefined || value === null) {
    return {
      ...base,
      rawValue: null,
      displayValue: '—',
      points: null,
      minPoints: Math.min(inListPoints, otherPoints),
      maxPointsPossible: Math.max(inListPoints, otherPoints),
      band: null,
      missingInputs: ['inStrategicEmergingIndustry'],
    };
  }
  const points = value ? inListPoints : otherPoints;
  return {
    ...base,
    rawValue: value ? 1 : 0,
    displayValue: value ? '属于《战略性新兴产业分类》' : '其他领域',
    points,
    minPoints: points,
    maxPointsPossible: points,
    band: value ? '战略性新兴产业' : '其他领域',
    missingInputs: [],
  };
}

interface Group {
  key: 'innovation' | 'growth' | 'specialisation';
  label: Phrase;
  indicators: number[];
}

const GROUPS: readonly Group[] = [
  { key: 'innovation', label: { zh: '创新能力', en: 'innovation' }, indicators: [0, 1] },
  { key: 'growth', label: { zh: '成长性', en: 'growth' }, indicators: [2, 3] },
  { key: 'specialisation', label: { zh: '专业化', en: 'specialisation' }, indicators: [4, 5] },
];

/**
 * 创新型中小企业 (工信部企业〔2022〕63号 附件1): an SME under the 2011 standard AND (a direct route OR
 * score ≥ 60 with 创新能力 ≥ 20, 成长性 ≥ 15, 专业化 ≥ 15).
 */
export function evaluateInnovativeSme(
  input: CompanyFacts,
  rubrics: InnovativeSmeRubrics = DEFAULT_RUBRICS,
): RubricResult {
  const book = openFactBook(input);
  const rubric = rubrics.innovativeSme;
  const year = book.fiscalYear;
  const size = evaluateSmeSize(input, { smeSize: rubrics.smeSize, techSme: TECH_SME_2022 });

  const indicators: IndicatorDraft[] = [
    ipIndicator(book, rubric, rubrics.ipClasses),
    shareIndicator({
      key: 'rd_intensity',
      label: '研发费用占营业收入比重',
      labelEn: 'R&D ÷ revenue',
      maxPoints: rubric.rdIntensity.maxPoints,
      bands: rubric.rdIntensity.bands,
      part: figure(book, year, 'rdSpend'),
      whole: figure(book, year, 'revenue'),
      partName: figureName(year, 'rdSpend'),
      wholeName: figureName(year, 'revenue'),
      mode: 'separate',
      addition: (x) => ({
        zh: `需研发费用再增加 ${moneyPhrase(x, 'up').zh}`,
        en: `R&D spend up by ${moneyPhrase(x, 'up').en}`,
      }),
    }),
    growthIndicator(book, rubric),
    debtRatioIndicator(book, rubric),
    strategicFieldIndicator(book, rubric),
    shareIndicator({
      key: 'main_business_share',
      label: '主营业务收入占营业收入比重',
      labelEn: 'Main-business share of revenue',
      maxPoints: rubric.mainBusinessShare.maxPoints,
      bands: rubric.mainBusinessShare.bands,
      part: figure(book, year, 'mainBusinessRevenue'),
      whole: figure(book, year, 'revenue'),
      partName: figureName(year, 'mainBusinessRevenue'),
      wholeName: figureName(year, 'revenue'),
      mode: 'included',
      addition: (x) => ({
        zh: `需主营业务收入再增加 ${moneyPhrase(x, 'up').zh}`,
        en: `main-business revenue up by ${moneyPhrase(x, 'up').en}`,
      }),
    }),
  ];

  const routes = rubric.directRoutes;
  const direct: ConditionDraft[] = [
    certificateRoute(book, {
      key: 'already_recognised',
      label: '已获认定为创新型中小企业（有效期内）',
      labelEn: 'Already recognised as an innovative SME (valid)',
      kinds: ['innovative_sme', 'specialized_sme', 'little_giant'],
      termYears: rubric.certificateValidityYears,
    }),
    awardRoute(book, {
      key: 'science_award',
      label: `近 ${routes.awardWithinYears} 年内获得过国家级、省级科技奖励`,
      labelEn: `National or provincial science award within ${routes.awardWithinYears} years`,
      kinds: ['national_science_award', 'provincial_science_award'],
      withinYears: routes.awardWithinYears,
      maxRank: null,
    }),
    certificateRoute(book, {
      key: 'high_tech_enterprise_certificate',
      label: '获得高新技术企业称号（有效期内）',
      labelEn: 'Holds a valid High-tech Enterprise certificate',
      kinds: ['high_tech_enterprise'],
      termYears: rubrics.highTechEnterprise.certificateValidityYears,
    }),
    certificateRoute(book, {
      key: 'provincial_rd_institution',
      label: '拥有经认定的省部级以上研发机构',
      labelEn: 'Recognised provincial-or-higher R&D institution',
      kinds: ['provincial_rd_institution'],
      termYears: null,
    }),
    equityRaisedCondition(book, {
      key: 'equity_raised',
      label: `近 ${routes.equityWithinYears} 年新增股权融资总额不低于 ${moneyPhrase(routes.minEquityRaised).zh}`,
      labelEn: `New equity over ${routes.equityWithinYears} years at least ${moneyPhrase(routes.minEquityRaised).en}`,
      years: routes.equityWithinYears,
      minAmount: routes.minEquityRaised,
    }),
  ];

  const smeCondition = factCondition({
    key: 'is_sme',
    label: '符合《中小企业划型标准规定》的中小企业',
    labelEn: 'An SME under the 2011 size standard',
    met: size.isSme,
    requirement: { zh: '中小微型企业', en: 'micro, small or medium' },
    detail: size.sizeClass ? SIZE_CLASS_LABELS[size.sizeClass] : undefined,
    missingInputs: size.isSme === null ? size.conditions[0].missingInputs : [],
  });

  const directMet = anyOf(direct.map((c) => c.met));
  const bounds = indicators.map((d) => ({ min: d.minPoints, max: d.maxPointsPossible }));
  const groupReach = (b: typeof bounds, group: Group): Tri => {
    const lower = group.indicators.reduce((sum, i) => sum + b[i].min, 0);
    const upper = group.indicators.reduce((sum, i) => sum + b[i].max, 0);
    return reaches(lower, upper, rubric.groupMinimums[group.key]);
  };
  const scoreStates = (b: typeof bounds): Tri[] => {
    const lower = b.reduce((sum, x) => sum + x.min, 0);
    const upper = b.reduce((sum, x) => sum + x.max, 0);
    return [reaches(lower, upper, rubric.passPoints), ...GROUPS.map((g) => groupReach(b, g))];
  };
  const decide = (b: typeof bounds, override?: { index: number; value: Tri }): Tri => {
    const states = scoreStates(b);
    if (override) states[override.index] = override.value;
    return allOf([smeCondition.met, anyOf([directMet, allOf(states)])]);
  };
  const now = decide(bounds);
  const finished = indicators.map((d, i) => {
    if (!d.next || d.points === null) return finishIndicator(d, false);
    const improved = d.points + d.next.pointsGained;
    return finishIndicator(
      d,
      flips(now, decide(bounds.map((b, k) => (k === i ? { min: improved, max: improved } : b)))),
    );
  });

  const total = indicators.every((d) => d.points !== null)
    ? indicators.reduce((sum, d) => sum + (d.points ?? 0), 0)
    : null;
  const states = scoreStates(bounds);
  const lowerTotal = bounds.reduce((sum, b) => sum + b.min, 0);
  const pointConditions: ConditionDraft[] = [
    {
      key: 'total_points',
      label: { zh: '评价总分', en: 'Total score' },
      min: rubric.passPoints,
      members: [0, 1, 2, 3, 4, 5],
    },
    ...GROUPS.map((g) => ({
      key: `${g.key}_points`,
      label: { zh: `${g.label.zh}指标得分`, en: `${g.label.en} points` },
      min: rubric.groupMinimums[g.key],
      members: g.indicators,
    })),
  ].map((spec, k) => {
    const members = spec.members.map((i) => indicators[i]);
    const known = members.every((d) => d.points !== null);
    const value = known ? members.reduce((sum, d) => sum + (d.points ?? 0), 0) : null;
    const draft: ConditionDraft = {
      key: spec.key,
      label: `${spec.label.zh}不低于 ${spec.min} 分`,
      labelEn: `${spec.label.en} at least ${spec.min}`,
      met: states[k],
      rawValue: value,
      displayValue: value === null ? undefined : pointsPhrase(value).zh,
      detail: value === null ? undefined : pointsPhrase(value),
      requirement: { zh: `≥ ${pointsPhrase(spec.min).zh}`, en: `≥ ${pointsPhrase(spec.min).en}` },
      missingInputs: value === null ? collectMissing(members) : [],
    };
    if (value !== null && value < spec.min) {
      draft.gap = {
        threshold: spec.min,
        unit: 'points',
        delta: spec.min - value,
        step: { zh: `还差 ${spec.min - value} 分`, en: `${spec.min - value} points short` },
      };
    }
    return draft;
  });

  const conditionDrafts = [smeCondition, ...pointConditions];
  const conditions = conditionDrafts.map((c, k) =>
    finishCondition(c, c.met === false && k > 0 ? flips(now, decide(bounds, { index: k - 1, value: true })) : false),
  );
  const verdict = toVerdict(now);
  const missingInputs = collectMissing([smeCondition, ...indicators, ...direct]);
  const directRoute = direct.find((c) => c.met === true);
  const passReason: Phrase = directRoute
    ? { zh: `${directRoute.label}，可直接认定。`, en: `Direct route: ${directRoute.labelEn}.` }
    : total !== null
      ? { zh: `评价得分 ${total} 分，各类指标均达到最低分。`, en: `Score ${total}, every group at its minimum.` }
      : {
          zh: `评价得分至少 ${lowerTotal} 分，各类指标均达到最低分。`,
          en: `Score at least ${lowerTotal}, every group at its minimum.`,
        };

  return rubricResult(rubric, {
    verdict,
    missingInputs,
    fiscalYear: year,
    score: { totalPoints: total, maxPoints: rubric.maxPoints, passPoints: rubric.passPoints },
    indicators: finished,
    conditions,
    directRoutes: direct,
    passReason,
  });
}
