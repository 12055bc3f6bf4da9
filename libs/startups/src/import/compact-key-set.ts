/**
 * An exact set of short strings kept as UTF-8 bytes in one growing buffer, with an open-addressing
 * table of offsets — about 30 bytes a key instead of the ~100 of a `Set<string>` (a V8 string and a
 * hash-table entry each), and nothing for the garbage collector to trace. The import's duplicate and
 * company checks keep one key per row of the file; this keeps that memory small and flat.
 */
export class CompactKeySet {
  private arena = Buffer.alloc(64 * 1024);
  private used = 0;
  /** Slot → arena offset + 1 (0 = empty). */
  private table = new Uint32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(key: string): boolean {
    const bytes = Buffer.from(key, 'utf8');
    return this.table[this.slotOf(bytes, hash(bytes, 0, bytes.length))] !== 0;
  }

  /** Adds the key; true when it was not there yet. */
  add(key: string): boolean {
    const bytes = Buffer.from(key, 'utf8');
    if (bytes.length > 0xffff) throw new RangeError('key too long');
    const slot = this.slotOf(bytes, hash(bytes, 0, bytes.length));
    if (this.table[slot] !== 0) return false;
    if (this.used + 2 + bytes.length > this.arena.length) {
      const next = Buffer.alloc(Math.max(this.arena.length * 2, this.used + 2 + bytes.length));
      this.arena.copy(next, 0, 0, this.used);
      this.arena = next;
    }
    this.arena.writeUInt16LE(bytes.length, this.used);
    bytes.copy(this.arena, this.used + 2);
    this.table[slot] = this.used + 1;
    this.used += 2 + bytes.length;
    if (++this.count * 2 > this.table.length) this.grow();
    return true;
  }

  /** The slot holding these bytes, or the empty slot where they would go (linear probing). */
  private slotOf(bytes: Buffer, h: number): number {
    const mask = this.table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const at = this.table[slot];
      if (at === 0) return slot;
      const offset = at - 1;
      const length = this.arena.readUInt16LE(offset);
      if (length === bytes.length && this.arena.compare(bytes, 0, length, offset + 2, offset + 2 + length) === 0)
        return slot;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    const mask = this.table.length - 1;
    for (const at of old) {
      if (at === 0) continue;
      const offset = at - 1;
      const length = this.arena.readUInt16LE(offset);
      let slot = hash(this.arena, offset + 2, offset + 2 + length) & mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & mask;
      this.table[slot] = at;
    }
  }
}

/** FNV-1a over bytes [start, end). */
function hash(bytes: Buffer, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
