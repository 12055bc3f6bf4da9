import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { PrivateRedis } from '../../../../test/support/private-redis';
import type { AppConfig } from '../config/env.schema';
import type { DomainEvent, EventJob } from '../outbox/events';
import { ProjectionFeed, projectionChannel, type ProjectionConsumer } from './projection-feed';

// A test event of platform's own: platform names no domain event.
declare module '@app/platform' {
  interface DomainEventMap {
    'platform_test.feed_ping': { projectId: string };
  }
}

class Recorder implements ProjectionConsumer {
  readonly name = 'recorder';
  batches: DomainEvent[][] = [];
  resyncs = 0;
  failNext = false;
  async apply(events: readonly DomainEvent[]) {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('boom');
    }
    this.batches.push([...events]);
  }
  async resync() {
    this.resyncs++;
  }
}

const job = (eventId: string, projectId: string): EventJob => ({
  eventId,
  occurredAt: new Date().toISOString(),
  event: { type: 'platform_test.feed_ping', projectId },
});

async function eventually(check: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('ProjectionFeed (real redis-server)', () => {
  let redis: PrivateRedis;
  let publisher: Redis;
  let feed: ProjectionFeed;
  const recorder = new Recorder();
  const prefix = `feedtest${process.pid}`;
  const publish = (j: EventJob) => publisher.publish(projectionChannel(prefix), JSON.stringify(j));

  beforeAll(async () => {
    Logger.overrideLogger(false); // the warnings this file provokes on purpose are not news
    redis = await PrivateRedis.start();
    publisher = new Redis(redis.url, { maxRetriesPerRequest: null });
    publisher.on('error', () => undefined);
    feed = new ProjectionFeed({ REDIS_URL: redis.url, QUEUE_PREFIX: prefix } as AppConfig);
    feed.register(recorder);
    await feed.onModuleInit();
  });
  afterAll(async () => {
    await feed.onApplicationShutdown();
    publisher.disconnect();
    await redis.stop();
  });

  it('batches what arrives together and drops repeated deliveries of one event', async () => {
    await publish(job('e1', 'p1'));
    await publish(job('e2', 'p2'));
    await publish(job('e1', 'p1')); // a BullMQ retry of the same event
    await eventually(() => recorder.batches.flat().length >= 2, 'two events');
    await feed.drain();
    const ids = recorder.batches.flat().map((e) => (e as { projectId: string }).projectId);
    expect(ids).toEqual(['p1', 'p2']);
  });

  it('ignores malformed messages and keeps going', async () => {
    await publisher.publish(projectionChannel(prefix), '{not json');
    await publish(job('e3', 'p3'));
    await eventually(() => recorder.batches.flat().some((e) => (e as { projectId: string }).projectId === 'p3'), 'p3');
  });

  it('a failed apply makes that consumer resync instead of stalling the feed', async () => {
    const before = recorder.resyncs;
    recorder.failNext = true;
    await publish(job('e4', 'p4'));
    await eventually(() => recorder.resyncs === before + 1, 'resync after failure');
    await publish(job('e5', 'p5'));
    await eventually(() => recorder.batches.flat().some((e) => (e as { projectId: string }).projectId === 'p5'), 'p5');
  });

  it('resyncs after Redis comes back (messages sent during the gap are lost to pub/sub) and then follows again', async () => {
    const before = recorder.resyncs;
    await redis.down();
    await redis.up();
    await eventually(() => recorder.resyncs === before + 1, 'resync after reconnect', 20_000);
    await eventually(() => publisher.status === 'ready', 'publisher reconnect', 20_000);
    // The subscription is restored by ioredis; publish until it is live again.
    await eventually(
      () => {
        void publish(job(`e6-${Date.now()}`, 'p6')).catch(() => undefined);
        return recorder.batches.flat().some((e) => (e as { projectId: string }).projectId === 'p6');
      },
      'p6 after reconnect',
      20_000,
    );
  });
});
