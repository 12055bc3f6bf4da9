import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ProjectionFeed, type DomainEvent, type ProjectionConsumer } from '@app/platform';
import { MandateDirectory, MandatesService, type MandateEntity } from '@app/funds';
import { compileMandate, EngineInputError, type CompiledMandate } from '../engine';
import { toEngineMandate } from './engine-mandate';

const PAGE = 1000;

export interface SnapshotMandate {
  mandate: Readonly<MandateEntity>;
  compiled: CompiledMandate;
}

/**
 * This process's snapshot of every active, discoverable mandate, compiled once for the engine (what
 * founders' investor matches score against: no per-request read, no cap). Loaded at boot by keyset
 * pages; mandate writes in this process mark the mandate dirty (re-read before the next answer), and
 * `funds.mandate_changed` on the projection feed carries other processes' writes; a feed gap reloads.
 */
@Injectable()
export class MandateSnapshotService implements OnApplicationBootstrap, OnModuleDestroy, ProjectionConsumer {
  readonly name = 'matching-mandates';
  private readonly logger = new Logger(MandateSnapshotService.name);
  private byId = new Map<string, SnapshotMandate>();
  private readonly dirty = new Set<string>();
  private unsubscribe?: () => void;
  /** Bumped by every change. */
  version = 0;

  constructor(
    private readonly directory: MandateDirectory,
    private readonly mandates: MandatesService,
    private readonly feed: ProjectionFeed,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.unsubscribe = this.mandates.onChange((id) => this.dirty.add(id));
    this.feed.register(this);
    await this.reload();
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  async apply(events: readonly DomainEvent[]): Promise<void> {
    const ids = events.flatMap((e) => (e.type === 'funds.mandate_changed' ? [e.mandateId] : []));
    if (ids.length > 0) await this.refresh(ids);
  }

  async resync(): Promise<void> {
    await this.reload();
  }

  /** Every discoverable mandate, up to date with this process's own writes. */
  async all(): Promise<readonly SnapshotMandate[]> {
    if (this.dirty.size > 0) {
      const ids = [...this.dirty];
      this.dirty.clear();
      await this.refresh(ids);
    }
    return [...this.byId.values()];
  }

  private async refresh(ids: readonly string[]): Promise<void> {
    const rows = await this.directory.byIds(ids);
    const found = new Map(rows.map((m) => [m.id, m]));
    for (const id of ids) {
      const m = found.get(id);
      const entry = m && m.status === 'active' && m.discoverable ? this.compile(m) : null;
      if (entry) this.byId.set(id, entry);
      else this.byId.delete(id);
    }
    this.version++;
  }

  private async reload(): Promise<void> {
    const next = new Map<string, SnapshotMandate>();
    let after: string | null = null;
    for (;;) {
      const page = await this.directory.discoverablePage(after, PAGE);
      for (const m of page) {
        const entry = this.compile(m);
        if (entry) next.set(m.id, entry);
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1].id;
    }
    this.byId = next;
    this.version++;
  }

  private compile(m: MandateEntity): SnapshotMandate | null {
    try {
      return { mandate: m, compiled: compileMandate(toEngineMandate(m, m.terms)) };
    } catch (error) {
      // A mandate with a retired code is left out, as the per-request path skipped it.
      if (!(error instanceof EngineInputError)) throw error;
      this.logger.warn({ mandateId: m.id, code: error.code }, 'mandate left out of the mandate snapshot');
      return null;
    }
  }
}
