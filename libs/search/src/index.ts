/** Search: one port, an embedded engine by default, a Meilisearch adapter. */
export * from './port';
export * from './indexes';
export { createSearchEngine, type SearchEngineConfig } from './factory';
export { EmbeddedSearchEngine, type EmbeddedEngineOptions } from './embedded/embedded-engine';
export { loadJieba, type SegmenterKind } from './embedded/tokenizer';
export { MeilisearchEngine, type MeilisearchEngineOptions } from './meilisearch/meilisearch-engine';
export { toMeiliFilter, quoteMeiliValue, type MeiliFilter } from './meilisearch/filter';
export { normalizeQuery } from './validate';
// Nest layer: the API module (GET /search, the embedded index fed by the projection feed, the
// deal-flow candidate set) and the worker's Meilisearch sync.
export { SearchModule } from './nest/search.module';
export { SearchService, SEARCH_FACETS } from './nest/search.service';
export { SearchProjection } from './nest/search-projection.service';
export { SearchSyncModule } from './nest/search-sync.module';
export { SearchSyncService } from './nest/search-sync.service';
export { SearchSync, watermarkKey, type SearchSyncOptions } from './nest/search-sync';
export { SearchWriter, addEventRefs, emptyRefs, type SearchRefs } from './nest/search-writer';
export { SEARCH_ENGINE, searchEngineConfig } from './nest/search.constants';
export { searchError, type SearchApiErrorCode } from './nest/search.errors';
export * from './nest/search-documents';
export * from './search.events';
export { ProjectFiltersDto } from './nest/project-filters.dto';
