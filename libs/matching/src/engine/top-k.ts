/**
 * Bounded binary min-heap of the k best rows seen so far: the root is the worst kept item, so a
 * candidate either loses one comparison or replaces the root in O(log k). Ranking n projects costs
 * O(n log k) and O(k) memory — nothing ever sorts the whole cohort.
 */
export class TopK {
  private readonly rows: Int32Array;
  private readonly scores: Int32Array;
  size = 0;

  constructor(
    readonly k: number,
    private readonly idOf: (row: number) => string,
  ) {
    this.rows = new Int32Array(Math.max(k, 1));
    this.scores = new Int32Array(Math.max(k, 1));
  }

  /** `a` ranks below `b`: lower score, or the same score and a larger id (ids ascend on ties). */
  private worse(rowA: number, scoreA: number, rowB: number, scoreB: number): boolean {
    return scoreA < scoreB || (scoreA === scoreB && this.idOf(rowA) > this.idOf(rowB));
  }

  /** Whether k items are kept: from then on a candidate must beat `worstScore()` (or tie it with a smaller id). */
  isFull(): boolean {
    return this.size >= this.k;
  }

  /** Score of the worst kept item (the root); meaningful once the heap is full. */
  worstScore(): number {
    return this.scores[0];
  }

  offer(row: number, score: number): void {
    if (this.k <= 0) return;
    if (this.size < this.k) {
      let i = this.size++;
      // Sift up: move the new item above better parents.
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(row, score, this.rows[parent], this.scores[parent])) break;
        this.rows[i] = this.rows[parent];
        this.scores[i] = this.scores[parent];
        i = parent;
      }
      this.rows[i] = row;
      this.scores[i] = score;
      return;
    }
    if (!this.worse(this.rows[0], this.scores[0], row, score)) return;
    this.siftDown(row, score, this.size);
  }

  private siftDown(row: number, score: number, size: number): void {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const r = l + 1;
      let c = l;
      if (r < size && this.worse(this.rows[r], this.scores[r], this.rows[l], this.scores[l])) c = r;
      if (!this.worse(this.rows[c], this.scores[c], row, score)) break;
      this.rows[i] = this.rows[c];
      this.scores[i] = this.scores[c];
      i = c;
    }
    this.rows[i] = row;
    this.scores[i] = score;
  }

  /** Empties the heap into `[row, score]` pairs, best first. */
  drain(): { row: number; score: number }[] {
    const out = new Array<{ row: number; score: number }>(this.size);
    for (let n = this.size; n > 0; n--) {
      out[n - 1] = { row: this.rows[0], score: this.scores[0] };
      const lastRow = this.rows[n - 1];
      const lastScore = this.scores[n - 1];
      if (n > 1) this.siftDown(lastRow, lastScore, n - 1);
    }
    this.size = 0;
    return out;
  }
}
