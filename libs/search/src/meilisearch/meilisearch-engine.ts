import {
  RebuildResult,
  SearchDocument,
  SearchEngine,
  SearchHealth,
  SearchHit,
  SearchIndex,
  SearchIndexStats,
  SearchOptions,
  SearchQueryError,
  SearchResult,
  SearchSettings,
  SearchUnavailableError,
} from '../port';
import { normalizeQuery, validateDocument, validateOptions, validateSettings } from '../validate';
import {
  MeiliClient,
  MeiliEnqueued,
  MeiliIndex,
  MeiliModule,
  MeiliSettings,
  MeiliTask,
  loadMeilisearch,
} from './client';
import { toMeiliFilter } from './filter';

export interface MeilisearchEngineOptions {
  url: string;
  apiKey?: string;
  /** Prepended to every index uid (`tourong_projects`), so environments can share a server. */
  indexPrefix?: string;
  /** How long to wait for one write task (settings, a document batch, a swap). Default 60 s. */
  taskTimeoutMs?: number;
  /** HTTP timeout of one request. Default 10 s. */
  requestTimeoutMs?: number;
  /** Documents per addDocuments call. Default 1 000. */
  batchSize?: number;
  /** Injected client module (tests); default: the `meilisearch` package. */
  loadClient?: () => Promise<MeiliModule>;
}

const SHADOW_SUFFIX = '__shadow';
const MAX_VALUES_PER_FACET = 1000;
/**
 * Meilisearch stops counting and paging at `pagination.maxTotalHits` (default 1 000): past it
 * `estimatedTotal` is capped and later pages are empty, and the deal-flow candidate set (up to 5 000
 * ids) was cut at 1 000. The API pages up to 500 × 100; the embedded engine counts every match.
 */
export const MAX_TOTAL_HITS = 50_000;
const SETTINGS_CACHE_MS = 30_000;

interface MeiliErrorLike {
  name?: string;
  message?: string;
  cause?: { code?: string; message?: string; type?: string } | unknown;
}

function meiliCode(err: unknown): string | undefined {
  const cause = (err as MeiliErrorLike)?.cause;
  return cause && typeof cause === 'object' && 'code' in cause ? String((cause as { code?: string }).code) : undefined;
}

/** Maps client errors to the port's errors (query problems → SearchQueryError, the rest → unavailable). */
export function mapMeiliError(err: unknown, context: string): Error {
  if (err instanceof SearchQueryError || err instanceof SearchUnavailableError) return err;
  const name = (err as MeiliErrorLike)?.name ?? '';
  const message = (err as MeiliErrorLike)?.message ?? String(err);
  const code = meiliCode(err);
  if (name === 'MeilisearchTaskTimeOutError')
    return new SearchUnavailableError('SEARCH_TASK_TIMEOUT', `${context}: ${message}`, err);
  switch (code) {
    case 'invalid_search_filter':
      return new SearchQueryError('SEARCH_FILTER_INVALID', message);
    case 'invalid_search_sort':
      return new SearchQueryError('SEARCH_SORT_ATTRIBUTE_NOT_SORTABLE', message);
    case 'invalid_search_facets':
      return new SearchQueryError('SEARCH_FACET_ATTRIBUTE_NOT_FILTERABLE', message);
    case 'invalid_search_q':
      return new SearchQueryError('SEARCH_QUERY_INVALID', message, 'q');
    case 'invalid_document_id':
    case 'missing_document_id':
      return new SearchQueryError('SEARCH_DOCUMENT_INVALID', message, 'id');
    case 'index_not_found':
      return new SearchUnavailableError('SEARCH_INDEX_NOT_FOUND', `${context}: ${message}`, err);
  }
  return new SearchUnavailableError('SEARCH_UNAVAILABLE', `${context}: ${message}`, err);
}

function toMeiliSettings(s: SearchSettings): MeiliSettings {
  return {
    searchableAttributes: [...s.searchableAttributes],
    filterableAttributes: [...s.filterableAttributes].sort(),
    sortableAttributes: [...s.sortableAttributes].sort(),
    displayedAttributes: s.displayedAttributes ? [...s.displayedAttributes] : ['*'],
    synonyms: normalizeSynonyms(s.synonyms ?? {}),
    rankingRules: s.rankingRules
      ? [...s.rankingRules]
      : ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
  };
}

/** Meilisearch stores synonym keys and values lower-cased; compare in that form. */
function normalizeSynonyms(synonyms: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of Object.keys(synonyms).sort()) {
    const k = key.toLowerCase();
    out[k] = [...new Set([...(out[k] ?? []), ...synonyms[key].map((v) => v.toLowerCase())])].sort();
  }
  return out;
}

function comparable(s: MeiliSettings): string {
  const filterable = (s.filterableAttributes ?? []).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).sort();
  return JSON.stringify({
    searchableAttributes: s.searchableAttributes ?? ['*'],
    filterableAttributes: filterable,
    sortableAttributes: [...(s.sortableAttributes ?? [])].sort(),
    displayedAttributes: s.displayedAttributes ?? ['*'],
    synonyms: normalizeSynonyms(s.synonyms ?? {}),
    rankingRules: s.rankingRules ?? [],
    maxValuesPerFacet: s.faceting?.maxValuesPerFacet,
    maxTotalHits: s.pagination?.maxTotalHits,
  });
}

function fromMeiliSettings(s: MeiliSettings): SearchSettings {
  const out: SearchSettings = {
    searchableAttributes:
      s.searchableAttributes && !s.searchableAttributes.includes('*') ? [...s.searchableAttributes] : [],
    filterableAttributes: (s.filterableAttributes ?? []).filter((a): a is string => typeof a === 'string').sort(),
    sortableAttributes: [...(s.sortableAttributes ?? [])].sort(),
    synonyms: normalizeSynonyms(s.synonyms ?? {}),
    rankingRules: (s.rankingRules ?? []) as SearchSettings['rankingRules'],
  };
  if (s.displayedAttributes && !s.displayedAttributes.includes('*'))
    out.displayedAttributes = [...s.displayedAttributes];
  return out;
}

export class MeilisearchEngine implements SearchEngine {
  readonly kind = 'meilisearch' as const;
  private clientPromise: Promise<MeiliClient> | null = null;
  private readonly settingsCache = new Map<string, { settings: SearchSettings; at: number }>();
  readonly prefix: string;
  readonly taskTimeoutMs: number;
  readonly batchSize: number;

  constructor(private readonly options: MeilisearchEngineOptions) {
    this.prefix = options.indexPrefix ?? '';
    this.taskTimeoutMs = options.taskTimeoutMs ?? 60_000;
    this.batchSize = options.batchSize ?? 1000;
  }

  /** @internal */
  client(): Promise<MeiliClient> {
    if (!this.clientPromise) {
      const load = this.options.loadClient ?? loadMeilisearch;
      this.clientPromise = load().then(
        (mod) =>
          new mod.Meilisearch({
            host: this.options.url,
            apiKey: this.options.apiKey,
            timeout: this.options.requestTimeoutMs ?? 10_000,
          }),
      );
      this.clientPromise.catch(() => (this.clientPromise = null));
    }
    return this.clientPromise;
  }

  uid(name: string): string {
    return `${this.prefix}${name}`;
  }

  /** Awaits a task with the timeout; a failed or canceled task becomes an error with Meilisearch's message. */
  async wait(enqueued: MeiliEnqueued, context: string): Promise<MeiliTask> {
    let task: MeiliTask;
    try {
      task = await enqueued.waitTask({ timeout: this.taskTimeoutMs, interval: 25 });
    } catch (err) {
      throw mapMeiliError(err, context);
    }
    if (task.status === 'succeeded') return task;
    const code = task.error?.code;
    const message = `${context}: task ${task.status}${code ? ` (${code})` : ''}: ${task.error?.message ?? ''}`;
    if (code === 'invalid_document_id' || code === 'missing_document_id')
      throw new SearchQueryError('SEARCH_DOCUMENT_INVALID', message, 'id');
    throw new SearchUnavailableError('SEARCH_TASK_FAILED', message);
  }

  /** @internal Cached settings of an index (validation needs them on every search). */
  async cachedSettings(name: string): Promise<SearchSettings> {
    const hit = this.settingsCache.get(name);
    if (hit && Date.now() - hit.at < SETTINGS_CACHE_MS) return hit.settings;
    const settings = await this.index(name).getSettings();
    this.settingsCache.set(name, { settings, at: Date.now() });
    return settings;
  }

  /** @internal */
  forgetSettings(...names: string[]): void {
    for (const n of names) this.settingsCache.delete(n);
  }

  index<D extends SearchDocument = SearchDocument>(name: string): SearchIndex<D> {
    return new MeiliSearchIndex<D>(name, this);
  }

  /** Creates the index with primary key `id` unless it exists. */
  async ensureIndex(name: string): Promise<void> {
    const client = await this.client();
    try {
      await client.index(this.uid(name)).getStats();
      return;
    } catch (err) {
      if (meiliCode(err) !== 'index_not_found') throw mapMeiliError(err, `stats of ${name}`);
    }
    const task = await this.wait(
      client.createIndex(this.uid(name), { primaryKey: 'id' }),
      `create index ${name}`,
    ).catch((err) => {
      // Created concurrently by another replica: fine.
      if (err instanceof SearchUnavailableError && /index_already_exists/.test(err.message)) return null;
      throw err;
    });
    void task;
  }

  async rebuild<D extends SearchDocument = SearchDocument>(
    name: string,
    settings: SearchSettings,
    fill: (shadow: SearchIndex<D>) => Promise<void>,
  ): Promise<RebuildResult> {
    const started = Date.now();
    validateSettings(settings);
    const shadowName = `${name}${SHADOW_SUFFIX}`;
    await this.ensureIndex(name);
    await this.deleteIndex(shadowName);
    try {
      await this.ensureIndex(shadowName);
      const shadow = this.index<D>(shadowName);
      await shadow.applySettings(settings);
      await fill(shadow);
      await this.swap(name, shadowName);
      const documents = (await this.index(name).stats()).numberOfDocuments;
      return { index: name, documents, tookMs: Date.now() - started };
    } finally {
      // After the swap the shadow holds the old copy; on failure, the half-built one. Either way: drop it.
      await this.deleteIndex(shadowName).catch(() => undefined);
    }
  }

  async swap(a: string, b: string): Promise<void> {
    const client = await this.client();
    await this.ensureIndex(a);
    await this.ensureIndex(b);
    try {
      await this.wait(client.swapIndexes([{ indexes: [this.uid(a), this.uid(b)] }]), `swap ${a} ⇄ ${b}`);
    } finally {
      this.forgetSettings(a, b);
    }
  }

  async deleteIndex(name: string): Promise<void> {
    const client = await this.client();
    this.forgetSettings(name);
    try {
      await this.wait(client.deleteIndex(this.uid(name)), `delete index ${name}`);
    } catch (err) {
      if (err instanceof SearchUnavailableError && /index_not_found/.test(err.message)) return;
      throw err;
    }
  }

  async listIndexes(): Promise<string[]> {
    const client = await this.client();
    const names: string[] = [];
    try {
      for (let offset = 0; ; offset += 100) {
        const page = await client.getRawIndexes({ limit: 100, offset });
        for (const { uid } of page.results) if (uid.startsWith(this.prefix)) names.push(uid.slice(this.prefix.length));
        if (offset + 100 >= page.total) break;
      }
    } catch (err) {
      throw mapMeiliError(err, 'list indexes');
    }
    return names.sort();
  }

  async health(): Promise<SearchHealth> {
    const started = process.hrtime.bigint();
    const latency = () => Number(process.hrtime.bigint() - started) / 1e6;
    try {
      const client = await this.client();
      const { status } = await client.health();
      return { ok: status === 'available', engine: 'meilisearch', latencyMs: latency(), detail: status };
    } catch (err) {
      return { ok: false, engine: 'meilisearch', latencyMs: latency(), detail: (err as Error)?.message ?? String(err) };
    }
  }

  async close(): Promise<void> {
    this.clientPromise = null;
    this.settingsCache.clear();
  }
}

class MeiliSearchIndex<D extends SearchDocument> implements SearchIndex<D> {
  constructor(
    readonly name: string,
    private readonly engine: MeilisearchEngine,
  ) {}

  private async raw(): Promise<MeiliIndex> {
    return (await this.engine.client()).index(this.engine.uid(this.name));
  }

  async applySettings(settings: SearchSettings): Promise<void> {
    validateSettings(settings);
    await this.engine.ensureIndex(this.name);
    const index = await this.raw();
    const wanted = toMeiliSettings(settings);
    let current: MeiliSettings;
    try {
      current = await index.getSettings();
    } catch (err) {
      throw mapMeiliError(err, `settings of ${this.name}`);
    }
    this.engine.forgetSettings(this.name);
    // Idempotent: an unchanged configuration enqueues nothing (a settings task can re-index everything).
    if (comparable(current) === comparable(wanted)) return;
    await this.engine.wait(index.updateSettings(wanted), `update settings of ${this.name}`);
  }

  async getSettings(): Promise<SearchSettings> {
    const index = await this.raw();
    try {
      return fromMeiliSettings(await index.getSettings());
    } catch (err) {
      if (meiliCode(err) === 'index_not_found')
        return { searchableAttributes: [], filterableAttributes: [], sortableAttributes: [] };
      throw mapMeiliError(err, `settings of ${this.name}`);
    }
  }

  async upsert(documents: readonly D[], options: { batchSize?: number } = {}): Promise<void> {
    for (const doc of documents) validateDocument(doc);
    if (documents.length === 0) return;
    const index = await this.raw();
    const batchSize = Math.max(1, options.batchSize ?? this.engine.batchSize);
    for (let i = 0; i < documents.length; i += batchSize) {
      const batch = documents.slice(i, i + batchSize) as unknown as Record<string, unknown>[];
      let enqueued: MeiliEnqueued;
      try {
        enqueued = index.addDocuments(batch, { primaryKey: 'id' });
      } catch (err) {
        throw mapMeiliError(err, `upsert into ${this.name}`);
      }
      await this.engine.wait(enqueued, `upsert ${batch.length} documents into ${this.name}`);
    }
  }

  async delete(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const index = await this.raw();
    for (let i = 0; i < ids.length; i += this.engine.batchSize) {
      await this.engine
        .wait(index.deleteDocuments(ids.slice(i, i + this.engine.batchSize)), `delete from ${this.name}`)
        .catch((err) => {
          if (err instanceof SearchUnavailableError && /index_not_found/.test(err.message)) return null;
          throw err;
        });
    }
  }

  async deleteAll(): Promise<void> {
    const index = await this.raw();
    await this.engine.wait(index.deleteAllDocuments(), `delete all from ${this.name}`).catch((err) => {
      if (err instanceof SearchUnavailableError && /index_not_found/.test(err.message)) return null;
      throw err;
    });
  }

  async get(id: string): Promise<D | undefined> {
    const index = await this.raw();
    try {
      return (await index.getDocument(id)) as D;
    } catch (err) {
      const code = meiliCode(err);
      if (code === 'document_not_found' || code === 'index_not_found') return undefined;
      throw mapMeiliError(err, `get ${id} from ${this.name}`);
    }
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult<D>> {
    const started = process.hrtime.bigint();
    const text = normalizeQuery(query);
    const settings = await this.engine.cachedSettings(this.name);
    const { page, limit, offset } = validateOptions(options, settings);
    const filter = toMeiliFilter(options.filter);
    const facets = options.facets ?? [];
    const elapsed = () => Number((Number(process.hrtime.bigint() - started) / 1e6).toFixed(3));
    const empty = (): SearchResult<D> => ({
      hits: [],
      facets: Object.fromEntries(facets.map((f) => [f, {}])),
      estimatedTotal: 0,
      page,
      limit,
      processingMs: elapsed(),
      query: text,
    });
    if (filter.kind === 'none') return empty();
    const pre = options.highlightPreTag ?? '<em>';
    const post = options.highlightPostTag ?? '</em>';
    const index = await this.raw();
    let response;
    try {
      response = await index.search(text, {
        offset,
        limit,
        filter: filter.kind === 'filter' ? filter.filter : undefined,
        facets: facets.length ? facets : undefined,
        sort: options.sort?.length ? options.sort.map((s) => `${s.field}:${s.order}`) : undefined,
        attributesToHighlight: text ? settings.searchableAttributes : undefined,
        highlightPreTag: pre,
        highlightPostTag: post,
        showRankingScore: true,
        matchingStrategy: 'all',
      });
    } catch (err) {
      if (meiliCode(err) === 'index_not_found') return empty();
      throw mapMeiliError(err, `search ${this.name}`);
    }
    const searchable = settings.searchableAttributes;
    const hits: SearchHit<D>[] = response.hits.map((raw) => {
      const { _formatted, _rankingScore, ...document } = raw as Record<string, unknown> & {
        _formatted?: Record<string, unknown>;
        _rankingScore?: number;
      };
      const highlights: Record<string, string> = {};
      if (_formatted && text) {
        for (const attribute of searchable) {
          const value = _formatted[attribute];
          const joined = Array.isArray(value) ? value.map(String).join(', ') : typeof value === 'string' ? value : null;
          // Chinese text is segmented into words that can split a query word (半导体 → 半导 · 体): merge
          // adjacent spans, so a matched run reads as one highlight (<em>半导体材料</em>) as on the embedded engine.
          if (joined !== null && joined.includes(pre)) highlights[attribute] = joined.split(post + pre).join('');
        }
      }
      const hit: SearchHit<D> = { id: String(document.id), document: document as D, highlights };
      if (text && typeof _rankingScore === 'number') hit.score = _rankingScore;
      return hit;
    });
    const distribution = response.facetDistribution ?? {};
    return {
      hits,
      facets: Object.fromEntries(facets.map((f) => [f, distribution[f] ?? {}])),
      estimatedTotal: response.estimatedTotalHits ?? response.totalHits ?? hits.length,
      page,
      limit,
      processingMs: elapsed(),
      query: text,
    };
  }

  async stats(): Promise<SearchIndexStats> {
    const index = await this.raw();
    try {
      return { numberOfDocuments: (await index.getStats()).numberOfDocuments };
    } catch (err) {
      if (meiliCode(err) === 'index_not_found') return { numberOfDocuments: 0 };
      throw mapMeiliError(err, `stats of ${this.name}`);
    }
  }
}
