import { Cohort } from './cohort';
import {
  CHANGZHOU_LARGE,
  GOLDEN_COHORT,
  HEFEI_SPINOUT,
  IP_PLEDGE_LOAN,
  KECHUANG_DIRECT,
  OPEN_HARD_TECH,
  SHANGHAI_CONSUMER,
  SUZHOU_ROBOT,
  WEIFANG_GUIDANCE,
  WEIFANG_SEMI,
  WUXI_AGNAV,
} from '../../testing';
import {
  EngineInputError,
  explainMatch,
  rankMandate,
  SCORE_VERSION,
  Snapshot,
  type Mandate,
  type MatchResult,
} from './index';

const cohort = Cohort.fromFeatures(GOLDEN_COHORT);
const values = (r: MatchResult) => Object.fromEntries(r.breakdown.map((b) => [b.key, b.value]));
const codes = (r: MatchResult) => r.reasons.map((x) => `${x.code}/${x.kind}`);
const ranked = (m: Mandate) =>
  rankMandate(Snapshot.build(GOLDEN_COHORT), m, { k: 10 }).items.map((i) => [i.projectId, i.score]);

describe('golden scenarios', () => {
  it('the 无锡 navigation company fits the IP-pledge loan with an exact breakdown', () => {
    const r = explainMatch(WUXI_AGNAV, IP_PLEDGE_LOAN, cohort);
    expect(r.eligible).toBe(true);
    // early: 0.6·(1−4/7) + 0.2·(1−6/10) + 0.2·(1−2/4) = 0.4371; hard tech: 0.3·0.8 + 0.25·(420/600) + 0.2 + 0.1 + 0.15
    // fit: ticket only, 1 − |9 m − 5.5 m| ÷ 4.5 m; score: (0.75 + 3·0.865 + 2·0.5875 + 0.2222) ÷ 7
    expect(values(r)).toEqual({ early: 0.4371, small: 0.75, hardTech: 0.865, innovation: 0.5875, fit: 0.2222 });
    expect(r.score).toBe(67.75);
    expect(r.breakdown.map((b) => b.contribution)).toEqual([0, 10.71, 37.07, 16.79, 3.17]);
    expect(r.breakdown.map((b) => b.weight)).toEqual([0, 1 / 7, 3 / 7, 2 / 7, 1 / 7]);
    expect(r.scoreVersion).toBe(SCORE_VERSION);
    expect(SCORE_VERSION).toBe('matching@1+tech-sme@2022+sme-size@2011+innovation-estimate@1');
    expect(r.mandateVersion).toBe(3);
    const innovation = r.breakdown.find((b) => b.key === 'innovation')!;
    expect(innovation.estimate).toBe(true);
    expect(innovation.labelZh).toBe('创新积分（估算）');
    expect(innovation.zh).toContain('估算，非官方');
    expect(innovation.inputs['pct.qualificationCount']).toBe(0.9167);
    expect(innovation.inputs.highTechShareBp).toBe(8542);
    const hard = r.breakdown.find((b) => b.key === 'hardTech')!;
    expect(hard.zh).toContain('研发强度 4.2%');
    expect(hard.en).toContain('tech-SME pass (80 points)');
    expect(r.hints).toEqual([
      expect.objectContaining({
        code: 'TECH_SME_RD_INTENSITY',
        current: 4.2,
        threshold: 5,
        delta: 0.8,
        pointsGained: 10,
        en: 'Tech-SME R&D intensity 4.2 %: +0.8 pp reaches the 5 % band, +10 points',
      }),
    ]);
  });

  it('lists every failed constraint of an excluded pair, with values', () => {
    expect(codes(explainMatch(WEIFANG_SEMI, IP_PLEDGE_LOAN, cohort))).toEqual([
      'TICKET/violated',
      'INSTRUMENT/violated',
      'REGION/violated',
    ]);
    expect(codes(explainMatch(HEFEI_SPINOUT, IP_PLEDGE_LOAN, cohort))).toEqual([
      'INSTRUMENT/violated',
      'REGION/violated',
      'MIN_PLEDGEABLE_PATENTS/violated',
    ]);
    expect(codes(explainMatch(CHANGZHOU_LARGE, KECHUANG_DIRECT, cohort))).toEqual([
      'STAGE/violated',
      'TICKET/violated',
      'MAX_COMPANY_AGE/violated',
    ]);
    const tea = explainMatch(SHANGHAI_CONSUMER, WEIFANG_GUIDANCE, cohort);
    expect(tea.score).toBeNull();
    expect(tea.breakdown).toEqual([]);
    expect(
      tea.reasons.map(({ code, kind, input, expected, actual }) => ({ code, kind, input, expected, actual })),
    ).toEqual([
      {
        code: 'TICKET',
        kind: 'violated',
        input: 'amountSought',
        expected: '1000000000–10000000000',
        actual: 500_000_000,
      },
      { code: 'REGION', kind: 'violated', input: 'regionCode', expected: ['3707'], actual: '310104' },
      {
        code: 'QUALIFICATION',
        kind: 'violated',
        input: 'qualifications',
        expected: ['high_tech_enterprise'],
        actual: [],
      },
      { code: 'MIN_RD_INTENSITY', kind: 'violated', input: 'rdIntensityBp', expected: 300, actual: 200 },
    ]);
    expect(tea.reasons[3].zh).toBe('研发强度 2%，低于要求的 3%');
    expect(tea.reasons[3].en).toBe('R&D intensity 2 % is below the required 3 %');
    expect(tea.hints[0]).toEqual(
      expect.objectContaining({
        code: 'MIN_RD_INTENSITY',
        delta: 100,
        en: 'R&D intensity 2 %: +1 pp reaches the mandate minimum 3 %',
      }),
    );
    expect(codes(explainMatch(SHANGHAI_CONSUMER, KECHUANG_DIRECT, cohort))).toEqual(['TRACK/violated']);
  });

  it('missing data fails a constraint that needs it, as DATA_MISSING rather than a violation', () => {
    const noRd = { ...WEIFANG_SEMI, rdIntensityBp: null, regionCode: null, amountSought: null };
    const r = explainMatch(noRd, WEIFANG_GUIDANCE, cohort);
    expect(codes(r)).toEqual(['TICKET/data_missing', 'REGION/data_missing', 'MIN_RD_INTENSITY/data_missing']);
    expect(r.reasons[2].en).toBe('R&D intensity: data missing (rdIntensityBp), cannot confirm the requirement 300');
    expect(r.hints).toHaveLength(1); // only the tech-SME band; no distance from an unknown figure
    // No minimum set → an unknown figure does not matter.
    expect(
      explainMatch({ ...WEIFANG_SEMI, rdIntensityBp: null }, { ...WEIFANG_GUIDANCE, minRdIntensityBp: null }, cohort)
        .eligible,
    ).toBe(true);
  });

  it('ranks each mandate exactly (score desc, then project id)', () => {
    expect(ranked(IP_PLEDGE_LOAN)).toEqual([['p-wuxi-agnav', 67.75]]);
    expect(ranked(KECHUANG_DIRECT)).toEqual([
      ['p-hefei-quantum', 87.89],
      ['p-suzhou-robot', 71.68],
    ]);
    expect(ranked(WEIFANG_GUIDANCE)).toEqual([['p-weifang-semi', 63.6]]);
    expect(ranked(OPEN_HARD_TECH)).toEqual([
      ['p-hefei-quantum', 84.73],
      ['p-suzhou-robot', 74.27],
      ['p-weifang-semi', 64.34],
      ['p-shanghai-tea', 46.51],
      ['p-changzhou-ev', 34.11],
    ]);
    const hefei = explainMatch(HEFEI_SPINOUT, KECHUANG_DIRECT, cohort);
    // Seed (1 − 1/7), 1 year, 0 rounds → 0.894; spin-out and 概念验证中心 bonuses cap it at 1.
    expect(values(hefei)).toEqual({ early: 1, small: 1, hardTech: 0.96, innovation: 0.3167, fit: 0.5926 });
    // Fit: track 1 (quantum ∈ hard-tech tracks), ticket 1 − |3 m − 11 m| ÷ 9 m = 0.1111, keywords 2 ÷ 3.
    expect(hefei.breakdown[4].inputs).toEqual(
      expect.objectContaining({
        trackShare: 1,
        ticketCentrality: 0.1111,
        keywordOverlap: 0.6667,
        matchedKeywords: ['量子传感', '高校成果转化'],
      }),
    );
    const weifang = explainMatch(WEIFANG_SEMI, WEIFANG_GUIDANCE, cohort);
    // Fit: ticket 1 − |50 m − 55 m| ÷ 45 m = 0.8889 and preferred region 370705 = 1 → 0.9444.
    expect(values(weifang)).toEqual({ early: 0.2614, small: 0.4, hardTech: 0.9813, innovation: 0.5929, fit: 0.9444 });
  });

  it('weight changes reorder as expected', () => {
    const innovationOnly = { ...KECHUANG_DIRECT, weights: { early: 0, small: 0, hardTech: 0, innovation: 1, fit: 0 } };
    expect(ranked(innovationOnly)).toEqual([
      ['p-suzhou-robot', 49.08],
      ['p-hefei-quantum', 31.67],
    ]);
    const fitOnly = { ...OPEN_HARD_TECH, weights: { early: 0, small: 0, hardTech: 0, innovation: 0, fit: 1 } };
    expect(ranked(fitOnly).map(([id]) => id)).toEqual([
      'p-changzhou-ev',
      'p-weifang-semi',
      'p-suzhou-robot',
      'p-shanghai-tea',
      'p-hefei-quantum',
    ]);
    const smallOnly = { ...OPEN_HARD_TECH, weights: { early: 0, small: 5, hardTech: 0, innovation: 0, fit: 0 } };
    // Ties (hefei and the tea app are both micro = 100) break on project id ascending.
    expect(ranked(smallOnly)).toEqual([
      ['p-hefei-quantum', 100],
      ['p-shanghai-tea', 100],
      ['p-suzhou-robot', 75],
      ['p-weifang-semi', 40],
      ['p-changzhou-ev', 0],
    ]);
  });

  it('rejects invalid mandates with codes', () => {
    const zero = { ...OPEN_HARD_TECH, weights: { early: 0, small: 0, hardTech: 0, innovation: 0, fit: 0 } };
    expect(() => explainMatch(SUZHOU_ROBOT, zero, cohort)).toThrow(EngineInputError);
    expect(() => explainMatch(SUZHOU_ROBOT, { ...OPEN_HARD_TECH, ticketMin: 2, ticketMax: 1 }, cohort)).toThrow(
      expect.objectContaining({ code: 'MANDATE_TICKET_RANGE_INVALID' }),
    );
    expect(() => explainMatch(SUZHOU_ROBOT, { ...OPEN_HARD_TECH, regions: ['3'] }, cohort)).toThrow(
      expect.objectContaining({ code: 'INVALID_REGION' }),
    );
  });
});
