import { figure, figureName, type FactBook } from './company-facts';
import { moneyPhrase, staffPhrase } from './format';
import { amountCondition, type ConditionDraft } from './result-builders';
import { TECH_SME_2022, type TechSmeRubric } from './rubrics/tech-sme-2022';

/** The ceilings every 科技型中小企业 must meet, also used as the second gate of the SME size class. */
export function techSmeCeilingConditions(book: FactBook, rubric: TechSmeRubric = TECH_SME_2022): ConditionDraft[] {
  const year = book.fiscalYear;
  const { maxHeadcount, maxRevenue, maxTotalAssets } = rubric.basicConditions;
  return [
    amountCondition({
      key: 'headcount_ceiling',
      label: `职工总数不超过 ${maxHeadcount} 人`,
      labelEn: `At most ${maxHeadcount} staff`,
      value: figure(book, year, 'headcount'),
      valueName: figureName(year, 'headcount'),
      threshold: maxHeadcount,
      comparison: 'atMost',
      unit: 'count',
      format: staffPhrase,
    }),
    amountCondition({
      key: 'revenue_ceiling',
      label: `年销售收入不超过 ${moneyPhrase(maxRevenue).zh}`,
      labelEn: `Annual revenue at most ${moneyPhrase(maxRevenue).en}`,
      value: figure(book, year, 'revenue'),
      valueName: figureName(year, 'revenue'),
      threshold: maxRevenue,
      comparison: 'atMost',
      unit: 'fen',
      format: moneyPhrase,
    }),
    amountCondition({
      key: 'total_assets_ceiling',
      label: `资产总额不超过 ${moneyPhrase(maxTotalAssets).zh}`,
      labelEn: `Total assets at most ${moneyPhrase(maxTotalAssets).en}`,
      value: figure(book, year, 'totalAssets'),
      valueName: figureName(year, 'totalAssets'),
      threshold: maxTotalAssets,
      comparison: 'atMost',
      unit: 'fen',
      format: moneyPhrase,
    }),
  ];
}
