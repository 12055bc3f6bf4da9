import { DomainError } from '../errors/domain-error';
import { decodeCursor, encodeCursor, toPage } from './pagination';

describe('cursor pagination', () => {
  it('round-trips a keyset cursor', () => {
    const id = '0b8dbb29-b0d8-4030-9f8c-ce2e06d19cd8';
    const cursor = encodeCursor(['2026-11-23T00:00:00.000Z', id]);
    expect(decodeCursor(cursor, ['timestamp', 'uuid'])).toEqual(['2026-11-23T00:00:00.000Z', id]);
  });

  it.each([
    'not-base64!',
    encodeCursor(['only-one']),
    Buffer.from('{"a":1}').toString('base64url'),
    '',
    encodeCursor(['2024-01-01T00:00:00.000Z', 'nope']),
    encodeCursor(['1', '0b8dbb29-b0d8-4030-9f8c-ce2e06d19cd8']),
    encodeCursor(['2024-01-01T00:00:00.000Z', 5]),
    encodeCursor(['2024-02-30T00:00:00.000Z', '0b8dbb29-b0d8-4030-9f8c-ce2e06d19cd8']),
  ])('rejects a tampered cursor %p with INVALID_CURSOR', (cursor) => {
    expect(() => decodeCursor(cursor, ['timestamp', 'uuid'])).toThrow(DomainError);
    try {
      decodeCursor(cursor, ['timestamp', 'uuid']);
    } catch (e) {
      expect((e as DomainError).code).toBe('INVALID_CURSOR');
    }
  });

  it('returns a next cursor only when more rows exist', () => {
    const rows = [1, 2, 3].map((n) => ({ id: `p${n}`, score: 100 - n }));
    const page = toPage(rows, 2, (r) => [r.score, r.id]);
    expect(page.items.map((r) => r.id)).toEqual(['p1', 'p2']);
    expect(decodeCursor(page.nextCursor!, ['number', 'string'])).toEqual([98, 'p2']);
    expect(toPage(rows, 3, (r) => [r.id]).nextCursor).toBeNull();
  });
});
