import { WorkerHost } from '@nestjs/bullmq';
import { ProcessorOf, type JobOf } from '@app/platform';
import { ROADSHOW_SCHEDULING_QUEUE } from '../roadshows.events';
import { SchedulePlanner } from './schedule-planner';

/** `roadshow-scheduling`: one scheduler run per job, progress on the job and on the run row. */
@ProcessorOf(ROADSHOW_SCHEDULING_QUEUE)
export class ScheduleProcessor extends WorkerHost {
  constructor(private readonly planner: SchedulePlanner) {
    super();
  }

  async process(job: JobOf<typeof ROADSHOW_SCHEDULING_QUEUE>): Promise<{ status: string | null }> {
    const run = await this.planner.run(job.data.event.runId, (p) => job.updateProgress(p));
    return { status: run?.status ?? null };
  }
}
