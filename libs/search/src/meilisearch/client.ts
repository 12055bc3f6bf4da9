/**
 * The slice of the official `meilisearch` client (0.62) this adapter uses, typed here because the
 * package is ESM-only and its types do not resolve under this repo's CommonJS `moduleResolution`.
 * Loaded lazily (`loadMeilisearch`), so nothing requires it unless SEARCH_ENGINE=meilisearch.
 */

export interface MeiliTask {
  taskUid?: number;
  uid?: number;
  status: 'enqueued' | 'processing' | 'succeeded' | 'failed' | 'canceled';
  type?: string;
  error?: { code?: string; message?: string } | null;
}

export interface MeiliEnqueued extends Promise<{ taskUid: number }> {
  waitTask(options?: { timeout?: number; interval?: number }): Promise<MeiliTask>;
}

export interface MeiliSettings {
  searchableAttributes?: string[];
  filterableAttributes?: (string | { attributePatterns: string[] })[];
  sortableAttributes?: string[];
  displayedAttributes?: string[];
  synonyms?: Record<string, string[]>;
  rankingRules?: string[];
  faceting?: { maxValuesPerFacet?: number; sortFacetValuesBy?: Record<string, string> };
  pagination?: { maxTotalHits?: number };
  typoTolerance?: Record<string, unknown>;
}

export interface MeiliSearchResponse {
  hits: Record<string, unknown>[];
  estimatedTotalHits?: number;
  totalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
  processingTimeMs: number;
}

export interface MeiliIndex {
  search(q: string, params: Record<string, unknown>): Promise<MeiliSearchResponse>;
  addDocuments(documents: Record<string, unknown>[], options?: { primaryKey?: string }): MeiliEnqueued;
  deleteDocuments(ids: string[]): MeiliEnqueued;
  deleteAllDocuments(): MeiliEnqueued;
  getDocument(id: string): Promise<Record<string, unknown>>;
  getSettings(): Promise<MeiliSettings>;
  updateSettings(settings: MeiliSettings): MeiliEnqueued;
  getStats(): Promise<{ numberOfDocuments: number }>;
}

export interface MeiliClient {
  index(uid: string): MeiliIndex;
  createIndex(uid: string, options?: { primaryKey?: string }): MeiliEnqueued;
  deleteIndex(uid: string): MeiliEnqueued;
  swapIndexes(swaps: { indexes: [string, string] }[]): MeiliEnqueued;
  getRawIndexes(query?: { limit?: number; offset?: number }): Promise<{ results: { uid: string }[]; total: number }>;
  health(): Promise<{ status: string }>;
}

export interface MeiliModule {
  Meilisearch: new (config: { host: string; apiKey?: string; timeout?: number }) => MeiliClient;
}

/**
 * `require` of an ES module works in Node ≥ 20.19 (this repo's runtime). Jest's CommonJS loader
 * needs `meilisearch` in jest.config.ts' ESM_ONLY transform list for the integration suite.
 */
export async function loadMeilisearch(): Promise<MeiliModule> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('meilisearch') as MeiliModule;
}
