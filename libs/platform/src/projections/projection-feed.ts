import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { ReadinessRegistry } from '../health/readiness';
import type { DomainEvent, EventJob } from '../outbox/events';
import { redisSentinelKey } from '../outbox/outbox-relay';
import { failFastRedisOptions, redisOptionsFromUrl } from '../queue/redis-options';
import { SequenceTracker } from './sequence-tracker';

/** Redis pub/sub channel the worker's `projections` processor broadcasts committed events on. */
export const projectionChannel = (queuePrefix: string) => `${queuePrefix}:projections`;

export interface ProjectionConsumer {
  /** Short name for logs. */
  readonly name: string;
  /** A batch of committed events (already de-duplicated by event id). */
  apply(events: readonly DomainEvent[]): Promise<void>;
  /**
   * The feed (re)connected after a gap in which broadcasts may have been missed: catch up from
   * Postgres (e.g. rows whose `updated_at` passed the consumer's watermark).
   */
  resync(reason: 'reconnected'): Promise<void>;
}

/**
 * In-process read models (the matching snapshot, the embedded search index) live in every API
 * process, so a BullMQ job — delivered to one consumer — cannot feed them. The worker's
 * `projections` queue turns each committed event into a pub/sub broadcast; this feed subscribes,
 * batches what arrives within `batchMs`, and hands each batch to every registered consumer in order.
 * Pub/sub forgets messages sent while a subscriber is away, so every reconnect triggers `resync`.
 *
 * A Redis that loses its keys (FLUSHALL) drops queued broadcasts without dropping the connection,
 * so the feed also checks for gaps: every event carries its outbox sequence, and every
 * `PROJECTION_CHECK_MS` the feed reviews the outbox rows above its watermark (SequenceTracker). A
 * row dispatched more than `PROJECTION_GAP_GRACE_MS` ago and never received is read from the table
 * and applied like a broadcast (consumers are idempotent: they re-read by id); when the worker's
 * Redis sentinel changes (a flush), the next review does not wait for the grace. The watermark is
 * kept in memory because the read models are: a restarted process rebuilds them from Postgres and
 * starts from the outbox head. Readiness reports `projections` with `behind` (events) and
 * `lagSeconds`; lag makes the answer say `degraded: true`, never 503 (see docs/architecture.md).
 */
@Injectable()
export class ProjectionFeed implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ProjectionFeed.name);
  private readonly consumers: ProjectionConsumer[] = [];
  private subscriber?: Redis;
  private pending: EventJob[] = [];
  private timer?: NodeJS.Timeout;
  private chain: Promise<void> = Promise.resolve();
  private connectedOnce = false;
  private readonly batchMs = 20;
  private tracker?: SequenceTracker;
  private probe?: Redis;
  private sentinelValue: string | null | undefined = undefined;
  private reviewTimer?: NodeJS.Timeout;
  private reviewing?: Promise<void>;
  private lastReview = { behind: 0, lagSeconds: 0, head: 0, at: 0 };
  private caughtUp = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @InjectDataSource() private readonly dataSource?: DataSource,
    @Optional() private readonly readiness?: ReadinessRegistry,
  ) {}

  register(consumer: ProjectionConsumer): void {
    this.consumers.push(consumer);
  }

  async onModuleInit(): Promise<void> {
    const channel = projectionChannel(this.config.QUEUE_PREFIX);
    const sub = new Redis({ ...redisOptionsFromUrl(this.config.REDIS_URL), maxRetriesPerRequest: null });
    this.subscriber = sub;
    sub.on('error', () => undefined); // reconnects forever; readiness reports Redis outages
    sub.on('ready', () => {
      if (this.connectedOnce) this.enqueue(() => this.resyncAll());
      this.connectedOnce = true;
    });
    sub.on('message', (_channel: string, message: string) => {
      try {
        const job = JSON.parse(message) as EventJob;
        this.pending.push(job);
        if (typeof job.seq === 'number') this.tracker?.saw(job.seq);
      } catch {
        this.logger.warn({ channel }, 'ignored a malformed projection message');
        return;
      }
      this.timer ??= setTimeout(() => this.flush(), this.batchMs);
    });
    // ioredis re-subscribes after a reconnect by itself (autoResubscribe).
    await sub.subscribe(channel).catch((error: Error) => {
      this.logger.warn({ err: error.message }, 'projection feed not subscribed yet; will retry on reconnect');
    });
    if (this.dataSource) await this.startGapChecks(this.dataSource);
  }

  /** What readiness shows: how far this process's read models are behind the outbox. */
  lag(): { behind: number; lagSeconds: number; watermark: number; head: number; caughtUp: number } {
    return {
      behind: this.lastReview.behind,
      lagSeconds: this.lastReview.lagSeconds,
      watermark: this.tracker?.watermark ?? 0,
      head: this.lastReview.head,
      caughtUp: this.caughtUp,
    };
  }

  private async startGapChecks(dataSource: DataSource): Promise<void> {
    // Everything up to the head is in the read models' boot build (which reads Postgres after this).
    const [{ head }] = (await dataSource.query(
      'SELECT COALESCE(max(seq), 0)::bigint AS head FROM outbox_events',
    )) as { head: string }[];
    this.tracker = new SequenceTracker(Number(head));
    this.lastReview = { behind: 0, lagSeconds: 0, head: Number(head), at: Date.now() };
    this.probe = new Redis(failFastRedisOptions(this.config.REDIS_URL));
    this.probe.on('error', () => undefined);
    this.readiness?.register({
      name: 'projections',
      check: async () => {
        const lag = this.lag();
        const degraded = lag.behind > 0 && lag.lagSeconds * 1000 > this.config.PROJECTION_GAP_GRACE_MS;
        const checkedSecondsAgo = Math.round((Date.now() - this.lastReview.at) / 100) / 10;
        // Reported, not failing: a lagging read model still answers, and a 503 from every API replica
        // at once (they all lag together after a flush) would take the whole service away.
        return { ok: true, info: { ...lag, degraded, checkedSecondsAgo } };
      },
    });
    this.reviewTimer = setInterval(() => {
      this.reviewing ??= this.reviewGaps(dataSource).finally(() => (this.reviewing = undefined));
    }, this.config.PROJECTION_CHECK_MS);
  }

  /** One look at the outbox above the watermark; applies what was lost in Redis. Public for tests. */
  async reviewGaps(dataSource: DataSource): Promise<void> {
    const tracker = this.tracker;
    if (!tracker) return;
    try {
      const flushed = await this.sentinelChanged();
      const graceMs = flushed ? 0 : this.config.PROJECTION_GAP_GRACE_MS;
      const rows = (await dataSource.query(
        `SELECT seq, id, payload, created_at,
                (dispatched_at IS NOT NULL AND dispatched_at <= now() - make_interval(secs => $2::float / 1000)) AS overdue,
                EXTRACT(EPOCH FROM now() - created_at) * 1000 AS age_ms
           FROM outbox_events WHERE seq > $1 ORDER BY seq LIMIT 2000`,
        [tracker.watermark, graceMs],
      )) as { seq: string; id: string; payload: DomainEvent; created_at: Date; overdue: boolean; age_ms: number }[];
      const reviewed = rows.map((r) => ({ seq: Number(r.seq), overdue: r.overdue, ageMs: Number(r.age_ms) }));
      const review = tracker.review(reviewed, Date.now());
      const head = reviewed.length ? reviewed[reviewed.length - 1].seq : tracker.watermark;
      this.lastReview = {
        behind: review.behind,
        lagSeconds: Math.round(review.lagMs / 100) / 10,
        head: Math.max(head, this.lastReview.head),
        at: Date.now(),
      };
      if (review.missed.length === 0) return;
      const missed = new Set(review.missed);
      for (const r of rows) {
        if (!missed.has(Number(r.seq))) continue;
        this.pending.push({
          eventId: r.id,
          seq: Number(r.seq),
          occurredAt: new Date(r.created_at).toISOString(),
          event: r.payload,
        });
      }
      this.caughtUp += missed.size;
      this.logger.warn(
        { missed: missed.size, flushed, watermark: review.watermark },
        `projection feed never received ${missed.size} dispatched event(s): applied from the outbox`,
      );
      this.flush();
    } catch (err) {
      // Postgres or Redis away: the next review tries again; readiness shows how old this one is.
      this.logger.debug(`projection gap review failed: ${(err as Error).message}`);
    }
  }

  /** True when the worker's Redis sentinel disappeared or was set anew since the last look. */
  private async sentinelChanged(): Promise<boolean> {
    let value: string | null;
    try {
      value = await this.probe!.get(redisSentinelKey(this.config.QUEUE_PREFIX));
    } catch {
      return false;
    }
    const before = this.sentinelValue;
    this.sentinelValue = value;
    return before !== undefined && before !== value;
  }

  /** Resolves once every batch received so far has been applied (tests, shutdown). */
  async drain(): Promise<void> {
    if (this.timer) this.flush();
    await this.chain;
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    clearInterval(this.reviewTimer);
    await this.reviewing;
    this.probe?.disconnect();
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
    await this.chain;
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const seen = new Set<string>();
    const batch: DomainEvent[] = [];
    for (const job of this.pending) {
      if (seen.has(job.eventId)) continue;
      seen.add(job.eventId);
      batch.push(job.event);
    }
    this.pending = [];
    if (batch.length > 0) this.enqueue(() => this.applyAll(batch));
  }

  private enqueue(step: () => Promise<void>): void {
    this.chain = this.chain.then(step);
  }

  private async applyAll(batch: DomainEvent[]): Promise<void> {
    for (const c of this.consumers) {
      try {
        await c.apply(batch);
      } catch (error) {
        // A failed apply must not stall the feed: the consumer catches up on its next resync.
        this.logger.error({ consumer: c.name, err: (error as Error).message }, 'projection apply failed; resyncing');
        await c
          .resync('reconnected')
          .catch((e: Error) => this.logger.error({ consumer: c.name, err: e.message }, 'projection resync failed'));
      }
    }
  }

  private async resyncAll(): Promise<void> {
    for (const c of this.consumers) {
      await c
        .resync('reconnected')
        .catch((e: Error) => this.logger.error({ consumer: c.name, err: e.message }, 'projection resync failed'));
    }
  }
}
