import type { DomainEvent } from '@app/platform';
import type { DataSource } from 'typeorm';
import { SEARCH_INDEX_NAMES, SEARCH_INDEX_SETTINGS, SearchIndexName } from '../indexes';
import { join } from 'node:path';
import { F, RebuildResult, SearchEngine } from '../port';
import { EmbeddedSearchEngine } from '../embedded/embedded-engine';
import { readImage, writeImage } from '../embedded/image-file';
import {
  AnyDocument,
  cursorAfter,
  cursorOf,
  documentSources,
  loadDocuments,
  loadProjectDocuments,
  UpdatedCursor,
  type DocumentSources,
} from './search-documents';

/** Entities to re-read, by index. A startup also re-reads its projects (they carry its name, tracks, region). */
export interface SearchRefs {
  projects: Set<string>;
  startups: Set<string>;
  mandates: Set<string>;
  /** Organizations renamed: their mandates' documents carry the name. */
  organizations: Set<string>;
}

export const emptyRefs = (): SearchRefs => ({
  projects: new Set(),
  startups: new Set(),
  mandates: new Set(),
  organizations: new Set(),
});

export function refsSize(r: SearchRefs): number {
  return r.projects.size + r.startups.size + r.mandates.size + r.organizations.size;
}

/** Adds the entities named by `events` to `into` (duplicates collapse: one read, one write per entity). */
export function addEventRefs(into: SearchRefs, events: readonly DomainEvent[]): SearchRefs {
  for (const e of events) {
    if (e.type === 'startups.project_changed') into.projects.add(e.projectId);
    else if (e.type === 'startups.startup_changed') into.startups.add(e.startupId);
    else if (e.type === 'funds.mandate_changed') into.mandates.add(e.mandateId);
    else if (e.type === 'identity.organization_updated') into.organizations.add(e.organizationId);
  }
  return into;
}

export interface RefreshResult {
  upserted: Record<SearchIndexName, number>;
  deleted: Record<SearchIndexName, number>;
  /** Highest `(updated_at, id)` written per index (for the worker's watermark). */
  highest: Partial<Record<SearchIndexName, UpdatedCursor>>;
}

const PAGE = 1000;
/** Rows changed this long before a rebuild started are re-read after its swap (clock skew, slow commits). */
const REBUILD_OVERLAP_MS = 5_000;

/**
 * Writes the current Postgres state of named entities into an engine, and rebuilds whole indexes.
 * Used by the API (embedded engine, fed by the projection feed) and by the worker (Meilisearch,
 * fed by the `search-sync` queue). It always reads the latest state, so late or repeated events only
 * rewrite the same document.
 */
export class SearchWriter {
  private readonly sources: DocumentSources;

  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: SearchEngine,
    /**
     * Embedded engine only: where each index's image (its text postings) is kept between restarts
     * (`SEARCH_INDEX_CACHE_DIR`; empty = none). A rebuild then reads every document as before but
     * segments only those whose content changed since the image was written.
     */
    private readonly imageDir = '',
  ) {
    this.sources = documentSources(dataSource);
  }

  /** Documents read by the running (or last) rebuild of each index: the boot's progress. */
  readonly documentsRead: Partial<Record<SearchIndexName, number>> = {};

  /** How the last rebuild of each index went (documents reused from its image, indexed afresh). */
  readonly imageStats: Partial<Record<SearchIndexName, { reused: number; indexed: number; imageBytes?: number; imageError?: string }>> = {};

  async applySettings(): Promise<void> {
    for (const name of SEARCH_INDEX_NAMES) await this.engine.index(name).applySettings(SEARCH_INDEX_SETTINGS[name]);
  }

  async refresh(refs: SearchRefs): Promise<RefreshResult> {
    const src = this.sources;
    const result: RefreshResult = {
      upserted: { projects: 0, startups: 0, mandates: 0 },
      deleted: { projects: 0, startups: 0, mandates: 0 },
      highest: {},
    };
    const startupIds = [...refs.startups];
    if (refs.organizations.size > 0) {
      for (const id of await src.mandates.idsOfOrganizations([...refs.organizations])) refs.mandates.add(id);
    }
    const [projects, byStartup, startups, mandates] = await Promise.all([
      loadDocuments(src, 'projects', { by: 'ids', ids: [...refs.projects] }),
      loadProjectDocuments(src, { by: 'startups', startupIds }),
      loadDocuments(src, 'startups', { by: 'ids', ids: startupIds }),
      loadDocuments(src, 'mandates', { by: 'ids', ids: [...refs.mandates] }),
    ]);
    const freshProjects = new Map<string, AnyDocument>();
    for (const d of [...projects, ...byStartup]) freshProjects.set(d.id, d);
    const goneProjects = new Set([...refs.projects].filter((id) => !freshProjects.has(id)));
    // Projects still indexed under a named company but gone from Postgres (the company was deleted).
    if (startupIds.length > 0) {
      for (const id of await this.indexedProjectsOf(startupIds)) if (!freshProjects.has(id)) goneProjects.add(id);
    }
    await this.write('projects', [...freshProjects.values()], [...goneProjects], result);
    await this.write(
      'startups',
      startups,
      startupIds.filter((id) => !startups.some((d) => d.id === id)),
      result,
    );
    const mandateIds = [...refs.mandates];
    await this.write(
      'mandates',
      mandates,
      mandateIds.filter((id) => !mandates.some((d) => d.id === id)),
      result,
    );
    return result;
  }

  /** Every index rebuilt in a shadow and swapped in; queries keep answering from the old copies meanwhile. */
  async rebuildAll(): Promise<RebuildResult[]> {
    const results: RebuildResult[] = [];
    for (const name of SEARCH_INDEX_NAMES) results.push(await this.rebuild(name));
    return results;
  }

  async rebuild(name: SearchIndexName): Promise<RebuildResult> {
    if (this.imageDir && this.engine instanceof EmbeddedSearchEngine) return this.rebuildWithImage(this.engine, name);
    return this.rebuildFromScratch(name);
  }

  private async rebuildWithImage(engine: EmbeddedSearchEngine, name: SearchIndexName): Promise<RebuildResult> {
    this.documentsRead[name] = 0;
    const settings = SEARCH_INDEX_SETTINGS[name];
    const key = engine.imageKey(name, settings);
    const path = join(this.imageDir, `${name}.index`);
    const image = await readImage(path, key);
    let result: RebuildResult;
    let indexed: number;
    if (image) {
      const restored = await engine.restore(name, settings, image, async (offer) => {
        let after: string | null = null;
        for (;;) {
          const page = await loadDocuments(this.sources, name, { by: 'page', afterId: after, limit: PAGE });
          if (page.length > 0) await offer(page);
          this.documentsRead[name] = (this.documentsRead[name] ?? 0) + page.length;
          if (page.length < PAGE) break;
          after = page[page.length - 1].id;
        }
      });
      indexed = restored.indexed;
      this.imageStats[name] = { reused: restored.reused, indexed };
      result = { index: restored.index, documents: restored.documents, tookMs: restored.tookMs };
    } else {
      result = await this.rebuildFromScratch(name);
      indexed = result.documents;
      this.imageStats[name] = { reused: 0, indexed };
    }
    // A new image when this one saved little: none yet, or a tenth of the documents indexed again.
    if (indexed > 0 && indexed >= result.documents / 10) {
      const fresh = engine.image(name);
      // A cache: failing to write it costs the next boot time, never this one.
      if (fresh)
        await writeImage(path, key, fresh).then(
          (bytes) => (this.imageStats[name]!.imageBytes = bytes),
          (error: Error) => (this.imageStats[name]!.imageError = error.message),
        );
    }
    return result;
  }

  private async rebuildFromScratch(name: SearchIndexName): Promise<RebuildResult> {
    this.documentsRead[name] = 0;
    const [{ now }] = (await this.dataSource.query('SELECT now() AS now')) as { now: Date }[];
    const result = await this.engine.rebuild(name, SEARCH_INDEX_SETTINGS[name], async (shadow) => {
      let after: string | null = null;
      for (;;) {
        const page = await loadDocuments(this.sources, name, { by: 'page', afterId: after, limit: PAGE });
        if (page.length > 0) await shadow.upsert(page);
        this.documentsRead[name] = (this.documentsRead[name] ?? 0) + page.length;
        if (page.length < PAGE) break;
        after = page[page.length - 1].id;
      }
    });
    // The embedded engine carries writes made during the fill over into the new copy; Meilisearch
    // does not, so re-read what changed since the fill began (cheap: usually nothing).
    if (this.engine.kind !== 'embedded') {
      await this.catchUp(name, {
        at: new Date(new Date(now).getTime() - REBUILD_OVERLAP_MS).toISOString(),
        id: ZERO_UUID,
      });
    }
    return result;
  }

  /**
   * Re-reads every row of `name` changed after `from` (keyset over `(updated_at, id)`), in pages;
   * `onPage` sees the last position written (to store a watermark). Returns the rows read.
   */
  async catchUp(
    name: SearchIndexName,
    from: UpdatedCursor,
    onPage?: (last: UpdatedCursor) => Promise<void>,
    pageSize = 500,
  ): Promise<number> {
    let after = from;
    let total = 0;
    for (;;) {
      const page = await loadDocuments(this.sources, name, { by: 'updated', after, limit: pageSize });
      if (page.length === 0) break;
      const refs = emptyRefs();
      for (const d of page) refs[name].add(d.id);
      await this.refresh(refs);
      total += page.length;
      after = cursorOf(page[page.length - 1]);
      await onPage?.(after);
      if (page.length < pageSize) break;
    }
    return total;
  }

  private async write(
    name: SearchIndexName,
    docs: AnyDocument[],
    gone: string[],
    result: RefreshResult,
  ): Promise<void> {
    const index = this.engine.index(name);
    if (docs.length > 0) {
      await index.upsert(docs);
      result.upserted[name] += docs.length;
      for (const d of docs) {
        const c = cursorOf(d);
        const best = result.highest[name];
        if (!best || cursorAfter(c, best)) result.highest[name] = c;
      }
    }
    if (gone.length > 0) {
      await index.delete(gone);
      result.deleted[name] += gone.length;
    }
  }

  private async indexedProjectsOf(startupIds: string[]): Promise<string[]> {
    const index = this.engine.index('projects');
    const ids: string[] = [];
    for (let page = 1; page <= 20; page++) {
      const res = await index.search('', { filter: F.in('startupId', startupIds), limit: 1000, page });
      ids.push(...res.hits.map((h) => h.id));
      if (res.hits.length < 1000) break;
    }
    return ids;
  }
}

export const ZERO_UUID = '00000000-0000-0000-0000-000000000000';
