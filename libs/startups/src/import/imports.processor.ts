import { WorkerHost } from '@nestjs/bullmq';
import { ProcessorOf, type JobOf } from '@app/platform';
import { IMPORTS_QUEUE } from '../startups.events';
import { ImportService } from './import.service';

/** Large company imports, with progress on both the BullMQ job and the import_jobs row. */
@ProcessorOf(IMPORTS_QUEUE)
export class ImportsProcessor extends WorkerHost {
  constructor(private readonly imports: ImportService) {
    super();
  }

  async process(job: JobOf<typeof IMPORTS_QUEUE>) {
    const result = await this.imports.runJob(job.data.event.importId, async (done, total) => {
      await job.updateProgress(Math.round((done / total) * 100));
    });
    return { status: result.status, processedRows: result.processedRows, startupsUpserted: result.startupsUpserted };
  }
}
