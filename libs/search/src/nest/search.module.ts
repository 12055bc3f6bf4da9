import { Module } from '@nestjs/common';
import { APP_CONFIG, PlatformQueueModule, type AppConfig } from '@app/platform';
import { FundsModule } from '@app/funds';
import { StartupsModule } from '@app/startups';
import { SEARCH_SYNC_QUEUE } from '../search.events';
import { createSearchEngine } from '../factory';
import { SEARCH_ENGINE, searchEngineConfig } from './search.constants';
import { SearchController } from './search.controller';
import { SearchProjection } from './search-projection.service';
import { SearchService } from './search.service';

/**
 * API-process search: the engine from config, the index projection (embedded: built at boot and fed by
 * the projection feed; Meilisearch: settings at boot), `GET /search` and `SearchService` (also the
 * deal-flow candidate set). Runs in the API; needs PlatformProjectionsModule (the API app imports it).
 * Registers the `search-sync` queue so the admin board lists it; the worker's SearchSyncModule consumes it.
 */
@Module({
  imports: [StartupsModule, FundsModule, PlatformQueueModule.forFeature(SEARCH_SYNC_QUEUE)],
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
