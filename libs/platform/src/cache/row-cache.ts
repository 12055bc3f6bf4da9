import { LRUCache } from 'lru-cache';

/**
 * A read-through cache of rows that the writes of this process invalidate: bounded (LRU), keyed, and
 * safe against the one race that would make it stale — a read that started before a write committed
 * and finished after its invalidation. Every invalidation bumps a generation; a load that saw the
 * generation move is returned to its caller but not stored. Writers call `invalidate` after their
 * transaction committed (and before they answer), so the next request reads the new row.
 *
 * Concurrent misses of one key share one load (50 connections arriving with a cold cache read once).
 * `keep` decides which loaded values are stored (default: anything but `undefined`).
 */
export class RowCache<K extends string, V> {
  private generation = 0;
  private readonly entries: LRUCache<K, { value: V }>;
  private readonly loading = new Map<K, { generation: number; promise: Promise<V> }>();

  constructor(options: { max: number; ttlMs?: number }) {
    this.entries = new LRUCache<K, { value: V }>({
      max: options.max,
      ...(options.ttlMs ? { ttl: options.ttlMs } : {}),
    });
  }

  /** The cached value of `key`, else `load()`'s (stored unless an invalidation raced with it). */
  get(key: K, load: () => Promise<V>, keep: (value: V) => boolean = (v) => v !== undefined): Promise<V> {
    const hit = this.entries.get(key);
    if (hit) return Promise.resolve(hit.value);
    const generation = this.generation;
    const inflight = this.loading.get(key);
    if (inflight && inflight.generation === generation) return inflight.promise;
    const promise = load().then(
      (value) => {
        if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
        if (generation === this.generation && keep(value)) this.entries.set(key, { value });
        return value;
      },
      (error: unknown) => {
        if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
        throw error;
      },
    );
    this.loading.set(key, { generation, promise });
    return promise;
  }

  /** Drops `key` (or every entry) and voids loads in flight. */
  invalidate(key?: K): void {
    this.generation++;
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }

  /** Drops every entry whose key satisfies `match` (e.g. all sessions of one user). */
  invalidateWhere(match: (key: K, value: V) => boolean): void {
    this.generation++;
    for (const [key, entry] of this.entries.entries()) if (match(key, entry.value)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
