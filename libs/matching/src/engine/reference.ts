/**
 * Codes → bits, region prefixes, rounding and version strings. Reference lists come from the pure
 * `@app/reference` lib; the engine never depends on a service.
 */
import {
  INSTRUMENTS,
  isRegionCode,
  isRegionPrefix,
  QUALIFICATION_KINDS,
  SME_SIZE_2011,
  STAGES,
  TECH_SME_2022,
  TRACKS,
} from '@app/reference';
import type { Instrument, QualificationKind, Stage } from './types';

export const ENGINE_VERSION = 'matching@1';

/** Engine + the rubric versions whose results feed the criteria; stored with every match and deal. */
export const SCORE_VERSION = [
  ENGINE_VERSION,
  `${TECH_SME_2022.id}@${TECH_SME_2022.version}`,
  `${SME_SIZE_2011.id}@${SME_SIZE_2011.version}`,
  'innovation-estimate@1',
].join('+');

/** Thrown for inputs the engine cannot interpret (unknown codes, zero weights); the caller maps it to a 400. */
export class EngineInputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'EngineInputError';
  }
}

export const STAGE_COUNT = STAGES.length;
const stageIndexes = new Map<string, number>(STAGES.map((s, i) => [s, i]));
const trackIndexes = new Map<string, number>(TRACKS.map((t, i) => [t.code, i]));
const instrumentIndexes = new Map<string, number>(INSTRUMENTS.map((s, i) => [s, i]));
const qualificationIndexes = new Map<string, number>(QUALIFICATION_KINDS.map((s, i) => [s, i]));

// Masks are 32-bit: the bit tests in the scan loop stay on small integers.
if (TRACKS.length > 32) throw new Error('track bitmask holds 32 tracks; widen Snapshot.tracks');

export function stageIndex(stage: Stage): number {
  const i = stageIndexes.get(stage);
  if (i === undefined) throw new EngineInputError('UNKNOWN_STAGE', `unknown stage ${stage}`);
  return i;
}

function maskOf(codes: readonly string[], indexes: Map<string, number>, kind: string): number {
  let mask = 0;
  for (const c of codes) {
    const i = indexes.get(c);
    if (i === undefined) throw new EngineInputError(`UNKNOWN_${kind}`, `unknown ${kind.toLowerCase()} ${c}`);
    mask |= 1 << i;
  }
  return mask >>> 0;
}

export const trackMask = (codes: readonly string[]) => maskOf(codes, trackIndexes, 'TRACK');

/** The bit of one track code (`trackMask([code])` without the array). */
export function trackBit(code: string): number {
  const i = trackIndexes.get(code);
  if (i === undefined) throw new EngineInputError('UNKNOWN_TRACK', `unknown track ${code}`);
  return (1 << i) >>> 0;
}
export const stageMask = (codes: readonly Stage[]) => maskOf(codes, stageIndexes, 'STAGE');
export const instrumentMask = (codes: readonly Instrument[]) => maskOf(codes, instrumentIndexes, 'INSTRUMENT');
export const qualificationMask = (codes: readonly QualificationKind[]) =>
  maskOf(codes, qualificationIndexes, 'QUALIFICATION');

/** Tracks flagged 新质生产力 in the reference list. */
export const NQP_MASK = trackMask(TRACKS.filter((t) => t.nqp).map((t) => t.code));

export function trackLabel(code: string): { zh: string; en: string } {
  const t = TRACKS.find((x) => x.code === code);
  return t ? { zh: t.zh, en: t.en } : { zh: code, en: code };
}

export function popcount(x: number): number {
  let v = x >>> 0;
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** A region code or prefix as "code ÷ divisor === value", so the scan compares integers. */
export interface RegionPrefix {
  divisor: number;
  value: number;
}

export function regionPrefix(code: string): RegionPrefix {
  if (!isRegionPrefix(code)) {
    throw new EngineInputError('INVALID_REGION', `region ${code} is not a 2-, 4- or 6-digit division code`);
  }
  return { divisor: 10 ** (6 - code.length), value: Number(code) };
}

export function regionInt(code: string | null): number {
  if (code === null) return -1;
  if (!isRegionCode(code)) throw new EngineInputError('INVALID_REGION', `project region ${code} is not 6 digits`);
  return Number(code);
}

export function regionMatches(region: number, prefixes: readonly RegionPrefix[]): boolean {
  for (const p of prefixes) if (Math.floor(region / p.divisor) === p.value) return true;
  return false;
}

export function normalizeKeyword(k: string): string {
  return k.trim().toLowerCase();
}

export function uniqueKeywords(list: readonly string[] | undefined): string[] {
  return [...new Set((list ?? []).map(normalizeKeyword).filter((k) => k.length > 0))];
}

export const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
/** Criterion values are rounded to 4 decimals so explanations and rankings quote the same number. */
export const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
export const round2 = (x: number) => Math.round(x * 100) / 100;
