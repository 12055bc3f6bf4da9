import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import Redis from 'ioredis';
import { APP_CONFIG, projectionChannel, REDIS, type AppConfig, type EventJob } from '@app/platform';

/**
 * Broadcasts each committed event to every API process (ProjectionFeed). A publish that fails
 * (Redis down) fails the job, and BullMQ retries it; subscribers that were away resync from Postgres.
 */
@Processor('projections', { concurrency: 8 })
export class ProjectionsProcessor extends WorkerHost {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job<EventJob>): Promise<{ receivers: number }> {
    const receivers = await this.redis.publish(projectionChannel(this.config.QUEUE_PREFIX), JSON.stringify(job.data));
    return { receivers };
  }
}
