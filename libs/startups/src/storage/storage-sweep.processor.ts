import { InjectQueue, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ProcessorOf, type TaskJobOf } from '@app/platform';
import { STORAGE_SWEEP_QUEUE, type StorageSweepJobData } from '../startups.events';
import { StorageSweeper } from './storage-sweeper';

export const STORAGE_SWEEP_SCHEDULER_ID = 'storage-sweep-daily';
export const STORAGE_SWEEP_EVERY_MS = 24 * 3600_000;

@ProcessorOf(STORAGE_SWEEP_QUEUE)
export class StorageSweepProcessor extends WorkerHost {
  constructor(private readonly sweeper: StorageSweeper) {
    super();
  }

  async process(job: TaskJobOf<typeof STORAGE_SWEEP_QUEUE>): Promise<unknown> {
    const data = job.data;
    switch (data.type) {
      case 'sweep': {
        const { deletedKeys: _keys, ...counts } = await this.sweeper.sweep();
        return counts;
      }
      default: {
        const unreachable: never = data.type;
        throw new Error(`unknown storage-sweep job ${JSON.stringify(unreachable)}`);
      }
    }
  }
}

/**
 * Keeps the daily sweep registered. Redis may lose every key (rule 6): the worker re-registers the
 * job scheduler at boot and checks hourly that it is still there (idempotent upsert).
 */
@Injectable()
export class StorageSweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StorageSweepScheduler.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(@InjectQueue(STORAGE_SWEEP_QUEUE.name) private readonly queue: Queue<StorageSweepJobData>) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure(true);
    this.timer = setInterval(() => void this.ensure(false), 3600_000);
    this.timer.unref();
  }

  async ensure(boot: boolean): Promise<void> {
    try {
      if (!boot && (await this.queue.getJobScheduler(STORAGE_SWEEP_SCHEDULER_ID))) return;
      await this.queue.upsertJobScheduler(
        STORAGE_SWEEP_SCHEDULER_ID,
        { every: STORAGE_SWEEP_EVERY_MS },
        { name: 'sweep', data: { type: 'sweep' }, opts: { removeOnComplete: 30, removeOnFail: 30 } },
      );
      if (!boot) this.logger.warn('storage sweep scheduler was missing from Redis: registered again');
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'storage sweep scheduler not registered (Redis down?)');
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
