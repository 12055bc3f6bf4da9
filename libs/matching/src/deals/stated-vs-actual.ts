/**
 * Stated vs actual: what a mandate says it wants (stages, tracks, ticket range) next to what its
 * deals actually reached. Pure: the service loads the rows, this folds them into the figure.
 */
import { PASS_REASON_LABELS, PASS_REASONS, type DealStage, type PassReasonCode } from './deal-stages';

/** Project stages in their natural order (mirrors STAGES of @app/startups; kept here so this stays pure). */
export const PROJECT_STAGE_ORDER = ['idea', 'seed', 'angel', 'pre_a', 'a', 'b', 'c', 'pre_ipo'] as const;

/** Ticket buckets in 分 (¥1 = 100 分): [min, max), the last one open-ended. */
const YUAN_M = 100_000_000; // ¥1 m in 分
export const TICKET_BUCKETS: readonly { key: string; min: number; max: number | null }[] = [
  { key: '<1m', min: 0, max: 1 * YUAN_M },
  { key: '1m-5m', min: 1 * YUAN_M, max: 5 * YUAN_M },
  { key: '5m-10m', min: 5 * YUAN_M, max: 10 * YUAN_M },
  { key: '10m-30m', min: 10 * YUAN_M, max: 30 * YUAN_M },
  { key: '30m-50m', min: 30 * YUAN_M, max: 50 * YUAN_M },
  { key: '50m-100m', min: 50 * YUAN_M, max: 100 * YUAN_M },
  { key: '100m+', min: 100 * YUAN_M, max: null },
];

export interface StatedTerms {
  /** Project stages; empty = any. */
  stages: readonly string[];
  /** Track codes; empty = any. */
  tracks: readonly string[];
  /** 分, inclusive. */
  ticketMin: number;
  ticketMax: number;
}

export interface DealFacts {
  dealId: string;
  dealStage: DealStage;
  /** The deal is, or once was, in one of ENGAGED_STAGES (from its transition history). */
  engaged: boolean;
  passReasonCode: PassReasonCode | null;
  mandateTermsVersion: number | null;
  /** The project's stage (null when the project is gone). */
  projectStage: string | null;
  /** The company's tracks. */
  tracks: readonly string[];
  /** The deal's agreed amount in 分, when set. */
  amount: number | null;
  /** The project's amount sought in 分, when known. */
  amountSought: number | null;
}

export interface DistributionEntry {
  value: string;
  count: number;
  /** count ÷ engaged deals (4 decimals), null without engaged deals. */
  share: number | null;
  /** The mandate states this value (always true when it states "any"). */
  stated: boolean;
}

export interface FitSummary {
  /** Engaged deals inside the stated set or range. */
  inside: number;
  outside: number;
  /** Engaged deals without the fact (no tracks, no ticket, project gone): neither inside nor outside. */
  unknown: number;
  /** inside ÷ (inside + outside), null when both are 0. */
  insideShare: number | null;
}

export interface StatedVsActual {
  totals: {
    /** Every deal opened under the mandate (any terms version). */
    deals: number;
    /** Deals that reached meeting or beyond at some point: the population of the distributions below. */
    engaged: number;
    /** Deals currently passed. */
    passed: number;
  };
  /** Where the mandate's deals are now, every pipeline stage listed. */
  pipeline: { stage: DealStage; count: number }[];
  byTermsVersion: { termsVersion: number | null; deals: number }[];
  stage: { stated: string[]; statesAny: boolean; distribution: DistributionEntry[] } & FitSummary;
  track: { stated: string[]; statesAny: boolean; distribution: DistributionEntry[] } & FitSummary;
  ticket: {
    statedMin: number;
    statedMax: number;
    buckets: {
      key: string;
      min: number;
      max: number | null;
      count: number;
      share: number | null;
      overlapsStated: boolean;
    }[];
    below: number;
    above: number;
    /** Tickets taken from the deal's agreed amount vs from the project's amount sought. */
    fromAmount: number;
    fromAmountSought: number;
  } & FitSummary;
  passReasons: {
    total: number;
    byReason: { code: PassReasonCode; label: { zh: string; en: string }; count: number }[];
  };
}

const share = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

function fit(inside: number, outside: number, unknown: number): FitSummary {
  return { inside, outside, unknown, insideShare: share(inside, inside + outside) };
}

export function statedVsActual(
  terms: StatedTerms,
  deals: readonly DealFacts[],
  pipelineStages: readonly DealStage[],
): StatedVsActual {
  const engaged = deals.filter((d) => d.engaged);
  const n = engaged.length;

  // Stage
  const stageAny = terms.stages.length === 0;
  const stageCounts = new Map<string, number>();
  let stageIn = 0;
  let stageOut = 0;
  let stageUnknown = 0;
  for (const d of engaged) {
    if (!d.projectStage) {
      stageUnknown++;
      continue;
    }
    stageCounts.set(d.projectStage, (stageCounts.get(d.projectStage) ?? 0) + 1);
    if (stageAny || terms.stages.includes(d.projectStage)) stageIn++;
    else stageOut++;
  }
  const stageValues = [
    ...PROJECT_STAGE_ORDER,
    ...[...stageCounts.keys()].filter((s) => !(PROJECT_STAGE_ORDER as readonly string[]).includes(s)).sort(),
  ];

  // Track (a company may have several: it counts once in each, and is inside when any is stated)
  const trackAny = terms.tracks.length === 0;
  const trackCounts = new Map<string, number>();
  let trackIn = 0;
  let trackOut = 0;
  let trackUnknown = 0;
  for (const d of engaged) {
    const tracks = [...new Set(d.tracks)];
    if (tracks.length === 0) {
      trackUnknown++;
      continue;
    }
    for (const t of tracks) trackCounts.set(t, (trackCounts.get(t) ?? 0) + 1);
    if (trackAny || tracks.some((t) => terms.tracks.includes(t))) trackIn++;
    else trackOut++;
  }
  const trackValues = [...new Set([...terms.tracks, ...trackCounts.keys()])].sort(
    (a, b) => (trackCounts.get(b) ?? 0) - (trackCounts.get(a) ?? 0) || a.localeCompare(b),
  );

  // Ticket
  const bucketCounts = TICKET_BUCKETS.map(() => 0);
  let below = 0;
  let above = 0;
  let ticketIn = 0;
  let ticketUnknown = 0;
  let fromAmount = 0;
  let fromAmountSought = 0;
  for (const d of engaged) {
    const ticket = d.amount ?? d.amountSought;
    if (ticket === null) {
      ticketUnknown++;
      continue;
    }
    if (d.amount !== null) fromAmount++;
    else fromAmountSought++;
    const i = TICKET_BUCKETS.findIndex((b) => ticket >= b.min && (b.max === null || ticket < b.max));
    bucketCounts[i]++;
    if (ticket < terms.ticketMin) below++;
    else if (ticket > terms.ticketMax) above++;
    else ticketIn++;
  }

  // Passes
  const passed = deals.filter((d) => d.dealStage === 'passed');
  const reasonCounts = new Map<PassReasonCode, number>();
  for (const d of passed)
    if (d.passReasonCode) reasonCounts.set(d.passReasonCode, (reasonCounts.get(d.passReasonCode) ?? 0) + 1);

  const versions = new Map<number | null, number>();
  for (const d of deals) versions.set(d.mandateTermsVersion, (versions.get(d.mandateTermsVersion) ?? 0) + 1);

  return {
    totals: { deals: deals.length, engaged: n, passed: passed.length },
    pipeline: pipelineStages.map((stage) => ({ stage, count: deals.filter((d) => d.dealStage === stage).length })),
    byTermsVersion: [...versions]
      .map(([termsVersion, count]) => ({ termsVersion, deals: count }))
      .sort((a, b) => (b.termsVersion ?? 0) - (a.termsVersion ?? 0)),
    stage: {
      stated: [...terms.stages],
      statesAny: stageAny,
      distribution: stageValues.map((value) => ({
        value,
        count: stageCounts.get(value) ?? 0,
        share: share(stageCounts.get(value) ?? 0, n),
        stated: stageAny || terms.stages.includes(value),
      })),
      ...fit(stageIn, stageOut, stageUnknown),
    },
    track: {
      stated: [...terms.tracks],
      statesAny: trackAny,
      distribution: trackValues.map((value) => ({
        value,
        count: trackCounts.get(value) ?? 0,
        share: share(trackCounts.get(value) ?? 0, n),
        stated: trackAny || terms.tracks.includes(value),
      })),
      ...fit(trackIn, trackOut, trackUnknown),
    },
    ticket: {
      statedMin: terms.ticketMin,
      statedMax: terms.ticketMax,
      buckets: TICKET_BUCKETS.map((b, i) => ({
        key: b.key,
        min: b.min,
        max: b.max,
        count: bucketCounts[i],
        share: share(bucketCounts[i], n),
        overlapsStated: (b.max === null || terms.ticketMin < b.max) && terms.ticketMax >= b.min,
      })),
      below,
      above,
      fromAmount,
      fromAmountSought,
      ...fit(ticketIn, below + above, ticketUnknown),
    },
    passReasons: {
      total: passed.length,
      byReason: PASS_REASONS.map((code) => ({
        code,
        label: { ...PASS_REASON_LABELS[code] },
        count: reasonCounts.get(code) ?? 0,
      })),
    },
  };
}
