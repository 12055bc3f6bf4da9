import { EventEmitter } from 'node:events';
import { WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { DiscoveryService } from '@nestjs/core';
import type { Worker } from 'bullmq';
import { WorkerEventsLogger } from './worker-events';

class FakeHost extends WorkerHost {
  async process() {
    return undefined;
  }
}

describe('WorkerEventsLogger', () => {
  afterEach(() => jest.restoreAllMocks());

  function hooked() {
    const worker = Object.assign(new EventEmitter(), { name: 'search-sync' });
    const host = new FakeHost();
    (host as unknown as { _worker: Worker })._worker = worker as unknown as Worker;
    const discovery = { getProviders: () => [{ instance: host }, { instance: {} }] } as unknown as DiscoveryService;
    new WorkerEventsLogger(discovery).onApplicationBootstrap();
    return worker;
  }

  it("logs a worker's own error (BullMQ's 'Missing key for job') as a structured line instead of letting it reach stderr", () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const worker = hooked();
    const err = new Error('Missing key for job 42. moveToFinished');
    // Without a listener an EventEmitter throws on 'error' (BullMQ then prints it with console.error).
    expect(() => worker.emit('error', err)).not.toThrow();
    expect(error).toHaveBeenCalledWith({ err, queue: 'search-sync' }, 'queue worker error');
  });

  it('logs a failed attempt at warn while retries remain and at error on the last one', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const worker = hooked();
    const err = new Error('boom');
    worker.emit('failed', { id: 'e1', name: 'startups.startup_changed', attemptsMade: 1, opts: { attempts: 3 } }, err);
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ queue: 'search-sync', jobId: 'e1', attemptsMade: 1, attempts: 3 }),
      'job failed; will retry',
    );
    worker.emit('failed', { id: 'e1', name: 'startups.startup_changed', attemptsMade: 3, opts: { attempts: 3 } }, err);
    expect(error).toHaveBeenCalledWith(
      expect.objectContaining({ jobId: 'e1', attemptsMade: 3 }),
      'job failed; no attempts left',
    );
    worker.emit('stalled', 'e2');
    expect(warn).toHaveBeenCalledWith({ queue: 'search-sync', jobId: 'e2' }, 'job stalled; put back to run again');
  });
});
