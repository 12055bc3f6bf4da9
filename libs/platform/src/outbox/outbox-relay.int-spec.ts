import { Queue } from 'bullmq';
import { IsNull } from 'typeorm';
import { runInTransaction } from '../database/unit-of-work';
import { failFastRedisOptions } from '../queue/redis-options';
import { OutboxRelay } from './outbox-relay';
import { OutboxEventEntity } from './outbox-event.entity';
import { createTestDatabase, TestDatabase, testQueuePrefix } from '../../../../test/support/test-database';
import { PrivateRedis } from '../../../../test/support/private-redis';

// A test event of platform's own: platform names no domain event.
declare module '@app/platform' {
  interface DomainEventMap {
    'platform_test.outbox_ping': { ref: string; organizationId: string };
  }
}

describe('outbox relay (real Postgres, a private real redis-server)', () => {
  let db: TestDatabase;
  let redis: PrivateRedis;
  let queue: Queue;
  let relay: OutboxRelay;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = await PrivateRedis.start();
    queue = new Queue('notifications', { connection: failFastRedisOptions(redis.url), prefix: testQueuePrefix() });
    queue.on('error', () => undefined);
    await queue.waitUntilReady();
    relay = new OutboxRelay(db.dataSource, new Map([['notifications', queue]]), () => ['notifications'], {
      batchSize: 7,
      retryBaseMs: 1,
      retryMaxMs: 5,
    });
  });

  afterAll(async () => {
    await queue?.close().catch(() => undefined);
    await redis?.stop();
    await db?.drop();
  });

  const publish = (n: number, from = 0) =>
    runInTransaction(db.dataSource, async (tx) => {
      for (let i = from; i < from + n; i++) {
        tx.publish({ type: 'platform_test.outbox_ping', ref: `inv-${i}`, organizationId: 'org-1' });
      }
    });

  const pending = () => db.dataSource.getRepository(OutboxEventEntity).countBy({ dispatchedAt: IsNull() });

  async function waitForRedis(): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      try {
        await queue.client.then((c) => (c as unknown as { ping(): Promise<string> }).ping());
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error('queue did not reconnect');
  }

  it('writes nothing when the command rolls back', async () => {
    await expect(
      runInTransaction(db.dataSource, async (tx) => {
        tx.publish({ type: 'platform_test.outbox_ping', ref: 'never', organizationId: 'org-1' });
        throw new Error('command failed');
      }),
    ).rejects.toThrow('command failed');
    expect(await pending()).toBe(0);
  });

  it('delivers every event exactly once when Redis is down at commit time and returns later', async () => {
    await redis.down();
    await publish(20);
    expect(await pending()).toBe(20);

    // Redis unreachable: nothing is dispatched, nothing is lost, attempts and the error are recorded.
    const during = await relay.relayOnce();
    expect(during).toEqual({ dispatched: 0, failed: 7, error: expect.stringMatching(/.+/) });
    expect(await pending()).toBe(20);
    const failedRows = await db.dataSource.query('SELECT attempts, last_error FROM outbox_events WHERE attempts > 0');
    expect(failedRows).toHaveLength(7);
    expect(failedRows[0].last_error).toMatch(/.+/);

    await redis.up();
    await waitForRedis();
    await new Promise((r) => setTimeout(r, 20)); // past the (tiny) retry delay
    // Two relays racing over the same rows: SKIP LOCKED gives each row to one of them.
    const [a, b] = await Promise.all([relay.drain(), relay.drain()]);
    expect(a.dispatched + b.dispatched).toBe(20);
    expect(await pending()).toBe(0);

    const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
    const invitationIds = jobs.map((j) => (j.data.event as { ref: string }).ref).sort();
    expect(invitationIds).toEqual(Array.from({ length: 20 }, (_, i) => `inv-${i}`).sort());
    const rows: { id: string }[] = await db.dataSource.query('SELECT id FROM outbox_events');
    expect(new Set(jobs.map((j) => j.id))).toEqual(new Set(rows.map((r) => r.id)));
  });

  it('does not enqueue a second copy when a dispatched event is relayed again', async () => {
    await publish(3, 100);
    await relay.drain();
    const before = await queue.getJobCountByTypes('waiting');
    // Simulate a relay that crashed after enqueueing but before marking the rows dispatched.
    await db.dataSource.query("UPDATE outbox_events SET dispatched_at = NULL WHERE payload->>'ref' LIKE 'inv-10_'");
    expect(await relay.drain()).toEqual({ dispatched: 3, failed: 0 });
    expect(await queue.getJobCountByTypes('waiting')).toBe(before);
  });

  it('after Redis lost its keys, re-delivers the recent window once, with the sequence on every job', async () => {
    await publish(4, 200);
    await relay.drain();
    const client = (await queue.client) as unknown as { flushall(): Promise<string> };
    await client.flushall();
    expect(await queue.getJobCountByTypes('waiting')).toBe(0);
    // Every row dispatched in the window comes back (this file's earlier rows included).
    const total: number = (await db.dataSource.query('SELECT count(*)::int AS n FROM outbox_events'))[0].n;
    expect(await relay.redeliverSince(60_000)).toBe(total);
    expect(await relay.backlog()).toMatchObject({ pending: total });
    expect((await relay.drain()).dispatched).toBe(total);
    const jobs = await queue.getJobs(['waiting']);
    expect(jobs).toHaveLength(total);
    const rows: { id: string; seq: string }[] = await db.dataSource.query('SELECT id, seq FROM outbox_events');
    const seqOf = new Map(rows.map((r) => [r.id, Number(r.seq)]));
    expect(jobs.every((j) => j.data.seq === seqOf.get(j.id!))).toBe(true);
    expect(await relay.backlog()).toEqual({ pending: 0, oldestSeconds: 0 });
    // Rows dispatched before the window are left alone.
    await db.dataSource.query("UPDATE outbox_events SET dispatched_at = now() - interval '2 hours'");
    expect(await relay.redeliverSince(60_000)).toBe(0);
  });
});
