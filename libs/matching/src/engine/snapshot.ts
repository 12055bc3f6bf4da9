/**
 * Columnar snapshot of every published project: one typed array per feature the hard filters and
 * the mandate-independent criteria read, bitmasks for tracks / instruments / qualifications, region
 * codes as integers, and string tables for ids and keywords. Rows stay dense: removing a project moves
 * the last row into its slot. The feature objects are kept only to explain the few returned items.
 *
 * Early, small and hard tech do not depend on the mandate, so they are computed once per write. The
 * innovation estimate depends on the whole cohort. Each row keeps, per indicator, how many known
 * cohort values lie strictly below its own and how many equal it (`below`, `equal`): a write that
 * moves one value shifts those counts by one in a single integer pass per changed indicator (no
 * search). A row's innovation value is then summed again from its counts only when something reads it
 * — the same float as a from-scratch percentile search (`(lo + (hi − lo) / 2) / n`, the same terms in
 * the same order): a write marks stale the rows whose counts it moved (or all rows at once, by a new
 * epoch, when an indicator's cohort size changed), and a ranking refreshes only the stale rows that
 * pass its hard filters, so the first ranking after a write does one scan and no pass over the column.
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
  STAGE_COUNT,
  stageIndex,
  trackMask,
  uniqueKeywords,
} from './reference';
import type { ProjectFeatures } from './types';

/** Keyword slots per row; the adapter keeps a project's tags within this (profiles carry a handful). */
export const MAX_KEYWORDS = 8;
/** Missing integer figure (all stored integer figures are ≥ 0). */
export const NONE = -1;
/** Scratch: one indicator's innovation weight per stage index (`ensureInnovation`). */
const WEIGHT_BY_STAGE = new Float64Array(STAGE_COUNT);
const INDICATOR_COUNT = INNOVATION_INDICATORS.length;
/** `innovationWeights(stage)[indicator]` at `stage × INDICATOR_COUNT + indicator` (the same numbers). */
const WEIGHTS = Float64Array.from(
  { length: STAGE_COUNT * INDICATOR_COUNT },
  (_, i) => innovationWeights(Math.floor(i / INDICATOR_COUNT))[i % INDICATOR_COUNT],
);
/** No indicator value (a project entering or leaving the cohort). */
const NO_VALUES: readonly null[] = INNOVATION_INDICATORS.map(() => null);

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
  /**
   * `innovation[row]` is current iff `innovationFresh[row] === innovationEpoch`. A write that changes
   * an indicator's cohort size (every percentile of it moves) starts a new epoch; one that only moves
   * some rows' counts zeroes their marks. Readers call `refreshInnovation` (one row) or
   * `ensureInnovation` (all rows).
   */
  innovationEpoch = 1;
  innovationFresh: Uint32Array;
  /** No row was refreshed since the epoch began: `ensureInnovation` sums the column at once. */
  private allStale = true;

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
  /** Per indicator and row: known cohort values strictly below the row's value (undefined where unknown). */
  below: Int32Array[];
  /** Per indicator and row: known cohort values equal to the row's value, itself included. */
  equal: Int32Array[];
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
    this.below = INNOVATION_INDICATORS.map(() => new Int32Array(n));
    this.equal = INNOVATION_INDICATORS.map(() => new Int32Array(n));
    this.cohort = cohort ?? new Cohort(n);
    this.innovationFresh = new Uint32Array(n);
  }

  /** Builds from a full load (boot); the cohort is sorted once instead of inserted into. */
  static build(list: readonly ProjectFeatures[]): Snapshot {
    const snapshot = new Snapshot(list.length, Cohort.fromFeatures(list));
    for (const f of list) {
      if (snapshot.rowOf.has(f.projectId)) throw new EngineInputError('DUPLICATE_PROJECT', `duplicate ${f.projectId}`);
      snapshot.write(snapshot.size++, f);
    }
    for (let row = 0; row < snapshot.size; row++) snapshot.rankRow(row);
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
    const next = innovationIndicatorValues(f);
    let row: number;
    let moved: boolean;
    if (existing !== undefined) {
      const prev = innovationIndicatorValues(this.features[existing]);
      this.cohort.aspects.add(this.features[existing], -1);
      this.cohort.remove(prev);
      this.cohort.add(next);
      moved = this.shiftCounts(prev, next);
      row = existing;
    } else {
      if (this.size === this.capacity) this.resize(this.capacity * 2);
      this.cohort.add(next);
      moved = this.shiftCounts(NO_VALUES, next);
      row = this.size++;
    }
    this.cohort.aspects.add(f, 1);
    this.write(row, f);
    this.rankRow(row);
    if (moved) this.invalidateInnovation();
    else this.innovationFresh[row] = 0;
    this.version++;
  }

  /** Removes one project (unpublished, archived); returns whether it was there. */
  remove(projectId: string): boolean {
    const row = this.rowOf.get(projectId);
    if (row === undefined) return false;
    const prev = innovationIndicatorValues(this.features[row]);
    this.cohort.aspects.add(this.features[row], -1);
    this.cohort.remove(prev);
    if (this.shiftCounts(prev, NO_VALUES)) this.invalidateInnovation();
    const last = this.size - 1;
    // The last row moves into this slot, its freshness mark with it.
    if (row !== last) this.moveRow(last, row);
    this.rowOf.delete(projectId);
    this.ids.length = last;
    this.features.length = last;
    this.size = last;
    this.version++;
    return true;
  }

  /**
   * One value of each indicator leaves the cohort (`prev`) and one enters it (`next`; `null` = none):
   * every row's `below` / `equal` counts move by one where the value is under or at theirs. Returns
   * whether an indicator's cohort size changed (then every known row's percentile did: the caller
   * starts a new epoch). When a value only moved (`prev` and `next` both known) the size stays and
   * only the rows whose counts changed are marked stale. The row that changed gets its own counts from
   * `rankRow` afterwards.
   */
  private shiftCounts(prev: readonly (number | null)[], next: readonly (number | null)[]): boolean {
    const n = this.size;
    let resized = false;
    for (let ind = 0; ind < prev.length; ind++) {
      const p = prev[ind];
      const q = next[ind];
      if (p === q) continue;
      const column = this.indicators[ind];
      const below = this.below[ind];
      const equal = this.equal[ind];
      // NaN (unknown) compares false both ways: such rows keep meaningless counts nobody reads.
      if (p !== null && q !== null) {
        // A value moved from p to q: only rows at or above the lower of the two change.
        const fresh = this.innovationFresh;
        for (let row = 0; row < n; row++) {
          const u = column[row];
          if (!(u >= p || u >= q)) continue;
          const db = (u > q ? 1 : 0) - (u > p ? 1 : 0);
          const de = (u === q ? 1 : 0) - (u === p ? 1 : 0);
          if (db === 0 && de === 0) continue;
          below[row] += db;
          equal[row] += de;
          fresh[row] = 0;
        }
        continue;
      }
      resized = true;
      if (p !== null) {
        for (let row = 0; row < n; row++) {
          const u = column[row];
          if (u > p) below[row]--;
          else if (u === p) equal[row]--;
        }
      }
      if (q !== null) {
        for (let row = 0; row < n; row++) {
          const u = column[row];
          if (u > q) below[row]++;
          else if (u === q) equal[row]++;
        }
      }
    }
    return resized;
  }

  /** Every row's innovation value is stale (a new epoch; marks wrap long before 2³² writes matter). */
  private invalidateInnovation(): void {
    if (this.innovationEpoch === 0xffffffff) {
      this.innovationFresh.fill(0);
      this.innovationEpoch = 0;
    }
    this.innovationEpoch++;
    this.allStale = true;
  }

  /** A row's own counts, searched in the cohort (boot, and the row a write replaced). */
  private rankRow(row: number): void {
    for (let ind = 0; ind < this.indicators.length; ind++) {
      const v = this.indicators[ind][row];
      if (v !== v) {
        this.below[ind][row] = 0;
        this.equal[ind][row] = 0;
        continue;
      }
      const below = this.cohort.countBelow(ind, v);
      this.below[ind][row] = below;
      this.equal[ind][row] = this.cohort.countEqual(ind, v, below);
    }
  }

  /**
   * Brings the whole innovation column up to date (boot, and readers of the column as a whole; a
   * ranking refreshes only the rows it reads). Equal to `innovationValue` per row — the same terms
   * added in the same order from 0, then `round4` — computed from the counts: no search, no per-row
   * objects; one column at a time when every row is stale.
   */
  ensureInnovation(): void {
    if (this.allStale) {
      const n = this.size;
      const sum = this.innovation;
      const stage = this.stage;
      sum.fill(0, 0, n);
      for (let ind = 0; ind < this.indicators.length; ind++) {
        const column = this.indicators[ind];
        const below = this.below[ind];
        const equal = this.equal[ind];
        const count = this.cohort.size(ind);
        // This indicator's weight by stage index (the same numbers innovationWeights returns).
        for (let st = 0; st < WEIGHT_BY_STAGE.length; st++) WEIGHT_BY_STAGE[st] = innovationWeights(st)[ind];
        for (let row = 0; row < n; row++) {
          if (column[row] !== column[row]) continue; // NaN: unknown, left out as in innovationValue
          sum[row] += WEIGHT_BY_STAGE[stage[row]] * ((below[row] + equal[row] / 2) / count);
        }
      }
      for (let row = 0; row < n; row++) sum[row] = round4(sum[row]);
      this.innovationFresh.fill(this.innovationEpoch, 0, n);
      this.allStale = false;
      return;
    }
    const fresh = this.innovationFresh;
    const epoch = this.innovationEpoch;
    for (let row = 0, n = this.size; row < n; row++) if (fresh[row] !== epoch) this.refreshInnovation(row);
  }

  /**
   * Sums row `row`'s innovation value again from its counts (the caller saw it stale): the same terms
   * in the same order as the column pass. It returns nothing and reads weights from a typed table: the
   * scan calls it, and a double returned from a call that is not inlined is a heap allocation.
   */
  refreshInnovation(row: number): void {
    const base = this.stage[row] * INDICATOR_COUNT;
    let sum = 0;
    for (let ind = 0; ind < INDICATOR_COUNT; ind++) {
      const v = this.indicators[ind][row];
      if (v !== v) continue;
      sum += WEIGHTS[base + ind] * ((this.below[ind][row] + this.equal[ind][row] / 2) / this.cohort.size(ind));
    }
    this.innovation[row] = round4(sum);
    this.innovationFresh[row] = this.innovationEpoch;
    this.allStale = false;
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
      this.innovationFresh,
      ...this.indicators,
      ...this.below,
      ...this.equal,
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
      this.innovationFresh,
      ...this.indicators,
      ...this.below,
      ...this.equal,
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
    this.below = this.below.map((c) => grow(c, capacity));
    this.equal = this.equal.map((c) => grow(c, capacity));
    this.innovationFresh = grow(this.innovationFresh, capacity);
  }
}
