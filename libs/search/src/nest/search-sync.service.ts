import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, REDIS, type AppConfig, type DomainEvent } from '@app/platform';
import { createSearchEngine } from '../factory';
import { searchEngineConfig } from './search.constants';
import { SearchSync } from './search-sync';

const CATCH_UP_RETRY_MS = 30_000;

/**
 * The worker's side of search: with SEARCH_ENGINE=meilisearch it owns every write to the server
 * (settings and watermark catch-up at boot, then the `search-sync` queue); with the embedded engine
 * the index lives in the API processes and this service does nothing.
 */
@Injectable()
export class SearchSyncService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SearchSyncService.name);
  readonly sync: SearchSync | null;
  private retry?: NodeJS.Timeout;
  private stopped = false;
  private started: Promise<void> = Promise.resolve();

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.sync =
      config.SEARCH_ENGINE === 'meilisearch'
        ? new SearchSync(dataSource, createSearchEngine(searchEngineConfig(config)), redis, config.QUEUE_PREFIX)
        : null;
  }

  get enabled(): boolean {
    return this.sync !== null;
  }

  onApplicationBootstrap(): void {
    // In the background: the worker's other queues must not wait for (or on) the search server.
    if (this.sync) this.started = this.catchUp();
  }

  /** Resolves when the events' entities are written (jobs complete only then). */
  deliver(events: readonly DomainEvent[]): Promise<void> {
    return this.sync ? this.sync.deliver(events) : Promise.resolve();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    if (!this.sync) return;
    await this.started.catch(() => undefined);
    await this.sync.close();
    await this.sync.engine.close();
  }

  private async catchUp(): Promise<void> {
    const sync = this.sync!;
    const started = performance.now();
    try {
      // The shared client fails fast while it is not connected: give it a moment at boot.
      if (this.redis.status !== 'ready') {
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(done, 10_000);
          this.redis.once('ready', done);
        });
      }
      const read = await sync.start();
      this.logger.log(
        { engine: sync.engine.kind, read, ms: Math.round(performance.now() - started) },
        'search caught up from watermarks',
      );
    } catch (error) {
      this.logger.error(
        { err: (error as Error).message, retryInMs: CATCH_UP_RETRY_MS },
        'search catch-up failed; will retry',
      );
      if (!this.stopped) {
        this.retry = setTimeout(() => {
          this.started = this.catchUp();
        }, CATCH_UP_RETRY_MS);
        this.retry.unref();
      }
    }
  }
}
