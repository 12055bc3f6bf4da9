import { BullModule, getQueueToken, Processor } from '@nestjs/bullmq';
import { applyDecorators, DynamicModule, Global, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, ModuleRef } from '@nestjs/core';
import type { Job, Queue } from 'bullmq';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import type { DomainEventType, EventJob, EventOf } from '../outbox/events';
import { DEFAULT_JOB_OPTIONS, JobQueue, PROJECTIONS_QUEUE, TaskQueue } from './queues';
import { workerRedisOptions } from './redis-options';
import { WorkerEventsLogger } from './worker-events';

/**
 * The queues registered in this process (by `PlatformQueueModule.forFeature` in the libs' modules,
 * plus platform's projection broadcast): the outbox relay routes to them and the admin board lists them.
 */
@Injectable()
export class QueueRegistry implements OnModuleInit {
  private collected: JobQueue[] | null = null;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    this.collected = this.collect();
  }

  private collect(): JobQueue[] {
    const byName = new Map<string, JobQueue>();
    for (const wrapper of this.discovery.getProviders()) {
      const value: unknown = wrapper.instance;
      if (value instanceof JobQueue) {
        const seen = byName.get(value.name);
        if (seen && seen !== value) throw new Error(`two declarations of queue ${value.name}`);
        byName.set(value.name, value);
      }
    }
    return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Every queue composed in this process (available once the modules are instantiated). */
  get queues(): readonly JobQueue[] {
    return (this.collected ??= this.collect());
  }

  /** The queues an event of this type goes to. */
  routesOf(type: string): string[] {
    return this.queues.filter((q) => q.receives(type)).map((q) => q.name);
  }

  /** The BullMQ queue objects (the board; tests). */
  handles(): Queue[] {
    return this.queues.map((q) => this.moduleRef.get<Queue>(getQueueToken(q.name), { strict: false }));
  }
}

function registerQueues(queues: readonly JobQueue[]): DynamicModule {
  return BullModule.registerQueueAsync(
    ...queues.map((queue) => ({
      name: queue.name,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: workerRedisOptions(config.REDIS_URL),
        prefix: config.QUEUE_PREFIX,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    })),
  );
}

function declarations(queues: readonly JobQueue[]) {
  return queues.map((queue) => ({ provide: `tourong:job-queue:${queue.name}`, useValue: queue }));
}

/**
 * BullMQ's connection for the process, platform's projection queue and the registry. Libs add their
 * queues with `forFeature(QUEUE)` in the module that produces or consumes them. The same registration
 * configures the processors' Workers, so its connection retries forever as BullMQ requires; the
 * outbox relay keeps fail-fast producers of its own. Every Worker's `error`, `failed` and `stalled`
 * events are logged as JSON lines (WorkerEventsLogger).
 */
@Global()
@Module({})
export class PlatformQueueModule {
  static forRoot(): DynamicModule {
    const own = registerQueues([PROJECTIONS_QUEUE]);
    return {
      module: PlatformQueueModule,
      imports: [
        DiscoveryModule,
        BullModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            connection: workerRedisOptions(config.REDIS_URL),
            prefix: config.QUEUE_PREFIX,
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
          }),
        }),
        own,
      ],
      providers: [QueueRegistry, WorkerEventsLogger, ...declarations([PROJECTIONS_QUEUE])],
      exports: [own, QueueRegistry],
    };
  }

  static forFeature(...queues: JobQueue[]): DynamicModule {
    const registered = registerQueues(queues);
    return {
      module: PlatformQueueModule,
      imports: [registered],
      providers: declarations(queues),
      exports: [registered],
    };
  }
}

/** A job of queue Q: one event of the types Q receives. */
export type JobOf<Q> = Q extends JobQueue<infer T extends DomainEventType> ? Job<EventJob<EventOf<T>>> : never;

/** A job of a task queue (a lib's own jobs, not events). */
export type TaskJobOf<Q> = Q extends TaskQueue<infer D> ? Job<D> : never;

/**
 * Marks a class as the processor of a declared queue (BullMQ's `@Processor`, with its concurrency).
 * Short jobs may shorten `lockDuration` / `stalledInterval` so a killed worker's jobs return sooner.
 */
export function ProcessorOf(
  queue: JobQueue,
  options: { lockDuration?: number; stalledInterval?: number } = {},
): ClassDecorator {
  return applyDecorators(Processor(queue.name, { concurrency: queue.concurrency, ...options }));
}
