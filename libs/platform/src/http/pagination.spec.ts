import { DomainError } from '../errors/domain-error';
import { decodeCursor, encodeCursor, toPage } from './pagination';

describe('cursor pagination', () => {
  it('round-trips a keyset cursor', () => {
    const cursor = encodeCursor(['2026-11-23T00:00:00.000Z', 'a1b2']);
    expect(decodeCursor(cursor, 2)).toEqual(['2026-11-23T00:00:00.000Z', 'a1b2']);
  });

  it.each(['not-base64!', encodeCursor(['only-one']), Buffer.from('{"a":1}').toString('base64url'), ''])(
    'rejects a tampered cursor %p with INVALID_CURSOR',
    (cursor) => {
      expect(() => decodeCursor(cursor, 2)).toThrow(DomainError);
      try {
        decodeCursor(cursor, 2);
      } catch (e) {
        expect((e as DomainError).code).toBe('INVALID_CURSOR');
      }
    },
  );

  it('returns a next cursor only when more rows exist', () => {
    const rows = [1, 2, 3].map((n) => ({ id: `p${n}`, score: 100 - n }));
    const page = toPage(rows, 2, (r) => [r.score, r.id]);
    expect(page.items.map((r) => r.id)).toEqual(['p1', 'p2']);
    expect(decodeCursor(page.nextCursor!, 2)).toEqual([98, 'p2']);
    expect(toPage(rows, 3, (r) => [r.id]).nextCursor).toBeNull();
  });
});
