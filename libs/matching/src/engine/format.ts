/**
 * How an input is shown: `raw` for the founder and for investors holding a data grant, `banded` for
 * everyone else. Every explanation and hint text is rendered through here, so redaction is re-rendering
 * with `banded` — there is no second copy of the wording that could drift and leak a figure.
 */
import type { InputValue } from './types';

export type DisplayMode = 'raw' | 'banded';

export interface Text {
  zh: string;
  en: string;
}

type Kind = 'bp' | 'fen' | 'count' | 'points' | 'percentile';

interface InputFormat {
  kind: Kind;
  /** Lower band edges, highest first, in the input's unit; below the last edge shows "< last". */
  bands: readonly number[];
}

/**
 * Confidential figures (a data room's content). Anything not listed — stage, age, rounds, tracks, region,
 * amount sought, TRL, certificates, verdicts — is on the public project page already.
 */
const CONFIDENTIAL: Record<string, InputFormat> = {
  headcount: { kind: 'count', bands: [500, 300, 100, 50, 10] },
  rdStaff: { kind: 'count', bands: [50, 20, 5] },
  revenue: { kind: 'fen', bands: [20_000_000_000, 5_000_000_000, 2_000_000_000, 500_000_000] },
  rdSpend: { kind: 'fen', bands: [1_000_000_000, 300_000_000, 100_000_000] },
  highTechRevenue: { kind: 'fen', bands: [5_000_000_000, 1_000_000_000] },
  newEquityRaised: { kind: 'fen', bands: [8_000_000_000, 2_000_000_000, 500_000_000] },
  rdIntensityBp: { kind: 'bp', bands: [600, 500, 400, 300, 200] },
  techStaffShareBp: { kind: 'bp', bands: [3000, 2500, 2000, 1500, 1000] },
  highTechShareBp: { kind: 'bp', bands: [6000, 3000] },
  revenueGrowthBp: { kind: 'bp', bands: [5000, 2000, 0] },
  ipClassI: { kind: 'count', bands: [10, 5, 1] },
  ipClassII: { kind: 'count', bands: [10, 4, 1] },
  pledgeableInventionPatents: { kind: 'count', bands: [10, 5, 1] },
  techSmePoints: { kind: 'points', bands: [60] },
};

const PERCENTILE: InputFormat = { kind: 'percentile', bands: [0.9, 0.75, 0.5] };

/** Innovation indicator percentiles (`pct.rdSpend` …) are derived from confidential figures, so they band too. */
function formatOf(input: string): InputFormat | undefined {
  return input.startsWith('pct.') ? PERCENTILE : CONFIDENTIAL[input];
}

export function isConfidential(input: string): boolean {
  return formatOf(input) !== undefined;
}

/**
 * `x` rounded to `digits` decimals, without trailing zeros: `String(Number(x.toFixed(digits)))`.
 * That round trip (three number↔string conversions) was the largest single cost of building an
 * explanation. When the shortest representation of `x` already has at most `digits` decimals, the
 * round trip returns it unchanged — `toFixed` lands on that same decimal (it is within half an ulp of
 * `x`, every other candidate is ≥ 10^-digits away) and parsing it gives `x` back — so it is returned
 * directly. Most quoted figures are like that (integers, basis points ÷ 100, values already rounded to
 * 4 decimals). The magnitude bound keeps the half-ulp argument and fixed notation safe.
 */
function trim(x: number, digits: number): string {
  const s = String(x);
  if (Math.abs(x) < 1e9 && !s.includes('e')) {
    const dot = s.indexOf('.');
    if (dot < 0 || s.length - dot - 1 <= digits) return s;
  }
  return String(Number(x.toFixed(digits)));
}

function rawText(kind: Kind, v: number): Text {
  switch (kind) {
    case 'bp': {
      const t = trim(v / 100, 2);
      return { zh: `${t}%`, en: `${t} %` };
    }
    case 'fen':
      return { zh: `${trim(v / 1_000_000, 2)}万元`, en: `¥${trim(v / 100_000_000, 3)} m` };
    case 'points': {
      const t = trim(v, 2);
      return { zh: `${t}分`, en: `${t} points` };
    }
    case 'percentile': {
      const t = `P${Math.round(v * 100)}`;
      return { zh: t, en: t };
    }
    case 'count': {
      const t = trim(v, 2);
      return { zh: t, en: t };
    }
  }
}

function bandText(kind: Kind, edge: number, below: boolean): Text {
  if (kind === 'percentile') {
    return below
      ? { zh: `后${Math.round(edge * 100)}%`, en: `bottom ${Math.round(edge * 100)} %` }
      : { zh: `前${Math.round((1 - edge) * 100)}%`, en: `top ${Math.round((1 - edge) * 100)} %` };
  }
  if (kind === 'count' && below && edge === 1) return { zh: '无', en: 'none' };
  const t = rawText(kind, edge);
  const op = below ? '<' : '≥';
  return { zh: `${op} ${t.zh}`, en: `${op} ${t.en}` };
}

/** One input as text in the given mode. Unknown values say so in both modes. */
export function show(input: string, value: InputValue, mode: DisplayMode): Text {
  if (value === null) return { zh: '未知', en: 'unknown' };
  if (typeof value === 'boolean') return value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
  if (typeof value === 'string') return { zh: value, en: value };
  if (typeof value !== 'number') return { zh: value.join('、'), en: value.join(', ') };
  const format = formatOf(input);
  if (!format) {
    const t = trim(value, 4);
    return { zh: t, en: t };
  }
  if (mode === 'raw') return rawText(format.kind, value);
  for (const edge of format.bands) if (value >= edge) return bandText(format.kind, edge, false);
  return bandText(format.kind, format.bands[format.bands.length - 1], true);
}

/** Bands a raw input value for the redacted view (strings keep the band text, numbers disappear). */
export function bandValue(input: string, value: InputValue): InputValue {
  if (!isConfidential(input) || value === null || typeof value !== 'number') return value;
  return show(input, value, 'banded').en;
}

export const fmtBp = (bp: number) => trim(bp / 100, 2);
export const fmtNum = (x: number) => trim(x, 4);
export const fmtYuanM = (fen: number) => trim(fen / 100_000_000, 3);
export const fmtWan = (fen: number) => trim(fen / 1_000_000, 2);
