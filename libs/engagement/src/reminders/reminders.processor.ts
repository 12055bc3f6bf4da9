import { InjectQueue, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig, ProcessorOf, type TaskJobOf } from '@app/platform';
import { REMINDERS_QUEUE, type ReminderJobData } from '../engagement.events';
import { RemindersService } from './reminders.service';

export const SWEEPER_ID = 'reminders-sweeper';

/**
 * `reminders`: sends one scheduled notification per `send` job; `sweep` enqueues what is due. A send
 * takes milliseconds, so the lock is short: the jobs of a worker killed mid-batch are back within
 * ~10 s (BullMQ's stalled check), and their rows are still pending, so they are sent exactly once.
 */
@ProcessorOf(REMINDERS_QUEUE, { lockDuration: 10_000, stalledInterval: 5_000 })
export class RemindersProcessor extends WorkerHost {
  constructor(private readonly reminders: RemindersService) {
    super();
  }

  async process(job: TaskJobOf<typeof REMINDERS_QUEUE>): Promise<unknown> {
    const data = job.data;
    switch (data.type) {
      case 'sweep':
        return this.reminders.sweep();
      case 'send':
        try {
          return { outcome: await this.reminders.send(data.id) };
        } catch (err) {
          await this.reminders.recordFailure(data.id, err as Error);
          throw err;
        }
      default: {
        const unreachable: never = data;
        throw new Error(`unknown reminders job ${JSON.stringify(unreachable)}`);
      }
    }
  }
}

/**
 * Keeps the repeatable sweeper registered. Redis here keeps nothing on disk: after a FLUSHALL the job
 * scheduler is gone with every delayed job, so the worker re-registers it on a timer (idempotent) and
 * the first sweep re-enqueues every row that is due.
 */
@Injectable()
export class SweeperScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SweeperScheduler.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectQueue(REMINDERS_QUEUE.name) private readonly queue: Queue<ReminderJobData>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure(true);
    this.timer = setInterval(() => void this.ensure(false), Math.max(1000, this.config.REMINDER_SWEEP_MS));
    this.timer.unref();
  }

  async ensure(boot: boolean): Promise<void> {
    try {
      const existing = boot ? null : await this.queue.getJobScheduler(SWEEPER_ID);
      if (existing) return;
      await this.queue.upsertJobScheduler(
        SWEEPER_ID,
        { every: this.config.REMINDER_SWEEP_MS },
        { name: 'sweep', data: { type: 'sweep' }, opts: { removeOnComplete: 100, removeOnFail: 100 } },
      );
      if (!boot) this.logger.warn('reminders sweeper was missing from Redis: registered again');
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'reminders sweeper not registered (Redis down?)');
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
