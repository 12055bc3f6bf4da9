import { CONSTRAINT_GROUPS } from '@app/reference';
import { Cohort } from './cohort';
import {
  GOLDEN_COHORT,
  HEFEI_SPINOUT as HEFEI,
  OPEN_HARD_TECH,
  SHANGHAI_CONSUMER,
  SYNTHETIC_MANDATES,
  syntheticCohort,
  syntheticMandate,
  syntheticProject,
  seededRandom,
  WAN,
} from '../../testing';
import {
  explainMatch,
  rankMandate,
  rankNaive,
  Snapshot,
  TopK,
  type Cursor,
  type Mandate,
  type ProjectFeatures,
  type RankFilters,
  type RankOptions,
} from './index';

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

/** Random query filters on top of a mandate (sometimes none). */
function randomFilters(rand: () => number): RankFilters | undefined {
  if (rand() < 0.5) return undefined;
  const f: RankFilters = {};
  if (rand() < 0.4) f.tracks = rand() < 0.5 ? ['quantum', 'robotics', 'artificial_intelligence'] : ['biomedicine'];
  if (rand() < 0.3) f.regions = rand() < 0.5 ? ['32'] : ['3707', '31'];
  if (rand() < 0.3) f.stages = rand() < 0.5 ? ['seed', 'angel', 'pre_a'] : ['b', 'c'];
  if (rand() < 0.2) f.instruments = ['equity'];
  if (rand() < 0.1) f.qualifications = ['tech_sme'];
  if (rand() < 0.4) f.minScore = Math.floor(rand() * 60) + (rand() < 0.5 ? 0.5 : 0);
  return f;
}

/** Every page of a ranking, following `nextCursor` until it is null. */
function allPages(rank: (cursor: Cursor | null) => ReturnType<typeof rankMandate>) {
  const pages = [];
  let cursor: Cursor | null = null;
  for (let guard = 0; guard < 500; guard++) {
    const page = rank(cursor);
    pages.push(page);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return pages;
}

describe('columnar top-k over seeded random mandates (property)', () => {
  // A smaller cohort than above: the naive reference scores every project on every call.
  const propCohort = syntheticCohort(2_000, 424_242);
  const propSnapshot = Snapshot.build(propCohort);
  const propNaiveCohort = Cohort.fromFeatures(propCohort);
  const rand = seededRandom(31_337);
  const mandates = Array.from({ length: 100 }, (_, i) => syntheticMandate(rand, i));
  const cases = mandates.map((m) => ({ m, k: [1, 7, 50, 200][Math.floor(rand() * 4)], filters: randomFilters(rand) }));
  const naive = (m: Mandate, options: RankOptions) =>
    rankNaive(propCohort, m, propNaiveCohort, options, propSnapshot.version);

  it('every first page equals the naive ranking exactly (items, scores, breakdowns, total, cursor)', () => {
    const totals: number[] = [];
    for (const { m, k, filters } of cases) {
      const fast = rankMandate(propSnapshot, m, { k, filters });
      expect({ id: m.id, page: fast }).toEqual({ id: m.id, page: naive(m, { k, filters }) });
      totals.push(fast.total);
    }
    // The cases are not vacuous: empty, small and large result sets all occur (seeded, so exact).
    expect(totals.filter((t) => t === 0).length).toBe(18);
    expect(totals.filter((t) => t > 0 && t <= 50).length).toBe(42);
    expect(totals.filter((t) => t > 200).length).toBe(23);
  });

  it('cursor pages tile the full naive order without gaps or repeats, and match the naive pages', () => {
    let multiPage = 0;
    for (const { m, filters } of cases.slice(0, 30)) {
      const k = 61;
      const full = naive(m, { k: propCohort.length, filters }).items.map((i) => `${i.projectId}:${i.score}`);
      const pages = allPages((cursor) => rankMandate(propSnapshot, m, { k, cursor, filters }));
      expect(pages.flatMap((p) => p.items.map((i) => `${i.projectId}:${i.score}`))).toEqual(full);
      for (const p of pages) expect(p.total).toBe(full.length);
      // Full equality (explanations, cursors) with the naive path on the first pages.
      let cursor: Cursor | null = null;
      for (const p of pages.slice(0, 3)) {
        expect(p).toEqual(naive(m, { k, cursor, filters }));
        cursor = p.nextCursor;
      }
      if (pages.length > 2) multiPage++;
    }
    expect(multiPage).toBe(8);
  });

  it('ties at the heap boundary resolve by id when rows are not stored in id order', () => {
    // Built in shuffled order, a later row often ties the worst kept item with a smaller id and must
    // replace it: the case the score bounds and the heap cut-off have to get exactly right.
    const shuffle = seededRandom(99);
    const shuffled = [...cohort].sort(() => shuffle() - 0.5);
    const snap = Snapshot.build(shuffled);
    const tieHeavy = [
      { ...OPEN_HARD_TECH, weights: { early: 0, small: 1, hardTech: 0, innovation: 0, fit: 0 } },
      { ...OPEN_HARD_TECH, weights: { early: 1, small: 1, hardTech: 0, innovation: 0, fit: 0 } },
      { ...SYNTHETIC_MANDATES[4], weights: { early: 0, small: 0, hardTech: 0, innovation: 0, fit: 1 } },
      { ...SYNTHETIC_MANDATES[4], weights: { early: 0, small: 1, hardTech: 0, innovation: 0, fit: 1 } },
    ];
    for (const m of tieHeavy) {
      for (const k of [3, 10, 50]) {
        const first = rankMandate(snap, m, { k });
        expect(first).toEqual(rankNaive(cohort, m, naiveCohort, { k }, snap.version));
        const second = rankMandate(snap, m, { k, cursor: first.nextCursor });
        expect(second).toEqual(rankNaive(cohort, m, naiveCohort, { k, cursor: first.nextCursor }, snap.version));
      }
    }
  });

  it('a cursor that lands inside a run of tied scores continues with the next id, not the next score', () => {
    // Small only: every micro company scores exactly 100, so hundreds of projects tie.
    const smallOnly = { ...OPEN_HARD_TECH, weights: { early: 0, small: 1, hardTech: 0, innovation: 0, fit: 0 } };
    const first = rankMandate(snapshot, smallOnly, { k: 10 });
    expect(new Set(first.items.map((i) => i.score))).toEqual(new Set([100]));
    const second = rankMandate(snapshot, smallOnly, { k: 10, cursor: first.nextCursor });
    expect(first.nextCursor).toEqual({ score: 100, projectId: first.items[9].projectId });
    expect(second.items[0].score).toBe(100);
    expect(second.items[0].projectId > first.items[9].projectId).toBe(true);
    expect(second).toEqual(
      rankNaive(cohort, smallOnly, naiveCohort, { k: 10, cursor: first.nextCursor }, snapshot.version),
    );
  });
});

/** Random soft-constraint settings: some groups soft, some hard, sometimes the defaults only. */
function randomConstraints(rand: () => number): NonNullable<Mandate['constraints']> {
  if (rand() < 0.25) return {};
  const modes: NonNullable<NonNullable<Mandate['constraints']>['modes']> = {};
  for (const g of CONSTRAINT_GROUPS) if (rand() < 0.6) modes[g] = rand() < 0.6 ? 'soft' : 'hard';
  return rand() < 0.5 ? { modes } : { modes, ticketTolerancePct: [0, 20, 50, 100, 200][Math.floor(rand() * 5)] };
}

describe('soft constraints: scan, naive reference and explanation decide alike (property)', () => {
  const propCohort = syntheticCohort(2_000, 515_151);
  const propSnapshot = Snapshot.build(propCohort);
  const propNaiveCohort = Cohort.fromFeatures(propCohort);
  const rand = seededRandom(27_182);
  const cases = Array.from({ length: 100 }, (_, i) => ({
    m: { ...syntheticMandate(rand, i), constraints: randomConstraints(rand) },
    k: [1, 7, 50, 200][Math.floor(rand() * 4)],
    filters: randomFilters(rand),
  }));
  const naive = (m: Mandate, options: RankOptions) =>
    rankNaive(propCohort, m, propNaiveCohort, options, propSnapshot.version);

  it('every first page equals the naive ranking exactly, soft reasons and penalties included', () => {
    let softItems = 0;
    for (const { m, k, filters } of cases) {
      const fast = rankMandate(propSnapshot, m, { k, filters });
      expect({ id: m.id, page: fast }).toEqual({ id: m.id, page: naive(m, { k, filters }) });
      softItems += fast.items.filter((i) => i.reasons.length > 0).length;
    }
    // Not vacuous: many returned items are eligible with soft reasons.
    expect(softItems).toBeGreaterThan(200);
  });

  it('cursor pages tile the full naive order', () => {
    for (const { m, filters } of cases.slice(0, 20)) {
      const full = naive(m, { k: propCohort.length, filters }).items.map((i) => `${i.projectId}:${i.score}`);
      const pages = allPages((cursor) => rankMandate(propSnapshot, m, { k: 83, cursor, filters }));
      expect(pages.flatMap((p) => p.items.map((i) => `${i.projectId}:${i.score}`))).toEqual(full);
    }
  });

  it('the per-pair explanation decides every pair as the ranking does, and its penalties give its score', () => {
    for (const { m } of cases.slice(0, 40)) {
      const ranked = new Map(naive(m, { k: propCohort.length }).items.map((i) => [i.projectId, i.score] as const));
      for (const f of propCohort.slice(0, 300)) {
        const e = explainMatch(f, m, propNaiveCohort);
        expect(e.eligible).toBe(ranked.has(f.projectId));
        expect(e.eligible).toBe(e.reasons.every((r) => r.mode === 'soft'));
        if (e.eligible) {
          expect(e.score).toBe(ranked.get(f.projectId));
          const raw = e.breakdown.reduce((s, c) => s + c.weight * c.value, 0);
          const kept =
            1 -
            Math.min(
              0.9,
              e.reasons.reduce((s, r) => s + r.penalty, 0),
            );
          expect(e.score).toBeCloseTo(100 * raw * kept, 1);
        }
        for (const r of e.reasons) expect(r.mode === 'hard' ? r.penalty === 0 : r.penalty > 0).toBe(true);
      }
    }
  });

  it('an unknown figure is a data_missing penalty, never an exclusion; a mandate without constraints keeps excluding', () => {
    const f = { ...HEFEI, amountSought: null, regionCode: null, rdIntensityBp: null };
    const written = {
      ...OPEN_HARD_TECH,
      regions: ['34'],
      minRdIntensityBp: 500,
      ticketMin: 100 * WAN,
      ticketMax: 1_000 * WAN,
    };
    const legacy = explainMatch(f, written, Cohort.fromFeatures(GOLDEN_COHORT));
    expect(legacy.eligible).toBe(false);
    const soft = explainMatch(f, { ...written, constraints: {} }, Cohort.fromFeatures(GOLDEN_COHORT));
    expect(soft.eligible).toBe(true);
    const missing = soft.reasons.filter((r) => r.kind === 'data_missing');
    expect(missing.map((r) => [r.code, r.mode, r.penalty])).toEqual([
      ['TICKET', 'soft', 0.1],
      ['REGION', 'soft', 0.1],
      ['MIN_RD_INTENSITY', 'soft', 0.1],
    ]);
  });

  it('a soft ticket edge says how far it is and grows with the distance; beyond the tolerance it is hard', () => {
    const c = Cohort.fromFeatures(GOLDEN_COHORT);
    const m = { ...OPEN_HARD_TECH, ticketMin: 100 * WAN, ticketMax: 1_000 * WAN, constraints: {} };
    const at = (amount: number) => explainMatch({ ...HEFEI, amountSought: amount }, m, c);
    const r12 = at(1_200 * WAN).reasons.find((r) => r.code === 'TICKET')!;
    expect(r12.mode).toBe('soft');
    expect(r12.en).toBe('asks ¥12 m, 20 % above your ¥10 m ceiling (soft: score −19 %)');
    expect(r12.zh).toBe('融资需求 1200万元，高于投资上限 1000万元 20%（软约束：评分 −19%）');
    const r14 = at(1_400 * WAN).reasons.find((r) => r.code === 'TICKET')!;
    expect(r14.penalty).toBeGreaterThan(r12.penalty);
    expect(at(1_600 * WAN).eligible).toBe(false);
    expect(at(1_600 * WAN).reasons.find((r) => r.code === 'TICKET')!.mode).toBe('hard');
    const hard = { ...m, constraints: { modes: { ticket: 'hard' as const } } };
    expect(explainMatch({ ...HEFEI, amountSought: 1_200 * WAN }, hard, c).eligible).toBe(false);
  });

  it('a 返投 region rule stays hard by default', () => {
    const c = Cohort.fromFeatures(GOLDEN_COHORT);
    const m = { ...OPEN_HARD_TECH, regions: ['32'], constraints: {} };
    const e = explainMatch({ ...HEFEI, regionCode: '340104' }, m, c);
    expect(e.eligible).toBe(false);
    expect(e.reasons.find((r) => r.code === 'REGION')!.mode).toBe('hard');
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

  it('random mandates still equal the naive ranking after upserts and removes', () => {
    const rand = seededRandom(2_024);
    const base = syntheticCohort(3_000, 5);
    const snap = Snapshot.build(base);
    const live = new Map(base.map((f) => [f.projectId, f]));
    const mandates = Array.from({ length: 25 }, (_, i) => syntheticMandate(rand, i));
    // Warm the explanation texts against the first cohort state, so stale texts would show below.
    for (const m of mandates) rankMandate(snap, m, { k: 20 });
    for (let i = 0; i < 400; i++) {
      if (rand() < 0.35) {
        const id = `p-${String(Math.floor(rand() * 3_500)).padStart(6, '0')}`;
        expect(snap.remove(id)).toBe(live.delete(id));
      } else {
        const f = syntheticProject(rand, Math.floor(rand() * 3_500));
        snap.upsert(f);
        live.set(f.projectId, f);
      }
    }
    const list = [...live.values()];
    const fresh = Cohort.fromFeatures(list);
    for (const m of mandates) {
      const options = { k: 20, filters: randomFilters(rand) };
      expect(rankMandate(snap, m, options)).toEqual(rankNaive(list, m, fresh, options, snap.version));
    }
  });

  it('an upsert re-renders the innovation text of items explained before it (cohort revision)', () => {
    const snap = Snapshot.build(GOLDEN_COHORT);
    const before = rankMandate(snap, OPEN_HARD_TECH, { k: 10 });
    const hefeiBefore = before.items.find((i) => i.projectId === 'p-hefei-quantum')!;
    // A richer project joins: every other project's percentiles (and so its innovation text) move.
    const rich = { ...SHANGHAI_CONSUMER, projectId: 'p-rich', startupId: 's-rich', rdSpend: 10 ** 12, ipClassI: 500 };
    snap.upsert(rich);
    const after = rankMandate(snap, OPEN_HARD_TECH, { k: 10 });
    const hefeiAfter = after.items.find((i) => i.projectId === 'p-hefei-quantum')!;
    const text = (r: typeof hefeiAfter) => r.breakdown.find((b) => b.key === 'innovation')!.en;
    expect(text(hefeiAfter)).not.toBe(text(hefeiBefore));
    const list = [...GOLDEN_COHORT, rich];
    expect(hefeiAfter).toEqual(explainMatch(HEFEI, OPEN_HARD_TECH, Cohort.fromFeatures(list)));
    expect(after).toEqual(rankNaive(list, OPEN_HARD_TECH, Cohort.fromFeatures(list), { k: 10 }, snap.version));
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

describe('innovation-points minimum and text-query candidate sets', () => {
  const cohort2 = syntheticCohort(2_000, 77_777);
  const snap = Snapshot.build(cohort2);
  const naiveCohort2 = Cohort.fromFeatures(cohort2);
  const rand = seededRandom(99_001);

  it('the columnar scan excludes below the innovation minimum exactly as the naive ranking and the explanation do', () => {
    let excludedSomewhere = 0;
    for (let i = 0; i < 30; i++) {
      const base = syntheticMandate(rand, 1_000 + i);
      const m: Mandate = { ...base, minInnovationScore: 20 + Math.floor(rand() * 60) };
      const fast = rankMandate(snap, m, { k: 40 });
      expect({ i, page: fast }).toEqual({ i, page: rankNaive(cohort2, m, naiveCohort2, { k: 40 }, snap.version) });
      const without = rankMandate(snap, base, { k: 1 }).total;
      expect(fast.total).toBeLessThanOrEqual(without);
      if (fast.total < without) excludedSomewhere++;
      for (const item of fast.items) {
        const innovation = item.breakdown.find((c) => c.key === 'innovation')!;
        expect(innovation.value * 100).toBeGreaterThanOrEqual(m.minInnovationScore! - 0.01);
      }
    }
    expect(excludedSomewhere).toBeGreaterThan(10); // the minimum really bites on this cohort
  });

  it('an excluded pair names the innovation minimum with the estimate it reached', () => {
    const m: Mandate = { ...OPEN_HARD_TECH, minInnovationScore: 99.99 };
    const f = cohort2.find((p) => explainMatch(p, { ...OPEN_HARD_TECH }, naiveCohort2).eligible)!;
    const r = explainMatch(f, m, naiveCohort2);
    expect(r.eligible).toBe(false);
    const reason = r.reasons.find((x) => x.code === 'MIN_INNOVATION_SCORE')!;
    expect(reason).toMatchObject({ kind: 'violated', input: 'innovationScore', expected: 99.99 });
    expect(reason.actual).toBeLessThan(99.99);
    expect(reason.zh).toContain('创新积分（估算）');
  });

  it('a candidate set narrows the ranking to those projects, identically to naive, across pages', () => {
    for (let i = 0; i < 10; i++) {
      const m = syntheticMandate(rand, 2_000 + i);
      const ids = new Set(cohort2.filter(() => rand() < 0.3).map((p) => p.projectId));
      ids.add('p-not-in-the-snapshot');
      const filters: RankFilters = { projectIds: ids };
      const pages = allPages((cursor) => rankMandate(snap, m, { k: 25, cursor, filters }));
      const full = rankNaive(cohort2, m, naiveCohort2, { k: cohort2.length, filters }, snap.version);
      expect(pages.flatMap((p) => p.items.map((x) => x.projectId))).toEqual(full.items.map((x) => x.projectId));
      for (const p of pages) for (const item of p.items) expect(ids.has(item.projectId)).toBe(true);
      expect(pages[0].total).toBe(full.total);
    }
    const none = rankMandate(snap, OPEN_HARD_TECH, { k: 10, filters: { projectIds: new Set() } });
    expect(none).toMatchObject({ total: 0, items: [], nextCursor: null });
  });
});
