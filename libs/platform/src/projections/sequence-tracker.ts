/** One outbox row as a reader reviews it (seq ascending, above the reader's watermark). */
export interface ReviewedRow {
  seq: number;
  /** Dispatched long enough ago (past the grace) that its delivery should have arrived. */
  overdue: boolean;
  /** Age of the row (ms since it was committed), by the database's clock. */
  ageMs: number;
}

export interface Review {
  /** Rows to catch up from the table: dispatched past the grace and never received. */
  missed: number[];
  /** Rows above the watermark not received yet (pending, in flight or missed). */
  behind: number;
  /** Age of the oldest of those (ms), 0 when none. */
  lagMs: number;
  watermark: number;
}

/**
 * Which outbox sequences a reader has applied. Sequences are allocated at insert and may have holes
 * (a rolled-back command, a Postgres crash skipping cached values) or be committed slightly out of
 * order, so a hole only counts as empty once it has stayed empty for `holeGraceMs`. The watermark
 * is the highest sequence below which every row has been applied (received or caught up); `seen`
 * keeps what arrived above it. Pure: the caller passes the clock and the rows.
 */
export class SequenceTracker {
  private readonly seen = new Set<number>();
  private readonly holes = new Map<number, number>();

  constructor(
    private mark: number,
    private readonly holeGraceMs = 10_000,
  ) {}

  get watermark(): number {
    return this.mark;
  }

  /** An event arrived (or was caught up). */
  saw(seq: number): void {
    if (seq > this.mark) this.seen.add(seq);
  }

  has(seq: number): boolean {
    return seq <= this.mark || this.seen.has(seq);
  }

  /**
   * Reviews the rows above the watermark (ascending): returns the overdue ones never received (the
   * caller applies them from the table, then calls `saw`), what is still behind, and advances the
   * watermark over every leading row that is settled.
   */
  review(rows: readonly ReviewedRow[], nowMs: number): Review {
    const missed: number[] = [];
    let behind = 0;
    let lagMs = 0;
    let advancing = true;
    for (const row of rows) {
      if (row.seq <= this.mark) continue;
      if (advancing && row.seq > this.mark + 1 && !this.holesExpired(this.mark + 1, row.seq - 1, nowMs)) {
        advancing = false;
      }
      let settled = this.seen.has(row.seq);
      if (!settled && row.overdue) {
        missed.push(row.seq);
        settled = true;
      }
      if (!settled) {
        behind++;
        lagMs = Math.max(lagMs, row.ageMs);
      }
      if (advancing && settled) this.mark = row.seq;
      else advancing = false;
    }
    for (const s of this.seen) if (s <= this.mark) this.seen.delete(s);
    for (const h of this.holes.keys()) if (h <= this.mark) this.holes.delete(h);
    return { missed, behind, lagMs, watermark: this.mark };
  }

  private holesExpired(from: number, to: number, nowMs: number): boolean {
    // A jump larger than this is not a rollback but a reset (e.g. a restored database): skip it.
    if (to - from > 10_000) return true;
    let expired = true;
    for (let h = from; h <= to; h++) {
      let first = this.holes.get(h);
      if (first === undefined) {
        first = nowMs;
        this.holes.set(h, first);
      }
      if (nowMs - first < this.holeGraceMs) expired = false;
    }
    return expired;
  }
}
