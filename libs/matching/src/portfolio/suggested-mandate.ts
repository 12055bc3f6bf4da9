/**
 * "What you actually do": a mandate suggested by the investor's positive history (deals that got
 * somewhere, "more like this" marks, the imported portfolio), weighted as portfolio fit weighs them,
 * beside the written one. Pure: the service gives it the history and the written terms.
 */
import { STAGES, TRACKS } from '@app/reference';
import type { HistoryEntry } from '../engine';

/** A value is suggested when it carries at least this share of the positive weight. */
export const SUGGEST_MIN_SHARE = 0.1;

export interface SuggestedValue {
  value: string;
  /** Share of the positive weight that knows this aspect (4 decimals). */
  share: number;
  /** The written mandate names it (always true when it names none: "any"). */
  written: boolean;
}

export interface SuggestedMandate {
  basis: { positives: number; weight: number; deals: number; marks: number; imported: number };
  stages: SuggestedValue[];
  tracks: SuggestedValue[];
  /** Provinces (2-digit codes). */
  regions: SuggestedValue[];
  /** Weighted 10th–90th percentile of the amounts, in 分; null without amounts. */
  ticket: { min: number; max: number; median: number; amounts: number } | null;
  written: { stages: string[]; tracks: string[]; regions: string[]; ticketMin: number; ticketMax: number };
  /** What differs, one sentence each. */
  differences: { zh: string; en: string }[];
}

export interface WrittenTerms {
  stages: readonly string[];
  tracks: readonly string[];
  /** Hard and preferred regions together. */
  regions: readonly string[];
  ticketMin: number;
  ticketMax: number;
}

const trackLabel = (code: string) => TRACKS.find((t) => t.code === code) ?? { zh: code, en: code };
const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
const yuanM = (fen: number) => `¥${Math.round(fen / 1_000_000) / 100} m`;
const wan = (fen: number) => `${Math.round(fen / 1_000_000)}万元`;

function shares(
  positives: readonly HistoryEntry[],
  valuesOf: (e: HistoryEntry) => readonly string[],
  writtenHas: (v: string) => boolean,
  order: (a: string, b: string) => number,
): SuggestedValue[] {
  const mass = new Map<string, number>();
  let total = 0;
  for (const e of positives) {
    const vs = [...new Set(valuesOf(e))];
    if (vs.length === 0) continue;
    const w = e.weight ?? 1;
    total += w;
    for (const v of vs) mass.set(v, (mass.get(v) ?? 0) + w / vs.length);
  }
  if (total === 0) return [];
  return [...mass]
    .map(([value, m]) => ({ value, share: r4(m / total), written: writtenHas(value) }))
    .filter((s) => s.share >= SUGGEST_MIN_SHARE)
    .sort((a, b) => order(a.value, b.value) || b.share - a.share);
}

function weightedQuantile(points: { x: number; w: number }[], q: number): number {
  const total = points.reduce((s, p) => s + p.w, 0);
  let acc = 0;
  for (const p of points) {
    acc += p.w;
    if (acc >= q * total - 1e-9) return p.x;
  }
  return points[points.length - 1].x;
}

export function suggestedMandate(history: readonly HistoryEntry[], written: WrittenTerms): SuggestedMandate {
  const positives = history.filter((e) => e.polarity > 0 && (e.weight ?? 1) > 0);
  const stageOrder = (a: string, b: string) => STAGES.indexOf(a as never) - STAGES.indexOf(b as never);
  const stages = shares(
    positives,
    (e) => (e.stage ? [e.stage] : []),
    (v) => written.stages.length === 0 || written.stages.includes(v),
    stageOrder,
  );
  const tracks = shares(
    positives,
    (e) => e.tracks,
    (v) => written.tracks.length === 0 || written.tracks.includes(v),
    () => 0,
  );
  const regions = shares(
    positives,
    (e) => (e.regionCode ? [e.regionCode.slice(0, 2)] : []),
    (v) => written.regions.length === 0 || written.regions.some((r) => r.startsWith(v) || v.startsWith(r)),
    () => 0,
  );
  const amounts = positives
    .filter((e) => e.amount !== null && e.amount > 0)
    .map((e) => ({ x: e.amount as number, w: e.weight ?? 1 }))
    .sort((a, b) => a.x - b.x);
  const ticket =
    amounts.length === 0
      ? null
      : {
          min: weightedQuantile(amounts, 0.1),
          max: weightedQuantile(amounts, 0.9),
          median: weightedQuantile(amounts, 0.5),
          amounts: amounts.length,
        };

  const differences: { zh: string; en: string }[] = [];
  const outside = (list: SuggestedValue[]) => list.filter((s) => !s.written);
  const stageOut = outside(stages);
  if (stageOut.length > 0)
    differences.push({
      zh: `你实际投资的阶段还包括 ${stageOut.map((s) => `${s.value}（${Math.round(s.share * 100)}%）`).join('、')}，授权中没有写明`,
      en: `You also invest at ${stageOut.map((s) => `${s.value} (${Math.round(s.share * 100)} %)`).join(', ')}, which the mandate does not name`,
    });
  const trackOut = outside(tracks);
  if (trackOut.length > 0)
    differences.push({
      zh: `你实际投资的赛道还包括 ${trackOut.map((s) => `${trackLabel(s.value).zh}（${Math.round(s.share * 100)}%）`).join('、')}，授权中没有写明`,
      en: `You also invest in ${trackOut.map((s) => `${trackLabel(s.value).en} (${Math.round(s.share * 100)} %)`).join(', ')}, which the mandate does not name`,
    });
  const regionOut = outside(regions);
  if (regionOut.length > 0)
    differences.push({
      zh: `你实际投资的地区还包括 ${regionOut.map((s) => `${s.value}（${Math.round(s.share * 100)}%）`).join('、')}`,
      en: `You also invest in regions ${regionOut.map((s) => `${s.value} (${Math.round(s.share * 100)} %)`).join(', ')}`,
    });
  if (ticket && (ticket.min < written.ticketMin || ticket.max > written.ticketMax))
    differences.push({
      zh: `实际单笔金额 ${wan(ticket.min)}–${wan(ticket.max)}（中位 ${wan(ticket.median)}），授权写明 ${wan(written.ticketMin)}–${wan(written.ticketMax)}`,
      en: `Your tickets run ${yuanM(ticket.min)}–${yuanM(ticket.max)} (median ${yuanM(ticket.median)}); the mandate says ${yuanM(written.ticketMin)}–${yuanM(written.ticketMax)}`,
    });

  return {
    basis: {
      positives: positives.length,
      weight: r4(positives.reduce((s, e) => s + (e.weight ?? 1), 0)),
      deals: positives.filter((e) => e.source === 'deal').length,
      marks: positives.filter((e) => e.source === 'feedback').length,
      imported: positives.filter((e) => e.source === 'portfolio').length,
    },
    stages,
    tracks,
    regions,
    ticket,
    written: {
      stages: [...written.stages],
      tracks: [...written.tracks],
      regions: [...written.regions],
      ticketMin: written.ticketMin,
      ticketMax: written.ticketMax,
    },
    differences,
  };
}
