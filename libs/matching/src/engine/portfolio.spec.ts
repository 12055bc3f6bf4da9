import { Cohort } from './cohort';
import {
  GOLDEN_COHORT,
  HEFEI_SPINOUT as HEFEI,
  OPEN_HARD_TECH,
  syntheticCohort,
  syntheticMandate,
  seededRandom,
  WAN,
} from '../../testing';
import {
  explainMatch,
  rankMandate,
  rankNaive,
  Snapshot,
  type HistoryEntry,
  type Mandate,
  type PortfolioAspect,
  type ProjectFeatures,
  type RankOptions,
} from './index';
import { amountBand, compilePortfolio, learnedTicketTolerancePct } from './criteria/portfolio';
import { AspectBase } from './criteria/portfolio-base';
import { TRACK_BP } from './soft';

const ASPECTS: PortfolioAspect[] = ['track', 'stage', 'amount', 'region', 'keywords', 'qualifications'];

function entryOf(f: ProjectFeatures, polarity: 1 | -1, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    label: `公司-${f.projectId}`,
    source: 'deal',
    polarity,
    stage: f.stage,
    tracks: f.tracks,
    amount: f.amountSought,
    regionCode: f.regionCode,
    keywords: f.keywords,
    qualifications: f.qualifications,
    ...extra,
  };
}

/** A random history drawn from the cohort: deals, imported rows (no qualifications), marks, passes with aspects. */
function randomHistory(rand: () => number, list: readonly ProjectFeatures[]): HistoryEntry[] {
  const n = Math.floor(rand() * 25);
  return Array.from({ length: n }, () => {
    const f = list[Math.floor(rand() * list.length)];
    const polarity = rand() < 0.7 ? 1 : -1;
    const source = (['deal', 'feedback', 'portfolio'] as const)[Math.floor(rand() * 3)];
    return entryOf(f, polarity, {
      source,
      weight: [1, 0.3, 0.5, 0.7, 0][Math.floor(rand() * 5)],
      aspects: polarity < 0 && rand() < 0.5 ? [ASPECTS[Math.floor(rand() * ASPECTS.length)]] : undefined,
      qualifications: source === 'portfolio' ? null : f.qualifications,
      amount: rand() < 0.1 ? null : f.amountSought,
      regionCode: rand() < 0.1 ? null : f.regionCode,
    });
  });
}

describe('portfolio fit: scan, naive reference and explanation decide alike (property)', () => {
  const propCohort = syntheticCohort(2_000, 707_070);
  const propSnapshot = Snapshot.build(propCohort);
  const propNaiveCohort = Cohort.fromFeatures(propCohort);
  const rand = seededRandom(16_180);
  const cases = Array.from({ length: 100 }, (_, i) => ({
    m: {
      ...syntheticMandate(rand, i),
      constraints: rand() < 0.5 ? {} : null,
      history: randomHistory(rand, propCohort),
    } as Mandate,
    k: [1, 7, 50, 200][Math.floor(rand() * 4)],
  }));
  const naive = (m: Mandate, options: RankOptions) =>
    rankNaive(propCohort, m, propNaiveCohort, options, propSnapshot.version);

  it('every first page equals the naive ranking exactly, portfolio entries included', () => {
    let withWeight = 0;
    for (const { m, k } of cases) {
      const fast = rankMandate(propSnapshot, m, { k });
      expect({ id: m.id, page: fast }).toEqual({ id: m.id, page: naive(m, { k }) });
      for (const item of fast.items) {
        const p = item.breakdown.find((c) => c.key === 'portfolio')!;
        expect(p).toBeDefined();
        if (p.weight > 0) withWeight++;
      }
    }
    // Not vacuous: most returned items carry a weighted portfolio criterion.
    expect(withWeight).toBeGreaterThan(1_000);
  });

  it('cursor pages tile the full naive order', () => {
    for (const { m } of cases.slice(0, 20)) {
      const full = naive(m, { k: propCohort.length }).items.map((i) => `${i.projectId}:${i.score}`);
      const pages: string[] = [];
      let cursor = null;
      for (;;) {
        const page = rankMandate(propSnapshot, m, { k: 97, cursor });
        pages.push(...page.items.map((i) => `${i.projectId}:${i.score}`));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      expect(pages).toEqual(full);
    }
  });

  it('the per-pair explanation gives the ranking score, and its weights times values add up to it', () => {
    for (const { m } of cases.slice(0, 40)) {
      const ranked = new Map(naive(m, { k: propCohort.length }).items.map((i) => [i.projectId, i.score] as const));
      for (const f of propCohort.slice(0, 200)) {
        const e = explainMatch(f, m, propNaiveCohort);
        expect(e.eligible).toBe(ranked.has(f.projectId));
        if (!e.eligible) continue;
        expect(e.score).toBe(ranked.get(f.projectId));
        const raw = e.breakdown.reduce((s, c) => s + c.weight * c.value, 0);
        const kept =
          1 -
          Math.min(
            0.9,
            e.reasons.reduce((s, r) => s + r.penalty, 0),
          );
        expect(e.score).toBeCloseTo(100 * raw * kept, 1);
        expect(e.breakdown.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 9);
      }
    }
  });

  it('a mandate without history keeps its five criteria and its scores', () => {
    for (const { m, k } of cases.slice(0, 20)) {
      const without = rankMandate(propSnapshot, { ...m, history: undefined }, { k });
      const empty = rankMandate(propSnapshot, { ...m, history: [] }, { k });
      expect(empty.items.map((i) => [i.projectId, i.score])).toEqual(without.items.map((i) => [i.projectId, i.score]));
      for (const i of without.items) expect(i.breakdown.map((c) => c.key)).not.toContain('portfolio');
    }
  });
});

describe('portfolio fit: what it says', () => {
  const cohort = Cohort.fromFeatures(GOLDEN_COHORT);
  const like = (over: Partial<ProjectFeatures>, label: string): HistoryEntry =>
    entryOf({ ...HEFEI, ...over }, 1, { label, source: 'portfolio', qualifications: null });

  it('cold start: weight 0, and the explanation says so', () => {
    const e = explainMatch(HEFEI, { ...OPEN_HARD_TECH, history: [] }, cohort);
    const p = e.breakdown.find((c) => c.key === 'portfolio')!;
    expect(p.weight).toBe(0);
    expect(p.contribution).toBe(0);
    expect(p.zh).toContain('尚无投资记录');
    expect(p.en).toContain('no history yet');
    expect(e.score).toBe(explainMatch(HEFEI, OPEN_HARD_TECH, cohort).score);
  });

  it('names the nearest past deals, and a similar history lifts the score over an unlike one', () => {
    const history = [
      like({}, '星航智农'),
      like({ amountSought: (HEFEI.amountSought ?? 0) * 1.2 }, '泰星微电子'),
      like({ tracks: ['biomedicine'], regionCode: '440305', stage: 'c', amountSought: 80_000 * WAN }, '远方生物'),
    ];
    const m = { ...OPEN_HARD_TECH, history };
    const e = explainMatch(HEFEI, m, cohort);
    const p = e.breakdown.find((c) => c.key === 'portfolio')!;
    expect(p.inputs.nearest).toEqual(['星航智农', '泰星微电子']);
    expect(p.zh).toContain('与你投资的星航智农和泰星微电子相似');
    expect(p.en).toContain('like your investments in 星航智农 and 泰星微电子');
    expect(p.weight).toBeGreaterThan(0);
    const unlike = { ...HEFEI, tracks: ['consumer'], regionCode: '110105', stage: 'pre_ipo' as const };
    expect(explainMatch(unlike, m, cohort).breakdown.find((c) => c.key === 'portfolio')!.value).toBeLessThan(p.value);
  });

  it('a pass for off-thesis track lowers that track only; "not for us" lowers the look-alikes', () => {
    const base = [like({}, '星航智农'), like({ tracks: ['biomedicine'] }, '远方生物')];
    const value = (history: HistoryEntry[], f: ProjectFeatures) =>
      explainMatch(f, { ...OPEN_HARD_TECH, history }, cohort).breakdown.find((c) => c.key === 'portfolio')!.value;
    const bio = { ...HEFEI, tracks: ['biomedicine'] };
    const passTrack = entryOf(bio, -1, { label: '某生物', aspects: ['track'], weight: 3 });
    expect(value([...base, passTrack], bio)).toBeLessThan(value(base, bio));
    // The track pass says nothing about the stage: a project on the first track keeps its stage affinity.
    const inputs = (history: HistoryEntry[]) =>
      explainMatch(HEFEI, { ...OPEN_HARD_TECH, history }, cohort).breakdown.find((c) => c.key === 'portfolio')!.inputs;
    expect(inputs([...base, passTrack])['aspect.stage']).toBe(inputs(base)['aspect.stage']);
    const notForUs = entryOf(HEFEI, -1, { label: '不合适', source: 'feedback' });
    expect(value([...base, notForUs], HEFEI)).toBeLessThan(value(base, HEFEI));
  });

  it('a value as common in the history as in the deal flow says nothing; a rarer one shared says more (lift)', () => {
    // The deal flow: 90 % quantum, 10 % biomedicine; the history: two of each.
    const flow = [
      ...Array.from({ length: 90 }, (_, i) => ({ ...HEFEI, projectId: `q${i}` })),
      ...Array.from({ length: 10 }, (_, i) => ({ ...HEFEI, projectId: `b${i}`, tracks: ['biomedicine'] })),
    ];
    const base = AspectBase.of(flow);
    const bio = { ...HEFEI, tracks: ['biomedicine'] };
    const history = [
      like({}, 'A'),
      like({}, 'B'),
      like({ tracks: ['biomedicine'] }, 'C'),
      like({ tracks: ['biomedicine'] }, 'D'),
    ];
    const p = compilePortfolio(history, base)!;
    const value = (f: ProjectFeatures) => explainMatch(f, { ...OPEN_HARD_TECH, history }, Cohort.fromFeatures(flow));
    const track = (f: ProjectFeatures) => value(f).breakdown.find((c) => c.key === 'portfolio')!.inputs['aspect.track'];
    // Half the history on a track a tenth of the deal flow has: the best lift; quantum is at its base rate.
    expect(track(bio)).toBe(1);
    expect(track(HEFEI)).toBeLessThan(0.6);
    expect(p.track).not.toBeNull();
    // Without base rates (every track equally common) the two tracks look alike.
    const flat = compilePortfolio(history)!;
    expect(flat.track![0]).toBeCloseTo(flat.track![1], 9);
  });

  it('the written mandate is the prior: one deal elsewhere does not outweigh it, many do, and the explanation says so', () => {
    const mandate: Mandate = { ...OPEN_HARD_TECH, tracks: ['quantum'], constraints: {} };
    const bio = { ...HEFEI, projectId: 'p-bio', tracks: ['biomedicine'] };
    const fit = (history: HistoryEntry[], f: ProjectFeatures, m = mandate) =>
      explainMatch(f, { ...m, history }, cohort).breakdown.find((c) => c.key === 'portfolio')!;
    const one = [like({ tracks: ['biomedicine'] }, '远方生物')];
    // One deal on biomedicine: the written quantum track (5.6 records' worth) still leads.
    expect(fit(one, HEFEI).inputs['aspect.track']).toBe(1);
    expect(fit(one, bio).inputs['aspect.track']).toBeLessThan(1);
    // Ten deals there: the history has moved the investor.
    const ten = Array.from({ length: 10 }, (_, i) => like({ tracks: ['biomedicine'] }, `生物${i}`));
    expect(fit(ten, bio).inputs['aspect.track']).toBe(1);
    expect(fit(ten, HEFEI).inputs['aspect.track']).toBeLessThan(1);
    // A mandate open on tracks has no written prior there: the one deal decides.
    expect(fit(one, bio, OPEN_HARD_TECH).inputs['aspect.track']).toBe(1);
    const p = fit(one, HEFEI);
    expect(p.inputs.mandatePrior).toContain('track');
    expect(p.zh).toContain('书面投资方针计作 5.6 条记录');
    expect(p.en).toContain('your written mandate counts as 5.6 records');
  });

  it('a soft track penalty shrinks by the share of the history on that track, and says so', () => {
    const mandate: Mandate = { ...OPEN_HARD_TECH, tracks: ['quantum'], constraints: {} };
    const bio = { ...HEFEI, projectId: 'p-bio', tracks: ['biomedicine'] };
    const without = explainMatch(bio, { ...mandate, history: [like({}, 'A')] }, cohort);
    const r0 = without.reasons.find((r) => r.code === 'TRACK')!;
    expect(r0.penalty).toBe(TRACK_BP / 10_000);
    expect(r0.historyShare).toBeUndefined();
    // Two of four positives on biomedicine: share 2 ÷ (4 + 2) = 0.33, penalty 25 % × 0.67.
    const history = [
      like({}, 'A'),
      like({}, 'B'),
      like({ tracks: ['biomedicine'] }, 'C'),
      like({ tracks: ['biomedicine'] }, 'D'),
    ];
    const e = explainMatch(bio, { ...mandate, history }, cohort);
    const r = e.reasons.find((x) => x.code === 'TRACK')!;
    expect(r.historyShare).toBe(0.33);
    expect(r.penalty).toBe(Math.round(TRACK_BP * 0.67) / 10_000);
    expect(r.zh).toContain('你过去 33% 的投资在此');
    expect(r.en).toContain('33 % of your past investments are here');
    // Hard stays hard whatever the history.
    const hard = explainMatch(bio, { ...mandate, constraints: { modes: { track: 'hard' } }, history }, cohort);
    expect(hard.eligible).toBe(false);
  });

  it('the learned ticket tolerance extrapolates the farthest deal beyond the edge by (k + 1) ÷ k in log terms', () => {
    const at = (amount: number) => like({ amountSought: amount }, `x${amount}`);
    const p1 = compilePortfolio([at(2_000 * WAN)])!;
    // One deal at 2× the ¥10 m ceiling: ln 2 × 2 → 4× the ceiling, 300 % beyond it.
    expect(learnedTicketTolerancePct(p1, 100 * WAN, 1_000 * WAN)).toBe(300);
    const p3 = compilePortfolio([at(2_000 * WAN), at(1_500 * WAN), at(1_200 * WAN)])!;
    // Three deals, farthest at 2×: 2^(4/3) = 2.52×, 152 % beyond.
    expect(learnedTicketTolerancePct(p3, 100 * WAN, 1_000 * WAN)).toBe(152);
    expect(learnedTicketTolerancePct(p3, 100 * WAN, 5_000 * WAN)).toBe(0);
  });

  it('amount bands are log₂ of 万元', () => {
    expect(amountBand(100 * WAN)).toBe(6);
    expect(amountBand(1 * WAN)).toBe(0);
    expect(amountBand(1e12 * WAN)).toBe(15);
    expect(compilePortfolio(null)).toBeNull();
  });
});
