/**
 * Inputs and outputs of the matching engine. Plain data only: an adapter maps profile rows and the
 * qualification engine's report into `ProjectFeatures`, and mandate rows into `Mandate`, so the
 * engine runs the same in the API, a worker, a bench and a unit test.
 */
import type { ConstraintGroup, ConstraintMode, Instrument, QualificationKind, Stage } from '@app/reference';

export type { ConstraintGroup, ConstraintMode, Instrument, QualificationKind, Stage };

/**
 * Which constraints are soft. Absent or `null`: a mandate written before soft constraints — every
 * constraint hard and missing data excludes, as it did then. Present: each group's mode (default
 * `DEFAULT_CONSTRAINT_MODES`), a soft ticket edge hard beyond `ticketTolerancePct` (default 50), and an
 * unknown figure is a `data_missing` penalty, never an exclusion.
 */
export interface MandateConstraints {
  modes?: Partial<Record<ConstraintGroup, ConstraintMode>>;
  ticketTolerancePct?: number;
}

/** Integer 分, like every amount in Tourong. */
export type Fen = number;

export type SizeClass = 'micro' | 'small' | 'medium' | 'large' | 'unknown';

export type TechSmeVerdict = 'pass' | 'fail' | 'unknown';

/** One "next band" of the 科技型中小企业 evaluation, copied from the qualification engine's `nextBand`. */
export interface TechSmeBandGap {
  /** Indicator key in the qualification engine (`techStaffShare`, `rdIntensity`, `ip`). */
  indicator: string;
  labelZh: string;
  labelEn: string;
  threshold: number;
  unit: 'percent' | 'count';
  /** Threshold minus the current value (percentage points for ratios). */
  delta: number;
  pointsGained: number;
  /** Reaching it turns a `fail` into `pass`. */
  flipsVerdict: boolean;
}

/**
 * What the engine knows about one published project. Every figure is nullable because real profiles
 * are incomplete; how each criterion and constraint treats a missing figure is documented where it is read.
 * Ratios are integer basis points (1 % = 100 bp) so band edges compare exactly.
 */
export interface ProjectFeatures {
  projectId: string;
  startupId: string;
  stage: Stage;
  companyAgeYears: number | null;
  /** Priced rounds before this one. */
  priorRounds: number | null;
  universitySpinOut: boolean;
  /** Project came out of a 概念验证中心 (proof-of-concept centre). */
  fromPocCenter: boolean;
  sizeClass: SizeClass;
  isSme: boolean | null;
  /** Inside the 科技型中小企业 ceiling (≤ 500 staff, revenue and assets ≤ ¥200 m). */
  withinTechSmeCeiling: boolean | null;
  headcount: number | null;
  revenue: Fen | null;
  rdSpend: Fen | null;
  /** R&D ÷ revenue in basis points. */
  rdIntensityBp: number | null;
  rdStaff: number | null;
  /** Tech staff ÷ all staff in basis points. */
  techStaffShareBp: number | null;
  ipClassI: number | null;
  ipClassII: number | null;
  /** Valid invention patents not already pledged (what an IP-pledge loan can take as collateral). */
  pledgeableInventionPatents: number | null;
  highTechRevenue: Fen | null;
  /** Year-on-year revenue growth in basis points (may be negative). */
  revenueGrowthBp: number | null;
  /** New equity raised in the last two years. */
  newEquityRaised: Fen | null;
  /** Qualifications held and valid on the evaluation date. */
  qualifications: readonly QualificationKind[];
  techSmeVerdict: TechSmeVerdict;
  techSmePoints: number | null;
  techSmeNextBands: readonly TechSmeBandGap[];
  /** Track codes from the reference list (`TRACKS`). */
  tracks: readonly string[];
  /** 6-digit administrative division code, e.g. `320214` (无锡市新吴区). */
  regionCode: string | null;
  amountSought: Fen | null;
  /** Instruments the founder would accept. */
  instruments: readonly Instrument[];
  /** Technology readiness level 1–9. */
  trl: number | null;
  keywords: readonly string[];
}

export const CRITERIA = ['early', 'small', 'hardTech', 'innovation', 'fit'] as const;
export type CriterionKey = (typeof CRITERIA)[number];
export type CriterionWeights = Record<CriterionKey, number>;
/** A breakdown entry: the five mandate criteria, and portfolio fit when the ranking was given a history. */
export const BREAKDOWN_KEYS = [...CRITERIA, 'portfolio'] as const;
export type BreakdownKey = (typeof BREAKDOWN_KEYS)[number];

/** What a past decision is about; a negative weighs only on these (all when absent or empty). */
export type PortfolioAspect = 'track' | 'stage' | 'amount' | 'region' | 'keywords' | 'qualifications';

/**
 * One past decision of the investor, as portfolio fit reads it: a deal (signed, in due diligence,
 * shortlisted… positive; passed, negative), a "more like this" / "not for us" mark on a deal-flow item,
 * or a row of an imported portfolio. Facts are those of the company at the time, all nullable.
 */
export interface HistoryEntry {
  /** Company name the explanation quotes ("like your investments in 星航智农"). */
  label: string;
  source: 'deal' | 'feedback' | 'portfolio';
  polarity: 1 | -1;
  /** How much it counts (default 1; a signed deal counts more than a shortlist). */
  weight?: number;
  aspects?: readonly PortfolioAspect[];
  stage: Stage | null;
  tracks: readonly string[];
  amount: Fen | null;
  regionCode: string | null;
  keywords: readonly string[];
  /** `null` = not known (imported rows). */
  qualifications: readonly QualificationKind[] | null;
}

export interface MandateExclusions {
  tracks?: readonly string[];
  keywords?: readonly string[];
  startupIds?: readonly string[];
}

/**
 * A fund's or bank product's mandate at one version. Empty lists mean "no restriction"; `null` or
 * absent minimums mean "no minimum".
 */
export interface Mandate {
  id: string;
  version: number;
  instruments: readonly Instrument[];
  stages: readonly Stage[];
  ticketMin: Fen;
  ticketMax: Fen;
  tracks: readonly string[];
  /** Allowed regions (hard): 6-digit codes or 2/4-digit province/city prefixes — e.g. 返投 for a guidance fund. */
  regions: readonly string[];
  /** Preferred regions (soft, part of fit). */
  preferredRegions?: readonly string[];
  requiredQualifications: readonly QualificationKind[];
  minRdIntensityBp?: number | null;
  minClassIIp?: number | null;
  minTechStaffShareBp?: number | null;
  minTrl?: number | null;
  /** IP-pledge loans: at least this many valid, unpledged invention patents. */
  minPledgeableInventionPatents?: number | null;
  /** Innovation-points loans: the 创新积分 estimate (innovation criterion × 100, a cohort percentile) at least this. */
  minInnovationScore?: number | null;
  maxCompanyAgeYears?: number | null;
  exclusions?: MandateExclusions;
  thesisKeywords?: readonly string[];
  weights: CriterionWeights;
  constraints?: MandateConstraints | null;
  /**
   * The investor's own decisions, for portfolio fit. Absent / `null`: the criterion is left out (the
   * founders' view, callers that know no history). An empty list: present with weight 0 (cold start).
   */
  history?: readonly HistoryEntry[] | null;
}

export type ConstraintCode =
  | 'STAGE'
  | 'TICKET'
  | 'INSTRUMENT'
  | 'REGION'
  | 'TRACK'
  | 'QUALIFICATION'
  | 'MIN_RD_INTENSITY'
  | 'MIN_CLASS_I_IP'
  | 'MIN_TECH_STAFF_SHARE'
  | 'MIN_TRL'
  | 'MIN_PLEDGEABLE_PATENTS'
  | 'MIN_INNOVATION_SCORE'
  | 'MAX_COMPANY_AGE'
  | 'EXCLUDED_TRACK'
  | 'EXCLUDED_KEYWORD'
  | 'EXCLUDED_STARTUP';

/** Scalar values an explanation may quote. */
export type InputValue = number | string | boolean | null | readonly string[];

/**
 * A constraint the pair misses. `violated`: the data contradicts the constraint. `data_missing`: the
 * constraint needs a figure the profile lacks — the founder's fix is "provide the figure", not "change
 * the company". `mode: 'hard'` excludes the pair; `mode: 'soft'` keeps it and removes `penalty` (a
 * share of the score, 0.2 = −20 %) — penalties add up, capped at 0.9.
 */
export interface ConstraintReason {
  code: ConstraintCode;
  kind: 'violated' | 'data_missing';
  mode: ConstraintMode;
  /** Share of the score removed; 0 on a hard reason. 4 decimals (integer basis points ÷ 10 000). */
  penalty: number;
  /**
   * A soft track, stage or region penalty shrunk by the investor's own history: the share of its
   * positive history on this value, beyond the written constraint (the penalty is `1 − share` of the
   * written one). Absent when the history played no part.
   */
  historyShare?: number;
  /** Feature the constraint reads, e.g. `rdIntensityBp`. */
  input: string;
  expected: InputValue;
  actual: InputValue;
  zh: string;
  en: string;
}

export interface CriterionResult {
  key: BreakdownKey;
  labelZh: string;
  labelEn: string;
  /** In [0, 1], rounded to 4 decimals. */
  value: number;
  /** Normalised weight (weights sum to 1). */
  weight: number;
  /** Points out of 100 this criterion adds (100 × weight × value, 2 decimals). */
  contribution: number;
  /** Raw inputs, keyed by feature name; redaction replaces confidential ones with bands. */
  inputs: Record<string, InputValue>;
  zh: string;
  en: string;
  /** Set on the innovation-points criterion: a cohort percentile approximation, never the official score. */
  estimate?: true;
}

export interface Hint {
  code: string;
  /** Feature the hint is about. */
  input: string;
  current: number | null;
  threshold: number;
  unit: 'bp' | 'count' | 'fen' | 'years' | 'trl' | 'percent';
  delta: number | null;
  pointsGained?: number;
  /** Redacted view only: the band that replaced `current`. */
  band?: string;
  zh: string;
  en: string;
}

export interface MatchResult {
  projectId: string;
  startupId: string;
  mandateId: string;
  mandateVersion: number;
  eligible: boolean;
  /** 0–100 with 2 decimals; `null` when excluded. */
  score: number | null;
  reasons: ConstraintReason[];
  breakdown: CriterionResult[];
  hints: Hint[];
  scoreVersion: string;
  /** `true` on the view for an investor without a data grant. */
  redacted?: true;
}

/** Position after which the next page starts: the last item's score and project id. */
export interface Cursor {
  score: number;
  projectId: string;
}

/** Query-time narrowing on top of the mandate (the deal-flow endpoint's filters). */
export interface RankFilters {
  tracks?: readonly string[];
  regions?: readonly string[];
  stages?: readonly Stage[];
  instruments?: readonly Instrument[];
  qualifications?: readonly QualificationKind[];
  minScore?: number;
  /** Only these projects (a text query's candidate set from the search port). */
  projectIds?: ReadonlySet<string>;
}

export interface RankOptions {
  k: number;
  cursor?: Cursor | null;
  filters?: RankFilters;
}

export interface RankPage {
  items: MatchResult[];
  /** Eligible projects after filters (whole result set, not just this page). */
  total: number;
  nextCursor: Cursor | null;
  snapshotVersion: number;
  scoreVersion: string;
}
