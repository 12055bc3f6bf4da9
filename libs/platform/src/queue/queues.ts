import type { DefaultJobOptions } from 'bullmq';
import type { DomainEventType } from '../outbox/events';

/**
 * A queue fed by the outbox relay, declared by the lib that consumes it (`<lib>.events.ts`): its
 * name, the events it receives (each event is one job, named by its type, jobId = the outbox row id)
 * and the concurrency of its processor. Modules register it with `PlatformQueueModule.forFeature`;
 * the relay routes to every queue registered in its process, and nothing else.
 */
export class JobQueue<T extends DomainEventType = DomainEventType> {
  private readonly types: ReadonlySet<string> | null;

  constructor(
    readonly name: string,
    /** The event types this queue receives; `'*'` for every event (the projection broadcast). */
    readonly events: readonly T[] | '*',
    readonly concurrency: number,
  ) {
    this.types = events === '*' ? null : new Set(events);
  }

  receives(type: string): type is T {
    return this.types === null || this.types.has(type);
  }
}

export function defineQueue<const T extends DomainEventType>(
  name: string,
  options: { events: readonly T[]; concurrency?: number },
): JobQueue<T> {
  return new JobQueue(name, options.events, options.concurrency ?? 1);
}

/**
 * Platform's own queue: every committed event, broadcast by the worker to every API process
 * (ProjectionFeed); each projection keeps the events it cares about.
 */
export const PROJECTIONS_QUEUE = new JobQueue<DomainEventType>('projections', '*', 8);

/**
 * A queue of a lib's own jobs (not fed by the outbox relay: it receives no event): reminders to
 * send, sweeps. `D` is the job's data; processors take a `TaskJobOf<typeof QUEUE>`. Registered like
 * any queue (`PlatformQueueModule.forFeature(QUEUE)`), so the admin board lists it.
 */
export class TaskQueue<D = unknown> extends JobQueue<never> {
  declare readonly __data?: D;

  constructor(name: string, concurrency: number) {
    super(name, [], concurrency);
  }
}

export function defineTaskQueue<D>(name: string, options: { concurrency?: number } = {}): TaskQueue<D> {
  return new TaskQueue<D>(name, options.concurrency ?? 1);
}

export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  // Bounded history: enough to inspect recent runs and failures without growing Redis forever.
  removeOnComplete: { count: 1000, age: 24 * 3600 },
  removeOnFail: { count: 5000, age: 14 * 24 * 3600 },
};
