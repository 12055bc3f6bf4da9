/**
 * The search port: one interface, two adapters (embedded, Meilisearch), one contract suite.
 *
 * Search is a projection of Postgres. Documents are plain JSON objects with a string `id`; every
 * attribute a filter, facet or sort names must be declared in the index's settings, and filters are a
 * typed AST (never a string), which each adapter translates itself.
 */

/** A value a filter can compare against. */
export type FilterScalar = string | number | boolean;

/** A stored attribute value: scalars, arrays of scalars, or null (missing). */
export type DocumentValue = FilterScalar | readonly FilterScalar[] | null | undefined;

export interface SearchDocument {
  /** Primary key: 1–511 characters of `A-Z a-z 0-9 - _` (Meilisearch's rule, enforced by both adapters). */
  id: string;
  [attribute: string]: DocumentValue;
}

/**
 * Filter AST. On an array attribute `eq`/`in` mean "contains". `in: []` matches nothing. A missing
 * attribute matches no `eq`/`in`/`range`. Field names must be declared in `filterableAttributes`.
 */
export type FilterExpr =
  | { eq: { field: string; value: FilterScalar } }
  | { in: { field: string; values: readonly FilterScalar[] } }
  | { range: { field: string; gte?: number; gt?: number; lte?: number; lt?: number } }
  | { and: readonly FilterExpr[] }
  | { or: readonly FilterExpr[] }
  | { not: FilterExpr };

/** Builders, so call sites read like the expression: `F.and(F.eq('stage', 'a'), F.range('amountSought', { gte: 1 }))`. */
export const F = {
  eq: (field: string, value: FilterScalar): FilterExpr => ({ eq: { field, value } }),
  in: (field: string, values: readonly FilterScalar[]): FilterExpr => ({ in: { field, values } }),
  range: (field: string, bounds: { gte?: number; gt?: number; lte?: number; lt?: number }): FilterExpr => ({
    range: { field, ...bounds },
  }),
  and: (...items: FilterExpr[]): FilterExpr => ({ and: items }),
  or: (...items: FilterExpr[]): FilterExpr => ({ or: items }),
  not: (item: FilterExpr): FilterExpr => ({ not: item }),
} as const;

/**
 * Ranking rules, Meilisearch's vocabulary. The embedded engine always treats an explicit `sort` as the
 * primary key, relevance next and `attribute:asc|desc` custom rules as tie-breakers; so put `'sort'`
 * first in the index definitions and both adapters order alike.
 */
export type RankingRule = 'words' | 'typo' | 'proximity' | 'attribute' | 'sort' | 'exactness' | `${string}:${'asc' | 'desc'}`;

export interface SearchSettings {
  /** In order of importance (earlier = weighs more). */
  searchableAttributes: string[];
  filterableAttributes: string[];
  sortableAttributes: string[];
  /** Returned in `document` (default: all). Confidential data must never be indexed in the first place. */
  displayedAttributes?: string[];
  /** Word → words that also match it (one direction; list both ways for mutual synonyms). */
  synonyms?: Record<string, string[]>;
  rankingRules?: RankingRule[];
}

export interface SortSpec {
  field: string;
  order: 'asc' | 'desc';
}

export interface SearchOptions {
  filter?: FilterExpr;
  /** Facet distribution for these attributes (must be filterable), computed over every match. */
  facets?: string[];
  sort?: SortSpec[];
  /** 1-based. Default 1. */
  page?: number;
  /** 1–1000. Default 20. */
  limit?: number;
  /** Wrap matched words in these (default `<em>` / `</em>`); the text is not HTML-escaped. */
  highlightPreTag?: string;
  highlightPostTag?: string;
}

export interface SearchHit<D extends SearchDocument = SearchDocument> {
  id: string;
  document: D;
  /** Searchable string attributes with at least one matched word, the matches wrapped in the tags. */
  highlights: Record<string, string>;
  /** Relative relevance within this result (engine specific; absent when the engine gives none). */
  score?: number;
}

export interface SearchResult<D extends SearchDocument = SearchDocument> {
  hits: SearchHit<D>[];
  /** field → value → count, over all matches (not only the page). */
  facets: Record<string, Record<string, number>>;
  estimatedTotal: number;
  page: number;
  limit: number;
  processingMs: number;
  /** The query text actually searched (trimmed, truncated to `MAX_QUERY_CHARS`). */
  query: string;
}

export interface SearchIndexStats {
  numberOfDocuments: number;
}

export interface SearchIndex<D extends SearchDocument = SearchDocument> {
  readonly name: string;
  /** Idempotent: applying the same settings again changes nothing (and, on Meilisearch, enqueues nothing). */
  applySettings(settings: SearchSettings): Promise<void>;
  getSettings(): Promise<SearchSettings>;
  /** Insert or replace whole documents, in batches (default 1 000 per batch). */
  upsert(documents: readonly D[], options?: { batchSize?: number }): Promise<void>;
  delete(ids: readonly string[]): Promise<void>;
  deleteAll(): Promise<void>;
  get(id: string): Promise<D | undefined>;
  search(query: string, options?: SearchOptions): Promise<SearchResult<D>>;
  stats(): Promise<SearchIndexStats>;
}

export interface SearchHealth {
  ok: boolean;
  engine: SearchEngineKind;
  /** Latency of the health probe. */
  latencyMs: number;
  detail?: string;
  indexes?: Record<string, number>;
}

export type SearchEngineKind = 'embedded' | 'meilisearch';

export interface RebuildResult {
  index: string;
  documents: number;
  tookMs: number;
}

export interface SearchEngine {
  readonly kind: SearchEngineKind;
  /** A handle on the live index `name` (created on first write or settings). */
  index<D extends SearchDocument = SearchDocument>(name: string): SearchIndex<D>;
  /**
   * Build a fresh copy of `name` in a shadow index (settings first, then `fill` writes every
   * document), then swap it in atomically and drop the old one. Queries keep answering from the old
   * copy until the swap. On failure the live index is untouched and the shadow is dropped.
   */
  rebuild<D extends SearchDocument = SearchDocument>(
    name: string,
    settings: SearchSettings,
    fill: (shadow: SearchIndex<D>) => Promise<void>,
  ): Promise<RebuildResult>;
  /** Exchange the contents (documents and settings) of two indexes atomically. */
  swap(a: string, b: string): Promise<void>;
  deleteIndex(name: string): Promise<void>;
  listIndexes(): Promise<string[]>;
  health(): Promise<SearchHealth>;
  close(): Promise<void>;
}

/** Longest query text searched; longer input is truncated (not rejected), on both adapters. */
export const MAX_QUERY_CHARS = 500;
export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 20;

export type SearchErrorCode =
  | 'SEARCH_FILTER_ATTRIBUTE_NOT_FILTERABLE'
  | 'SEARCH_FACET_ATTRIBUTE_NOT_FILTERABLE'
  | 'SEARCH_SORT_ATTRIBUTE_NOT_SORTABLE'
  | 'SEARCH_FILTER_INVALID'
  | 'SEARCH_PAGINATION_INVALID'
  | 'SEARCH_QUERY_INVALID'
  | 'SEARCH_DOCUMENT_INVALID'
  | 'SEARCH_SETTINGS_INVALID'
  | 'SEARCH_INDEX_NOT_FOUND'
  | 'SEARCH_UNAVAILABLE'
  | 'SEARCH_TASK_TIMEOUT'
  | 'SEARCH_TASK_FAILED';

export abstract class SearchError extends Error {
  abstract readonly code: SearchErrorCode;
}

/** The caller asked for something the index cannot do (a 400, not a 500). */
export class SearchQueryError extends SearchError {
  constructor(
    readonly code:
      | 'SEARCH_FILTER_ATTRIBUTE_NOT_FILTERABLE'
      | 'SEARCH_FACET_ATTRIBUTE_NOT_FILTERABLE'
      | 'SEARCH_SORT_ATTRIBUTE_NOT_SORTABLE'
      | 'SEARCH_FILTER_INVALID'
      | 'SEARCH_PAGINATION_INVALID'
      | 'SEARCH_QUERY_INVALID'
      | 'SEARCH_DOCUMENT_INVALID'
      | 'SEARCH_SETTINGS_INVALID',
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'SearchQueryError';
  }
}

/** The engine cannot answer or did not finish a write in time (a 503; retry later). */
export class SearchUnavailableError extends SearchError {
  constructor(
    readonly code: 'SEARCH_UNAVAILABLE' | 'SEARCH_TASK_TIMEOUT' | 'SEARCH_TASK_FAILED' | 'SEARCH_INDEX_NOT_FOUND',
    message: string,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'SearchUnavailableError';
  }
}
