import { Assignment } from './assignment';
import { seededRandom } from './prng';
import type { Problem } from './problem';

const EPS = 1e-9;

/**
 * Greedy construction then local search, all counted in move attempts (`budget`) so a run is
 * deterministic: the same problem, seed and budget give the same assignment.
 */
export class Search {
  iterations = 0;
  private readonly rnd: () => number;
  private readonly S: number;

  constructor(
    private readonly pr: Problem,
    readonly a: Assignment,
    seed: number,
    private readonly budget: number,
  ) {
    this.rnd = seededRandom(seed);
    this.S = pr.slots;
  }

  private get exhausted(): boolean {
    return this.iterations >= this.budget;
  }

  /** Locked meetings first (pinned), then the published ones that still fit (pinned: re-planning moves no more). */
  pinFixed(keepPrevious: boolean): void {
    const { pr, a } = this;
    pr.lockedSlot.forEach((s, m) => {
      if (s < 0) return;
      a.place(m, s);
      a.pinned[m] = 1;
    });
    if (!keepPrevious) return;
    const published = [...pr.previousSlot.keys()].filter((m) => pr.previousSlot[m] >= 0 && pr.lockedSlot[m] < 0);
    published.sort((x, y) => pr.weight[y] - pr.weight[x] || x - y);
    for (const m of published) {
      const s = pr.previousSlot[m];
      if (pr.candidates[m].includes(s) && a.fits(m, s)) {
        a.place(m, s);
        a.pinned[m] = 1;
      }
    }
    a.commit();
  }

  /** Heaviest first, then the scarcest (fewest candidate slots); each at the slot that adds the fewest breaks. */
  construct(): void {
    const { pr, a } = this;
    const tie = Float64Array.from(pr.meetingIds, () => this.rnd());
    const order = [...pr.meetingIds.keys()].filter((m) => a.slotOf[m] < 0);
    order.sort(
      (x, y) =>
        pr.weight[y] - pr.weight[x] || pr.candidates[x].length - pr.candidates[y].length || tie[x] - tie[y] || x - y,
    );
    for (const m of order) {
      const s = this.bestFreeSlot(m);
      if (s >= 0) a.place(m, s);
    }
    a.commit();
  }

  /** The fitting slot that adds the fewest breaks (then: next to a meeting, emptier tables), or −1. */
  bestFreeSlot(m: number): number {
    const { pr, a, S } = this;
    let best = -1;
    let bestKey = Infinity;
    for (const s of pr.candidates[m]) {
      if (!a.fits(m, s)) continue;
      const before = a.totalBreaks;
      let adjacent = 0;
      for (const p of pr.parts[m]) {
        if (s > 0 && a.busy[p * S + s - 1] >= 0 && pr.sessionOf[s - 1] === pr.sessionOf[s]) adjacent++;
        if (s + 1 < S && a.busy[p * S + s + 1] >= 0 && pr.sessionOf[s + 1] === pr.sessionOf[s]) adjacent++;
      }
      const mark = a.mark();
      a.place(m, s);
      const added = a.totalBreaks - before;
      a.undo(mark);
      const key = added * 100 - adjacent * 10 + a.sharedInUse[s] / (pr.sharedTables + 1) + this.rnd() * 0.01;
      if (key < bestKey) {
        bestKey = key;
        best = s;
      }
    }
    return best;
  }

  /** Rounds of insertion (ejection chains) and break repair until the budget ends or nothing improves. */
  improve(): void {
    const { a } = this;
    let stale = 0;
    while (!this.exhausted && stale < 4) {
      const w = a.weight;
      const b = a.totalBreaks;
      const q = a.sumSquares;
      this.insertionRound(1);
      if (!this.exhausted) this.insertionRound(2);
      if (!this.exhausted) this.breakRound(stale > 0);
      a.commit();
      stale = a.betterThan(w, b, q) ? 0 : stale + 1;
    }
    this.ruinAndRecreate();
  }

  /**
   * With the budget left: unschedule every movable meeting of a few random participants and of
   * their partners, re-insert them (and the meetings left out) heaviest first with a little noise,
   * and keep the result when it is no worse; otherwise undo it.
   */
  private ruinAndRecreate(): void {
    const { pr, a, S } = this;
    const P = pr.participantIds.length;
    if (P === 0) return;
    // Stop once many ruins in a row found nothing strictly better (small days end early).
    const patience = 20 * P + 1000;
    let sinceBetter = 0;
    while (!this.exhausted && sinceBetter < patience) {
      this.iterations++;
      sinceBetter++;
      const w = a.weight;
      const b = a.totalBreaks;
      const q = a.sumSquares;
      const mark = a.mark();
      const hit = new Set<number>();
      const seedPerson = Math.floor(this.rnd() * P);
      const people = [seedPerson];
      for (let s = 0; s < S && people.length < 3; s++) {
        const m = a.busy[seedPerson * S + s];
        if (m >= 0 && this.rnd() < 0.5) people.push(pr.parts[m].find((x) => x !== seedPerson)!);
      }
      for (const p of people) for (const m of pr.meetingsOf[p]) if (!a.pinned[m]) hit.add(m);
      const order = [...hit];
      for (const m of order) if (a.slotOf[m] >= 0) a.remove(m);
      const noise = new Map(order.map((m) => [m, pr.weight[m] * (1 + 0.3 * this.rnd())]));
      order.sort((x, y) => noise.get(y)! - noise.get(x)! || x - y);
      for (const m of order) {
        this.iterations++;
        if (pr.candidates[m].length === 0) continue;
        const s = this.bestFreeSlot(m);
        if (s >= 0) a.place(m, s);
        else this.insert(m, 1, EPS);
      }
      const tie = Math.abs(a.weight - w) < EPS && a.totalBreaks === b && a.sumSquares <= q;
      if (a.betterThan(w, b, q)) sinceBetter = 0;
      if (sinceBetter === 0 || tie) a.commit();
      else a.undo(mark);
    }
  }

  /** Tries each unscheduled meeting, heaviest first, with ejection chains of the given depth. */
  private insertionRound(depth: number): void {
    const { pr, a } = this;
    const open = [...pr.meetingIds.keys()].filter((m) => a.slotOf[m] < 0 && pr.candidates[m].length > 0);
    open.sort((x, y) => pr.weight[y] - pr.weight[x] || x - y);
    for (const m of open) {
      if (this.exhausted) return;
      if (a.slotOf[m] < 0) this.insert(m, depth, EPS);
      a.commit();
    }
  }

  /**
   * Schedules the unscheduled meeting m so that the total weight grows by at least `need`, ejecting
   * the meetings in its way (each then re-inserted one level down); undoes everything otherwise.
   */
  private insert(m: number, depth: number, need: number): boolean {
    const { pr, a } = this;
    const start = a.weight;
    const direct = this.bestFreeSlot(m);
    this.iterations++;
    if (direct >= 0) {
      a.place(m, direct);
      return true;
    }
    if (depth === 0) return false;
    const cand = pr.candidates[m];
    const offset = Math.floor(this.rnd() * cand.length);
    for (let k = 0; k < cand.length; k++) {
      if (this.exhausted) return false;
      this.iterations++;
      const s = cand[(k + offset) % cand.length];
      const blockers = this.blockersAt(m, s);
      if (blockers === null) continue;
      const mark = a.mark();
      for (const b of blockers) a.remove(b);
      if (!a.fits(m, s)) {
        a.undo(mark);
        continue;
      }
      a.place(m, s);
      blockers.sort((x, y) => pr.weight[y] - pr.weight[x] || x - y);
      for (const b of blockers) if (a.slotOf[b] < 0) this.insert(b, depth - 1, pr.weight[b] - EPS);
      if (a.weight - start >= need - EPS) return true;
      a.undo(mark);
    }
    return false;
  }

  /** Meetings to eject so m fits at s (person busy, person full, tables full), or null if a pinned one is in the way. */
  private blockersAt(m: number, s: number): number[] | null {
    const { pr, a, S } = this;
    const out: number[] = [];
    for (const p of pr.parts[m]) {
      const b = a.busy[p * S + s];
      if (b >= 0) {
        if (a.pinned[b]) return null;
        if (!out.includes(b)) out.push(b);
      }
    }
    for (const p of pr.parts[m]) {
      if (a.count[p] < pr.maxMeetings[p] || out.some((b) => pr.parts[b].includes(p))) continue;
      const b = this.lightestOf(pr.meetingsOf[p]);
      if (b < 0) return null;
      out.push(b);
    }
    if (
      a.usesShared(m) &&
      a.sharedInUse[s] >= pr.sharedTables &&
      !out.some((b) => a.usesShared(b) && a.slotOf[b] === s)
    ) {
      const b = this.lightestOf(a.atSlot[s]);
      if (b < 0 || out.includes(b)) return null;
      out.push(b);
    }
    return out;
  }

  /** The lightest scheduled, unpinned meeting of the list (ties: random), or −1. */
  private lightestOf(list: readonly number[]): number {
    const { pr, a } = this;
    let best = -1;
    let bestKey = Infinity;
    for (const b of list) {
      if (a.slotOf[b] < 0 || a.pinned[b]) continue;
      const key = pr.weight[b] + this.rnd() * 1e-6;
      if (key < bestKey) {
        bestKey = key;
        best = b;
      }
    }
    return best;
  }

  /**
   * Break repair over the scheduled set (weight never changes): move a meeting to another slot or
   * swap the slots of two meetings of one person, kept when breaks (then Σ breaks²) drop; with
   * `plateau`, sideways moves are kept sometimes too, to leave local optima.
   */
  private breakRound(plateau: boolean): void {
    const { pr, a, S } = this;
    const P = pr.participantIds.length;
    const people = [...Array(P).keys()].filter((p) => a.breaks[p] > 0);
    for (let i = people.length - 1; i > 0; i--) {
      const j = Math.floor(this.rnd() * (i + 1));
      [people[i], people[j]] = [people[j], people[i]];
    }
    for (const p of people) {
      if (this.exhausted) return;
      if (a.breaks[p] === 0) continue;
      const mine: number[] = [];
      for (let s = 0; s < S; s++) {
        const m = a.busy[p * S + s];
        if (m >= 0 && !a.pinned[m]) mine.push(m);
      }
      for (const m of mine) {
        for (const s of pr.candidates[m]) {
          if (s === a.slotOf[m]) continue;
          this.iterations++;
          this.tryChange(plateau, () => {
            a.remove(m);
            if (!a.fits(m, s)) return false;
            a.place(m, s);
            return true;
          });
        }
      }
      for (let x = 0; x < mine.length; x++) {
        for (let y = x + 1; y < mine.length; y++) {
          this.iterations++;
          const m1 = mine[x];
          const m2 = mine[y];
          this.tryChange(plateau, () => {
            const s1 = a.slotOf[m1];
            const s2 = a.slotOf[m2];
            if (!pr.candidates[m1].includes(s2) || !pr.candidates[m2].includes(s1)) return false;
            a.remove(m1);
            a.remove(m2);
            if (!a.fits(m1, s2)) return false;
            a.place(m1, s2);
            if (!a.fits(m2, s1)) return false;
            a.place(m2, s1);
            return true;
          });
        }
      }
    }
  }

  /** Applies `change`; keeps it if it improves (or, on a plateau, ties now and then), else undoes it. */
  private tryChange(plateau: boolean, change: () => boolean): void {
    const { a } = this;
    const w = a.weight;
    const b = a.totalBreaks;
    const q = a.sumSquares;
    const mark = a.mark();
    if (!change()) {
      a.undo(mark);
      return;
    }
    if (a.betterThan(w, b, q)) return;
    const tie = Math.abs(a.weight - w) < EPS && a.totalBreaks === b && a.sumSquares === q;
    if (plateau && tie && this.rnd() < 0.3) return;
    a.undo(mark);
  }
}
