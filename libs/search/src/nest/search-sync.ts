import type { DomainEvent } from '@app/platform';
import { SEARCH_SYNC_QUEUE } from '../search.events';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { SEARCH_INDEX_NAMES, SearchIndexName } from '../indexes';
import type { SearchEngine } from '../port';
import { UpdatedCursor } from './search-documents';
import { addEventRefs, emptyRefs, RefreshResult, refsSize, SearchRefs, SearchWriter, ZERO_UUID } from './search-writer';

export interface SearchSyncOptions {
  /** Wait this long after the first event of a batch for more (coalescing window). Default 25 ms. */
  windowMs?: number;
  /** Flush at once when this many deliveries wait (the processor's concurrency caps it anyway). Default 100. */
  maxBatch?: number;
  /** Catch-up re-reads from this long before the stored watermark (slow commits, clock skew). Default 60 s. */
  overlapMs?: number;
}

export interface SearchSyncStats {
  deliveries: number;
  flushes: number;
  entities: number;
  upserted: number;
  deleted: number;
}

/** `${prefix}:search-sync:watermark:<index>` holds `<ISO updated_at>|<id>` of the last synced row. */
export const watermarkKey = (prefix: string, index: SearchIndexName) => `${prefix}:search-sync:watermark:${index}`;

// Atomic "set if greater": ISO timestamps of one fixed format compare as strings.
const ADVANCE = `local cur = redis.call('GET', KEYS[1]) if (not cur) or cur < ARGV[1] then redis.call('SET', KEYS[1], ARGV[1]) return 1 end return 0`;

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Keeps an external engine (Meilisearch) in step with Postgres from the `search-sync` queue.
 *
 * Coalescing: each job hands its event to `deliver`, which parks it in a buffer; the buffer is flushed
 * after `windowMs`, when `maxBatch` deliveries wait, or — while a flush is running — as soon as it
 * ends. A flush collapses the entities named by all waiting events (ten quick edits of one project are
 * one id), reads each one's latest state once and writes each index once (one upsert, one delete).
 * Each job completes only when the flush that carries it succeeded; a failed flush fails every job in
 * it, and BullMQ retries them with backoff — nothing is acknowledged before it is written.
 *
 * Watermark: after each flush the highest `(updated_at, id)` written per index is stored in Redis; at
 * boot `catchUp` re-reads every row changed since (minus `overlapMs`), which covers whatever the queue
 * never delivered to this engine (for example while SEARCH_ENGINE was embedded). Catch-up pages run in
 * the same serial chain as flushes, so a catch-up read can never overwrite a newer event-driven write.
 */
export class SearchSync {
  readonly writer: SearchWriter;
  private pending: SearchRefs = emptyRefs();
  private waiters: Waiter[] = [];
  private timer?: NodeJS.Timeout;
  private chain: Promise<unknown> = Promise.resolve();
  private flushQueued = false;
  private readonly windowMs: number;
  private readonly maxBatch: number;
  private readonly overlapMs: number;
  readonly stats: SearchSyncStats = { deliveries: 0, flushes: 0, entities: 0, upserted: 0, deleted: 0 };

  constructor(
    dataSource: DataSource,
    readonly engine: SearchEngine,
    private readonly redis: Redis,
    private readonly prefix: string,
    options: SearchSyncOptions = {},
  ) {
    this.writer = new SearchWriter(dataSource, engine);
    this.windowMs = options.windowMs ?? 25;
    this.maxBatch = options.maxBatch ?? 100;
    this.overlapMs = options.overlapMs ?? 60_000;
  }

  /** Resolves once the entities named by `events` are written with their latest state. */
  deliver(events: readonly DomainEvent[]): Promise<void> {
    this.stats.deliveries += 1;
    if (!events.some(isSearchEvent)) return Promise.resolve();
    addEventRefs(this.pending, events);
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (this.waiters.length >= this.maxBatch) this.scheduleFlush(0);
      else this.scheduleFlush(this.windowMs);
    });
  }

  /** Applies the index settings (idempotent) and catches every index up from its watermark. */
  async start(): Promise<Record<SearchIndexName, number>> {
    await this.writer.applySettings();
    const read = {} as Record<SearchIndexName, number>;
    for (const name of SEARCH_INDEX_NAMES) read[name] = await this.catchUp(name);
    return read;
  }

  async watermark(index: SearchIndexName): Promise<UpdatedCursor | null> {
    const raw = await this.redis.get(watermarkKey(this.prefix, index));
    if (!raw) return null;
    const [at, id] = raw.split('|');
    return at && id ? { at, id } : null;
  }

  /** Re-reads rows of `index` changed since its watermark (all rows when there is none). */
  async catchUp(index: SearchIndexName): Promise<number> {
    const mark = await this.watermark(index);
    const from: UpdatedCursor = !mark
      ? { at: '1970-01-01T00:00:00.000Z', id: ZERO_UUID }
      : this.overlapMs > 0
        ? { at: new Date(Date.parse(mark.at) - this.overlapMs).toISOString(), id: ZERO_UUID }
        : mark;
    // One serial step: no event-driven flush interleaves with a catch-up read and write.
    return this.serial(() => this.writer.catchUp(index, from, (last) => this.advance(index, last)));
  }

  /** Waits for everything delivered so far to be written (tests, shutdown). */
  async drain(): Promise<void> {
    if (this.timer) this.flushNow();
    await this.chain.catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.drain();
  }

  private serial<T>(step: () => Promise<T>): Promise<T> {
    const run = this.chain.catch(() => undefined).then(step);
    this.chain = run;
    return run;
  }

  private scheduleFlush(delayMs: number): void {
    if (delayMs === 0) {
      this.flushNow();
      return;
    }
    this.timer ??= setTimeout(() => this.flushNow(), delayMs);
  }

  private flushNow(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    // One flush queued at a time: deliveries arriving while it waits for the running one join it.
    if (this.flushQueued) return;
    this.flushQueued = true;
    void this.serial(async () => {
      this.flushQueued = false;
      const refs = this.pending;
      const waiters = this.waiters;
      this.pending = emptyRefs();
      this.waiters = [];
      if (waiters.length === 0) return;
      try {
        const result = await this.writer.refresh(refs);
        await this.advanceAll(result);
        this.stats.flushes += 1;
        this.stats.entities += refsSize(refs);
        this.stats.upserted += Object.values(result.upserted).reduce((a, b) => a + b, 0);
        this.stats.deleted += Object.values(result.deleted).reduce((a, b) => a + b, 0);
        for (const w of waiters) w.resolve();
      } catch (error) {
        for (const w of waiters) w.reject(error as Error);
      }
    });
  }

  private async advanceAll(result: RefreshResult): Promise<void> {
    for (const [index, cursor] of Object.entries(result.highest) as [SearchIndexName, UpdatedCursor][]) {
      await this.advance(index, cursor);
    }
  }

  private async advance(index: SearchIndexName, cursor: UpdatedCursor): Promise<void> {
    await this.redis.eval(ADVANCE, 1, watermarkKey(this.prefix, index), `${cursor.at}|${cursor.id}`);
  }
}

export function isSearchEvent(e: DomainEvent): boolean {
  return SEARCH_SYNC_QUEUE.receives(e.type);
}
