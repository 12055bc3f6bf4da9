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
 * search). A row's value summed from its counts is the same float as a from-scratch percentile search
 * (`(lo + (hi − lo) / 2) / n`, the same terms in the same order).
 *
 * A write moves every row's percentiles, but each by at most 1 ÷ (cohort size − 1) per changed
 * indicator. So the column is not summed again after each write: the snapshot keeps a bound on how far
 * any stored value can be from the current one (`innovationSlack`), the ranking bounds scores with it
 * and sums again (from the counts) only the rows those bounds cannot settle, and a sweep brings a
 * slice of the column up to date per ranking until the whole of it is current again. Past
 * `MAX_INNOVATION_SLACK` (a burst of writes with no ranking between) the column is summed at once.
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
/** Per indicator, its largest weight over the stages: what one percentile's move can move a sum by. */
const MAX_WEIGHT = INNOVATION_INDICATORS.map((_, ind) =>
  Math.max(...Array.from({ length: STAGE_COUNT }, (_, st) => innovationWeights(st)[ind])),
);
/** `innovationWeights(stage)[indicator]` at `stage × INDICATOR_COUNT + indicator` (the same numbers). */
const WEIGHTS = Float64Array.from(
  { length: STAGE_COUNT * INDICATOR_COUNT },
  (_, i) => innovationWeights(Math.floor(i / INDICATOR_COUNT))[i % INDICATOR_COUNT],
);
/**
 * A stored value may drift this far before the whole column is summed at once (~150 random writes
 * at 100k projects): beyond it the ranking's bounds would leave too many rows to sum one by one.
 */
export const MAX_INNOVATION_SLACK = 0.005;
/** Rows the sweep brings up to date per ranking (~0.3 ms at 100k): the column turns over in ~25 rankings. */
export const INNOVATION_SWEEP_ROWS = 4096;
/** `sweepDrift` when no sweep is in progress (any negative value; a fraction, see the field). */
const NO_SWEEP = -0.5;
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
   * Innovation freshness. `drift` adds up, write by write, how far any row's innovation value can have
   * moved (Σ over changed indicators of its largest weight × the largest percentile move); a row summed
   * when `drift` was d is within `drift − d` (plus the 4-decimal rounding) of its current value, and
   * every row was summed at a `drift` ≥ `settledDrift`. `innovation[row]` is current iff
   * `innovationFresh[row] === innovationEpoch` (a new epoch per write that moves `drift`).
   */
  // Doubles from the start (-0 and -0.5, not the small integers 0 and -1): a field that first holds an
  // integer and later a fraction changes the object's hidden class, and V8 then throws away every
  // optimised function that reads the snapshot — the scan deoptimised ('wrong map') on the first write
  // and again when the first sweep ended, each time a ranking of tens of ms.
  private drift = -0;
  private settledDrift = -0;
  /** The whole column is to be summed (boot, or a burst of writes past `MAX_INNOVATION_SLACK`). */
  private innovationStale = true;
  /** The sweep in progress: next row, and `drift` when it began (`NO_SWEEP`: none). */
  private sweepRow = 0;
  private sweepDrift = NO_SWEEP;
  innovationEpoch = 1;
  innovationFresh: Uint32Array;
  /** Slack limit and sweep size (the property tests set them to force each path). */
  maxInnovationSlack = MAX_INNOVATION_SLACK;
  sweepRows = INNOVATION_SWEEP_ROWS;

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
    if (existing !== undefined) {
      const prev = innovationIndicatorValues(this.features[existing]);
      this.cohort.aspects.add(this.features[existing], -1);
      const before = this.cohortSizes();
      this.cohort.remove(prev);
      this.cohort.add(next);
      this.shiftCounts(prev, next);
      this.addDrift(prev, next, before);
      row = existing;
    } else {
      if (this.size === this.capacity) this.resize(this.capacity * 2);
      const before = this.cohortSizes();
      this.cohort.add(next);
      this.shiftCounts(NO_VALUES, next);
      this.addDrift(NO_VALUES, next, before);
      row = this.size++;
    }
    this.cohort.aspects.add(f, 1);
    this.write(row, f);
    this.rankRow(row);
    // Its own value changed (a stage edit moves its weights even when no indicator moved).
    this.innovationFresh[row] = 0;
    this.refreshRow(row);
    this.version++;
  }

  /** Removes one project (unpublished, archived); returns whether it was there. */
  remove(projectId: string): boolean {
    const row = this.rowOf.get(projectId);
    if (row === undefined) return false;
    const prev = innovationIndicatorValues(this.features[row]);
    this.cohort.aspects.add(this.features[row], -1);
    const before = this.cohortSizes();
    this.cohort.remove(prev);
    this.shiftCounts(prev, NO_VALUES);
    this.addDrift(prev, NO_VALUES, before);
    const last = this.size - 1;
    if (row !== last) {
      this.moveRow(last, row);
      // The moved row may land where the sweep has passed: it is summed now, so no row escapes it.
      this.refreshRow(row);
    }
    this.rowOf.delete(projectId);
    this.ids.length = last;
    this.features.length = last;
    this.size = last;
    this.version++;
    return true;
  }

  private cohortSizes(): number[] {
    return INNOVATION_INDICATORS.map((_, ind) => this.cohort.size(ind));
  }

  /**
   * A write moved indicator values `prev` → `next` (cohort sizes `before` → now): every row's
   * percentile of a changed indicator moved by at most 1 ÷ (smaller size − 1) — below and equal move
   * by one each at most, |Δbelow + Δequal ÷ 2| ≤ 1, and the size by one — so its innovation value by at
   * most that × the indicator's largest weight. A cohort of fewer than two values has no useful bound.
   */
  private addDrift(prev: readonly (number | null)[], next: readonly (number | null)[], before: number[]): void {
    let d = 0;
    for (let ind = 0; ind < INDICATOR_COUNT; ind++) {
      if (prev[ind] === next[ind]) continue;
      const size = Math.min(before[ind], this.cohort.size(ind));
      d += size < 2 ? Infinity : MAX_WEIGHT[ind] / (size - 1);
    }
    if (d === 0) return;
    // No bound (a cohort of under two values): the whole column, whatever the limit.
    if (d === Infinity) this.innovationStale = true;
    else this.drift += d;
    if (!(this.drift - this.settledDrift <= this.maxInnovationSlack)) this.innovationStale = true;
    if (this.innovationEpoch === 0xffffffff) {
      this.innovationFresh.fill(0);
      this.innovationEpoch = 0;
    }
    this.innovationEpoch++;
  }

  /**
   * One value of each indicator leaves the cohort (`prev`) and one enters it (`next`; `null` = none):
   * every row's `below` / `equal` counts move by one where the value is under or at theirs. The row
   * that changed gets its own counts from `rankRow` afterwards.
   */
  private shiftCounts(prev: readonly (number | null)[], next: readonly (number | null)[]): void {
    const n = this.size;
    for (let ind = 0; ind < prev.length; ind++) {
      const p = prev[ind];
      const q = next[ind];
      if (p === q) continue;
      const column = this.indicators[ind];
      const below = this.below[ind];
      const equal = this.equal[ind];
      // NaN (unknown) compares false both ways: such rows keep meaningless counts nobody reads.
      // Branch-free (every row is written, most with + 0): on values in no particular order the
      // tests mispredicted about half the time, and this pass runs once per changed indicator.
      if (p !== null && q !== null) {
        // A value moved from p to q.
        for (let row = 0; row < n; row++) {
          const u = column[row];
          below[row] += +(u > q) - +(u > p);
          equal[row] += +(u === q) - +(u === p);
        }
        continue;
      }
      const v = p ?? q!;
      const sign = p !== null ? -1 : 1;
      for (let row = 0; row < n; row++) {
        const u = column[row];
        below[row] += sign * +(u > v);
        equal[row] += sign * +(u === v);
      }
    }
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
   * How far a stored innovation value may be from the current one (0: the column is current). The
   * 4-decimal rounding of either side adds 10⁻⁴; 10⁻⁹ covers the float sums of the bound itself.
   */
  innovationSlack(): number {
    if (this.innovationStale) return Infinity; // until `prepareInnovation` sums the column
    const d = this.drift - this.settledDrift;
    return d === 0 ? 0 : d + 1e-4 + 1e-9;
  }

  /** Brings the whole innovation column up to date (boot, and readers of the column as a whole). */
  ensureInnovation(): void {
    if (this.innovationStale || this.drift !== this.settledDrift) this.sumColumn();
  }

  /**
   * Before a ranking: sums the whole column if the slack outgrew its limit, else brings the sweep's
   * next `sweepRows` rows up to date (a sweep that reaches the end settles the `drift` it began at).
   */
  prepareInnovation(): void {
    if (this.innovationStale) {
      this.sumColumn();
      return;
    }
    if (this.drift === this.settledDrift) return;
    if (this.sweepDrift < 0) {
      this.sweepDrift = this.drift;
      this.sweepRow = 0;
    }
    const n = this.size;
    const end = Math.min(n, this.sweepRow + this.sweepRows);
    for (let row = this.sweepRow; row < end; row++) this.refreshRow(row);
    this.sweepRow = end;
    if (end < n) return;
    this.settledDrift = this.sweepDrift;
    this.sweepDrift = NO_SWEEP;
  }

  /**
   * Sums row `row`'s innovation value again from its counts unless it is current: equal to
   * `innovationValue` — the same terms added in the same order from 0, then `round4`.
   */
  refreshRow(row: number): void {
    if (this.innovationFresh[row] === this.innovationEpoch) return;
    const base = this.stage[row] * INDICATOR_COUNT;
    let sum = 0;
    for (let ind = 0; ind < INDICATOR_COUNT; ind++) {
      // equal counts the row's own value: 0 only where it is unknown (`rankRow`), so the value
      // column need not be read — a third fewer cache misses for a row the scan sums again.
      const equal = this.equal[ind][row];
      if (equal === 0) continue;
      sum += WEIGHTS[base + ind] * ((this.below[ind][row] + equal / 2) / this.cohort.size(ind));
    }
    this.innovation[row] = round4(sum);
    this.innovationFresh[row] = this.innovationEpoch;
  }

  /**
   * Row `row`'s cohort percentile per indicator (`null` where unknown), from its counts: the same float
   * as `Cohort.percentile` — `(lo + (hi − lo) / 2) / n` with lo = below and hi − lo = equal.
   */
  percentiles(row: number): (number | null)[] {
    const out = new Array<number | null>(INDICATOR_COUNT);
    for (let ind = 0; ind < INDICATOR_COUNT; ind++) {
      const v = this.indicators[ind][row];
      out[ind] = v !== v ? null : (this.below[ind][row] + this.equal[ind][row] / 2) / this.cohort.size(ind);
    }
    return out;
  }

  /** The whole column from the counts, one indicator at a time: no search, no per-row objects. */
  private sumColumn(): void {
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
    this.innovationStale = false;
    // Only the difference counts: starting again from 0 also clears an unbounded (∞) drift.
    this.drift = 0;
    this.settledDrift = 0;
    this.sweepDrift = NO_SWEEP;
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
