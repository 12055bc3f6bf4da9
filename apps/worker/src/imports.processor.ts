import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { DomainEvent, EventJob } from '@app/platform';
import { ImportService } from '@app/startups';

type ImportEvent = Extract<DomainEvent, { type: 'startups.import_requested' }>;

/** Large company imports, with progress on both the BullMQ job and the import_jobs row. */
@Processor('imports', { concurrency: 1 })
export class ImportsProcessor extends WorkerHost {
  constructor(private readonly imports: ImportService) {
    super();
  }

  async process(job: Job<EventJob<ImportEvent>>) {
    const result = await this.imports.runJob(job.data.event.importId, async (done, total) => {
      await job.updateProgress(Math.round((done / total) * 100));
    });
    return { status: result.status, processedRows: result.processedRows, startupsUpserted: result.startupsUpserted };
  }
}
