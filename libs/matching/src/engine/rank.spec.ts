import { Cohort } from './cohort';
import {
  GOLDEN_COHORT,
  OPEN_HARD_TECH,
  SHANGHAI_CONSUMER,
  SYNTHETIC_MANDATES,
  syntheticCohort,
  syntheticProject,
  seededRandom,
} from './engine.fixtures';
import { rankMandate, rankNaive, Snapshot, TopK, type Mandate, type ProjectFeatures, type RankOptions } from './index';

const cohort = syntheticCohort(5_000, 20_240_611);
const snapshot = Snapshot.build(cohort);
const naiveCohort = Cohort.fromFeatures(cohort);

function naiveOrder(list: readonly ProjectFeatures[], m: Mandate, options: Omit<RankOptions, 'k'> = {}) {
  return rankNaive(list, m, Cohort.fromFeatures(list), { ...options, k: list.length });
}

describe('columnar top-k', () => {
  it('hard filters leave a realistic spread of survivors on the seeded cohort', () => {
    const totals = SYNTHETIC_MANDATES.map((m) => rankMandate(snapshot, m, { k: 1 }).total);
    // Tight bank / guidance mandates leave a few dozen; the open ones leave > 1 000 for the heap to cut.
    expect(totals).toEqual([52, 7, 20, 1345, 1193]);
  });

  it.each(SYNTHETIC_MANDATES.flatMap((m) => [1, 10, 50, 777].map((k) => [m.id, k, m] as const)))(
    '%s, k = %d: equals the naive score-all-and-sort, explanations included',
    (_id, k, m) => {
      const fast = rankMandate(snapshot, m, { k });
      const naive = rankNaive(cohort, m, naiveCohort, { k }, snapshot.version);
      expect(fast.items.length).toBe(Math.min(k, naive.total));
      expect(fast).toEqual(naive);
    },
  );

  it('applies query filters and a minimum score like the naive path', () => {
    const filters = {
      tracks: ['quantum', 'robotics'],
      regions: ['32'],
      stages: ['seed', 'angel', 'a'] as const,
      minScore: 40,
    };
    for (const m of SYNTHETIC_MANDATES) {
      const options = { k: 25, filters: { ...filters, stages: [...filters.stages] } };
      expect(rankMandate(snapshot, m, options)).toEqual(rankNaive(cohort, m, naiveCohort, options, snapshot.version));
    }
    const withQual = {
      k: 40,
      filters: { qualifications: ['high_tech_enterprise' as const], instruments: ['loan' as const] },
    };
    expect(rankMandate(snapshot, SYNTHETIC_MANDATES[4], withQual)).toEqual(
      rankNaive(cohort, SYNTHETIC_MANDATES[4], naiveCohort, withQual, snapshot.version),
    );
  });

  it('cursor pages concatenate to the naive order, with no gaps or repeats', () => {
    for (const m of SYNTHETIC_MANDATES) {
      const all = naiveOrder(cohort, m).items.map((i) => `${i.projectId}:${i.score}`);
      const paged: string[] = [];
      let cursor = null;
      for (let guard = 0; guard < 1_000; guard++) {
        const page = rankMandate(snapshot, m, { k: 97, cursor });
        paged.push(...page.items.map((i) => `${i.projectId}:${i.score}`));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      expect(paged).toEqual(all);
    }
  });
});

describe('snapshot freshness', () => {
  it('reflects upsert and remove, and bumps the version', () => {
    const snap = Snapshot.build(GOLDEN_COHORT);
    const v = snap.version;
    expect(rankMandate(snap, OPEN_HARD_TECH, { k: 10 }).items.map((i) => i.projectId)).toContain('p-hefei-quantum');
    expect(snap.remove('p-hefei-quantum')).toBe(true);
    expect(snap.remove('p-hefei-quantum')).toBe(false);
    const tea = {
      ...SHANGHAI_CONSUMER,
      techSmePoints: 90,
      techSmeVerdict: 'pass' as const,
      rdIntensityBp: 800,
      tracks: ['quantum'],
    };
    snap.upsert(tea);
    const page = rankMandate(snap, OPEN_HARD_TECH, { k: 10 });
    expect(page.snapshotVersion).toBe(v + 2);
    expect(page.items.map((i) => i.projectId)).not.toContain('p-hefei-quantum');
    const list = GOLDEN_COHORT.filter((f) => f.projectId !== 'p-hefei-quantum').map((f) =>
      f.projectId === tea.projectId ? tea : f,
    );
    expect(page).toEqual(rankNaive(list, OPEN_HARD_TECH, Cohort.fromFeatures(list), { k: 10 }, v + 2));
    // Quantum track + 8 % R&D + a tech-SME pass lift the tea app from 46.51.
    expect(page.items.find((i) => i.projectId === 'p-shanghai-tea')!.score).toBe(66.8);
  });

  it('stays equal to a fresh build after many random upserts and removes', () => {
    const rand = seededRandom(7);
    const base = syntheticCohort(2_000, 99);
    const snap = Snapshot.build(base);
    const live = new Map(base.map((f) => [f.projectId, f]));
    for (let i = 0; i < 600; i++) {
      const r = rand();
      if (r < 0.3) {
        const id = `p-${String(Math.floor(rand() * 2_500)).padStart(6, '0')}`;
        expect(snap.remove(id)).toBe(live.delete(id));
      } else {
        const f = syntheticProject(rand, Math.floor(rand() * 2_500));
        snap.upsert(f);
        live.set(f.projectId, f);
      }
    }
    expect(snap.size).toBe(live.size);
    const list = [...live.values()];
    for (const m of SYNTHETIC_MANDATES) {
      expect(rankMandate(snap, m, { k: 30 })).toEqual(
        rankNaive(list, m, Cohort.fromFeatures(list), { k: 30 }, snap.version),
      );
    }
  });

  it('rejects a bad event without touching the row', () => {
    const snap = Snapshot.build(GOLDEN_COHORT);
    expect(() => snap.upsert({ ...SHANGHAI_CONSUMER, tracks: ['not_a_track'] })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_TRACK' }),
    );
    expect(snap.get('p-shanghai-tea')).toBe(SHANGHAI_CONSUMER);
    expect(snap.version).toBe(1);
  });
});

describe('TopK', () => {
  it('keeps the k best, ties broken by id ascending', () => {
    const ids = ['e', 'a', 'd', 'b', 'c', 'f'];
    const heap = new TopK(3, (row) => ids[row]);
    [50, 70, 70, 10, 70, 90].forEach((s, row) => heap.offer(row, s));
    expect(heap.drain().map(({ row, score }) => [ids[row], score])).toEqual([
      ['f', 90],
      ['a', 70],
      ['c', 70],
    ]);
  });
});
