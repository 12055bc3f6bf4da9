import fc from 'fast-check';
import { STAGES } from '@app/reference';
import { SYNTHETIC_MANDATES, syntheticProject, seededRandom } from '../../testing';
import { AspectBase } from './criteria/portfolio-base';
import { Cohort, rankMandate, rankNaive, Snapshot, type HistoryEntry, type ProjectFeatures } from './index';

/**
 * The incremental cohort counts (`below` / `equal` per row, shifted by each write) against a
 * from-scratch recompute: after any sequence of upserts and removals, every row's innovation value and
 * every ranking equal those of a snapshot built fresh from the same projects, and the naive ranker's.
 * Rankings between writes read only the rows they refresh (stale rows are summed again lazily), so
 * each is checked against the naive ranker at that point, before anything fills the whole column.
 */

const POOL = 40;
/** Few distinct values, so ties (the `equal` counts) are common; `null` = unknown. */
const small = fc.option(fc.integer({ min: 0, max: 4 }), { nil: null, freq: 4 });
/**
 * Every indicator known: a replacing upsert then never changes a cohort size, so only the rows whose
 * counts it moved go stale (the partial path, rare when unknowns come and go).
 */
const known = fc.integer({ min: 0, max: 4 });

const projectOf = (value: fc.Arbitrary<number | null>) =>
  fc.record({
    slot: fc.integer({ min: 0, max: POOL - 1 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    rdSpend: value,
    rdIntensityBp: value,
    rdStaff: value,
    ipClassI: value,
    highTechRevenue: value,
    revenueGrowthBp: value.map((v) => (v === null ? null : v - 2)),
    newEquityRaised: value,
    qualifications: fc.integer({ min: 0, max: 2 }),
    stage: fc.constantFrom(...STAGES),
  });

type Drawn = typeof project extends fc.Arbitrary<infer T> ? T : never;
type Op =
  { kind: 'upsert'; p: Drawn } | { kind: 'remove'; slot: number } | { kind: 'rank'; mandate: number; k: number };

const project = projectOf(small);
const opOf = (p: fc.Arbitrary<Drawn>): fc.Arbitrary<Op> =>
  fc.oneof(
    { weight: 6, arbitrary: p.map((p) => ({ kind: 'upsert' as const, p })) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: POOL - 1 }).map((slot) => ({ kind: 'remove' as const, slot })) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('rank' as const),
        mandate: fc.integer({ min: 0, max: SYNTHETIC_MANDATES.length - 1 }),
        k: fc.integer({ min: 1, max: 5 }),
      }),
    },
  );

const QUALIFICATIONS = ['high_tech_enterprise', 'tech_sme'] as const;

function features(p: Drawn): ProjectFeatures {
  const base = syntheticProject(seededRandom(p.seed), p.slot);
  return {
    ...base,
    stage: p.stage,
    rdSpend: p.rdSpend,
    rdIntensityBp: p.rdIntensityBp,
    highTechRevenue: p.highTechRevenue,
    revenue: p.highTechRevenue === null ? null : 4,
    rdStaff: p.rdStaff,
    ipClassI: p.ipClassI,
    revenueGrowthBp: p.revenueGrowthBp,
    newEquityRaised: p.newEquityRaised,
    qualifications: QUALIFICATIONS.slice(0, p.qualifications),
  };
}

function innovationById(s: Snapshot): Map<string, number> {
  s.ensureInnovation();
  return new Map(s.ids.slice(0, s.size).map((id, row) => [id, s.innovation[row]]));
}

describe('snapshot: incremental cohort statistics', () => {
  it('re-ranks a project whose stage alone changed (its weights move, no cohort count does)', () => {
    const list = Array.from({ length: 30 }, (_, i) => ({
      ...syntheticProject(seededRandom(i + 1), i),
      stage: 'seed' as const,
    }));
    const snap = Snapshot.build(list);
    const m = SYNTHETIC_MANDATES[3];
    snap.ensureInnovation(); // as at boot: every row fresh before the write
    const moved = { ...list[7], stage: 'pre_ipo' as const };
    snap.upsert(moved);
    const live = list.map((f, i) => (i === 7 ? moved : f));
    const incremental = rankMandate(snap, m, { k: 30 });
    expect(incremental).toEqual(rankNaive(live, m, Cohort.fromFeatures(live), { k: 30 }, snap.version));
    expect(innovationById(snap)).toEqual(innovationById(Snapshot.build(live)));
  });

  it.each([
    ['unknown values coming and going', project],
    ['every value known (only moved rows go stale)', projectOf(known)],
  ])('equal a from-scratch recompute after any sequence of writes: %s', (_, p) => {
    fc.assert(
      fc.property(
        fc.array(p, { minLength: 0, maxLength: 12 }),
        fc.array(opOf(p), { minLength: 1, maxLength: 40 }),
        (initial, ops) => {
          const live = new Map<number, ProjectFeatures>();
          for (const p of initial) live.set(p.slot, features(p));
          const snap = Snapshot.build([...live.values()]);
          snap.ensureInnovation();
          for (const o of ops) {
            if (o.kind === 'upsert') {
              const f = features(o.p);
              snap.upsert(f);
              live.set(o.p.slot, f);
            } else if (o.kind === 'remove') {
              const f = live.get(o.slot);
              expect(snap.remove(f?.projectId ?? 'absent')).toBe(f !== undefined);
              live.delete(o.slot);
            } else {
              const list = [...live.values()];
              const m = SYNTHETIC_MANDATES[o.mandate];
              // A small k fills the heap early: the bounds then skip stale rows without summing them.
              expect(rankMandate(snap, m, { k: o.k })).toEqual(
                rankNaive(list, m, Cohort.fromFeatures(list), { k: o.k }, snap.version),
              );
            }
          }
          const list = [...live.values()];
          const fresh = Snapshot.build(list);
          // Portfolio fit's base rates, shifted one write at a time, equal a count from scratch.
          expect(snap.cohort.aspects).toEqual(AspectBase.of(list));
          // A history drawn from the live projects: portfolio fit against those base rates ranks alike.
          const history: HistoryEntry[] = list.slice(0, 6).map((f, i) => ({
            label: f.projectId,
            source: i % 2 === 0 ? 'deal' : 'portfolio',
            polarity: i === 5 ? -1 : 1,
            stage: f.stage,
            tracks: f.tracks,
            amount: f.amountSought,
            regionCode: f.regionCode,
            keywords: f.keywords,
            qualifications: i % 2 === 0 ? f.qualifications : null,
          }));
          for (const m of SYNTHETIC_MANDATES) {
            for (const withHistory of [m, { ...m, constraints: {}, history }]) {
              const incremental = rankMandate(snap, withHistory, { k: POOL });
              const naive = rankNaive(list, withHistory, Cohort.fromFeatures(list), { k: POOL }, snap.version);
              expect(incremental).toEqual(naive);
            }
          }
          expect(innovationById(snap)).toEqual(innovationById(fresh));
        },
      ),
      { numRuns: 300, seed: 20_261_203 },
    );
  });
});
