import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Job, Worker } from 'bullmq';

/**
 * Routes every BullMQ Worker's events through the process logger (pino: JSON lines), for every
 * processor the process composed (`@ProcessorOf` or plain `@Processor`, found by discovery):
 *
 * - `error` (the worker's own failures, e.g. "Missing key for job …" when Redis lost the job while
 *   it ran): without a listener BullMQ prints them as plain stack traces on stderr;
 * - `failed` (a job's attempt threw): warn while retries remain, error on the last attempt;
 * - `stalled` (a job's lock expired and it was put back).
 *
 * Listeners are attached at bootstrap, after the explorer of @nestjs/bullmq created the workers.
 */
@Injectable()
export class WorkerEventsLogger implements OnApplicationBootstrap {
  private readonly logger = new Logger('Queue');
  private readonly attached = new WeakSet<Worker>();

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!(instance instanceof WorkerHost)) continue;
      let worker: Worker | undefined;
      try {
        worker = instance.worker;
      } catch {
        worker = undefined; // a request-scoped host has no worker of its own
      }
      if (worker) this.attach(worker);
    }
  }

  /** Public for processes that create Workers by hand. */
  attach(worker: Worker): void {
    if (this.attached.has(worker)) return;
    this.attached.add(worker);
    const queue = worker.name;
    worker.on('error', (err: Error) => {
      this.logger.error({ err, queue }, 'queue worker error');
    });
    worker.on('failed', (job: Job | undefined, err: Error) => {
      const attempts = job?.opts.attempts ?? 1;
      const attemptsMade = job?.attemptsMade ?? 0;
      const final = attemptsMade >= attempts;
      const line = { err, queue, jobId: job?.id, jobName: job?.name, attemptsMade, attempts };
      if (final) this.logger.error(line, 'job failed; no attempts left');
      else this.logger.warn(line, 'job failed; will retry');
    });
    worker.on('stalled', (jobId: string) => {
      this.logger.warn({ queue, jobId }, 'job stalled; put back to run again');
    });
  }
}
