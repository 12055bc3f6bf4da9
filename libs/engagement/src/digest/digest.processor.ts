import { InjectQueue, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig, ProcessorOf, type TaskJobOf } from '@app/platform';
import { DIGESTS_QUEUE, type DigestJobData } from '../engagement.events';
import { DigestService } from './digest.service';

export const DIGEST_SCHEDULER_ID = 'digest-daily';

@ProcessorOf(DIGESTS_QUEUE)
export class DigestProcessor extends WorkerHost {
  constructor(private readonly digest: DigestService) {
    super();
  }

  async process(job: TaskJobOf<typeof DIGESTS_QUEUE>): Promise<unknown> {
    const data = job.data;
    switch (data.type) {
      case 'daily':
        return this.digest.runDay(data.day);
      default: {
        const unreachable: never = data.type;
        throw new Error(`unknown digests job ${JSON.stringify(unreachable)}`);
      }
    }
  }
}

/**
 * Keeps the daily job scheduler registered (cron at DIGEST_HOUR:00 Asia/Shanghai). Like the reminders
 * sweeper it is re-registered on a timer: Redis here keeps nothing on disk. A run that fires twice
 * (two API replicas, a retry) finds the day's rows and sends nothing twice.
 */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DigestScheduler.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectQueue(DIGESTS_QUEUE.name) private readonly queue: Queue<DigestJobData>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure();
    this.timer = setInterval(() => void this.ensure(), 60_000);
    this.timer.unref();
  }

  async ensure(): Promise<void> {
    try {
      if (await this.queue.getJobScheduler(DIGEST_SCHEDULER_ID)) return;
      await this.queue.upsertJobScheduler(
        DIGEST_SCHEDULER_ID,
        { pattern: `0 ${this.config.DIGEST_HOUR} * * *`, tz: 'Asia/Shanghai' },
        { name: 'daily', data: { type: 'daily' }, opts: { removeOnComplete: 100, removeOnFail: 100 } },
      );
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'digest scheduler not registered (Redis down?)');
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
