import { schedule, syntheticB2bDay, syntheticRoadshowDay, universityVcDay, type DayInput } from '../scheduler';
import { computeBounds, scheduleWithBounds } from './highs-bounds';

// Small days where HiGHS proves the optimum as a MIP: the scheduler must reach it.
const small: [string, DayInput][] = [
  ['B2B-shaped, 16 participants', syntheticB2bDay({ participants: 16, meetings: 30, slots: 8, seed: 1 })],
  ['B2B-shaped, 20 participants', syntheticB2bDay({ participants: 20, meetings: 40, slots: 8, seed: 2 })],
  [
    'investors × startups, table-bound',
    syntheticRoadshowDay({ investors: 12, startups: 6, slots: 6, tables: 3, requests: 40, lockedShare: 0.1, seed: 3 }),
  ],
  ['6 projects × 32 VCs', universityVcDay()],
];

describe('scheduler vs the HiGHS bounds', () => {
  for (const [name, day] of small) {
    it(`reaches the proven optimum weight and meetings (${name})`, async () => {
      const bounds = await computeBounds(day, { mip: true, timeLimitSec: 30 });
      expect(bounds.mip?.proven).toBe(true);
      const r = schedule(day);
      expect(r.stats.weight).toBeCloseTo(bounds.mip!.weight, 6);
      expect(r.stats.weight).toBeLessThanOrEqual(bounds.lp.weight + 1e-6);
      expect(r.stats.meetings).toBeLessThanOrEqual(bounds.lp.meetings);
    }, 120_000);
  }

  it('reaches the fewest breaks HiGHS proves on a small B2B day', async () => {
    const day = syntheticB2bDay({ participants: 12, meetings: 20, slots: 6, seed: 4 });
    const bounds = await computeBounds(day, { mip: true, timeLimitSec: 30 });
    expect(bounds.breaksLowerBound).not.toBeNull();
    const r = schedule(day);
    expect(r.stats.weight).toBeCloseTo(bounds.mip!.weight, 6);
    expect(r.stats.breaks).toBe(bounds.breaksLowerBound);
  }, 120_000);

  it('reports the achieved ratio against the best proven bound', async () => {
    const day = syntheticB2bDay({ participants: 16, meetings: 30, slots: 8, seed: 1 });
    const r = await scheduleWithBounds(day, { mip: true });
    expect(r.ratio.weight).toBeCloseTo(r.stats.weight / r.bounds.mip!.weight, 6);
    expect(r.ratio.weight).toBeLessThanOrEqual(1);
  }, 120_000);
});
