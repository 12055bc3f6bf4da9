import { retryDelayMs } from './outbox-relay';

describe('outbox retry delay', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([0, 1, 2, 3].map((a) => retryDelayMs(a, 500, 60_000))).toEqual([500, 1000, 2000, 4000]);
    expect(retryDelayMs(12, 500, 60_000)).toBe(60_000);
    expect(retryDelayMs(1000, 500, 60_000)).toBe(60_000);
  });
});
