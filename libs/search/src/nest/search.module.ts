import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/platform';
import { createSearchEngine } from '../factory';
import { SEARCH_ENGINE, searchEngineConfig } from './search.constants';
import { SearchController } from './search.controller';
import { SearchProjection } from './search-projection.service';
import { SearchService } from './search.service';

/**
 * API-process search: the engine from config, the index projection (embedded: built at boot and fed by
 * the projection feed; Meilisearch: settings at boot), `GET /search` and `SearchService` (also the
 * deal-flow candidate set). Needs PlatformProjectionsModule (the API app imports it).
 */
@Module({
  controllers: [SearchController],
  providers: [
    {
      provide: SEARCH_ENGINE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createSearchEngine(searchEngineConfig(config)),
    },
    SearchProjection,
    SearchService,
  ],
  exports: [SearchService, SearchProjection, SEARCH_ENGINE],
})
export class SearchModule {}
