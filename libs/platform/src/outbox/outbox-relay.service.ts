import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { OUTBOX_CHANNEL } from '../database/unit-of-work';
import { ReadinessRegistry } from '../health/readiness';
import { QueueRegistry } from '../queue/queue.module';
import { DEFAULT_JOB_OPTIONS } from '../queue/queues';
import { failFastRedisOptions } from '../queue/redis-options';
import { OutboxRelay, redisSentinelKey } from './outbox-relay';

/**
 * Runs the relay in the worker: wakes on Postgres NOTIFY (sub-second delivery) and polls as a
 * safety net, so a lost notification or a Redis outage only delays events.
 *
 * Redis keeps nothing on disk, and a FLUSHALL drops jobs the relay already marked dispatched
 * without breaking any connection. Every `PROJECTION_CHECK_MS` the service looks for its sentinel
 * key; when it is gone (or at boot on a new Redis) the rows dispatched within
 * `OUTBOX_REDELIVER_WINDOW_MS` are re-delivered, then the sentinel is set again. Readiness reports
 * the relay's backlog (`outbox`: pending events, age of the oldest, Redis losses seen).
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private relay?: OutboxRelay;
  private producers = new Map<string, Queue>();
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private wakeRequested = false;
  private stopped = false;
  private sentinel?: Redis;
  private sentinelTimer?: NodeJS.Timeout;
  private checking?: Promise<void>;
  private redisResets = 0;
  private lastRedelivered = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: QueueRegistry,
    private readonly readiness: ReadinessRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // After every module's init: the registry holds the queues this process composed. Producers fail
    // at once while Redis is down, so rows stay pending and are retried from Postgres instead of
    // piling up in an in-memory offline queue.
    const { config } = this;
    this.producers = new Map(
      this.registry.queues.map(({ name }) => {
        const queue = new Queue(name, {
          connection: failFastRedisOptions(config.REDIS_URL),
          prefix: config.QUEUE_PREFIX,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        });
        queue.on('error', () => undefined); // outages are reported by the relay's failed passes
        return [name, queue];
      }),
    );
    this.relay = new OutboxRelay(this.dataSource, this.producers, (type) => this.registry.routesOf(type));
    this.logger.log(
      { queues: Object.fromEntries(this.registry.queues.map((q) => [q.name, q.events])) },
      'outbox relay routes',
    );
    this.readiness.register({
      name: 'outbox',
      check: async () => {
        const backlog = await this.relay!.backlog();
        // Reported, never failing: a backlog is the relay catching up, not this process being broken.
        return {
          ok: true,
          info: { ...backlog, redisResets: this.redisResets, lastRedelivered: this.lastRedelivered },
        };
      },
    });
    await this.listen();
    this.sentinel = new Redis(failFastRedisOptions(config.REDIS_URL));
    this.sentinel.on('error', () => undefined); // an outage shows as failed checks and relay passes
    await this.checkSentinel();
    this.sentinelTimer = setInterval(() => {
      this.checking ??= this.checkSentinel().finally(() => (this.checking = undefined));
    }, config.PROJECTION_CHECK_MS);
    this.schedule(0);
  }

  /**
   * Finds out whether Redis lost its keys since the last look; if so re-delivers the recent window
   * before setting the sentinel again (a crash in between only makes the next look do it again).
   */
  async checkSentinel(): Promise<void> {
    const key = redisSentinelKey(this.config.QUEUE_PREFIX);
    try {
      if ((await this.sentinel!.exists(key)) === 1) return;
      const windowMs = this.config.OUTBOX_REDELIVER_WINDOW_MS;
      const redelivered = await this.relay!.redeliverSince(windowMs);
      await this.sentinel!.set(key, new Date().toISOString());
      this.redisResets++;
      this.lastRedelivered = redelivered;
      if (redelivered > 0) {
        this.logger.warn(
          { redelivered, windowMs },
          `Redis lost its keys (sentinel missing): re-delivering ${redelivered} event(s) dispatched in the window`,
        );
        this.wake();
      }
    } catch (err) {
      // Redis (or Postgres) unreachable: the next look retries; the relay reports the outage itself.
      this.logger.debug(`sentinel check failed: ${(err as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.sentinelTimer);
    await this.checking;
    await this.running;
    this.sentinel?.disconnect();
    await this.listener?.end().catch(() => undefined);
    await Promise.all([...this.producers.values()].map((q) => q.close().catch(() => undefined)));
  }

  private listening = false;
  private listenerDown = false;

  private async listen(): Promise<void> {
    if (this.listening || this.stopped) return;
    this.listening = true;
    try {
      await this.connectListener();
    } finally {
      this.listening = false;
    }
  }

  private async connectListener(): Promise<void> {
    const client = new Client({ connectionString: this.config.DATABASE_URL, application_name: 'tourong-outbox-listener' });
    client.on('notification', () => this.wake());
    const lost = (reason: string) => {
      if (this.listener !== client) return;
      this.listener = undefined;
      this.listenerDown = true;
      this.logger.warn(`outbox listener lost (${reason}); polling continues and listens again`);
    };
    client.on('error', (err) => lost(err.message));
    client.on('end', () => lost('connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = client;
      if (this.listenerDown) this.logger.log('outbox listener back');
      this.listenerDown = false;
    } catch (err) {
      await client.end().catch(() => undefined);
      // Said once per outage, not on every pass.
      if (!this.listenerDown) this.logger.warn(`outbox listener unavailable (${(err as Error).message}); polling only`);
      this.listenerDown = true;
    }
  }

  private wake(): void {
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.pass().finally(() => {
        this.running = undefined;
        const again = this.wakeRequested;
        this.wakeRequested = false;
        this.schedule(again ? 0 : this.config.OUTBOX_POLL_MS);
      });
    }, delayMs);
  }

  private async pass(): Promise<void> {
    // A Postgres restart ends the LISTEN session: polling carries on, and each pass tries to listen again.
    if (!this.listener) await this.listen();
    try {
      const result = await this.relay!.drain();
      if (result.dispatched) this.logger.debug(`relayed ${result.dispatched} event(s)`);
      if (result.failed)
        this.logger.warn(
          { failed: result.failed, reason: result.error },
          `could not enqueue ${result.failed} event(s); will retry (${result.error ?? 'unknown error'})`,
        );
    } catch (err) {
      this.logger.error(`outbox pass failed: ${(err as Error).message}`);
    }
  }
}
