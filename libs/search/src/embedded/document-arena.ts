/**
 * Chunk sizes: the first is small (an index of a few documents holds little), each next one twice the
 * last, up to 4 MB (large enough that chunk headers do not count, small enough that a new one is cheap).
 */
const FIRST_CHUNK_BYTES = 64 << 10;
const MAX_CHUNK_BYTES = 4 << 20;
/** Distinct key lists kept; documents of further shapes are stored with their keys. */
const MAX_SHAPES = 1024;
const NO_SHAPE = -1;

/**
 * The documents of an embedded index, by document number, as UTF-8 JSON in a few large buffers
 * instead of live objects: a hundred thousand documents are then a few dozen chunks outside the
 * JavaScript heap (no per-string and per-object headers, nothing for the garbage collector to trace),
 * and every read returns a fresh copy (callers may change it). Search documents are JSON by contract
 * (what Meilisearch stores), so the round trip is exact. A document's top-level keys are kept once
 * per key list (its *shape*: an index's documents share one or a few) and its values as a JSON array,
 * so each document pays for its values only. Bytes of a cleared number stay until the owner compacts
 * (rebuilds the index), like its postings.
 */
export class DocumentArena<D> {
  private readonly chunks: Buffer[] = [];
  /** Bytes used in the last chunk. */
  private used = 0;
  /** Per number: chunk index (-1 = empty), byte offset, byte length. */
  private chunkOf = new Int32Array(1024).fill(-1);
  private offset = new Int32Array(1024);
  private bytes = new Int32Array(1024);
  /** Per number: its shape (index into `shapes`), or NO_SHAPE when stored as a whole object. */
  private shapeOf = new Int32Array(1024);
  private readonly shapes: string[][] = [];
  private readonly shapeIds = new Map<string, number>();
  /** Document numbers handed out so far (the highest used + 1). */
  length = 0;

  /** Makes numbers 0..n-1 exist, empty (an index restored from an image fills them in). */
  reserve(n: number): void {
    this.ensure(n);
    if (n > this.length) this.length = n;
  }

  /** Stores `doc` under the next number and returns it. */
  push(doc: D): number {
    const n = this.length;
    this.reserve(n + 1);
    this.set(n, doc);
    return n;
  }

  set(n: number, doc: D): void {
    if (n >= this.length) this.reserve(n + 1);
    // The keys JSON.stringify would write (it leaves out undefined values), in their order.
    const record = doc as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined);
    const shape = this.shapeFor(keys);
    const json = JSON.stringify(shape === NO_SHAPE ? doc : keys.map((k) => record[k]));
    const size = Buffer.byteLength(json);
    let chunk = this.chunks[this.chunks.length - 1];
    if (chunk === undefined || this.used + size > chunk.length) {
      const next = chunk === undefined ? FIRST_CHUNK_BYTES : Math.min(MAX_CHUNK_BYTES, chunk.length * 2);
      chunk = Buffer.allocUnsafeSlow(Math.max(next, size));
      this.chunks.push(chunk);
      this.used = 0;
    }
    chunk.write(json, this.used, size, 'utf8');
    this.chunkOf[n] = this.chunks.length - 1;
    this.offset[n] = this.used;
    this.bytes[n] = size;
    this.shapeOf[n] = shape;
    this.used += size;
  }

  has(n: number): boolean {
    return n < this.length && this.chunkOf[n] >= 0;
  }

  /** A fresh copy of document `n` (undefined when empty). */
  get(n: number): D | undefined {
    if (!this.has(n)) return undefined;
    const at = this.offset[n];
    const parsed: unknown = JSON.parse(this.chunks[this.chunkOf[n]].toString('utf8', at, at + this.bytes[n]));
    const shape = this.shapeOf[n];
    if (shape === NO_SHAPE) return parsed as D;
    const keys = this.shapes[shape];
    const values = parsed as unknown[];
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) out[keys[i]] = values[i];
    return out as D;
  }

  private shapeFor(keys: string[]): number {
    // Assigning `__proto__` would set the prototype, not a key: such a document keeps its JSON object.
    if (keys.includes('__proto__')) return NO_SHAPE;
    const key = keys.join('\u0000');
    let shape = this.shapeIds.get(key);
    if (shape === undefined) {
      if (this.shapes.length >= MAX_SHAPES) return NO_SHAPE;
      shape = this.shapes.length;
      this.shapes.push(keys);
      this.shapeIds.set(key, shape);
    }
    return shape;
  }

  clear(n: number): void {
    if (n < this.length) this.chunkOf[n] = -1;
  }

  /** Bytes held (chunks and the per-number tables). */
  byteLength(): number {
    return this.chunks.reduce((s, c) => s + c.length, 0) + this.chunkOf.byteLength * 4;
  }

  private ensure(n: number): void {
    if (n <= this.chunkOf.length) return;
    let cap = this.chunkOf.length;
    while (cap < n) cap *= 2;
    const chunkOf = new Int32Array(cap).fill(-1);
    chunkOf.set(this.chunkOf);
    const offset = new Int32Array(cap);
    offset.set(this.offset);
    const bytes = new Int32Array(cap);
    bytes.set(this.bytes);
    const shapeOf = new Int32Array(cap);
    shapeOf.set(this.shapeOf);
    this.chunkOf = chunkOf;
    this.offset = offset;
    this.bytes = bytes;
    this.shapeOf = shapeOf;
  }
}
