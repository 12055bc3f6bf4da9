/**
 * Columnar snapshot of every published project: one typed array per feature the hard filters and
 * the mandate-independent criteria read, bitmasks for tracks / instruments / qualifications, region
 * codes as integers, and string tables for ids and keywords. Rows stay dense: removing a project moves
 * the last row into its slot. The feature objects are kept only to explain the few returned items.
 *
 * Early, small and hard tech do not depend on the mandate, so they are computed once per write. The
 * innovation estimate depends on the whole cohort, so a write marks it stale and the next ranking
 * recomputes the column from the indicator columns (one percentile search per known value, indicator
 * by indicator) — freshness stays well within the 1 s budget without re-sorting anything.
 */
import { Cohort } from './cohort';
import { earlyValue } from './criteria/early';
import { hardTechValue } from './criteria/hard-tech';
import { INNOVATION_INDICATORS, innovationIndicatorValues } from './criteria/innovation-indicators';
import { innovationWeights } from './criteria/innovation';
import { round4 } from './reference';
import { SIZE_CODES, smallValue } from './criteria/small';
import {
  EngineInputError,
  instrumentMask,
  qualificationMask,
  regionInt,
  stageIndex,
  trackMask,
  uniqueKeywords,
} from './reference';
import type { ProjectFeatures } from './types';

/** Keyword slots per row; the adapter keeps a project's tags within this (profiles carry a handful). */
export const MAX_KEYWORDS = 8;
/** Missing integer figure (all stored integer figures are ≥ 0). */
export const NONE = -1;

const grow = <T extends Int32Array | Float64Array | Uint8Array | Uint16Array | Uint32Array | Int8Array>(
  a: T,
  size: number,
): T => {
  const ctor = a.constructor as new (n: number) => T;
  const b = new ctor(size);
  b.set(a);
  return b;
};

export class Snapshot {
  /** Bumped on every write; responses carry it so a client can tell which data ranked it. */
  version = 0;
  size = 0;
  private capacity: number;
  private innovationVersion = -1;

  readonly ids: string[] = [];
  readonly features: ProjectFeatures[] = [];
  private readonly rowOf = new Map<string, number>();
  readonly startupTable = new Map<string, number>();
  readonly keywordTable = new Map<string, number>();

  startup: Int32Array;
  stage: Uint8Array;
  instruments: Uint8Array;
  qualifications: Uint16Array;
  tracks: Uint32Array;
  region: Int32Array;
  /** NaN = unknown. Float64: amounts in 分 exceed 2³¹ above ¥21 m. */
  amount: Float64Array;
  age: Float64Array;
  rdBp: Int32Array;
  ipClassI: Int32Array;
  staffBp: Int32Array;
  pledgeable: Int32Array;
  trl: Int8Array;
  /** `MAX_KEYWORDS` keyword ids per row, `NONE`-padded. */
  keywords: Int32Array;
  early: Float64Array;
  small: Float64Array;
  hardTech: Float64Array;
  innovation: Float64Array;
  /** The innovation indicators per row, one column each (`INNOVATION_INDICATORS` order); NaN = unknown. */
  indicators: Float64Array[];
  readonly cohort: Cohort;

  constructor(capacity = 1024, cohort?: Cohort) {
    this.capacity = Math.max(16, capacity);
    const n = this.capacity;
    this.startup = new Int32Array(n);
    this.stage = new Uint8Array(n);
    this.instruments = new Uint8Array(n);
    this.qualifications = new Uint16Array(n);
    this.tracks = new Uint32Array(n);
    this.region = new Int32Array(n);
    this.amount = new Float64Array(n);
    this.age = new Float64Array(n);
    this.rdBp = new Int32Array(n);
    this.ipClassI = new Int32Array(n);
    this.staffBp = new Int32Array(n);
    this.pledgeable = new Int32Array(n);
    this.trl = new Int8Array(n);
    this.keywords = new Int32Array(n * MAX_KEYWORDS);
    this.early = new Float64Array(n);
    this.small = new Float64Array(n);
    this.hardTech = new Float64Array(n);
    this.innovation = new Float64Array(n);
    this.indicators = INNOVATION_INDICATORS.map(() => new Float64Array(n));
    this.cohort = cohort ?? new Cohort(n);
  }

  /** Builds from a full load (boot); the cohort is sorted once instead of inserted into. */
  static build(list: readonly ProjectFeatures[]): Snapshot {
    const snapshot = new Snapshot(list.length, Cohort.fromFeatures(list));
    for (const f of list) {
      if (snapshot.rowOf.has(f.projectId)) throw new EngineInputError('DUPLICATE_PROJECT', `duplicate ${f.projectId}`);
      snapshot.write(snapshot.size++, f);
    }
    snapshot.version = 1;
    return snapshot;
  }

  /** Current row of a project (rows move on removal: valid until the next write). */
  rowIndex(projectId: string): number | undefined {
    return this.rowOf.get(projectId);
  }

  has(projectId: string): boolean {
    return this.rowOf.has(projectId);
  }

  get(projectId: string): ProjectFeatures | undefined {
    const row = this.rowOf.get(projectId);
    return row === undefined ? undefined : this.features[row];
  }

  /** Inserts or replaces one project (an outbox event: published, edited, re-evaluated). */
  upsert(f: ProjectFeatures): void {
    const existing = this.rowOf.get(f.projectId);
    // Validate before touching anything, so a bad event cannot leave the row half-written.
    this.encode(f);
    if (existing !== undefined) {
      this.cohort.remove(innovationIndicatorValues(this.features[existing]));
      this.write(existing, f);
    } else {
      if (this.size === this.capacity) this.resize(this.capacity * 2);
      this.write(this.size++, f);
    }
    this.cohort.add(innovationIndicatorValues(f));
    this.version++;
  }

  /** Removes one project (unpublished, archived); returns whether it was there. */
  remove(projectId: string): boolean {
    const row = this.rowOf.get(projectId);
    if (row === undefined) return false;
    this.cohort.remove(innovationIndicatorValues(this.features[row]));
    const last = this.size - 1;
    if (row !== last) this.moveRow(last, row);
    this.rowOf.delete(projectId);
    this.ids.length = last;
    this.features.length = last;
    this.size = last;
    this.version++;
    return true;
  }

  /**
   * Recomputes the innovation column when the snapshot changed since the last ranking (a no-op
   * otherwise: every ranking calls it). Equal to `innovationValue` per row — the same terms added in
   * the same order from 0, then `round4` — but computed indicator by indicator from the typed
   * columns: no per-row objects or arrays, and one sorted cohort array in cache at a time.
   */
  ensureInnovation(): void {
    if (this.innovationVersion === this.version) return;
    const n = this.size;
    const sum = this.innovation;
    const stage = this.stage;
    sum.fill(0, 0, n);
    for (let ind = 0; ind < this.indicators.length; ind++) {
      const column = this.indicators[ind];
      for (let row = 0; row < n; row++) {
        const v = column[row];
        if (v !== v) continue; // NaN: unknown, left out as in innovationValue
        sum[row] += innovationWeights(stage[row])[ind] * this.cohort.percentile(ind, v);
      }
    }
    for (let row = 0; row < n; row++) sum[row] = round4(sum[row]);
    this.innovationVersion = this.version;
  }

  /** Bytes held by the columns and the cohort distribution (not the feature objects or strings). */
  typedArrayBytes(): number {
    const columns = [
      this.startup,
      this.stage,
      this.instruments,
      this.qualifications,
      this.tracks,
      this.region,
      this.amount,
      this.age,
      this.rdBp,
      this.ipClassI,
      this.staffBp,
      this.pledgeable,
      this.trl,
      this.keywords,
      this.early,
      this.small,
      this.hardTech,
      this.innovation,
      ...this.indicators,
    ];
    return columns.reduce((s, a) => s + a.byteLength, 0) + this.cohort.byteLength();
  }

  private encode(f: ProjectFeatures) {
    const keywords = uniqueKeywords(f.keywords);
    if (keywords.length > MAX_KEYWORDS) {
      throw new EngineInputError('TOO_MANY_KEYWORDS', `${f.projectId} has more than ${MAX_KEYWORDS} keywords`);
    }
    if (!SIZE_CODES.includes(f.sizeClass)) throw new EngineInputError('UNKNOWN_SIZE_CLASS', `size ${f.sizeClass}`);
    return {
      stage: stageIndex(f.stage),
      tracks: trackMask(f.tracks),
      instruments: instrumentMask(f.instruments),
      qualifications: qualificationMask(f.qualifications),
      region: regionInt(f.regionCode),
      keywords,
    };
  }

  private write(row: number, f: ProjectFeatures): void {
    const e = this.encode(f);
    const nullable = (x: number | null) => (x === null ? NONE : x);
    this.ids[row] = f.projectId;
    this.features[row] = f;
    this.rowOf.set(f.projectId, row);
    let startup = this.startupTable.get(f.startupId);
    if (startup === undefined) this.startupTable.set(f.startupId, (startup = this.startupTable.size));
    this.startup[row] = startup;
    this.stage[row] = e.stage;
    this.instruments[row] = e.instruments;
    this.qualifications[row] = e.qualifications;
    this.tracks[row] = e.tracks;
    this.region[row] = e.region;
    this.amount[row] = f.amountSought ?? NaN;
    this.age[row] = f.companyAgeYears ?? NaN;
    this.rdBp[row] = nullable(f.rdIntensityBp);
    this.ipClassI[row] = nullable(f.ipClassI);
    this.staffBp[row] = nullable(f.techStaffShareBp);
    this.pledgeable[row] = nullable(f.pledgeableInventionPatents);
    this.trl[row] = nullable(f.trl);
    const base = row * MAX_KEYWORDS;
    for (let s = 0; s < MAX_KEYWORDS; s++) {
      const k = e.keywords[s];
      if (k === undefined) {
        this.keywords[base + s] = NONE;
        continue;
      }
      let id = this.keywordTable.get(k);
      if (id === undefined) this.keywordTable.set(k, (id = this.keywordTable.size));
      this.keywords[base + s] = id;
    }
    const indicators = innovationIndicatorValues(f);
    for (let i = 0; i < indicators.length; i++) this.indicators[i][row] = indicators[i] ?? NaN;
    this.early[row] = earlyValue(e.stage, f.companyAgeYears, f.priorRounds, f.universitySpinOut, f.fromPocCenter);
    this.small[row] = smallValue(f.sizeClass, f.withinTechSmeCeiling);
    this.hardTech[row] = hardTechValue(
      f.techSmePoints,
      f.techSmeVerdict,
      f.rdIntensityBp,
      f.ipClassI,
      f.techStaffShareBp,
      e.tracks,
    );
  }

  private moveRow(from: number, to: number): void {
    const columns = [
      this.startup,
      this.stage,
      this.instruments,
      this.qualifications,
      this.tracks,
      this.region,
      this.amount,
      this.age,
      this.rdBp,
      this.ipClassI,
      this.staffBp,
      this.pledgeable,
      this.trl,
      this.early,
      this.small,
      this.hardTech,
      this.innovation,
      ...this.indicators,
    ];
    for (const c of columns) c[to] = c[from];
    this.keywords.copyWithin(to * MAX_KEYWORDS, from * MAX_KEYWORDS, (from + 1) * MAX_KEYWORDS);
    this.ids[to] = this.ids[from];
    this.features[to] = this.features[from];
    this.rowOf.set(this.ids[to], to);
  }

  private resize(capacity: number): void {
    this.capacity = capacity;
    this.startup = grow(this.startup, capacity);
    this.stage = grow(this.stage, capacity);
    this.instruments = grow(this.instruments, capacity);
    this.qualifications = grow(this.qualifications, capacity);
    this.tracks = grow(this.tracks, capacity);
    this.region = grow(this.region, capacity);
    this.amount = grow(this.amount, capacity);
    this.age = grow(this.age, capacity);
    this.rdBp = grow(this.rdBp, capacity);
    this.ipClassI = grow(this.ipClassI, capacity);
    this.staffBp = grow(this.staffBp, capacity);
    this.pledgeable = grow(this.pledgeable, capacity);
    this.trl = grow(this.trl, capacity);
    this.keywords = grow(this.keywords, capacity * MAX_KEYWORDS);
    this.early = grow(this.early, capacity);
    this.small = grow(this.small, capacity);
    this.hardTech = grow(this.hardTech, capacity);
    this.innovation = grow(this.innovation, capacity);
    this.indicators = this.indicators.map((c) => grow(c, capacity));
  }
}
