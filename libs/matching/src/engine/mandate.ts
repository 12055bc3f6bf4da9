/**
 * A mandate compiled once per ranking: code lists → bitmasks, region codes → integer prefixes,
 * keyword lists → normalised sets, weights → normalised. Both the columnar scan and the explained
 * per-pair path read this, so they cannot disagree on what the mandate means.
 */
import {
  EngineInputError,
  instrumentMask,
  qualificationMask,
  regionPrefix,
  stageMask,
  trackMask,
  uniqueKeywords,
  type RegionPrefix,
} from './reference';
import type { AspectBase } from './criteria/portfolio-base';
import { beyondOf, compilePortfolio, learnedTicketTolerancePct, type CompiledPortfolio } from './criteria/portfolio';
import { resolveConstraints, type ResolvedConstraints } from './soft';
import { CRITERIA, type CriterionKey, type Mandate } from './types';

export interface CompiledMandate {
  mandate: Mandate;
  /** 0 = any (empty list in the mandate). */
  stages: number;
  instruments: number;
  tracks: number;
  qualifications: number;
  regions: RegionPrefix[];
  /** Provinces (2-digit) of `regions`: a soft region penalty is milder inside them. */
  provinces: number[];
  /** Modes, ticket tolerance and the missing-data penalty (`soft.ts`). */
  soft: ResolvedConstraints;
  preferredRegions: RegionPrefix[];
  excludedTracks: number;
  excludedKeywords: Set<string>;
  excludedStartups: Set<string>;
  thesis: string[];
  /** `thesis` as a set, for the per-item keyword match. */
  thesisSet: ReadonlySet<string>;
  /** Normalised weights in `CRITERIA` order. */
  weights: number[];
  /** Portfolio fit's tables and weight; null = no history given (the criterion is left out). */
  portfolio: CompiledPortfolio | null;
}

export function normalizeWeights(weights: Record<CriterionKey, number>): number[] {
  const raw = CRITERIA.map((k) => weights[k]);
  if (raw.some((w) => !Number.isFinite(w) || w < 0)) {
    throw new EngineInputError('MANDATE_WEIGHTS_INVALID', 'criterion weights must be finite and non-negative');
  }
  const total = raw.reduce((s, w) => s + w, 0);
  if (total === 0) throw new EngineInputError('MANDATE_WEIGHTS_INVALID', 'criterion weights must not all be zero');
  return raw.map((w) => w / total);
}

/** `base`: the deal flow's base rates for portfolio fit (the ranking's cohort); none = all values equally common. */
export function compileMandate(mandate: Mandate, base?: AspectBase): CompiledMandate {
  if (!(mandate.ticketMin >= 0 && mandate.ticketMin <= mandate.ticketMax)) {
    throw new EngineInputError('MANDATE_TICKET_RANGE_INVALID', 'ticket min must be ≥ 0 and ≤ max');
  }
  const thesis = uniqueKeywords(mandate.thesisKeywords);
  const tolerance = mandate.constraints?.ticketTolerancePct;
  if (tolerance !== undefined && !(Number.isFinite(tolerance) && tolerance >= 0)) {
    throw new EngineInputError('MANDATE_TICKET_TOLERANCE_INVALID', 'ticket tolerance must be a finite percentage ≥ 0');
  }
  const soft = resolveConstraints(mandate);
  const regions = mandate.regions.map(regionPrefix);
  const preferredRegions = (mandate.preferredRegions ?? []).map(regionPrefix);
  const tracks = trackMask(mandate.tracks);
  const stages = stageMask(mandate.stages);
  const provinceOf = (r: RegionPrefix) => Math.floor((r.value * r.divisor) / 10_000);
  const portfolio = compilePortfolio(mandate.history, base, {
    stages,
    tracks,
    provinces: [...new Set([...regions, ...preferredRegions].map(provinceOf))],
    ticketMin: mandate.ticketMin,
    ticketMax: mandate.ticketMax,
  });
  // A soft ticket edge stretches to what the investor has really funded (never a hard one, never legacy terms).
  if (portfolio !== null && !soft.legacy && soft.modes.ticket === 'soft') {
    const learned = learnedTicketTolerancePct(portfolio, mandate.ticketMin, mandate.ticketMax);
    if (learned > soft.ticketTolerancePct) soft.ticketTolerancePct = learned;
  }
  // Soft track / stage / region penalties shrink by the share of the history beyond them.
  if (portfolio !== null && !soft.legacy) {
    soft.beyond = beyondOf(portfolio, tracks, stages, regions);
  }
  return {
    mandate,
    stages,
    instruments: instrumentMask(mandate.instruments),
    tracks,
    qualifications: qualificationMask(mandate.requiredQualifications),
    regions,
    provinces: [...new Set(regions.map(provinceOf))],
    soft,
    preferredRegions,
    excludedTracks: trackMask(mandate.exclusions?.tracks ?? []),
    excludedKeywords: new Set(uniqueKeywords(mandate.exclusions?.keywords)),
    excludedStartups: new Set(mandate.exclusions?.startupIds ?? []),
    thesis,
    thesisSet: new Set(thesis),
    weights: normalizeWeights(mandate.weights),
    portfolio,
  };
}
