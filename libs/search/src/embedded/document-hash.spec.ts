import { documentHash } from './store';

/** An index image reuses a stored document's postings only when its content hash is unchanged. */
describe('documentHash', () => {
  const base = { id: 'p-1', title: '碳化硅功率器件', keywords: ['国产替代'], amountSought: 9_000_000, listed: true };

  it('is the same for the same content and differs for any changed value', () => {
    expect(documentHash({ ...base })).toBe(documentHash({ ...base, keywords: ['国产替代'] }));
    const variants = [
      { ...base, title: '碳化硅功率器件 ' },
      { ...base, keywords: ['国产替代', '车规'] },
      { ...base, amountSought: 9_000_001 },
      { ...base, amountSought: '9000000' },
      { ...base, listed: false },
      { ...base, amountSought: null },
    ];
    const hashes = new Set([documentHash(base), ...variants.map((d) => documentHash(d as never))]);
    expect(hashes.size).toBe(variants.length + 1);
  });

  it('tells documents apart whose only difference is a date', () => {
    const a = { ...base, publishedAt: new Date('2026-12-01T00:00:00Z') };
    const b = { ...base, publishedAt: new Date('2026-12-02T00:00:00Z') };
    expect(documentHash(a as never)).not.toBe(documentHash(b as never));
    expect(documentHash(a as never)).toBe(documentHash({ ...a, publishedAt: new Date(a.publishedAt) } as never));
  });
});
