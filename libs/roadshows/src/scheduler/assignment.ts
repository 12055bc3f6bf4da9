import { rowBreaks } from './breaks';
import type { Problem } from './problem';

/**
 * The mutable schedule the search works on: who is busy when, shared tables in use per slot,
 * meetings per person and breaks per person, kept up to date on every place/remove. Every change
 * is journaled so a failed move is undone exactly.
 */
export class Assignment {
  readonly slotOf: Int32Array;
  /** `busy[p * slots + s]` = the meeting p is in at s, or −1. */
  readonly busy: Int32Array;
  readonly sharedInUse: Int32Array;
  /** Meetings on shared tables per slot (for ejecting one when the tables are full). */
  readonly atSlot: number[][];
  readonly count: Int32Array;
  readonly breaks: Int32Array;
  readonly pinned: Uint8Array;
  weight = 0;
  meetings = 0;
  totalBreaks = 0;
  /** Σ breaks² over participants: given the total, smaller means breaks spread more evenly. */
  sumSquares = 0;
  private readonly journal: number[] = [];

  constructor(readonly pr: Problem) {
    const M = pr.meetingIds.length;
    const P = pr.participantIds.length;
    this.slotOf = new Int32Array(M).fill(-1);
    this.busy = new Int32Array(P * pr.slots).fill(-1);
    this.sharedInUse = new Int32Array(pr.slots);
    this.atSlot = Array.from({ length: pr.slots }, () => []);
    this.count = new Int32Array(P);
    this.breaks = new Int32Array(P);
    this.pinned = new Uint8Array(M);
  }

  usesShared(m: number): boolean {
    return this.pr.boothTable[m] < 0;
  }

  /** Could m (unscheduled) take slot s as things stand? (s must be one of its candidates.) */
  fits(m: number, s: number): boolean {
    const S = this.pr.slots;
    for (const p of this.pr.parts[m]) {
      if (this.busy[p * S + s] >= 0 || this.count[p] >= this.pr.maxMeetings[p]) return false;
    }
    return !this.usesShared(m) || this.sharedInUse[s] < this.pr.sharedTables;
  }

  mark(): number {
    return this.journal.length;
  }

  place(m: number, s: number): void {
    this.journal.push(m, -1, s);
    this.rawPlace(m, s);
  }

  remove(m: number): void {
    this.journal.push(m, this.slotOf[m], -1);
    this.rawRemove(m);
  }

  move(m: number, s: number): void {
    this.remove(m);
    this.place(m, s);
  }

  /** Undoes every change since `mark`. */
  undo(mark: number): void {
    const j = this.journal;
    while (j.length > mark) {
      const to = j.pop()!;
      const from = j.pop()!;
      const m = j.pop()!;
      if (to >= 0) this.rawRemove(m);
      if (from >= 0) this.rawPlace(m, from);
    }
  }

  /** Forget the journal (the changes so far are final). */
  commit(): void {
    this.journal.length = 0;
  }

  /** weight, then breaks, then spread: is this state better than (w, b, q)? */
  betterThan(w: number, b: number, q: number): boolean {
    if (this.weight > w + 1e-9) return true;
    if (this.weight < w - 1e-9) return false;
    if (this.totalBreaks !== b) return this.totalBreaks < b;
    return this.sumSquares < q;
  }

  private rawPlace(m: number, s: number): void {
    const S = this.pr.slots;
    this.slotOf[m] = s;
    for (const p of this.pr.parts[m]) {
      this.busy[p * S + s] = m;
      this.count[p]++;
      this.refreshBreaks(p);
    }
    if (this.usesShared(m)) {
      this.sharedInUse[s]++;
      this.atSlot[s].push(m);
    }
    this.weight += this.pr.weight[m];
    this.meetings++;
  }

  private rawRemove(m: number): void {
    const S = this.pr.slots;
    const s = this.slotOf[m];
    this.slotOf[m] = -1;
    for (const p of this.pr.parts[m]) {
      this.busy[p * S + s] = -1;
      this.count[p]--;
      this.refreshBreaks(p);
    }
    if (this.usesShared(m)) {
      this.sharedInUse[s]--;
      const list = this.atSlot[s];
      const i = list.indexOf(m);
      list[i] = list[list.length - 1];
      list.pop();
    }
    this.weight -= this.pr.weight[m];
    this.meetings--;
  }

  private refreshBreaks(p: number): void {
    const b = rowBreaks(this.busy, p * this.pr.slots, this.pr.slots, this.pr.sessionOf);
    const old = this.breaks[p];
    this.breaks[p] = b;
    this.totalBreaks += b - old;
    this.sumSquares += b * b - old * old;
  }
}
