/**
 * The indicators of the innovation-points estimate, modelled on the national 企业创新积分制's
 * technology-innovation, growth and finance groups. Kept apart from the criterion so the cohort can
 * read them without a dependency cycle.
 */
import type { ProjectFeatures } from '../types';

export const INNOVATION_INDICATORS = [
  { key: 'rdSpend', zh: '研发投入', en: 'R&D spend' },
  { key: 'rdIntensityBp', zh: '研发强度', en: 'R&D intensity' },
  { key: 'rdStaff', zh: '研发人员', en: 'R&D staff' },
  { key: 'ipClassI', zh: '有效发明专利等Ⅰ类知识产权', en: 'valid invention patents (class Ⅰ IP)' },
  { key: 'highTechShareBp', zh: '高新技术产品收入占比', en: 'high-tech revenue share' },
  { key: 'revenueGrowthBp', zh: '营业收入增长率', en: 'revenue growth' },
  { key: 'newEquityRaised', zh: '股权融资额', en: 'equity raised' },
  { key: 'qualificationCount', zh: '资质认定数', en: 'qualifications held' },
] as const;

export function highTechShareBp(f: ProjectFeatures): number | null {
  if (f.highTechRevenue === null || f.revenue === null || f.revenue <= 0) return null;
  return Math.round((f.highTechRevenue * 10_000) / f.revenue);
}

/** Indicator values in `INNOVATION_INDICATORS` order; `null` = not known. */
export function innovationIndicatorValues(f: ProjectFeatures): (number | null)[] {
  return [
    f.rdSpend,
    f.rdIntensityBp,
    f.rdStaff,
    f.ipClassI,
    highTechShareBp(f),
    f.revenueGrowthBp,
    f.newEquityRaised,
    f.qualifications.length,
  ];
}
