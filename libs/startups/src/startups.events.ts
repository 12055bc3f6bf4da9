import { defineQueue, defineTaskQueue } from '@app/platform';

/** The events startups publishes (through the outbox, in the transaction of the command). */
declare module '@app/platform' {
  interface DomainEventMap {
    'startups.startup_changed': { startupId: string; organizationId: string };
    'startups.project_changed': { projectId: string; startupId: string; status: 'draft' | 'published' | 'archived' };
    'startups.import_requested': { importId: string };
  }
}

/** Large company imports run in the worker, one at a time (progress on the job and the import row). */
export const IMPORTS_QUEUE = defineQueue('imports', { events: ['startups.import_requested'], concurrency: 1 });

/** A job of the `storage-sweep` queue: remove stored files no row references (see StorageSweeper). */
export type StorageSweepJobData = { type: 'sweep' };

/** `storage-sweep`: startups' own repeatable job (not fed by the outbox), daily in the worker. */
export const STORAGE_SWEEP_QUEUE = defineTaskQueue<StorageSweepJobData>('storage-sweep');
