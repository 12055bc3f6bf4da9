import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { DEFAULT_JOB_OPTIONS, QUEUE_NAMES, QueueName } from './queues';
import { workerRedisOptions } from './redis-options';

export const QUEUES = Symbol('QUEUES');
export type QueueMap = ReadonlyMap<QueueName, Queue>;

/**
 * Registers every queue (inject with @InjectQueue(name), or all of them with QUEUES). The same
 * registration configures the processors' Workers, so its connection retries forever as BullMQ
 * requires; the outbox relay keeps fail-fast producers of its own.
 */
@Global()
@Module({})
export class PlatformQueueModule {
  static forRoot(): DynamicModule {
    const registered = BullModule.registerQueueAsync(
      ...QUEUE_NAMES.map((name) => ({
        name,
        inject: [APP_CONFIG],
        useFactory: (config: AppConfig) => ({
          connection: workerRedisOptions(config.REDIS_URL),
          prefix: config.QUEUE_PREFIX,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        }),
      })),
    );
    return {
      module: PlatformQueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            connection: workerRedisOptions(config.REDIS_URL),
            prefix: config.QUEUE_PREFIX,
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
          }),
        }),
        registered,
      ],
      providers: [
        {
          provide: QUEUES,
          inject: QUEUE_NAMES.map((name) => getQueueToken(name)),
          useFactory: (...queues: Queue[]): QueueMap => new Map(QUEUE_NAMES.map((name, i) => [name, queues[i]])),
        },
      ],
      exports: [registered, QUEUES],
    };
  }
}
