import { Cohort } from './cohort';
import { GOLDEN_COHORT, IP_PLEDGE_LOAN, SHANGHAI_CONSUMER, WEIFANG_GUIDANCE, WUXI_AGNAV } from '../../testing';
import { explainMatch, isConfidential, redactForInvestor } from './index';

const cohort = Cohort.fromFeatures(GOLDEN_COHORT);
/** Every number written anywhere in the result (keys, values, sentences). */
const numbers = (x: unknown) => new Set(JSON.stringify(x).match(/\d+(\.\d+)?/g));

describe('redaction for an investor without a grant', () => {
  const full = explainMatch(WUXI_AGNAV, IP_PLEDGE_LOAN, cohort);
  const view = redactForInvestor(full);

  it('no raw confidential figure survives in any field', () => {
    // headcount, revenue (万元 / ¥ m / 分), R&D spend, R&D intensity (% / bp), tech-staff share, IP counts,
    // R&D staff, high-tech share, growth, equity raised, tech-SME points, hint distance. (The 9 patents are
    // not listed: "9" is also the public ¥9 m sought; the typed check below covers every confidential input.)
    const raw = [
      '85',
      '4800',
      '48',
      '4800000000',
      '201.6',
      '2.016',
      '201600000',
      '4.2',
      '420',
      '32',
      '3200',
      '42',
      '27',
      '85.42',
      '8542',
      '3500',
      '35',
      '3000000000',
      '80',
      '0.8',
    ];
    const seen = numbers(view);
    for (const r of raw) expect(seen.has(r)).toBe(false);
    // ... and they were there before.
    const before = numbers(full);
    for (const r of raw) expect(before.has(r)).toBe(true);
    for (const b of view.breakdown)
      for (const [k, v] of Object.entries(b.inputs)) if (isConfidential(k)) expect(typeof v).not.toBe('number');
  });

  it('shows bands and verdicts instead', () => {
    expect(view.redacted).toBe(true);
    const hard = view.breakdown.find((b) => b.key === 'hardTech')!;
    expect(hard.inputs).toEqual(
      expect.objectContaining({
        rdIntensityBp: '≥ 4 %',
        ipClassI: '≥ 5',
        techStaffShareBp: '≥ 30 %',
        techSmeVerdict: 'pass',
      }),
    );
    expect(hard.zh).toBe(
      '投硬科技 0.865：科技型中小企业通过（≥ 60分），研发强度 ≥ 4%，Ⅰ类知识产权 ≥ 5，科技人员占比 ≥ 30%，新质生产力赛道 智能农机、高端装备（权重 30/25/20/10/15%，缺失项计 0）',
    );
    expect(view.breakdown.find((b) => b.key === 'small')!.en).toContain('staff ≥ 50, revenue ≥ ¥20 m');
    expect(view.hints[0]).toEqual(
      expect.objectContaining({
        current: null,
        delta: null,
        band: '≥ 4 %',
        en: 'Tech-SME R&D intensity ≥ 4 %: next band 5 %, +10 points',
      }),
    );
    // Scores and public facts are unchanged.
    expect(view.score).toBe(full.score);
    expect(view.breakdown.map((b) => b.value)).toEqual(full.breakdown.map((b) => b.value));
    expect(view.breakdown.find((b) => b.key === 'fit')!.inputs.amountSought).toBe(900_000_000);
  });

  it('bands the figures quoted in constraint reasons and hints', () => {
    const tea = redactForInvestor(explainMatch(SHANGHAI_CONSUMER, WEIFANG_GUIDANCE, cohort));
    const rd = tea.reasons.find((r) => r.code === 'MIN_RD_INTENSITY')!;
    expect(rd.actual).toBe('≥ 2 %');
    expect(rd.en).toBe('R&D intensity ≥ 2 % is below the required 3 %');
    expect(tea.hints[0].en).toBe('R&D intensity ≥ 2 %: below the mandate minimum 3 %');
    expect(JSON.stringify(tea)).not.toMatch(/"actual":200|\+1 pp|16万元|800万元/);
  });
});

describe('redaction of a soft minimum', () => {
  it('bands the penalty with the figure it would give away, and keeps a public one exact', () => {
    const base = {
      projectId: 'p',
      startupId: 's',
      mandateId: 'm',
      mandateVersion: 1,
      eligible: true,
      score: 50,
      breakdown: [],
      hints: [],
      scoreVersion: 'x',
    };
    const soft = (input: string, actual: number, penalty: number) => ({
      code: 'MIN_RD_INTENSITY' as const,
      kind: 'violated' as const,
      mode: 'soft' as const,
      penalty,
      input,
      expected: 500,
      actual,
      zh: '',
      en: '',
    });
    const view = redactForInvestor({ ...base, reasons: [soft('rdIntensityBp', 350, 0.137)] });
    expect(view.reasons[0].actual).not.toBe(350);
    expect(view.reasons[0].penalty).toBe(0.2);
    expect(view.reasons[0].zh).not.toContain('13.7');
    expect(view.reasons[0].en).toContain('−20 %');
  });
});
