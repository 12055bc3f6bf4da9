import type { DefaultJobOptions } from 'bullmq';

/** Every BullMQ queue, in one place (workers, producers and the admin board read this list). */
export const QUEUE_NAMES = ['notifications', 'imports', 'projections', 'search-sync'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  // Bounded history: enough to inspect recent runs and failures without growing Redis forever.
  removeOnComplete: { count: 1000, age: 24 * 3600 },
  removeOnFail: { count: 5000, age: 14 * 24 * 3600 },
};
