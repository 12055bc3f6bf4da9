import { DEAL_STAGES } from './deal-stages';
import { statedVsActual, type DealFacts } from './stated-vs-actual';

const M = 100_000_000; // ¥1 m in 分

const fact = (over: Partial<DealFacts>): DealFacts => ({
  dealId: Math.random().toString(36),
  dealStage: 'meeting',
  engaged: true,
  passReasonCode: null,
  mandateTermsVersion: 1,
  projectStage: 'seed',
  tracks: ['robotics'],
  amount: null,
  amountSought: 2 * M,
  ...over,
});

describe('stated vs actual', () => {
  const terms = { stages: ['seed', 'angel'], tracks: ['robotics', 'quantum'], ticketMin: 1 * M, ticketMax: 5 * M };

  it('counts engaged deals against the stated stages, tracks and ticket range', () => {
    const r = statedVsActual(
      terms,
      [
        fact({ projectStage: 'seed', tracks: ['robotics'], amountSought: 2 * M }),
        fact({ projectStage: 'a', tracks: ['consumer', 'quantum'], amount: 8 * M, dealStage: 'signed' }),
        fact({
          projectStage: 'b',
          tracks: ['consumer'],
          amountSought: 0.5 * M,
          dealStage: 'passed',
          passReasonCode: 'valuation',
        }),
        fact({ projectStage: 'seed', tracks: [], amountSought: null, dealStage: 'due_diligence' }),
        // not engaged: only in the pass counts and the pipeline
        fact({ engaged: false, dealStage: 'passed', passReasonCode: 'team', projectStage: 'c' }),
        fact({ engaged: false, dealStage: 'new', mandateTermsVersion: 2 }),
      ],
      DEAL_STAGES,
    );
    expect(r.totals).toEqual({ deals: 6, engaged: 4, passed: 2 });
    expect(r.stage).toMatchObject({ inside: 2, outside: 2, unknown: 0, insideShare: 0.5, statesAny: false });
    expect(r.stage.distribution.filter((e) => e.count > 0)).toEqual([
      { value: 'seed', count: 2, share: 0.5, stated: true },
      { value: 'a', count: 1, share: 0.25, stated: false },
      { value: 'b', count: 1, share: 0.25, stated: false },
    ]);
    expect(r.stage.distribution.find((e) => e.value === 'angel')).toEqual({
      value: 'angel',
      count: 0,
      share: 0,
      stated: true,
    });
    expect(r.track).toMatchObject({ inside: 2, outside: 1, unknown: 1, insideShare: 0.6667 });
    expect(r.track.distribution).toEqual([
      { value: 'consumer', count: 2, share: 0.5, stated: false },
      { value: 'quantum', count: 1, share: 0.25, stated: true },
      { value: 'robotics', count: 1, share: 0.25, stated: true },
    ]);
    expect(r.ticket).toMatchObject({
      inside: 1,
      below: 1,
      above: 1,
      outside: 2,
      unknown: 1,
      fromAmount: 1,
      fromAmountSought: 2,
    });
    expect(r.ticket.buckets.map((b) => [b.key, b.count, b.overlapsStated])).toEqual([
      ['<1m', 1, false],
      ['1m-5m', 1, true],
      ['5m-10m', 1, true],
      ['10m-30m', 0, false],
      ['30m-50m', 0, false],
      ['50m-100m', 0, false],
      ['100m+', 0, false],
    ]);
    expect(r.passReasons.total).toBe(2);
    expect(r.passReasons.byReason.filter((x) => x.count > 0).map((x) => [x.code, x.count])).toEqual([
      ['team', 1],
      ['valuation', 1],
    ]);
    expect(r.pipeline.find((p) => p.stage === 'passed')?.count).toBe(2);
    expect(r.byTermsVersion).toEqual([
      { termsVersion: 2, deals: 1 },
      { termsVersion: 1, deals: 5 },
    ]);
  });

  it('treats an empty stated set as “any” and has no shares without engaged deals', () => {
    const any = statedVsActual(
      { stages: [], tracks: [], ticketMin: 0, ticketMax: 10 * M },
      [fact({ projectStage: 'c' })],
      DEAL_STAGES,
    );
    expect(any.stage).toMatchObject({ statesAny: true, inside: 1, outside: 0, insideShare: 1 });
    expect(any.stage.distribution.every((e) => e.stated)).toBe(true);
    const none = statedVsActual(terms, [], DEAL_STAGES);
    expect(none.totals).toEqual({ deals: 0, engaged: 0, passed: 0 });
    expect(none.stage.insideShare).toBeNull();
    expect(none.track.distribution.map((e) => [e.value, e.count, e.share])).toEqual([
      ['quantum', 0, null],
      ['robotics', 0, null],
    ]);
  });

  it('puts range edges inside (inclusive) and bucket edges in the upper bucket', () => {
    const r = statedVsActual(terms, [fact({ amountSought: 1 * M }), fact({ amountSought: 5 * M })], DEAL_STAGES);
    expect(r.ticket).toMatchObject({ inside: 2, below: 0, above: 0 });
    expect(r.ticket.buckets.map((b) => b.count)).toEqual([0, 1, 1, 0, 0, 0, 0]);
  });
});
