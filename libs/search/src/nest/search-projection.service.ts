import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  ProjectionFeed,
  ReadinessRegistry,
  type AppConfig,
  type DomainEvent,
  type ProjectionConsumer,
} from '@app/platform';
import type { RebuildResult, SearchEngine } from '../port';
import { SEARCH_ENGINE } from './search.constants';
import { addEventRefs, emptyRefs, refsSize, SearchWriter } from './search-writer';

/**
 * The API side of search.
 * - Embedded engine: this process's index is built at boot from Postgres and then follows the
 *   projection feed like the matching snapshot (a project event re-reads the project, a company
 *   event re-reads the company and its projects, a mandate event the mandate); after a feed gap or a
 *   failed apply it rebuilds every index in a shadow and swaps.
 * - Meilisearch: settings are applied (idempotently) at boot; the worker writes, the API only queries.
 */
@Injectable()
export class SearchProjection
  implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown, ProjectionConsumer
{
  readonly name = 'search-index';
  private readonly logger = new Logger(SearchProjection.name);
  readonly writer: SearchWriter;
  /** Rebuilds run one at a time (boot, resync, admin reindex). */
  private rebuilding: Promise<unknown> = Promise.resolve();
  private ready = false;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly feed: ProjectionFeed,
    private readonly readiness: ReadinessRegistry,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.writer = new SearchWriter(dataSource, engine, config.SEARCH_INDEX_CACHE_DIR);
  }

  /** False until the embedded index has been built once (queries before that see an empty index). */
  get isReady(): boolean {
    return this.ready;
  }

  /**
   * Registered before the boot build (and before consumers that register at bootstrap, like the
   * matching snapshot): the feed applies consumers one after another, and this apply is the cheaper
   * one. Events applied before the build are harmless: the build reads Postgres afterwards, and
   * writes during it are carried into the new copy.
   */
  /** The embedded boot build, started at module init (beside the matching snapshot's) and awaited at bootstrap. */
  private booting: Promise<unknown> = Promise.resolve();

  onModuleInit(): void {
    if (this.engine.kind === 'embedded') {
      this.feed.register(this);
      this.booting = this.rebuildAll('boot');
      this.booting.catch(() => undefined); // surfaced by onApplicationBootstrap
    }
    // A search server down makes the API not ready (an embedded index is ready once built).
    this.readiness.register({
      name: 'search',
      check: async () => {
        if (this.engine.kind === 'embedded')
          return {
            ok: this.ready,
            detail: 'index not built yet',
            // Documents read so far per index, and how many were reused from an image.
            info: { documentsRead: { ...this.writer.documentsRead }, images: { ...this.writer.imageStats } },
          };
        const h = await this.engine.health();
        return { ok: h.ok, detail: h.detail };
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.engine.kind === 'embedded') {
      await this.booting;
      return;
    }
    const started = performance.now();
    try {
      await this.writer.applySettings();
      this.ready = true;
      this.logger.log(
        { engine: this.engine.kind, ms: Math.round(performance.now() - started) },
        'search settings applied',
      );
    } catch (error) {
      // Search being down must not keep the API from starting: queries answer 503 until it is back.
      this.logger.error(
        { engine: this.engine.kind, err: (error as Error).message },
        'search settings not applied at boot',
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rebuilding.catch(() => undefined);
    await this.engine.close();
  }

  async apply(events: readonly DomainEvent[]): Promise<void> {
    if (this.engine.kind !== 'embedded') return;
    const refs = addEventRefs(emptyRefs(), events);
    if (refsSize(refs) === 0) return;
    await this.writer.refresh(refs);
  }

  async resync(): Promise<void> {
    if (this.engine.kind !== 'embedded') return;
    await this.rebuildAll('resync');
  }

  /** Rebuilds every index into a shadow and swaps it in (embedded: this process; Meilisearch: the server). */
  rebuildAll(reason: 'boot' | 'resync' | 'reindex'): Promise<RebuildResult[]> {
    const run = this.rebuilding
      .catch(() => undefined)
      .then(async () => {
        const started = performance.now();
        const results = await this.writer.rebuildAll();
        this.ready = true;
        const documents = Object.fromEntries(results.map((r) => [r.index, r.documents]));
        this.logger.log(
          {
            reason,
            engine: this.engine.kind,
            documents,
            images: this.writer.imageStats,
            ms: Math.round(performance.now() - started),
          },
          'search indexes built',
        );
        return results;
      });
    this.rebuilding = run;
    return run;
  }
}
