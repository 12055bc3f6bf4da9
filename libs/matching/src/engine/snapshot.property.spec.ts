import fc from 'fast-check';
import { STAGES } from '@app/reference';
import { OPEN_HARD_TECH, SYNTHETIC_MANDATES, syntheticProject, seededRandom } from '../../testing';
import { AspectBase } from './criteria/portfolio-base';
import {
  Cohort,
  rankMandate,
  rankNaive,
  Snapshot,
  type HistoryEntry,
  type Mandate,
  type ProjectFeatures,
} from './index';

/**
 * The incremental cohort counts (`below` / `equal` per row, shifted by each write) against a
 * from-scratch recompute: after any sequence of upserts and removals, every row's innovation value and
 * every ranking equal those of a snapshot built fresh from the same projects, and the naive ranker's.
 */

const POOL = 40;
/** Few distinct values, so ties (the `equal` counts) are common; `null` = unknown. */
const small = fc.option(fc.integer({ min: 0, max: 4 }), { nil: null, freq: 4 });

const project = fc.record({
  slot: fc.integer({ min: 0, max: POOL - 1 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  rdSpend: small,
  rdStaff: small,
  ipClassI: small,
  revenueGrowthBp: fc.option(fc.integer({ min: -2, max: 2 }), { nil: null, freq: 4 }),
  newEquityRaised: small,
  qualifications: fc.integer({ min: 0, max: 2 }),
  stage: fc.constantFrom(...STAGES),
});

type Drawn = typeof project extends fc.Arbitrary<infer T> ? T : never;
type Op = { kind: 'upsert'; p: Drawn } | { kind: 'remove'; slot: number } | { kind: 'rank' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: project.map((p) => ({ kind: 'upsert' as const, p })) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: POOL - 1 }).map((slot) => ({ kind: 'remove' as const, slot })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'rank' as const }) },
);

const QUALIFICATIONS = ['high_tech_enterprise', 'tech_sme'] as const;

function features(p: Drawn): ProjectFeatures {
  const base = syntheticProject(seededRandom(p.seed), p.slot);
  return {
    ...base,
    stage: p.stage,
    rdSpend: p.rdSpend,
    rdStaff: p.rdStaff,
    ipClassI: p.ipClassI,
    revenueGrowthBp: p.revenueGrowthBp,
    newEquityRaised: p.newEquityRaised,
    qualifications: QUALIFICATIONS.slice(0, p.qualifications),
  };
}

/** Applies one write to the snapshot and to the live map it must mirror; a `rank` op calls `onRank`. */
function apply(snap: Snapshot, live: Map<number, ProjectFeatures>, o: Op, onRank: () => void): void {
  if (o.kind === 'upsert') {
    const f = features(o.p);
    snap.upsert(f);
    live.set(o.p.slot, f);
  } else if (o.kind === 'remove') {
    const f = live.get(o.slot);
    expect(snap.remove(f?.projectId ?? 'absent')).toBe(f !== undefined);
    live.delete(o.slot);
  } else onRank();
}

function innovationById(s: Snapshot): Map<string, number> {
  s.ensureInnovation();
  return new Map(s.ids.slice(0, s.size).map((id, row) => [id, s.innovation[row]]));
}

describe('snapshot: incremental cohort statistics', () => {
  it('equal a from-scratch recompute after any sequence of writes', () => {
    fc.assert(
      fc.property(
        fc.array(project, { minLength: 0, maxLength: 12 }),
        fc.array(op, { minLength: 1, maxLength: 40 }),
        (initial, ops) => {
          const live = new Map<number, ProjectFeatures>();
          for (const p of initial) live.set(p.slot, features(p));
          const snap = Snapshot.build([...live.values()]);
          snap.ensureInnovation();
          for (const o of ops) apply(snap, live, o, () => rankMandate(snap, SYNTHETIC_MANDATES[3], { k: 5 }));
          const list = [...live.values()];
          const fresh = Snapshot.build(list);
          expect(innovationById(snap)).toEqual(innovationById(fresh));
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
        },
      ),
      { numRuns: 300, seed: 20_261_203 },
    );
  });

  /**
   * The stale path: with no slack limit (a cohort of 40 values moves percentiles far more per write
   * than 100 000 do, so the default limit would sum the whole column before every ranking) and a
   * sweep of a few rows, rankings read stored values up to `innovationSlack()` off and must sum again
   * exactly the rows their bounds cannot settle. Each ranking — first page, the next page, a minimum
   * innovation score — equals the naive ranker's on the live projects.
   */
  const INNOVATION_ONLY: Mandate = {
    ...OPEN_HARD_TECH,
    id: 'm-innovation-only',
    instruments: [],
    weights: { early: 0, small: 0, hardTech: 0, innovation: 1, fit: 0 },
  };
  const INNOVATION_MINIMUM: Mandate = {
    ...OPEN_HARD_TECH,
    id: 'm-innovation-minimum',
    instruments: [],
    minInnovationScore: 40,
    weights: { early: 1, small: 0, hardTech: 0, innovation: 3, fit: 1 },
    thesisKeywords: ['晶圆', '储能'],
  };
  const STALE_MANDATES = [INNOVATION_ONLY, INNOVATION_MINIMUM, ...SYNTHETIC_MANDATES];

  it('rank like the naive ranker between writes while innovation values are stale', () => {
    fc.assert(
      fc.property(
        fc.array(project, { minLength: 0, maxLength: 30 }),
        fc.array(op, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 8 }),
        (initial, ops, sweepRows) => {
          const live = new Map<number, ProjectFeatures>();
          for (const p of initial) live.set(p.slot, features(p));
          const snap = Snapshot.build([...live.values()]);
          snap.maxInnovationSlack = Infinity;
          snap.sweepRows = sweepRows;
          for (const o of ops)
            apply(snap, live, o, () => {
              const list = [...live.values()];
              const cohort = Cohort.fromFeatures(list);
              for (const m of STALE_MANDATES) {
                const first = rankMandate(snap, m, { k: 4 });
                expect(first).toEqual(rankNaive(list, m, cohort, { k: 4 }, snap.version));
                if (first.nextCursor === null) continue;
                const next = { k: 4, cursor: first.nextCursor };
                expect(rankMandate(snap, m, next)).toEqual(rankNaive(list, m, cohort, next, snap.version));
              }
            });
          expect(innovationById(snap)).toEqual(innovationById(Snapshot.build([...live.values()])));
        },
      ),
      { numRuns: 200, seed: 20_261_204 },
    );
  });
});
