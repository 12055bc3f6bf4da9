/** Search: one port, an embedded engine by default, a Meilisearch adapter. */
export * from './port';
export * from './indexes';
export { createSearchEngine, type SearchEngineConfig } from './factory';
export { EmbeddedSearchEngine, type EmbeddedEngineOptions } from './embedded/embedded-engine';
export type { SegmenterKind } from './embedded/tokenizer';
export { MeilisearchEngine, type MeilisearchEngineOptions } from './meilisearch/meilisearch-engine';
export { toMeiliFilter, quoteMeiliValue, type MeiliFilter } from './meilisearch/filter';
export { normalizeQuery } from './validate';
