import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { EventJob } from '@app/platform';
import { SearchSyncService } from '@app/search';

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
@Processor('search-sync', { concurrency: 100 })
export class SearchSyncProcessor extends WorkerHost {
  constructor(private readonly search: SearchSyncService) {
    super();
  }

  async process(job: Job<EventJob>): Promise<{ synced: boolean }> {
    if (!this.search.enabled) return { synced: false };
    await this.search.deliver([job.data.event]);
    return { synced: true };
  }
}
