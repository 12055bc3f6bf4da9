import { RowCache } from './row-cache';

/** A load the test resolves by hand, so interleavings are explicit rather than timed. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('RowCache', () => {
  it('reads once, then serves the stored row until invalidated', async () => {
    const cache = new RowCache<string, { role: string }>({ max: 10 });
    let reads = 0;
    const load = async () => ({ role: ++reads === 1 ? 'admin' : 'member' });
    await expect(cache.get('s1', load)).resolves.toEqual({ role: 'admin' });
    await expect(cache.get('s1', load)).resolves.toEqual({ role: 'admin' });
    expect(reads).toBe(1);
    cache.invalidate('s1');
    await expect(cache.get('s1', load)).resolves.toEqual({ role: 'member' });
    expect(reads).toBe(2);
  });

  it('does not store a read that an invalidation overtook (the row it saw may predate the write)', async () => {
    const cache = new RowCache<string, string>({ max: 10 });
    const slow = deferred<string>();
    const before = cache.get('s1', () => slow.promise);
    cache.invalidate(); // the write commits while the read is in flight
    slow.resolve('role before the write');
    await expect(before).resolves.toBe('role before the write');
    await expect(cache.get('s1', async () => 'role after the write')).resolves.toBe('role after the write');
  });

  it('shares one load between concurrent misses, and keeps only what `keep` accepts', async () => {
    const cache = new RowCache<string, string | undefined>({ max: 10 });
    const gate = deferred<string | undefined>();
    let reads = 0;
    const load = () => {
      reads++;
      return gate.promise;
    };
    const all = Promise.all([cache.get('k', load), cache.get('k', load), cache.get('k', load)]);
    gate.resolve(undefined);
    await expect(all).resolves.toEqual([undefined, undefined, undefined]);
    expect(reads).toBe(1);
    // undefined was not kept: the next get reads again.
    await expect(cache.get('k', async () => 'found')).resolves.toBe('found');
    expect(cache.size).toBe(1);
    await expect(
      cache.get(
        'x',
        async () => 'revoked',
        (v) => v !== 'revoked',
      ),
    ).resolves.toBe('revoked');
    expect(cache.size).toBe(1);
  });

  it('a failed load is not stored and does not block the next one', async () => {
    const cache = new RowCache<string, string>({ max: 10 });
    await expect(cache.get('k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    await expect(cache.get('k', async () => 'row')).resolves.toBe('row');
  });
});
