import { figure, figureName, openFactBook, type FactBook } from './company-facts';
import { formatCount, moneyPhrase, staffPhrase, type Phrase } from './format';
import { type ConditionDraft, factCondition, finishCondition, rubricResult } from './result-builders';
import { collectMissing } from './rubric-summary';
import { techSmeCeilingConditions } from './tech-sme-ceiling';
import { SME_SIZE_2011, type SizeThresholds, type SmeSizeIndustry, type SmeSizeRubric } from './rubrics/sme-size-2011';
import { TECH_SME_2022, type TechSmeRubric } from './rubrics/tech-sme-2022';
import { allOf, flips, toVerdict } from './tri-logic';
import type { CompanyFacts, SizeClass, SizeMetric, SizeRequirement, SmeSizeResult, Tri } from './types';

export interface SmeSizeRubrics {
  smeSize: SmeSizeRubric;
  /** Supplies the 科技型中小企业 ceiling, the second gate of 投小. */
  techSme: TechSmeRubric;
}

const DEFAULT_RUBRICS: SmeSizeRubrics = { smeSize: SME_SIZE_2011, techSme: TECH_SME_2022 };

export const SIZE_CLASS_LABELS: Readonly<Record<SizeClass, Phrase>> = {
  micro: { zh: '微型企业', en: 'micro enterprise' },
  small: { zh: '小型企业', en: 'small enterprise' },
  medium: { zh: '中型企业', en: 'medium enterprise' },
  large: { zh: '大型企业', en: 'large enterprise' },
};

const METRIC_LABELS: Readonly<Record<SizeMetric, Phrase>> = {
  headcount: { zh: '从业人员', en: 'staff' },
  revenue: { zh: '营业收入', en: 'revenue' },
  totalAssets: { zh: '资产总额', en: 'total assets' },
};

function metricValue(metric: SizeMetric, value: number): Phrase {
  return metric === 'headcount' ? staffPhrase(value) : moneyPhrase(value);
}

/** "staff ≥ 300" reads better in English than "staff ≥ 300 staff". */
function metricBound(metric: SizeMetric, symbol: string, value: number): Phrase {
  const shown = metricValue(metric, value);
  const en = metric === 'headcount' ? formatCount(value) : shown.en;
  return { zh: `${METRIC_LABELS[metric].zh} ${symbol} ${shown.zh}`, en: `${METRIC_LABELS[metric].en} ${symbol} ${en}` };
}

function requirements(book: FactBook, thresholds: SizeThresholds): SizeRequirement[] {
  return (Object.keys(thresholds) as SizeMetric[]).map((metric) => {
    const threshold = thresholds[metric] ?? 0;
    const current = figure(book, book.fiscalYear, metric);
    return {
      metric,
      input: figureName(book.fiscalYear, metric),
      threshold,
      current,
      delta: current === null ? null : Math.max(0, threshold - current),
      met: current === null ? null : current >= threshold,
    };
  });
}

/** Every metric reaches its lower bound (…及以上，且…及以上). */
function reachesAll(book: FactBook, thresholds: SizeThresholds): Tri {
  return allOf(requirements(book, thresholds).map((r) => r.met));
}

/**
 * Reads the class bottom-up: failing the small bounds means micro whatever else is unknown (the
 * bounds of every larger class are higher on every metric), and so on up.
 */
function classify(book: FactBook, industry: SmeSizeIndustry): { sizeClass: SizeClass | null; isSme: Tri } {
  const small = reachesAll(book, industry.small);
  const medium = reachesAll(book, industry.medium);
  const large = reachesAll(book, industry.smeCeiling);
  const isSme: Tri = large === null ? null : !large;
  let sizeClass: SizeClass | null = null;
  if (small === false) sizeClass = 'micro';
  else if (small === true && medium === false) sizeClass = 'small';
  else if (medium === true && large === false) sizeClass = 'medium';
  else if (large === true) sizeClass = 'large';
  return { sizeClass, isSme: sizeClass === null ? isSme : sizeClass !== 'large' };
}

function joinThresholds(thresholds: SizeThresholds, symbol: string, joiner: Phrase): Phrase {
  const parts = (Object.keys(thresholds) as SizeMetric[]).map((metric) =>
    metricBound(metric, symbol, thresholds[metric] ?? 0),
  );
  return { zh: parts.map((p) => p.zh).join(joiner.zh), en: parts.map((p) => p.en).join(joiner.en) };
}

const NEXT_CLASS: Readonly<
  Record<Exclude<SizeClass, 'large'>, { sizeClass: SizeClass; bounds: 'small' | 'medium' | 'smeCeiling' }>
> = {
  micro: { sizeClass: 'small', bounds: 'small' },
  small: { sizeClass: 'medium', bounds: 'medium' },
  medium: { sizeClass: 'large', bounds: 'smeCeiling' },
};

/**
 * SME size class by 工信部联企业〔2011〕300号 for the company's industry, plus the 科技型中小企业
 * ceiling (≤ 500 staff, revenue and assets ≤ ¥200 m) as a second gate: the verdict passes when the
 * company is an SME and within that ceiling.
 */
export function evaluateSmeSize(input: CompanyFacts, rubrics: SmeSizeRubrics = DEFAULT_RUBRICS): SmeSizeResult {
  const book = openFactBook(input);
  const rubric = rubrics.smeSize;
  const key = input.industry ?? null;
  const industry = key !== null ? rubric.industries[key] : undefined;

  let sizeClass: SizeClass | null = null;
  let isSme: Tri = null;
  let smeCondition: ConditionDraft;
  let nextClass: SmeSizeResult['nextClass'];
  if (!industry) {
    smeCondition = factCondition({
      key: 'sme_by_2011_standard',
      label: '属于中小微型企业（2011 划型标准）',
      labelEn: 'SME under the 2011 size standard',
      met: null,
      requirement: { zh: '按所属行业划型', en: 'classified by industry' },
      detail: key === null ? undefined : { zh: `未识别的行业代码 ${key}`, en: `unrecognised industry key ${key}` },
      missingInputs: ['industry'],
    });
  } else {
    ({ sizeClass, isSme } = classify(book, industry));
    const values = industry.metrics.map((metric) => {
      const value = figure(book, book.fiscalYear, metric);
      const shown = value === null ? { zh: '—', en: '—' } : metricValue(metric, value);
      return { zh: `${METRIC_LABELS[metric].zh} ${shown.zh}`, en: `${METRIC_LABELS[metric].en} ${shown.en}` };
    });
    const classLabel = sizeClass ? SIZE_CLASS_LABELS[sizeClass] : { zh: '类型待定', en: 'class undetermined' };
    const ceiling = joinThresholds(industry.smeCeiling, '<', { zh: ' 或 ', en: ' or ' });
    smeCondition = factCondition({
      key: 'sme_by_2011_standard',
      label: `属于中小微型企业（${industry.label}）`,
      labelEn: `SME under the 2011 size standard (${industry.labelEn})`,
      met: isSme,
      requirement: ceiling,
      detail: {
        zh: `${values.map((v) => v.zh).join('、')} → ${classLabel.zh}`,
        en: `${values.map((v) => v.en).join(', ')} → ${classLabel.en}`,
      },
      missingInputs:
        sizeClass === null
          ? industry.metrics
              .filter((m) => figure(book, book.fiscalYear, m) === null)
              .map((m) => figureName(book.fiscalYear, m))
          : [],
    });
    if (sizeClass !== null && sizeClass !== 'large') {
      const next = NEXT_CLASS[sizeClass];
      nextClass = { sizeClass: next.sizeClass, requirements: requirements(book, industry[next.bounds]) };
    }
  }

  const gate = techSmeCeilingConditions(book, rubrics.techSme);
  const now = allOf([isSme, ...gate.map((c) => c.met)]);
  const conditions = [smeCondition, ...gate].map((c) =>
    finishCondition(
      c,
      c.met === false && c !== smeCondition
        ? flips(now, allOf([isSme, ...gate.map((g) => (g === c ? true : g.met))]))
        : false,
    ),
  );
  const verdict = toVerdict(now);

  const classText = sizeClass ? SIZE_CLASS_LABELS[sizeClass] : { zh: '', en: '' };
  let nextText = { zh: '', en: '' };
  if (nextClass) {
    const label = SIZE_CLASS_LABELS[nextClass.sizeClass];
    const parts = nextClass.requirements.map((r) => {
      const bound = metricBound(r.metric, '≥', r.threshold);
      const d = metricValue(r.metric, r.delta ?? 0);
      return { zh: `${bound.zh}${r.delta ? `（+${d.zh}）` : ''}`, en: `${bound.en}${r.delta ? ` (+${d.en})` : ''}` };
    });
    nextText = {
      zh: `达到${label.zh}需${parts.map((p) => p.zh).join('且')}。`,
      en: `Becoming a ${label.en} takes ${parts.map((p) => p.en).join(' and ')}.`,
    };
  }
  const passReason = {
    zh: `${industry?.label ?? ''}：${classText.zh}，且在科技型中小企业规模上限内。${nextText.zh}`,
    en: `${industry?.labelEn ?? ''}: ${classText.en}, within the technology-based SME ceiling. ${nextText.en}`.trim(),
  };
  const result = rubricResult(rubric, {
    verdict,
    missingInputs: collectMissing([smeCondition, ...gate]),
    fiscalYear: book.fiscalYear,
    indicators: [],
    conditions,
    passReason,
  });

  return {
    ...result,
    explanation: verdict === 'fail' && nextText.zh ? `${result.explanation}。${nextText.zh}` : result.explanation,
    explanationEn: verdict === 'fail' && nextText.en ? `${result.explanationEn}. ${nextText.en}` : result.explanationEn,
    industry: key,
    sizeClass,
    isSme,
    ...(nextClass ? { nextClass } : {}),
  };
}
