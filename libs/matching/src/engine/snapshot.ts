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
 * search), and the next ranking sums the column again from the counts — the same float as a
 * from-scratch percentile search (`(lo + (hi − lo) / 2) / n`, the same terms in the same order). An
 * edit that moves no indicator only recomputes its own row.
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
  /** The whole innovation column must be summed again (a cohort distribution moved). */
  private innovationStale = true;
  /**
   * Rows whose `below` / `equal` counts a write moved while no indicator's cohort size changed: only
   * their percentiles changed, so only they are summed again (`dirtyList` holds the first
   * `dirtyCount` of them; `dirtyMark` flags them so a row is listed once).
   */
  private dirtyMark: Uint8Array;
  private dirtyList: Int32Array;
  private dirtyCount = 0;

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
    this.dirtyMark = new Uint8Array(n);
    this.dirtyList = new Int32Array(n);
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
    if (moved) this.innovationStale = true;
    else this.markDirty(row);
    this.version++;
  }

  /** Removes one project (unpublished, archived); returns whether it was there. */
  remove(projectId: string): boolean {
    const row = this.rowOf.get(projectId);
    if (row === undefined) return false;
    const prev = innovationIndicatorValues(this.features[row]);
    this.cohort.aspects.add(this.features[row], -1);
    this.cohort.remove(prev);
    if (this.shiftCounts(prev, NO_VALUES)) this.innovationStale = true;
    const last = this.size - 1;
    // The last row moves into this slot: its dirty mark follows it (entries past the end are skipped).
    if (row !== last && this.dirtyMark[last] === 1) {
      this.dirtyMark[last] = 0;
      this.dirtyMark[row] = 0;
      this.markDirty(row);
    }
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
   * whether an indicator's cohort size changed (then every known row's percentile did: the whole
   * column is summed again). When a value only moved (`prev` and `next` both known) the size stays and
   * only the rows whose counts changed are marked dirty. The row that changed gets its own counts from
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
        const mark = !resized && !this.innovationStale;
        for (let row = 0; row < n; row++) {
          const u = column[row];
          if (!(u >= p || u >= q)) continue;
          const db = (u > q ? 1 : 0) - (u > p ? 1 : 0);
          const de = (u === q ? 1 : 0) - (u === p ? 1 : 0);
          if (db === 0 && de === 0) continue;
          below[row] += db;
          equal[row] += de;
          if (mark) this.markDirty(row);
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

  private markDirty(row: number): void {
    if (this.innovationStale || this.dirtyMark[row] === 1) return;
    // Past a quarter of the rows, summing the whole column again is the cheaper pass.
    if (this.dirtyCount >= this.size >>> 2) {
      this.innovationStale = true;
      return;
    }
    this.dirtyMark[row] = 1;
    this.dirtyList[this.dirtyCount++] = row;
  }

  private clearDirty(): void {
    for (let i = 0; i < this.dirtyCount; i++) this.dirtyMark[this.dirtyList[i]] = 0;
    this.dirtyCount = 0;
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
   * Brings the innovation column up to date (a no-op when nothing changed: every ranking calls it).
   * Equal to `innovationValue` per row — the same terms added in the same order from 0, then
   * `round4` — computed from the counts: no search, no per-row objects, one column at a time.
   */
  ensureInnovation(): void {
    if (this.innovationStale) {
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
      this.innovationStale = false;
      this.clearDirty();
      return;
    }
    if (this.dirtyCount === 0) return;
    const n = this.size;
    for (let i = 0; i < this.dirtyCount; i++) {
      const row = this.dirtyList[i];
      if (row < n) this.innovation[row] = this.innovationOfRow(row);
    }
    this.clearDirty();
  }

  private innovationOfRow(row: number): number {
    const weights = innovationWeights(this.stage[row]);
    let sum = 0;
    for (let ind = 0; ind < this.indicators.length; ind++) {
      if (this.indicators[ind][row] !== this.indicators[ind][row]) continue;
      sum += weights[ind] * ((this.below[ind][row] + this.equal[ind][row] / 2) / this.cohort.size(ind));
    }
    return round4(sum);
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
    this.dirtyMark = grow(this.dirtyMark, capacity);
    this.dirtyList = grow(this.dirtyList, capacity);
  }
}
