/**
 * Inputs and outputs of the qualification engine. Inputs are plain data (what the database or an
 * import row holds), so the engine can run anywhere — API, worker, tests — with no Nest, I/O or clock.
 */

/** Calendar date `YYYY-MM-DD`. Dates stay strings so no time zone can shift a certificate's last day. */
export type IsoDate = string;

export type IpType =
  | 'invention_patent'
  | 'utility_model'
  | 'design'
  | 'software_copyright'
  | 'new_plant_variety'
  | 'ic_layout'
  | 'national_new_drug'
  | 'protected_tcm_1'
  | 'trademark';

export type IpStatus = 'valid' | 'expired' | 'pledged';

export type QualificationKind =
  | 'high_tech_enterprise'
  | 'tech_sme'
  | 'innovative_sme'
  | 'specialized_sme'
  | 'little_giant'
  | 'national_science_award'
  /** Counts for 创新型中小企业 direct recognition only (国家级、省级科技奖励). */
  | 'provincial_science_award'
  | 'provincial_rd_institution'
  | 'standard_setting';

/**
 * One fiscal year of figures. Money is integer 分; head counts may be annual averages (decimals are
 * fine). Every figure is optional because real profiles are incomplete — a missing figure makes the
 * rubrics that need it `unknown`, never `fail`.
 */
export interface FiscalYearFacts {
  year: number;
  /** 职工总数 / 从业人员. */
  headcount?: number | null;
  /** 科技人员 (staff doing R&D and related technical innovation). */
  techStaff?: number | null;
  /** 研发人员. */
  rdStaff?: number | null;
  /** 营业收入 / 销售收入. */
  revenue?: number | null;
  /** 主营业务收入. */
  mainBusinessRevenue?: number | null;
  /** 高新技术产品（服务）收入. */
  highTechRevenue?: number | null;
  /** 成本费用支出总额. */
  totalCosts?: number | null;
  /** 研发费用总额. */
  rdSpend?: number | null;
  /** Part of `rdSpend` incurred inside China. */
  rdSpendInChina?: number | null;
  totalAssets?: number | null;
  /** 负债总额. */
  liabilities?: number | null;
  /** New equity paid in by institutional investors during the year (合格机构投资者的实缴额). */
  newEquityRaised?: number | null;
}

export interface IpItemFacts {
  type: IpType;
  status: IpStatus;
  /** 与主要产品（服务）相关. Unknown (null) keeps the item out of certain counts but in the upper bound. */
  tiedToMainProduct?: boolean | null;
  /** 自主研发 (创新型中小企业 IP indicator, band B). */
  selfDeveloped?: boolean | null;
  /** 高价值知识产权 (创新型中小企业 IP indicator, band A). */
  highValue?: boolean | null;
  /** Patent or registration number, only echoed in explanations. */
  number?: string | null;
}

export interface QualificationFacts {
  kind: QualificationKind;
  certificateNumber?: string | null;
  validFrom?: IsoDate | null;
  /** Last valid day, inclusive. When absent, fixed-term certificates expire `validFrom` + the rubric's term. */
  validUntil?: IsoDate | null;
  /** Award date (awards) or publication date of the standard (standard_setting). Falls back to `validFrom`. */
  eventOn?: IsoDate | null;
  /** Rank of the company among the award's winning units (科技型中小企业 counts only the top 3). */
  rankAmongUnits?: number | null;
  /** Scope of a standard the company led; local and group standards do not count. */
  standardScope?: 'international' | 'national' | 'industry' | 'local' | 'group' | null;
}

export interface CompanyFacts {
  /** Evaluation date. Always passed in: the engine never reads the clock. */
  asOf: IsoDate;
  foundedOn?: IsoDate | null;
  /** Industry key of the SME size standard (see `SME_INDUSTRY_KEYS`), e.g. `industry`, `software_it`. */
  industry?: string | null;
  fiscalYears?: readonly FiscalYearFacts[];
  ipItems?: readonly IpItemFacts[];
  qualifications?: readonly QualificationFacts[];
  /** Years serving the niche market (专精特新 / 小巨人). */
  yearsInNiche?: number | null;
  /** Expert-scored 高新技术企业 innovation ability (0–100); optional, only experts can give it. */
  expertInnovationScore?: number | null;
  /** Core technology is in 《国家重点支持的高新技术领域》 (a judgement, not a number). */
  inKeySupportedHighTechField?: boolean | null;
  /** Main product is in 《战略性新兴产业分类》 (创新型中小企业 indicator 5). */
  inStrategicEmergingIndustry?: boolean | null;
  /**
   * Fiscal year the single-year indicators read ("上年度"). Default: the latest fiscal year on record
   * before the year of `asOf`, or the year before `asOf` when none is on record.
   */
  evaluationYear?: number | null;
}

export type Verdict = 'pass' | 'fail' | 'unknown';

/** Three-valued truth: `null` means "cannot tell from the data given". */
export type Tri = boolean | null;

export type GapUnit = 'percent' | 'count' | 'fen' | 'points' | 'years' | 'days';

/** How far a threshold is, holding every other input fixed. */
export interface Gap {
  /** The threshold, in `unit` (a percentage for ratios, e.g. 30 for 30 %). */
  threshold: number;
  unit: GapUnit;
  /** Threshold minus the current value, in `unit` (percentage points for ratios). Negative when the value must fall. */
  delta: number;
  /** The input value that reaches the threshold, e.g. the tech-staff head count. */
  valueNeeded?: number;
  /** Which input `valueNeeded` refers to, named like `missingInputs` entries. */
  valueNeededInput?: string;
  /** `valueNeeded` minus the input's current value. */
  valueDelta?: number;
  /** Reaching it would turn a `fail` verdict into `pass` with nothing else changed. */
  flipsVerdict: boolean;
}

export interface NextBand extends Gap {
  pointsGained: number;
}

export interface IndicatorResult {
  key: string;
  label: string;
  labelEn: string;
  /** The measured value in the indicator's unit (percent for ratios, truncated to 4 decimals; item count for IP). */
  rawValue: number | null;
  displayValue: string;
  /** `null` when an input is missing; `minPoints`…`maxPointsPossible` then bound it. */
  points: number | null;
  minPoints: number;
  maxPointsPossible: number;
  maxPoints: number;
  /** The band reached, e.g. `≥30%`. */
  band: string | null;
  nextBand?: NextBand;
  /** Inputs this indicator needs but did not get. */
  missingInputs: string[];
  explanation: string;
  explanationEn: string;
}

export interface ConditionResult {
  key: string;
  label: string;
  labelEn: string;
  met: Tri;
  rawValue?: number | null;
  displayValue?: string;
  /** Distance to meeting the condition, present when it is not met and a distance makes sense. */
  gap?: Gap;
  /** Inputs this condition needs but did not get. */
  missingInputs: string[];
  explanation: string;
  explanationEn: string;
}

export interface DirectQualificationResult {
  met: Tri;
  /** Key of the first route that is met. */
  route?: string;
  routes: ConditionResult[];
}

export interface RubricResult {
  rubricId: string;
  rubricVersion: string;
  rubricName: string;
  rubricNameEn: string;
  verdict: Verdict;
  /** Inputs the rubric reads but did not get, e.g. `fiscalYears[2023].revenue`, `foundedOn`. */
  missingInputs: string[];
  /** The fiscal year single-year figures were read from. */
  fiscalYear: number;
  totalPoints?: number | null;
  maxPoints?: number;
  passPoints?: number;
  indicators: IndicatorResult[];
  conditions: ConditionResult[];
  directQualification?: DirectQualificationResult;
  explanation: string;
  explanationEn: string;
}

export type SizeClass = 'micro' | 'small' | 'medium' | 'large';

export type SizeMetric = 'headcount' | 'revenue' | 'totalAssets';

export interface SizeRequirement {
  metric: SizeMetric;
  input: string;
  threshold: number;
  current: number | null;
  /** How much the metric must grow to reach the threshold (0 when already there). */
  delta: number | null;
  met: Tri;
}

export interface SmeSizeResult extends RubricResult {
  industry: string | null;
  sizeClass: SizeClass | null;
  /** 中小微型企业 by the 2011 standard, regardless of the 科技型中小企业 ceiling. */
  isSme: Tri;
  /** The next larger class and every threshold it requires (all must hold). */
  nextClass?: { sizeClass: SizeClass; requirements: SizeRequirement[] };
}

export interface HighTechEnterpriseResult extends RubricResult {
  /**
   * Verdict over the conditions computable from figures alone (no expert score, no key-field
   * judgement), or `pass` when a valid certificate is held.
   */
  quantitativeVerdict: Verdict;
}

export interface QualificationReport {
  asOf: IsoDate;
  fiscalYear: number;
  smeSize: SmeSizeResult;
  techSme: RubricResult;
  highTechEnterprise: HighTechEnterpriseResult;
  innovativeSme: RubricResult;
  specializedSme: RubricResult;
  littleGiant: RubricResult;
  /** The same results in display order. */
  all: RubricResult[];
}
