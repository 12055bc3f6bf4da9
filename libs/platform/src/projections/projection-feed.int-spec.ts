import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { PrivateRedis } from '../../../../test/support/private-redis';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { runInTransaction } from '../database/unit-of-work';
import { ReadinessRegistry } from '../health/readiness';
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

describe('ProjectionFeed gap review (real Postgres and redis-server)', () => {
  let db: TestDatabase;
  let redis: PrivateRedis;
  let publisher: Redis;
  let feed: ProjectionFeed;
  const recorder = new Recorder();
  const readiness = new ReadinessRegistry();
  const prefix = `gaptest${process.pid}`;
  const config = {
    QUEUE_PREFIX: prefix,
    PROJECTION_CHECK_MS: 60_000, // reviews are driven by the test
    PROJECTION_GAP_GRACE_MS: 200,
  } as AppConfig;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    db = await createTestDatabase();
    redis = await PrivateRedis.start();
    Object.assign(config, { REDIS_URL: redis.url });
    publisher = new Redis(redis.url, { maxRetriesPerRequest: null });
    publisher.on('error', () => undefined);
    feed = new ProjectionFeed(config, db.dataSource, readiness);
    feed.register(recorder);
    await feed.onModuleInit();
  });

  afterAll(async () => {
    await feed?.onApplicationShutdown();
    publisher?.disconnect();
    await redis?.stop();
    await db?.drop();
  });

  /** Commits `n` events and marks them dispatched as the relay would; returns their rows. */
  async function commitDispatched(n: number, tag: string) {
    await runInTransaction(db.dataSource, async (tx) => {
      for (let i = 0; i < n; i++) tx.publish({ type: 'platform_test.feed_ping', projectId: `${tag}-${i}` });
    });
    await db.dataSource.query(
      `UPDATE outbox_events SET dispatched_at = now() - interval '1 second' WHERE dispatched_at IS NULL`,
    );
    return (await db.dataSource.query(
      `SELECT id, seq::int AS seq, payload FROM outbox_events WHERE payload->>'projectId' LIKE $1 ORDER BY seq`,
      [`${tag}-%`],
    )) as { id: string; seq: number; payload: DomainEvent }[];
  }

  const applied = () => recorder.batches.flat().map((e) => (e as { projectId: string }).projectId);

  it('applies from the outbox the dispatched events it never received (a Redis that lost their jobs), once', async () => {
    const rows = await commitDispatched(5, 'lost');
    // Only the 1st, 2nd and 5th broadcasts arrive; the others were flushed away with their jobs.
    for (const r of [rows[0], rows[1], rows[4]]) {
      await publisher.publish(
        projectionChannel(prefix),
        JSON.stringify({ eventId: r.id, seq: r.seq, occurredAt: new Date().toISOString(), event: r.payload }),
      );
    }
    await eventually(() => applied().includes('lost-4'), 'the broadcasts that arrived');
    await feed.drain();
    const before = readinessInfo();
    expect(await before).toMatchObject({ watermark: 0 });
    await feed.reviewGaps(db.dataSource);
    await feed.drain();
    expect(
      applied()
        .filter((p) => p.startsWith('lost-'))
        .sort(),
    ).toEqual(['lost-0', 'lost-1', 'lost-2', 'lost-3', 'lost-4']);
    expect(await readinessInfo()).toMatchObject({ behind: 0, watermark: rows[4].seq, caughtUp: 2, degraded: false });
    // A second review finds nothing more to do.
    await feed.reviewGaps(db.dataSource);
    await feed.drain();
    expect(applied().filter((p) => p.startsWith('lost-'))).toHaveLength(5);
  });

  it('reports pending events as lag (events and seconds) until they arrive', async () => {
    await runInTransaction(db.dataSource, async (tx) => {
      tx.publish({ type: 'platform_test.feed_ping', projectId: 'late-0' });
      tx.publish({ type: 'platform_test.feed_ping', projectId: 'late-1' });
    });
    await db.dataSource.query(
      `UPDATE outbox_events SET created_at = now() - interval '7 seconds' WHERE dispatched_at IS NULL`,
    );
    await feed.reviewGaps(db.dataSource);
    const info = await readinessInfo();
    expect(info).toMatchObject({ behind: 2, degraded: true });
    expect(info.lagSeconds).toBeGreaterThanOrEqual(7);
    // The relay dispatches them and the broadcasts arrive.
    const rows = (await db.dataSource.query(
      `UPDATE outbox_events SET dispatched_at = now() WHERE dispatched_at IS NULL RETURNING id, seq::int AS seq, payload`,
    )) as [{ id: string; seq: number; payload: DomainEvent }[], number];
    for (const r of rows[0]) {
      await publisher.publish(
        projectionChannel(prefix),
        JSON.stringify({ eventId: r.id, seq: r.seq, occurredAt: new Date().toISOString(), event: r.payload }),
      );
    }
    await eventually(() => applied().includes('late-1') && applied().includes('late-0'), 'late events');
    await feed.reviewGaps(db.dataSource);
    expect(await readinessInfo()).toMatchObject({ behind: 0, lagSeconds: 0, degraded: false });
  });

  async function readinessInfo(): Promise<Record<string, number | boolean>> {
    const check = readiness.checks.find((c) => c.name === 'projections')!;
    const result = await check.check();
    return (result as { info: Record<string, number | boolean> }).info;
  }
});
