/**
 * What a mandate asks for, as stored in each version (jsonb) and compiled into the matching engine's
 * `Mandate`. One shape for equity funds and bank credit products: a bank product is a mandate whose
 * instruments are credit instruments and whose "ticket" is the credit line.
 */
import {
  DEFAULT_CONSTRAINT_MODES,
  DEFAULT_TICKET_TOLERANCE_PCT,
  type ConstraintModes,
  type Instrument,
  type QualificationKind,
  type Stage,
} from '@app/reference';

/**
 * Which constraints exclude (`hard`) and which only lower the score (`soft`), and how far beyond a
 * soft ticket edge a project may ask before the edge turns hard.
 */
export interface ConstraintTerms {
  modes: ConstraintModes;
  ticketTolerancePct: number;
}

/** What a new mandate gets when it names no modes. */
export const defaultConstraintTerms = (): ConstraintTerms => ({
  modes: { ...DEFAULT_CONSTRAINT_MODES },
  ticketTolerancePct: DEFAULT_TICKET_TOLERANCE_PCT,
});

export const CRITERION_KEYS = ['early', 'small', 'hardTech', 'innovation', 'fit'] as const;
export type CriterionKey = (typeof CRITERION_KEYS)[number];
export type CriterionWeights = Record<CriterionKey, number>;

/** Default weights of a new mandate: the 投早 · 投小 · 投硬科技 policy, with fit as a tie-breaker. */
export const DEFAULT_WEIGHTS: CriterionWeights = { early: 2, small: 2, hardTech: 3, innovation: 1, fit: 2 };

/** Bank credit product families (科技信贷). */
export const CREDIT_PRODUCTS = [
  'innovation_points_loan',
  'ip_pledge_loan',
  'tech_transfer_loan',
  'tech_credit_loan',
] as const;
export type CreditProduct = (typeof CREDIT_PRODUCTS)[number];

export const MANDATE_STATUSES = ['active', 'paused'] as const;
export type MandateStatus = (typeof MANDATE_STATUSES)[number];

export interface MandateExclusionTerms {
  tracks: string[];
  keywords: string[];
  startupIds: string[];
}

export interface MandateTerms {
  instruments: Instrument[];
  stages: Stage[];
  /** 分. For a credit product: the credit line. */
  ticketMin: number;
  ticketMax: number;
  tracks: string[];
  /** Hard region limits (返投): 2-, 4- or 6-digit division codes. Empty = anywhere. */
  regions: string[];
  /** Soft preference, part of fit. */
  preferredRegions: string[];
  requiredQualifications: QualificationKind[];
  minRdIntensityBp: number | null;
  minClassIIp: number | null;
  minTechStaffShareBp: number | null;
  minTrl: number | null;
  minPledgeableInventionPatents: number | null;
  /** Innovation-points loans: eligible from this 创新积分 estimate (0–100, cohort percentile). */
  minInnovationScore: number | null;
  maxCompanyAgeYears: number | null;
  exclusions: MandateExclusionTerms;
  thesis: string;
  thesisKeywords: string[];
  weights: CriterionWeights;
  /** Set on bank products. */
  creditProduct: CreditProduct | null;
  /** 投贷联动: the partner bank's credit mandate this equity mandate is packaged with. */
  linkedMandateId: string | null;
  /**
   * Hard / soft per constraint. `null` on versions written before soft constraints existed: they keep
   * their meaning (every constraint hard, missing data excludes); a new mandate gets the defaults.
   */
  constraints: ConstraintTerms | null;
}

const CREDIT_INSTRUMENTS: readonly Instrument[] = ['loan', 'ip_pledge_loan'];

export interface TermsProblem {
  field: string;
  rule: string;
}

/**
 * Cross-field rules the DTO decorators cannot express. Returns every problem, so the form can mark
 * all offending fields at once.
 */
export function termsProblems(t: MandateTerms, organizationKind: string): TermsProblem[] {
  const problems: TermsProblem[] = [];
  if (t.ticketMin > t.ticketMax) problems.push({ field: 'ticketMin', rule: 'must be ≤ ticketMax' });
  const weights = CRITERION_KEYS.map((k) => t.weights[k]);
  if (weights.every((w) => w === 0)) problems.push({ field: 'weights', rule: 'at least one weight must be > 0' });
  if (t.instruments.length === 0) problems.push({ field: 'instruments', rule: 'at least one' });
  const overlap = t.tracks.filter((x) => t.exclusions.tracks.includes(x));
  if (overlap.length > 0)
    problems.push({ field: 'exclusions.tracks', rule: `also listed as wanted: ${overlap.join(', ')}` });
  const isBank = organizationKind === 'bank';
  if (isBank && t.instruments.some((i) => !CREDIT_INSTRUMENTS.includes(i))) {
    problems.push({ field: 'instruments', rule: 'a bank product offers loan or ip_pledge_loan only' });
  }
  if (isBank && !t.creditProduct) problems.push({ field: 'creditProduct', rule: 'required for a bank product' });
  if (!isBank && t.creditProduct)
    problems.push({ field: 'creditProduct', rule: 'only bank organizations offer credit products' });
  if (
    t.creditProduct === 'ip_pledge_loan' &&
    !(t.minPledgeableInventionPatents && t.minPledgeableInventionPatents > 0)
  ) {
    problems.push({
      field: 'minPledgeableInventionPatents',
      rule: 'an IP-pledge loan needs a minimum number of pledgeable invention patents',
    });
  }
  if (t.creditProduct === 'innovation_points_loan' && t.minInnovationScore === null) {
    problems.push({ field: 'minInnovationScore', rule: 'an innovation-points loan needs a score threshold' });
  }
  if (t.linkedMandateId && !t.instruments.includes('equity_loan_package')) {
    problems.push({
      field: 'linkedMandateId',
      rule: 'only a 投贷联动 (equity_loan_package) mandate links a bank mandate',
    });
  }
  return problems;
}

/** Normalises lists (dedupe, trim, lower-case keywords) so equal terms compare equal. */
export function normalizeTerms(t: MandateTerms): MandateTerms {
  const uniq = <T>(xs: readonly T[]) => [...new Set(xs)];
  const words = (xs: readonly string[]) => uniq(xs.map((x) => x.trim().toLowerCase()).filter((x) => x.length > 0));
  return {
    ...t,
    instruments: uniq(t.instruments),
    stages: uniq(t.stages),
    tracks: uniq(t.tracks),
    regions: uniq(t.regions),
    preferredRegions: uniq(t.preferredRegions),
    requiredQualifications: uniq(t.requiredQualifications),
    exclusions: {
      tracks: uniq(t.exclusions.tracks),
      keywords: words(t.exclusions.keywords),
      startupIds: uniq(t.exclusions.startupIds),
    },
    thesis: t.thesis.trim(),
    thesisKeywords: words(t.thesisKeywords),
  };
}
