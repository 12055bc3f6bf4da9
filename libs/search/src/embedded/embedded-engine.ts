import {
  RebuildResult,
  SearchDocument,
  SearchEngine,
  SearchHealth,
  SearchIndex,
  SearchIndexStats,
  SearchOptions,
  SearchResult,
  SearchSettings,
  SearchUnavailableError,
} from '../port';
import { normalizeQuery, validateDocument, validateOptions, validateSettings } from '../validate';
import { documentHash, EmbeddedStore, type StoreImage } from './store';
import { SegmenterKind, Tokenizer, createTokenizer } from './tokenizer';

export interface EmbeddedEngineOptions {
  /** Chinese segmentation; default jieba when its binary loads, else Intl.Segmenter. */
  segmenter?: SegmenterKind;
}

const DEFAULT_SETTINGS: SearchSettings = { searchableAttributes: [], filterableAttributes: [], sortableAttributes: [] };
const SHADOW_SUFFIX = '__shadow';

function settingsKey(s: SearchSettings): string {
  return JSON.stringify({
    searchableAttributes: s.searchableAttributes,
    filterableAttributes: [...s.filterableAttributes].sort(),
    sortableAttributes: [...s.sortableAttributes].sort(),
    displayedAttributes: s.displayedAttributes ?? ['*'],
    synonyms: Object.fromEntries(Object.entries(s.synonyms ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))),
    rankingRules: s.rankingRules ?? [],
  });
}

/** The segmenter and its dictionary's package version: an image segmented by another is not reused. */
function segmenterVersion(tokenizer: Tokenizer): string {
  if (tokenizer.kind !== 'jieba') return `${tokenizer.kind}@${process.versions.icu ?? ''}`;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return `jieba@${(require('@node-rs/jieba/package.json') as { version: string }).version}`;
  } catch {
    return 'jieba';
  }
}

function cloneSettings(s: SearchSettings): SearchSettings {
  return JSON.parse(JSON.stringify(s)) as SearchSettings;
}

/** The state behind one index name. `swap` exchanges these between names. */
class Slot {
  store: EmbeddedStore;
  /** Ids written while a rebuild of this index runs (carried into the new copy before the swap). */
  journal: Set<string> | null = null;
  constructor(settings: SearchSettings, tokenizer: Tokenizer) {
    this.store = new EmbeddedStore(cloneSettings(settings), tokenizer);
  }
}

/** The in-process engine: indexes live in this process's memory (rebuilt from Postgres at start). */
export class EmbeddedSearchEngine implements SearchEngine {
  readonly kind = 'embedded' as const;
  readonly tokenizer: Tokenizer;
  private readonly slots = new Map<string, Slot>();
  private closed = false;

  constructor(options: EmbeddedEngineOptions = {}) {
    this.tokenizer = createTokenizer(options.segmenter);
  }

  index<D extends SearchDocument = SearchDocument>(name: string): SearchIndex<D> {
    return new EmbeddedIndex<D>(name, this);
  }

  /** @internal */
  slot(name: string, create: boolean): Slot | undefined {
    if (this.closed) throw new SearchUnavailableError('SEARCH_UNAVAILABLE', 'the embedded search engine is closed');
    let slot = this.slots.get(name);
    if (!slot && create) {
      slot = new Slot(DEFAULT_SETTINGS, this.tokenizer);
      this.slots.set(name, slot);
    }
    return slot;
  }

  async rebuild<D extends SearchDocument = SearchDocument>(
    name: string,
    settings: SearchSettings,
    fill: (shadow: SearchIndex<D>) => Promise<void>,
  ): Promise<RebuildResult> {
    const started = Date.now();
    const shadowName = `${name}${SHADOW_SUFFIX}`;
    validateSettings(settings);
    const live = this.slot(name, true) as Slot;
    if (live.journal) throw new SearchUnavailableError('SEARCH_UNAVAILABLE', `a rebuild of ${name} is already running`);
    live.journal = new Set();
    this.slots.delete(shadowName);
    try {
      const shadow = this.index<D>(shadowName);
      await shadow.applySettings(settings);
      await fill(shadow);
      // Writes that reached the live index during the fill win: copy their latest state over.
      const shadowSlot = this.slot(shadowName, true) as Slot;
      shadowSlot.store.trim();
      for (const id of live.journal) {
        const doc = live.store.get(id);
        if (doc) shadowSlot.store.upsert(doc);
        else shadowSlot.store.delete(id);
      }
      live.journal = null;
      // The swap is one synchronous step: no query sees a half-built index.
      this.slots.set(name, shadowSlot);
      this.slots.delete(shadowName);
      return { index: name, documents: shadowSlot.store.size, tookMs: Date.now() - started };
    } finally {
      live.journal = null;
      this.slots.delete(shadowName);
    }
  }

  /** What an image of `name` must have been built under to be restored (settings and segmenter). */
  imageKey(name: string, settings: SearchSettings): { index: string; settings: string; segmenter: string } {
    return { index: name, settings: settingsKey(settings), segmenter: segmenterVersion(this.tokenizer) };
  }

  /** The live text index of `name` (null when it has no documents). */
  image(name: string): StoreImage | null {
    const slot = this.slot(name, false);
    return slot && slot.store.size > 0 ? slot.store.image() : null;
  }

  /**
   * Like `rebuild`, from an image of the postings (`image`): `fill` offers every current document;
   * one whose content hash matches the image's is attached under its number without segmenting its
   * text again, the others are indexed as new. Image documents never offered are left out. The
   * result equals a rebuild from the same documents (same postings and columns; document numbers
   * differ only by the retired ones, whose postings queries skip).
   */
  async restore<D extends SearchDocument = SearchDocument>(
    name: string,
    settings: SearchSettings,
    image: StoreImage,
    fill: (offer: (documents: readonly D[]) => Promise<void>) => Promise<void>,
  ): Promise<RebuildResult & { reused: number; indexed: number }> {
    const started = Date.now();
    validateSettings(settings);
    const live = this.slot(name, true) as Slot;
    if (live.journal) throw new SearchUnavailableError('SEARCH_UNAVAILABLE', `a rebuild of ${name} is already running`);
    live.journal = new Set();
    try {
      const store = EmbeddedStore.fromImage<D>(cloneSettings(settings), this.tokenizer, image);
      const numberOf = new Map<string, number>();
      image.ids.forEach((id, n) => numberOf.set(id, n));
      const changed: D[] = [];
      let reused = 0;
      await fill(async (documents) => {
        for (const doc of documents) {
          validateDocument(doc);
          const n = numberOf.get(doc.id);
          if (n !== undefined && image.hashes[n] === documentHash(doc) && store.attach(n, doc)) reused++;
          else changed.push(doc);
        }
        await new Promise<void>((resolve) => setImmediate(resolve));
      });
      for (const doc of changed) store.upsert(doc);
      store.trim();
      const slot = new Slot(settings, this.tokenizer);
      slot.store = store as unknown as EmbeddedStore;
      for (const id of live.journal) {
        const doc = live.store.get(id);
        if (doc) slot.store.upsert(doc);
        else slot.store.delete(id);
      }
      live.journal = null;
      this.slots.set(name, slot);
      return { index: name, documents: store.size, tookMs: Date.now() - started, reused, indexed: changed.length };
    } finally {
      live.journal = null;
    }
  }

  async swap(a: string, b: string): Promise<void> {
    const sa = this.slot(a, true) as Slot;
    const sb = this.slot(b, true) as Slot;
    this.slots.set(a, sb);
    this.slots.set(b, sa);
  }

  async deleteIndex(name: string): Promise<void> {
    this.slots.delete(name);
  }

  async listIndexes(): Promise<string[]> {
    return [...this.slots.keys()].sort();
  }

  async health(): Promise<SearchHealth> {
    const started = process.hrtime.bigint();
    const indexes: Record<string, number> = {};
    for (const [name, slot] of this.slots) indexes[name] = slot.store.size;
    return {
      ok: !this.closed,
      engine: 'embedded',
      latencyMs: Number(process.hrtime.bigint() - started) / 1e6,
      detail: `segmenter ${this.tokenizer.kind}`,
      indexes,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.slots.clear();
  }
}

class EmbeddedIndex<D extends SearchDocument> implements SearchIndex<D> {
  constructor(
    readonly name: string,
    private readonly engine: EmbeddedSearchEngine,
  ) {}

  private store(create = false): EmbeddedStore<D> | undefined {
    return this.engine.slot(this.name, create)?.store as EmbeddedStore<D> | undefined;
  }

  async applySettings(settings: SearchSettings): Promise<void> {
    validateSettings(settings);
    const slot = this.engine.slot(this.name, true) as Slot;
    if (settingsKey(slot.store.settings) === settingsKey(settings)) return;
    // New settings change what is indexed: re-index the live documents under them.
    const next = new EmbeddedStore(cloneSettings(settings), this.engine.tokenizer);
    for (const doc of slot.store.liveDocuments()) next.upsert(doc);
    slot.store = next;
  }

  async getSettings(): Promise<SearchSettings> {
    return cloneSettings(this.store()?.settings ?? DEFAULT_SETTINGS);
  }

  async upsert(documents: readonly D[], options: { batchSize?: number } = {}): Promise<void> {
    for (const doc of documents) validateDocument(doc);
    const batchSize = Math.max(1, options.batchSize ?? 1000);
    const slot = this.engine.slot(this.name, true) as Slot;
    for (let i = 0; i < documents.length; i += batchSize) {
      const store = slot.store as EmbeddedStore<D>;
      for (const doc of documents.slice(i, i + batchSize)) {
        // The store keeps an encoded copy: callers mutating their objects later cannot change the index.
        store.upsert(doc);
        slot.journal?.add(doc.id);
      }
      // Yield between batches so a large load does not block the event loop (queries keep flowing).
      if (i + batchSize < documents.length) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.compactIfNeeded(slot);
  }

  async delete(ids: readonly string[]): Promise<void> {
    const slot = this.engine.slot(this.name, false);
    if (!slot) return;
    for (const id of ids) {
      slot.store.delete(id);
      slot.journal?.add(id);
    }
    this.compactIfNeeded(slot);
  }

  async deleteAll(): Promise<void> {
    const slot = this.engine.slot(this.name, false);
    if (!slot) return;
    for (const doc of slot.store.liveDocuments()) slot.journal?.add(doc.id);
    slot.store = new EmbeddedStore(cloneSettings(slot.store.settings), this.engine.tokenizer);
  }

  private compactIfNeeded(slot: Slot): void {
    if (!slot.store.needsCompaction()) return;
    const next = new EmbeddedStore(cloneSettings(slot.store.settings), this.engine.tokenizer);
    for (const doc of slot.store.liveDocuments()) next.upsert(doc);
    slot.store = next;
  }

  async get(id: string): Promise<D | undefined> {
    // A fresh copy (decoded from the store's bytes).
    return this.store()?.get(id);
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult<D>> {
    const started = process.hrtime.bigint();
    const store = this.store() ?? new EmbeddedStore<D>(DEFAULT_SETTINGS, this.engine.tokenizer);
    const text = normalizeQuery(query);
    const { page, limit, offset } = validateOptions(options, store.settings);
    const result = store.search({
      text,
      filter: options.filter,
      facets: options.facets ?? [],
      sort: options.sort ?? [],
      offset,
      limit,
      preTag: options.highlightPreTag ?? '<em>',
      postTag: options.highlightPostTag ?? '</em>',
    });
    return {
      // Each hit's document is a fresh copy already (decoded from the store's bytes).
      hits: result.hits,
      facets: result.facets,
      estimatedTotal: result.total,
      page,
      limit,
      processingMs: Number((Number(process.hrtime.bigint() - started) / 1e6).toFixed(3)),
      query: text,
    };
  }

  async stats(): Promise<SearchIndexStats> {
    return { numberOfDocuments: this.store()?.size ?? 0 };
  }
}
