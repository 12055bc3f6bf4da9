import { WorkerHost } from '@nestjs/bullmq';
import { ProcessorOf, type JobOf } from '@app/platform';
import { SEARCH_SYNC_QUEUE } from '../search.events';
import { SearchSyncService } from './search-sync.service';

/**
 * `search-sync`: committed project, company and mandate events → the external search engine.
 *
 * With SEARCH_ENGINE=embedded every job is acknowledged at once (each API process keeps its own index
 * from the projection feed). With Meilisearch, `SearchSyncService` coalesces: jobs that arrive
 * together (up to the concurrency below) are written in one batch, each entity read once with its
 * latest state, and a job completes only when its batch is written (a failure retries the job).
 * The relay already sets `jobId` = event id, so one event is never enqueued twice; coalescing happens
 * here, by entity, rather than with BullMQ deduplication, which would drop the later event.
 */
@ProcessorOf(SEARCH_SYNC_QUEUE)
export class SearchSyncProcessor extends WorkerHost {
  constructor(private readonly search: SearchSyncService) {
    super();
  }

  async process(job: JobOf<typeof SEARCH_SYNC_QUEUE>): Promise<{ synced: boolean }> {
    if (!this.search.enabled) return { synced: false };
    await this.search.deliver([job.data.event]);
    return { synced: true };
  }
}
