/**
 * 投小: SME size class by the 2011 standard (micro > small > medium > large = 0); above the
 * 科技型中小企业 ceiling halves the value. Unknown size scores 0: being small is a claim the data must back.
 */
import { show, type DisplayMode, type Text } from '../format';
import { round4 } from '../reference';
import type { InputValue, ProjectFeatures, SizeClass } from '../types';

export const SIZE_VALUES: Record<SizeClass, number> = { micro: 1, small: 0.75, medium: 0.4, large: 0, unknown: 0 };
export const SIZE_CODES: readonly SizeClass[] = ['micro', 'small', 'medium', 'large', 'unknown'];
const SIZE_LABELS: Record<SizeClass, Text> = {
  micro: { zh: '微型企业', en: 'micro enterprise' },
  small: { zh: '小型企业', en: 'small enterprise' },
  medium: { zh: '中型企业', en: 'medium enterprise' },
  large: { zh: '大型企业', en: 'large enterprise' },
  unknown: { zh: '规模未知', en: 'size unknown' },
};
const ABOVE_CEILING_FACTOR = 0.5;

export function smallValue(size: SizeClass, withinCeiling: boolean | null): number {
  return round4(SIZE_VALUES[size] * (withinCeiling === false ? ABOVE_CEILING_FACTOR : 1));
}

export function smallInputs(f: ProjectFeatures): Record<string, InputValue> {
  return {
    sizeClass: f.sizeClass,
    isSme: f.isSme,
    withinTechSmeCeiling: f.withinTechSmeCeiling,
    headcount: f.headcount,
    revenue: f.revenue,
  };
}

export function renderSmall(inputs: Record<string, InputValue>, value: number, mode: DisplayMode): Text {
  const size = SIZE_LABELS[inputs.sizeClass as SizeClass];
  const staff = show('headcount', inputs.headcount, mode);
  const revenue = show('revenue', inputs.revenue, mode);
  const ceiling =
    inputs.withinTechSmeCeiling === false
      ? { zh: '，超出科技型中小企业上限（减半）', en: ', above the tech-SME ceiling (halved)' }
      : inputs.withinTechSmeCeiling === true
        ? { zh: '，在科技型中小企业上限内', en: ', within the tech-SME ceiling' }
        : { zh: '', en: '' };
  return {
    zh: `投小 ${value}：${size.zh}（员工 ${staff.zh}，营业收入 ${revenue.zh}）${ceiling.zh}；微型 1、小型 0.75、中型 0.4、大型 0`,
    en: `Small ${value}: ${size.en} (staff ${staff.en}, revenue ${revenue.en})${ceiling.en}; micro 1, small 0.75, medium 0.4, large 0`,
  };
}
