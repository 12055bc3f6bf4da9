/**
 * What the published projects look like, per portfolio-fit aspect: how many projects have each track,
 * stage, amount band, province, qualification and pitch keyword. Portfolio fit compares the
 * investor's history with these base rates (a lift: "your investments are 6× as often 量子科技 as the
 * deal flow"), so a value that is merely common in the deal flow does not look like a preference, and
 * a rare keyword the history shares says more than a common one (TF-IDF in spirit).
 *
 * Integer counts only: the snapshot keeps them up to date one project at a time (`Cohort` carries
 * them), the naive reference counts them from scratch, and both get the same integers — so the same
 * floats downstream, in any order.
 */
import { qualificationMask, regionInt, STAGE_COUNT, stageIndex, trackMask, uniqueKeywords } from '../reference';
import type { ProjectFeatures } from '../types';

/** Amount bands: ⌊log₂ of the amount in 万元⌋, 0 … 15 (¥10k … ¥330 m and above). */
export const AMOUNT_BANDS = 16;
export const TRACK_SLOTS = 32;
export const PROVINCE_SLOTS = 100;
export const QUAL_SLOTS = 16;

export function amountBand(fen: number): number {
  const wan = fen / 1_000_000;
  if (!(wan >= 1)) return 0;
  const b = Math.floor(Math.log2(wan));
  return b >= AMOUNT_BANDS ? AMOUNT_BANDS - 1 : b;
}

export class AspectBase {
  /** Projects counted (every project has a stage and a qualification set). */
  rows = 0;
  readonly stage = new Int32Array(STAGE_COUNT);
  /** Projects per track bit; `trackRows` = projects with at least one track. */
  readonly track = new Int32Array(TRACK_SLOTS);
  trackRows = 0;
  readonly amount = new Int32Array(AMOUNT_BANDS);
  amountRows = 0;
  readonly province = new Int32Array(PROVINCE_SLOTS);
  regionRows = 0;
  readonly qualifications = new Int32Array(QUAL_SLOTS);
  /** Projects per (normalised) keyword — document frequency; `keywordRows` = projects with any. */
  readonly keywords = new Map<string, number>();
  keywordRows = 0;

  static of(list: readonly ProjectFeatures[]): AspectBase {
    const base = new AspectBase();
    for (const f of list) base.add(f, 1);
    return base;
  }

  /** Counts a project in (`1`) or out (`-1`). */
  add(f: ProjectFeatures, sign: 1 | -1): void {
    this.rows += sign;
    this.stage[stageIndex(f.stage)] += sign;
    const tracks = trackMask(f.tracks);
    if (tracks !== 0) {
      this.trackRows += sign;
      for (let b = 0; b < TRACK_SLOTS; b++) if (((tracks >>> b) & 1) === 1) this.track[b] += sign;
    }
    const a = f.amountSought;
    if (a !== null) {
      this.amountRows += sign;
      this.amount[amountBand(a)] += sign;
    }
    const region = regionInt(f.regionCode);
    if (region >= 0) {
      this.regionRows += sign;
      this.province[Math.floor(region / 10_000)] += sign;
    }
    const q = qualificationMask(f.qualifications);
    for (let b = 0; b < QUAL_SLOTS; b++) if (((q >>> b) & 1) === 1) this.qualifications[b] += sign;
    const words = uniqueKeywords(f.keywords);
    if (words.length > 0) this.keywordRows += sign;
    for (const w of words) {
      const n = (this.keywords.get(w) ?? 0) + sign;
      if (n === 0) this.keywords.delete(w);
      else this.keywords.set(w, n);
    }
  }
}

/** No projects known: every value equally common (what a bare `compileMandate(mandate)` assumes). */
export const EMPTY_BASE = new AspectBase();
