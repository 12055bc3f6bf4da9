import { WorkerHost } from '@nestjs/bullmq';
import { Inject, Module } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { ProcessorOf, type JobOf } from '../queue/queue.module';
import { PROJECTIONS_QUEUE } from '../queue/queues';
import { REDIS } from '../queue/redis.module';
import { projectionChannel } from './projection-feed';

/**
 * Broadcasts each committed event to every API process (ProjectionFeed). A publish that fails
 * (Redis down) fails the job, and BullMQ retries it; subscribers that were away resync from Postgres.
 */
@ProcessorOf(PROJECTIONS_QUEUE)
export class ProjectionBroadcastProcessor extends WorkerHost {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: JobOf<typeof PROJECTIONS_QUEUE>): Promise<{ receivers: number }> {
    const receivers = await this.redis.publish(projectionChannel(this.config.QUEUE_PREFIX), JSON.stringify(job.data));
    return { receivers };
  }
}

/** Runs in the worker: the other end of PlatformProjectionsModule (API processes). */
@Module({ providers: [ProjectionBroadcastProcessor] })
export class PlatformProjectionBroadcastModule {}
