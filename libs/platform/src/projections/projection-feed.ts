import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import type { DomainEvent, EventJob } from '../outbox/events';
import { redisOptionsFromUrl } from '../queue/redis-options';

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

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

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
        this.pending.push(JSON.parse(message) as EventJob);
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
  }

  /** Resolves once every batch received so far has been applied (tests, shutdown). */
  async drain(): Promise<void> {
    if (this.timer) this.flush();
    await this.chain;
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
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
