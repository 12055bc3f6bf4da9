import { SequenceTracker, type ReviewedRow } from './sequence-tracker';

const row = (seq: number, overdue = false, ageMs = 100): ReviewedRow => ({ seq, overdue, ageMs });

describe('SequenceTracker', () => {
  it('advances over what arrived and reports what is still behind with its age', () => {
    const t = new SequenceTracker(10);
    t.saw(11);
    t.saw(12);
    t.saw(14);
    const r = t.review([row(11), row(12), row(13, false, 2500), row(14)], 0);
    expect(r).toEqual({ missed: [], behind: 1, lagMs: 2500, watermark: 12 });
    t.saw(13);
    expect(t.review([row(13), row(14)], 0)).toEqual({ missed: [], behind: 0, lagMs: 0, watermark: 14 });
  });

  it('names the overdue rows never received (a Redis that lost their jobs) and counts them settled', () => {
    const t = new SequenceTracker(0);
    t.saw(1);
    t.saw(3);
    const r = t.review([row(1), row(2, true, 9000), row(3), row(4, false, 50)], 0);
    expect(r.missed).toEqual([2]);
    expect(r.behind).toBe(1); // 4: dispatched just now, its delivery may still arrive
    expect(r.watermark).toBe(3);
    expect(t.has(2)).toBe(true);
  });

  it('waits out a hole in the sequence (a command still committing) before stepping over it', () => {
    const t = new SequenceTracker(5, 1000);
    t.saw(7);
    expect(t.review([row(7)], 0).watermark).toBe(5);
    expect(t.review([row(7)], 500).watermark).toBe(5);
    // The hole filled in time: 6 committed late and arrived.
    t.saw(6);
    expect(t.review([row(6), row(7)], 600).watermark).toBe(7);
    // A hole that stays empty (a rolled-back command) is skipped after the grace.
    t.saw(9);
    expect(t.review([row(9)], 700).watermark).toBe(7);
    expect(t.review([row(9)], 1800).watermark).toBe(9);
  });

  it('ignores rows at or below the watermark and repeated arrivals', () => {
    const t = new SequenceTracker(3);
    t.saw(2);
    t.saw(4);
    t.saw(4);
    expect(t.review([row(2), row(3), row(4)], 0)).toEqual({ missed: [], behind: 0, lagMs: 0, watermark: 4 });
  });
});
