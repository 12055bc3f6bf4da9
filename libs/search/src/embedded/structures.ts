/** Small typed-array building blocks for the embedded index. */

export class GrowableInt32 {
  data: Int32Array;
  length = 0;
  constructor(capacity = 4) {
    this.data = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(Math.max(4, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  last(): number {
    return this.length ? this.data[this.length - 1] : -1;
  }
  /** Drops the spare capacity (after a bulk build: doubling leaves up to half of it unused). */
  trim(): void {
    if (this.data.length > this.length) this.data = this.data.slice(0, this.length);
  }
  /**
   * Wraps these values (owned from now on). May be a view into a larger array: `push` copies out
   * before writing past its end (a full list always does), so the neighbours are never touched.
   */
  static of(data: Int32Array): GrowableInt32 {
    const g = new GrowableInt32(0);
    g.data = data;
    g.length = data.length;
    return g;
  }
}

export class GrowableUint8 {
  data: Uint8Array;
  length = 0;
  constructor(capacity = 4) {
    this.data = new Uint8Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint8Array(Math.max(4, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  trim(): void {
    if (this.data.length > this.length) this.data = this.data.slice(0, this.length);
  }
  static of(data: Uint8Array): GrowableUint8 {
    const g = new GrowableUint8(0);
    g.data = data;
    g.length = data.length;
    return g;
  }
}

/**
 * Numbers by document, NaN for none. Past the end of `data` every value is NaN: a column that only
 * ever got NaN (a filter attribute holding strings) allocates nothing. Read through `get`.
 */
export class GrowableFloat64 {
  data: Float64Array;
  length = 0;
  constructor(capacity = 0) {
    this.data = new Float64Array(capacity).fill(NaN);
  }
  get(index: number): number {
    return index < this.data.length ? this.data[index] : NaN;
  }
  set(index: number, value: number): void {
    if (index >= this.length) this.length = index + 1;
    if (index >= this.data.length && Number.isNaN(value)) return;
    while (index >= this.data.length) {
      const next = new Float64Array(Math.max(1024, this.data.length * 2)).fill(NaN);
      next.set(this.data);
      this.data = next;
    }
    this.data[index] = value;
  }
  trim(): void {
    if (this.data.length > this.length) this.data = this.data.slice(0, this.length);
  }
}

/**
 * The documents of each value of a filter column. An id-like column (a company, an organization, an
 * amount) has about one value per document and most values have one or two documents, while a typed
 * array of its own costs a value some 300 bytes (array object, buffer, backing store): each value's
 * first document sits in one shared column, and a list of its own is made at its second.
 */
export class ValuePostings {
  private readonly first = new GrowableInt32(1024);
  /** Value id → its documents after the first (undefined while it has one). */
  private readonly rest: (GrowableInt32 | undefined)[] = [];

  /** A new value whose first document is `n`; returns its id. */
  open(n: number): number {
    this.first.push(n);
    this.rest.push(undefined);
    return this.first.length - 1;
  }

  add(id: number, n: number): void {
    (this.rest[id] ??= new GrowableInt32(4)).push(n);
  }

  /** Sets the documents of value `id` in `out`. */
  setIn(out: Bitset, id: number): void {
    out.set(this.first.data[id]);
    const rest = this.rest[id];
    if (rest) out.setAll(rest.data, rest.length);
  }

  /** Drops spare capacity; the lists of their own are packed into one array (views, as `trim` of the text postings). */
  trim(): void {
    this.first.trim();
    let total = 0;
    for (const list of this.rest) if (list) total += list.length;
    const packed = new Int32Array(total);
    let at = 0;
    for (let id = 0; id < this.rest.length; id++) {
      const list = this.rest[id];
      if (!list) continue;
      packed.set(list.data.subarray(0, list.length), at);
      this.rest[id] = GrowableInt32.of(packed.subarray(at, at + list.length));
      at += list.length;
    }
  }
}

/** A fixed-size bitset over document numbers. */
export class Bitset {
  readonly words: Uint32Array;
  constructor(readonly size: number) {
    this.words = new Uint32Array((size + 31) >>> 5);
  }
  static full(size: number): Bitset {
    const b = new Bitset(size);
    b.words.fill(0xffffffff);
    const extra = b.words.length * 32 - size;
    if (extra > 0) b.words[b.words.length - 1] = 0xffffffff >>> extra;
    return b;
  }
  set(i: number): void {
    this.words[i >>> 5] |= 1 << (i & 31);
  }
  clear(i: number): void {
    this.words[i >>> 5] &= ~(1 << (i & 31));
  }
  has(i: number): boolean {
    return (this.words[i >>> 5] & (1 << (i & 31))) !== 0;
  }
  setAll(ids: Int32Array, length: number): void {
    const w = this.words;
    for (let k = 0; k < length; k++) {
      const i = ids[k];
      w[i >>> 5] |= 1 << (i & 31);
    }
  }
  and(other: Bitset): this {
    const a = this.words;
    const b = other.words;
    for (let k = 0; k < a.length; k++) a[k] &= b[k];
    return this;
  }
  or(other: Bitset): this {
    const a = this.words;
    const b = other.words;
    for (let k = 0; k < a.length; k++) a[k] |= b[k];
    return this;
  }
  /** this = universe AND NOT this. */
  invertWithin(universe: Bitset): this {
    const a = this.words;
    const u = universe.words;
    for (let k = 0; k < a.length; k++) a[k] = ~a[k] & u[k];
    return this;
  }
  count(): number {
    let n = 0;
    for (let k = 0; k < this.words.length; k++) {
      let v = this.words[k];
      v = v - ((v >>> 1) & 0x55555555);
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      n += (((v + (v >>> 4)) & 0xf0f0f0f) * 0x1010101) >>> 24;
    }
    return n;
  }
  /** The set members in ascending order. */
  toArray(): Int32Array {
    const out = new Int32Array(this.count());
    let j = 0;
    const w = this.words;
    for (let k = 0; k < w.length; k++) {
      let v = w[k];
      while (v !== 0) {
        const t = v & -v;
        out[j++] = (k << 5) + (31 - Math.clz32(t));
        v ^= t;
      }
    }
    return out;
  }
}

/** Levenshtein distance if ≤ max, else max + 1 (banded, early exit). */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      let v = prev[j - 1] + cost;
      if (prev[j] + 1 < v) v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}

/** Keeps the k best items under `better(a, b)` = a ranks before b. */
export function topK(items: Int32Array, k: number, better: (a: number, b: number) => boolean): number[] {
  if (k <= 0) return [];
  const heap: number[] = []; // worst at the root
  const worse = (a: number, b: number) => better(b, a);
  const siftUp = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (worse(heap[i], heap[p])) {
        [heap[i], heap[p]] = [heap[p], heap[i]];
        i = p;
      } else break;
    }
  };
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l], heap[m])) m = l;
      if (r < heap.length && worse(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (let n = 0; n < items.length; n++) {
    const x = items[n];
    if (heap.length < k) {
      heap.push(x);
      siftUp(heap.length - 1);
    } else if (better(x, heap[0])) {
      heap[0] = x;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}
