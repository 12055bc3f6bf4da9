import { Module } from '@nestjs/common';
import { PlatformQueueModule } from '@app/platform';
import { SEARCH_SYNC_QUEUE } from '../search.events';
import { SearchSyncProcessor } from './search-sync.processor';
import { SearchSyncService } from './search-sync.service';

/** Runs in the worker: the `search-sync` queue and its processor. */
@Module({
  imports: [PlatformQueueModule.forFeature(SEARCH_SYNC_QUEUE)],
  providers: [SearchSyncService, SearchSyncProcessor],
  exports: [SearchSyncService],
})
export class SearchSyncModule {}
