import { DocumentArena } from './document-arena';

/** The arena gives back exactly the documents put in (as fresh copies), across chunk boundaries. */
describe('DocumentArena', () => {
  const doc = (i: number) => ({
    id: `p-${i}`,
    title: `碳化硅功率器件 ${i} · SiC ＭＯＳＦＥＴ 😀`,
    pitch: '研发团队来自高校。'.repeat(i % 50),
    keywords: ['国产替代', `k${i}`],
    regionCode: i % 3 ? '320211' : null,
    amountSought: i % 4 ? 123_456_789_012 + i : null,
    publishedAt: 1_764_806_400_000 + i,
    nested: { ok: i % 2 === 0, list: [1.5, -2, 0] },
  });

  it('returns every document equal to what was stored, also past the first chunk', () => {
    const arena = new DocumentArena<ReturnType<typeof doc>>();
    const docs = Array.from({ length: 12_000 }, (_, i) => doc(i));
    for (const d of docs) arena.push(d);
    const big = { ...doc(99_999), pitch: '长'.repeat(3_000_000) }; // larger than the largest chunk
    const n = arena.push(big);
    expect(arena.length).toBe(docs.length + 1);
    expect(arena.byteLength()).toBeGreaterThan(4 << 20);
    for (let i = 0; i < docs.length; i++) expect(arena.get(i)).toEqual(docs[i]);
    expect(arena.get(n)).toEqual(big);
  });

  it('keeps key order and leaves out undefined values, across shapes and past the shape limit', () => {
    const arena = new DocumentArena<Record<string, unknown>>();
    const docs: Record<string, unknown>[] = [
      { id: 'a', title: '一', gone: undefined, tags: [] },
      { title: '二', id: 'b' },
      JSON.parse('{"id":"c","__proto__":{"x":1}}') as Record<string, unknown>,
      ...Array.from({ length: 1100 }, (_, i) => ({ id: `s${i}`, [`field${i}`]: i })),
    ];
    for (const d of docs) arena.push(d);
    docs.forEach((d, i) => {
      const back = arena.get(i)!;
      expect(back).toEqual(JSON.parse(JSON.stringify(d)));
      expect(Object.keys(back)).toEqual(Object.keys(JSON.parse(JSON.stringify(d))));
    });
    expect(Object.getPrototypeOf(arena.get(2))).toBe(Object.prototype);
  });

  it('hands out fresh copies, keeps reserved numbers empty until set, and clears', () => {
    const arena = new DocumentArena<ReturnType<typeof doc>>();
    arena.reserve(3);
    expect([arena.has(0), arena.get(1)]).toEqual([false, undefined]);
    arena.set(1, doc(1));
    const copy = arena.get(1)!;
    copy.keywords.push('changed');
    copy.title = 'changed';
    expect(arena.get(1)).toEqual(doc(1));
    arena.clear(1);
    expect([arena.has(1), arena.get(1), arena.length]).toEqual([false, undefined, 3]);
    expect(arena.push(doc(7))).toBe(3);
  });
});
