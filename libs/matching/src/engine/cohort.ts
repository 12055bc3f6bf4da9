/**
 * The cohort distribution behind the innovation-points estimate: one sorted Float64Array per
 * indicator, holding the known values of every project in the snapshot. A percentile is two binary
 * searches; adding or removing one project is a binary search and one `copyWithin` per indicator, so
 * event-driven updates never re-sort the cohort.
 */
import { INNOVATION_INDICATORS, innovationIndicatorValues } from './criteria/innovation-indicators';
import { AspectBase } from './criteria/portfolio-base';
import type { ProjectFeatures } from './types';

function lowerBound(a: Float64Array, n: number, v: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `upperBound` when `a[from]` is the first value ≥ `v`: gallops over the run of equal values (long
 * for indicators with few distinct values, e.g. qualification counts) instead of a second full
 * binary search — the innovation column does 800k percentiles per recompute at 100k projects.
 */
function upperBoundFrom(a: Float64Array, from: number, n: number, v: number): number {
  let lo = from;
  let hi = from;
  let step = 1;
  while (hi < n && a[hi] <= v) {
    lo = hi + 1;
    hi = from + step;
    step *= 2;
  }
  if (hi > n) hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(a: Float64Array, n: number, v: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class Cohort {
  private sorted: Float64Array[];
  private readonly counts: number[];
  /** Bumped by every add/remove: percentiles (and texts quoting them) computed at another revision are stale. */
  revision = 0;
  /** Base rates of portfolio fit's aspects over the same projects (kept by the snapshot's writes). */
  readonly aspects: AspectBase;

  constructor(capacity = 1024, aspects = new AspectBase()) {
    this.aspects = aspects;
    this.sorted = INNOVATION_INDICATORS.map(() => new Float64Array(Math.max(capacity, 16)));
    this.counts = INNOVATION_INDICATORS.map(() => 0);
  }

  static fromFeatures(list: readonly ProjectFeatures[]): Cohort {
    const cohort = new Cohort(list.length, AspectBase.of(list));
    const columns = INNOVATION_INDICATORS.map(() => [] as number[]);
    for (const f of list) {
      const values = innovationIndicatorValues(f);
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v !== null) columns[i].push(v);
      }
    }
    columns.forEach((col, i) => {
      const arr = Float64Array.from(col).sort();
      cohort.sorted[i].set(arr);
      cohort.counts[i] = arr.length;
    });
    return cohort;
  }

  /** Known values of indicator `i` (missing values are not part of the distribution). */
  size(i: number): number {
    return this.counts[i];
  }

  /** Known values of indicator `i` strictly below `v`. */
  countBelow(i: number, v: number): number {
    return lowerBound(this.sorted[i], this.counts[i], v);
  }

  /** Known values of indicator `i` equal to `v`, given `below = countBelow(i, v)`. */
  countEqual(i: number, v: number, below: number): number {
    return upperBoundFrom(this.sorted[i], below, this.counts[i], v) - below;
  }

  /** Mid-rank percentile in [0, 1): share of the cohort below `v`, plus half of those equal to it. */
  percentile(i: number, v: number): number {
    const n = this.counts[i];
    if (n === 0) return 0;
    const a = this.sorted[i];
    const lo = lowerBound(a, n, v);
    const hi = upperBoundFrom(a, lo, n, v);
    return (lo + (hi - lo) / 2) / n;
  }

  add(values: readonly (number | null)[]): void {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null) continue;
      let a = this.sorted[i];
      const n = this.counts[i];
      if (n === a.length) {
        const grown = new Float64Array(a.length * 2);
        grown.set(a);
        this.sorted[i] = a = grown;
      }
      const at = upperBound(a, n, v);
      a.copyWithin(at + 1, at, n);
      a[at] = v;
      this.counts[i] = n + 1;
    }
    this.revision++;
  }

  remove(values: readonly (number | null)[]): void {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null) continue;
      const a = this.sorted[i];
      const n = this.counts[i];
      const at = lowerBound(a, n, v);
      if (at >= n || a[at] !== v) throw new Error(`cohort does not hold ${v} for indicator ${i}`);
      a.copyWithin(at, at + 1, n);
      this.counts[i] = n - 1;
    }
    this.revision++;
  }

  byteLength(): number {
    return this.sorted.reduce((s, a) => s + a.byteLength, 0);
  }
}
