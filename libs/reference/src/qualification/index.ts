/**
 * Qualification engine: the official Chinese tech-finance rubrics as versioned data plus pure
 * evaluators that say pass / fail / unknown, why, and how far each threshold is.
 */
export type {
  CompanyFacts,
  ConditionResult,
  DirectQualificationResult,
  FiscalYearFacts,
  Gap,
  GapUnit,
  HighTechEnterpriseResult,
  IndicatorResult,
  IpItemFacts,
  IpStatus,
  IpType,
  IsoDate,
  NextBand,
  QualificationFacts,
  QualificationKind,
  QualificationReport,
  RubricResult,
  SizeClass,
  SizeMetric,
  SizeRequirement,
  SmeSizeResult,
  Tri,
  Verdict,
} from './types';
export { QualificationInputError } from './company-facts';
export { evaluateAll } from './evaluate-all';
export { evaluateTechSme, type TechSmeRubrics } from './evaluate-tech-sme';
export { evaluateSmeSize, SIZE_CLASS_LABELS, type SmeSizeRubrics } from './sme-size';
export { evaluateHighTechEnterprise, type HighTechEnterpriseRubrics } from './evaluate-high-tech-enterprise';
export { evaluateInnovativeSme, type InnovativeSmeRubrics } from './evaluate-innovative-sme';
export { evaluateSpecializedSme, type SpecializedSmeRubrics } from './evaluate-specialized-sme';
export { evaluateLittleGiant, type LittleGiantRubrics } from './evaluate-little-giant';
export { ipClassOf, type IpClass } from './ip-facts';
export { TECH_SME_2022, type TechSmeRubric, type PercentBand, type CountBand } from './rubrics/tech-sme-2022';
export { SME_SIZE_2011, SME_INDUSTRY_KEYS, type SmeSizeRubric, type SmeSizeIndustry } from './rubrics/sme-size-2011';
export { HIGH_TECH_ENTERPRISE_2016, type HighTechEnterpriseRubric } from './rubrics/high-tech-enterprise-2016';
export {
  SME_GRADIENT_2022,
  type SmeGradientRubric,
  type InnovativeSmeRubric,
  type SpecializedSmeRubric,
  type LittleGiantRubric,
} from './rubrics/sme-gradient-2022';
export { IP_CLASSES_2022, type IpClassRubric } from './rubrics/ip-classes';
export { FEN_PER_YUAN, FEN_PER_WAN_YUAN, wanYuan } from './rubrics/units';
