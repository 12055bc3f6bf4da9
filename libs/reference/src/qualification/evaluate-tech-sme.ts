import { figure, figureName, openFactBook, type FactBook } from './company-facts';
import { awardRoute, certificateRoute, standardRoute } from './direct-routes';
import { sharePercent, toNumberUp } from './exact-arithmetic';
import { formatPercent, formatPercentNumber, formatPoints, moneyPhrase, pointsPhrase, type Phrase } from './format';
import { countIp } from './ip-facts';
import {
  bandIndexOfShare,
  bandLabel,
  type ConditionDraft,
  factCondition,
  finishCondition,
  finishIndicator,
  type IndicatorDraft,
  pointsOfBand,
  rawPercent,
  rubricResult,
  shareIndicator,
  stepToShare,
  unscoredIndicator,
} from './result-builders';
import { collectMissing } from './rubric-summary';
import { techSmeCeilingConditions } from './tech-sme-ceiling';
import { HIGH_TECH_ENTERPRISE_2016, type HighTechEnterpriseRubric } from './rubrics/high-tech-enterprise-2016';
import { IP_CLASSES_2022, type IpClassRubric } from './rubrics/ip-classes';
import { TECH_SME_2022, type CountBand, type PercentBand, type TechSmeRubric } from './rubrics/tech-sme-2022';
import { allOf, anyOf, flips, reaches, toVerdict } from './tri-logic';
import type { CompanyFacts, RubricResult, Tri } from './types';

export interface TechSmeRubrics {
  techSme: TechSmeRubric;
  ipClasses: IpClassRubric;
  /** Supplies the 高新技术企业 certificate term for the direct route. */
  highTechEnterprise: HighTechEnterpriseRubric;
}

const DEFAULT_RUBRICS: TechSmeRubrics = {
  techSme: TECH_SME_2022,
  ipClasses: IP_CLASSES_2022,
  highTechEnterprise: HIGH_TECH_ENTERPRISE_2016,
};

interface Bounds {
  min: number;
  max: number;
}

interface RdRoute {
  label: Phrase;
  bands: readonly PercentBand[];
  whole: number | null;
  wholeName: string;
  mode: 'separate' | 'included';
}

/**
 * 研发投入: R&D ÷ revenue and R&D ÷ total costs are both scored and the better one counts. R&D is
 * itself a cost, so raising it also raises total costs — the cost route's distance accounts for that.
 */
function rdIndicator(book: FactBook, rubric: TechSmeRubric): IndicatorDraft {
  const year = book.fiscalYear;
  const { maxPoints, byRevenue, byTotalCosts } = rubric.rdIntensity;
  const rd = figure(book, year, 'rdSpend');
  const routes: RdRoute[] = [
    {
      label: { zh: '销售收入', en: 'revenue' },
      bands: byRevenue,
      whole: figure(book, year, 'revenue'),
      wholeName: figureName(year, 'revenue'),
      mode: 'separate',
    },
    {
      label: { zh: '成本费用总额', en: 'total costs' },
      bands: byTotalCosts,
      whole: figure(book, year, 'totalCosts'),
      wholeName: figureName(year, 'totalCosts'),
      mode: 'included',
    },
  ];
  const base = { key: 'rd_intensity', label: '研发投入强度', labelEn: 'R&D intensity', maxPoints };
  if (rd === null) {
    const missingInputs = [
      figureName(year, 'rdSpend'),
      ...routes.filter((r) => r.whole === null).map((r) => r.wholeName),
    ];
    return unscoredIndicator(base, missingInputs);
  }
  const scored = routes.map((route) => {
    if (route.whole === null) return { route, points: null, index: -1 };
    if (route.whole === 0) return { route, points: 0, index: -1 };
    const index = bandIndexOfShare(rd, route.whole, route.bands);
    return { route, points: pointsOfBand(route.bands, index), index };
  });
  const known = scored.filter((s) => s.points !== null);
  const best = known.reduce<(typeof scored)[number] | null>(
    (a, s) => (a === null || (s.points ?? 0) > (a.points ?? 0) ? s : a),
    null,
  );
  const bestPoints = best?.points ?? 0;
  const unknownRoutes = scored.filter((s) => s.points === null);
  // With one ratio missing the indicator is settled only if the other already earns the maximum.
  const settled = unknownRoutes.length === 0 || bestPoints === maxPoints;
  if (!settled) {
    return unscoredIndicator(
      base,
      unknownRoutes.map((s) => s.route.wholeName),
      bestPoints,
    );
  }
  const counting = best ?? scored[0];
  const whole = counting.route.whole ?? 0;
  const shareOf = (w: number) => formatPercent(sharePercent(rd, w));
  const draft: IndicatorDraft = {
    ...base,
    rawValue: whole > 0 ? rawPercent(sharePercent(rd, whole)) : null,
    displayValue: whole > 0 ? shareOf(whole) : '—',
    points: bestPoints,
    minPoints: bestPoints,
    maxPointsPossible: bestPoints,
    band: `${counting.route.label.zh} ${bandLabel(counting.route.bands, counting.index)}`,
    missingInputs: [],
  };
  const other = scored.find((s) => s !== counting);
  draft.note = {
    zh: `按研发费用占${counting.route.label.zh}比例计分${other && other.route.whole ? `；占${other.route.label.zh} ${shareOf(other.route.whole)} 得 ${other.points} 分` : ''}`,
    en: `scored on R&D ÷ ${counting.route.label.en}${other && other.route.whole ? `; R&D ÷ ${other.route.label.en} ${shareOf(other.route.whole)} earns ${other.points}` : ''}`,
  };
  if (bestPoints < maxPoints) {
    // The next level is the next points value; take whichever ratio reaches it with less extra R&D.
    const options = scored.flatMap((s) => {
      if (s.route.whole === null || s.route.whole === 0) return [];
      const target = [...s.route.bands].reverse().find((band) => band.points > bestPoints);
      if (!target) return [];
      const step = stepToShare(rd, s.route.whole, target.minPercent, s.route.mode);
      return step ? [{ s, target, step }] : [];
    });
    const cheapest = options.reduce<(typeof options)[number] | null>(
      (a, o) => (a === null || o.step.addition < a.step.addition ? o : a),
      null,
    );
    if (cheapest) {
      const { s, target, step } = cheapest;
      const pp = formatPoints(step.percentPoints);
      const edge = formatPercentNumber(target.minPercent);
      const extra = moneyPhrase(step.addition, 'up');
      draft.next = {
        threshold: target.minPercent,
        unit: 'percent',
        delta: toNumberUp(step.percentPoints, 4),
        valueNeeded: rd + step.addition,
        valueNeededInput: figureName(year, 'rdSpend'),
        valueDelta: step.addition,
        pointsGained: target.points - bestPoints,
        step: {
          zh: `研发费用占${s.route.label.zh}比例再提高 ${pp} 个百分点达到 ${edge} 档`,
          en: `${pp} pp more of R&D ÷ ${s.route.label.en} reaches the ${edge} band`,
        },
        how: { zh: `需研发费用再增加 ${extra.zh}`, en: `R&D spend up by ${extra.en}` },
      };
    }
  }
  return draft;
}

function classIIPoints(bands: readonly CountBand[], count: number): number {
  return bands.find((band) => count >= band.minCount)?.points ?? 0;
}

/** 知识产权: one Ⅰ类 item earns the Ⅰ类 points outright, otherwise the Ⅱ类 count decides. */
function ipIndicator(book: FactBook, rubric: TechSmeRubric, ipClasses: IpClassRubric): IndicatorDraft {
  const { maxPoints, classIMinCount, classIPoints, classIIBands } = rubric.ip;
  const classI = countIp(book.input, { ipClass: 'I', requireTied: true }, ipClasses);
  const classII = countIp(book.input, { ipClass: 'II', requireTied: true }, ipClasses);
  const score = (i: number, ii: number) => (i >= classIMinCount ? classIPoints : classIIPoints(classIIBands, ii));
  const minPoints = score(classI.known, classII.known);
  const maxPossible = score(classI.possible, classII.possible);
  const points = minPoints === maxPossible ? minPoints : null;
  const byClassI = classI.known >= classIMinCount;
  const draft: IndicatorDraft = {
    key: 'ip',
    label: '与主要产品相关的有效知识产权',
    labelEn: 'Valid IP tied to the main product',
    maxPoints,
    rawValue: byClassI ? classI.known : classII.known,
    displayValue: `Ⅰ类 ${classI.known} 项、Ⅱ类 ${classII.known} 项`,
    points,
    minPoints,
    maxPointsPossible: maxPossible,
    band: byClassI
      ? `Ⅰ类≥${classIMinCount}`
      : (() => {
          const band = classIIBands.find((b) => classII.known >= b.minCount);
          return band ? `Ⅱ类≥${band.minCount}` : '无';
        })(),
    missingInputs: [...new Set([...classI.missing, ...classII.missing])],
  };
  if (points === null || points >= maxPoints) return draft;
  const nextII = [...classIIBands].reverse().find((band) => band.minCount > classII.known);
  if (nextII) {
    const more = nextII.minCount - classII.known;
    draft.next = {
      threshold: nextII.minCount,
      unit: 'count',
      delta: more,
      valueNeeded: nextII.minCount,
      valueNeededInput: 'ipItems.classII',
      valueDelta: more,
      pointsGained: nextII.points - points,
      step: {
        zh: `再取得 ${more} 项Ⅱ类知识产权达到 ${nextII.minCount} 项档`,
        en: `${more} more class II IP item(s) reach the ${nextII.minCount}-item band`,
      },
      how: {
        zh: `或取得 ${classIMinCount} 项Ⅰ类知识产权直接得 ${classIPoints} 分`,
        en: `or ${classIMinCount} class I item earns ${classIPoints} outright`,
      },
    };
  } else {
    const more = classIMinCount - classI.known;
    draft.next = {
      threshold: classIMinCount,
      unit: 'count',
      delta: more,
      valueNeeded: classIMinCount,
      valueNeededInput: 'ipItems.classI',
      valueDelta: more,
      pointsGained: classIPoints - points,
      step: { zh: `取得 ${more} 项Ⅰ类知识产权`, en: `${more} class I IP item(s)` },
    };
  }
  return draft;
}

/**
 * 科技型中小企业 (国科发政〔2022〕67号): basic conditions AND (a direct route OR (score ≥ 60 AND
 * tech-staff points > 0)). Missing figures leave the affected parts unknown; the verdict is decided
 * whenever the known parts already decide it.
 */
export function evaluateTechSme(input: CompanyFacts, rubrics: TechSmeRubrics = DEFAULT_RUBRICS): RubricResult {
  const book = openFactBook(input);
  const rubric = rubrics.techSme;
  const year = book.fiscalYear;

  const basic = techSmeCeilingConditions(book, rubric);
  const indicators: IndicatorDraft[] = [
    shareIndicator({
      key: 'tech_staff_share',
      label: '科技人员占比',
      labelEn: 'Tech staff share',
      maxPoints: rubric.techStaffShare.maxPoints,
      bands: rubric.techStaffShare.bands,
      part: figure(book, year, 'techStaff'),
      whole: figure(book, year, 'headcount'),
      partName: figureName(year, 'techStaff'),
      wholeName: figureName(year, 'headcount'),
      mode: 'included',
      addition: (x) => ({ zh: `如新增 ${x} 名科技人员`, en: `e.g. hire ${x} more tech staff` }),
    }),
    rdIndicator(book, rubric),
    ipIndicator(book, rubric, rubrics.ipClasses),
  ];
  const routes = rubric.directRoutes;
  const direct: ConditionDraft[] = [
    certificateRoute(book, {
      key: 'high_tech_enterprise_certificate',
      label: '拥有有效期内高新技术企业资格证书',
      labelEn: 'Holds a valid High-tech Enterprise certificate',
      kinds: ['high_tech_enterprise'],
      termYears: rubrics.highTechEnterprise.certificateValidityYears,
    }),
    awardRoute(book, {
      key: 'national_science_award',
      label: `近 ${routes.nationalAwardWithinYears} 年内获得国家级科技奖励（获奖单位前 ${routes.nationalAwardMaxRank} 名）`,
      labelEn: `National science award within ${routes.nationalAwardWithinYears} years (top ${routes.nationalAwardMaxRank} unit)`,
      kinds: ['national_science_award'],
      withinYears: routes.nationalAwardWithinYears,
      maxRank: routes.nationalAwardMaxRank,
    }),
    certificateRoute(book, {
      key: 'provincial_rd_institution',
      label: '拥有经认定的省部级以上研发机构',
      labelEn: 'Recognised provincial-or-higher R&D institution',
      kinds: ['provincial_rd_institution'],
      termYears: null,
    }),
    standardRoute(book, {
      key: 'standard_setting',
      label: `近 ${routes.standardWithinYears} 年内主导制定过国际、国家或行业标准`,
      labelEn: `Led an international, national or industry standard within ${routes.standardWithinYears} years`,
      withinYears: routes.standardWithinYears,
      scopes: routes.countedStandardScopes,
    }),
  ];

  const basicMet = allOf(basic.map((c) => c.met));
  const directMet = anyOf(direct.map((c) => c.met));
  const decide = (bounds: readonly Bounds[], basicState: Tri = basicMet, scoreOverride?: Tri): Tri => {
    const lower = bounds.reduce((sum, b) => sum + b.min, 0);
    const upper = bounds.reduce((sum, b) => sum + b.max, 0);
    const score = scoreOverride ?? reaches(lower, upper, rubric.passPoints);
    const tech = bounds[0];
    const techPositive: Tri = tech.min > 0 ? true : tech.max === 0 ? false : null;
    return allOf([basicState, anyOf([directMet, allOf([score, techPositive])])]);
  };
  const bounds = indicators.map((d) => ({ min: d.minPoints, max: d.maxPointsPossible }));
  const now = decide(bounds);
  const withBand = (i: number, points: number) => bounds.map((b, k) => (k === i ? { min: points, max: points } : b));

  const finished = indicators.map((d, i) =>
    finishIndicator(
      d,
      d.next && d.points !== null ? flips(now, decide(withBand(i, d.points + d.next.pointsGained))) : false,
    ),
  );
  const totalKnown = indicators.every((d) => d.points !== null);
  const total = totalKnown ? indicators.reduce((sum, d) => sum + (d.points ?? 0), 0) : null;
  const lower = bounds.reduce((sum, b) => sum + b.min, 0);
  const upper = bounds.reduce((sum, b) => sum + b.max, 0);

  const scoreCondition: ConditionDraft = {
    key: 'total_points',
    label: `评价总分不低于 ${rubric.passPoints} 分`,
    labelEn: `Total score at least ${rubric.passPoints}`,
    met: reaches(lower, upper, rubric.passPoints),
    rawValue: total,
    displayValue: total === null ? undefined : pointsPhrase(total).zh,
    detail: total === null ? undefined : { zh: pointsPhrase(total).zh, en: pointsPhrase(total).en },
    requirement: { zh: `≥ ${pointsPhrase(rubric.passPoints).zh}`, en: `≥ ${pointsPhrase(rubric.passPoints).en}` },
    missingInputs: total === null ? collectMissing(indicators) : [],
  };
  if (total !== null && total < rubric.passPoints) {
    const short = rubric.passPoints - total;
    scoreCondition.gap = {
      threshold: rubric.passPoints,
      unit: 'points',
      delta: short,
      step: { zh: `还差 ${short} 分`, en: `${short} points short` },
    };
  }
  const techDraft = indicators[0];
  const techCondition = factCondition({
    key: 'tech_staff_points_positive',
    label: '科技人员指标得分不为 0',
    labelEn: 'Tech staff indicator scores above 0',
    met: techDraft.minPoints > 0 ? true : techDraft.maxPointsPossible === 0 ? false : null,
    requirement: { zh: '> 0 分', en: '> 0 points' },
    detail: techDraft.points === null ? undefined : pointsPhrase(techDraft.points),
    missingInputs: techDraft.points === null ? techDraft.missingInputs : [],
  });
  if (techDraft.points === 0 && techDraft.next) {
    const { pointsGained: _gained, ...gap } = techDraft.next;
    techCondition.gap = gap;
  }

  const conditionDrafts = [...basic, scoreCondition, techCondition];
  const conditionFlip = (c: ConditionDraft): boolean => {
    if (c.met !== false || !c.gap) return false;
    if (c.key === 'total_points') return flips(now, decide(bounds, basicMet, true));
    if (c.key === 'tech_staff_points_positive' && techDraft.next) {
      return flips(now, decide(withBand(0, (techDraft.points ?? 0) + techDraft.next.pointsGained)));
    }
    const others = basic.filter((b) => b !== c).map((b) => b.met);
    return flips(now, decide(bounds, allOf([...others, true])));
  };
  const directRoute = direct.find((c) => c.met === true);
  const passReason: Phrase = directRoute
    ? {
        zh: `基本条件满足，且${directRoute.label}，直接确认符合条件。`,
        en: `Basic conditions met and direct route applies: ${directRoute.labelEn}.`,
      }
    : {
        zh: `基本条件满足，总分 ${total ?? lower} 分（≥ ${rubric.passPoints}），科技人员指标 ${techDraft.points ?? techDraft.minPoints} 分。`,
        en: `Basic conditions met, total ${total ?? lower} points (≥ ${rubric.passPoints}), tech staff indicator ${techDraft.points ?? techDraft.minPoints} points.`,
      };

  return rubricResult(rubric, {
    verdict: toVerdict(now),
    missingInputs: collectMissing([...basic, ...indicators, ...direct]),
    fiscalYear: year,
    score: { totalPoints: total, maxPoints: rubric.maxPoints, passPoints: rubric.passPoints },
    indicators: finished,
    conditions: conditionDrafts.map((c) => finishCondition(c, conditionFlip(c))),
    directRoutes: direct,
    passReason,
  });
}
