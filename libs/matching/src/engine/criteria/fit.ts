/**
 * Mandate fit (soft, after the hard constraints): the mean of the parts the mandate expresses a
 * preference for — track similarity (share of the project's tracks the mandate names), ticket
 * centrality (1 at the middle of [min, max], 0 at an edge), preferred region (1 / 0) and thesis
 * keyword overlap (matches ÷ min(3, thesis size), capped at 1). Ticket always applies; a part the
 * mandate leaves open is not averaged in, so an open mandate does not dilute fit.
 */
import { fmtWan, fmtYuanM, type DisplayMode, type Text } from '../format';
import type { CompiledMandate } from '../mandate';
import {
  clamp01,
  popcount,
  regionInt,
  regionMatches,
  round4,
  trackBit,
  trackLabel,
  trackMask,
  uniqueKeywords,
} from '../reference';
import type { InputValue, ProjectFeatures } from '../types';

const KEYWORDS_FOR_FULL = 3;

/** NaN = the mandate names no tracks. The hard constraint guarantees the project has one of them. */
export function trackShare(projectTracks: number, mandateTracks: number): number {
  if (mandateTracks === 0) return NaN;
  const own = popcount(projectTracks);
  return own === 0 ? 0 : popcount(projectTracks & mandateTracks) / own;
}

export function ticketCentrality(amount: number, min: number, max: number): number {
  if (max === min) return amount === min ? 1 : 0;
  const half = (max - min) / 2;
  return clamp01(1 - Math.abs(amount - (min + half)) / half);
}

export function keywordOverlap(matched: number, thesisCount: number): number {
  if (thesisCount === 0) return NaN;
  return Math.min(1, matched / Math.min(KEYWORDS_FOR_FULL, thesisCount));
}

/** Parts in a fixed order so the scan and the explained path add the same floats. */
export function fitValue(track: number, ticket: number, region: number, keywords: number): number {
  let sum = ticket;
  let n = 1;
  if (!Number.isNaN(track)) {
    sum += track;
    n++;
  }
  if (!Number.isNaN(region)) {
    sum += region;
    n++;
  }
  if (!Number.isNaN(keywords)) {
    sum += keywords;
    n++;
  }
  return round4(sum / n);
}

export interface FitParts {
  track: number;
  ticket: number;
  region: number;
  keywords: number;
  matchedKeywords: string[];
  matchedTracks: string[];
}

/** `own` is the project's track mask when the caller has it already. */
export function fitParts(f: ProjectFeatures, m: CompiledMandate, own = trackMask(f.tracks)): FitParts {
  const words = uniqueKeywords(f.keywords);
  const thesis = m.thesisSet;
  const matchedKeywords = words.filter((w) => thesis.has(w));
  const region = f.regionCode === null ? -1 : regionInt(f.regionCode);
  return {
    track: trackShare(own, m.tracks),
    ticket: ticketCentrality(f.amountSought ?? 0, m.mandate.ticketMin, m.mandate.ticketMax),
    region: m.preferredRegions.length === 0 ? NaN : region >= 0 && regionMatches(region, m.preferredRegions) ? 1 : 0,
    keywords: keywordOverlap(matchedKeywords.length, m.thesis.length),
    matchedKeywords,
    matchedTracks: f.tracks.filter((t) => (trackBit(t) & m.tracks) !== 0),
  };
}

export function fitInputs(f: ProjectFeatures, m: CompiledMandate, parts: FitParts): Record<string, InputValue> {
  const nan = (x: number) => (Number.isNaN(x) ? null : round4(x));
  return {
    tracks: f.tracks,
    matchedTracks: parts.matchedTracks,
    trackShare: nan(parts.track),
    amountSought: f.amountSought,
    ticketMin: m.mandate.ticketMin,
    ticketMax: m.mandate.ticketMax,
    ticketCentrality: round4(parts.ticket),
    regionCode: f.regionCode,
    preferredRegions: m.mandate.preferredRegions ?? [],
    regionPreferred: nan(parts.region),
    matchedKeywords: parts.matchedKeywords,
    thesisKeywords: m.thesis,
    keywordOverlap: nan(parts.keywords),
  };
}

/** Fit quotes only public data (tracks, amount sought, region, keywords), so both modes read alike. */
export function renderFit(inputs: Record<string, InputValue>, value: number, _mode: DisplayMode): Text {
  const zh: string[] = [];
  const en: string[] = [];
  const matched = (inputs.matchedTracks as readonly string[]).map(trackLabel);
  if (inputs.trackShare !== null) {
    zh.push(`赛道吻合 ${inputs.trackShare}（${matched.map((t) => t.zh).join('、') || '无'}）`);
    en.push(`track similarity ${inputs.trackShare} (${matched.map((t) => t.en).join(', ') || 'none'})`);
  }
  const yuan = (fen: number) => `¥${fmtYuanM(fen)} m`;
  const wan = (fen: number) => `${fmtWan(fen)}万元`;
  const min = inputs.ticketMin as number;
  const max = inputs.ticketMax as number;
  const sought = inputs.amountSought;
  zh.push(
    `金额居中度 ${inputs.ticketCentrality}（需求 ${typeof sought === 'number' ? wan(sought) : '未填写'}，区间 ${wan(min)}–${wan(max)}）`,
  );
  en.push(
    `ticket centrality ${inputs.ticketCentrality} (seeking ${typeof sought === 'number' ? yuan(sought) : 'not given'}, range ${yuan(min)}–${yuan(max)})`,
  );
  if (inputs.regionPreferred !== null) {
    zh.push(`优先地区 ${inputs.regionPreferred === 1 ? '是' : '否'}（${inputs.regionCode ?? '未知'}）`);
    en.push(`preferred region ${inputs.regionPreferred === 1 ? 'yes' : 'no'} (${inputs.regionCode ?? 'unknown'})`);
  }
  if (inputs.keywordOverlap !== null) {
    const words = (inputs.matchedKeywords as readonly string[]).join('、') || '无';
    zh.push(`投资主题关键词 ${inputs.keywordOverlap}（命中 ${words}）`);
    en.push(
      `thesis keywords ${inputs.keywordOverlap} (matched ${(inputs.matchedKeywords as readonly string[]).join(', ') || 'none'})`,
    );
  }
  return {
    zh: `匹配度 ${value}：${zh.join('；')}（各项取平均）`,
    en: `Fit ${value}: ${en.join('; ')} (mean of the parts)`,
  };
}
