import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { runInTransaction } from '@app/platform';
import { freePort } from '../../../test/support/private-redis';
import { spawnApp, SpawnedApp, waitForHttp } from '../../../test/support/spawn-app';
import { createTestDatabase, TestDatabase, testQueuePrefix } from '../../../test/support/test-database';

/** The two real processes, started from their entry points, as an operator runs them. */
describe('api and worker processes', () => {
  jest.setTimeout(90_000);
  let db: TestDatabase;
  let api: SpawnedApp;
  let worker: SpawnedApp;
  let queue: Queue;
  let env: Record<string, string>;
  let apiPort: number;
  let workerPort: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    [apiPort, workerPort] = [await freePort(), await freePort()];
    env = {
      DATABASE_URL: db.url,
      QUEUE_PREFIX: testQueuePrefix(),
      PORT: String(apiPort),
      WORKER_HEALTH_PORT: String(workerPort),
      LOG_LEVEL: 'info',
      OUTBOX_POLL_MS: '5000',
    };
    api = spawnApp('api', env);
    worker = spawnApp('worker', env);
    queue = new Queue('notifications', { connection: { host: '127.0.0.1', port: 6379 }, prefix: env.QUEUE_PREFIX });
    await Promise.all([
      waitForHttp(`http://127.0.0.1:${apiPort}/api/v1/health/ready`, api),
      waitForHttp(`http://127.0.0.1:${workerPort}/health/ready`, worker),
    ]);
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await worker?.stop('SIGKILL');
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await db?.drop();
  });

  it('the worker relays a committed event to its queue and processes it without waiting for a poll', async () => {
    const eventId = await runInTransaction(db.dataSource, async (tx) => {
      tx.publish({ type: 'identity.invitation_created', invitationId: 'inv-e2e', organizationId: 'org-e2e' });
    }).then(async () => (await db.dataSource.query('SELECT id FROM outbox_events'))[0].id as string);

    const deadline = Date.now() + 3000; // the poll interval is 5 s: only NOTIFY can be this fast
    let state = 'missing';
    while (Date.now() < deadline && state !== 'completed') {
      const job = await queue.getJob(eventId);
      state = job ? await job.getState() : 'missing';
      if (state !== 'completed') await new Promise((r) => setTimeout(r, 50));
    }
    expect(state).toBe('completed');
    const [row] = await db.dataSource.query('SELECT dispatched_at FROM outbox_events WHERE id = $1', [eventId]);
    expect(row.dispatched_at).not.toBeNull();
    expect(worker.output()).toContain('"eventId":"' + eventId + '"');
  });

  it('routes each event to the queues its libs declared in the worker, and to the projection broadcast', async () => {
    const opened = ['imports', 'notifications', 'projections', 'search-sync'].map(
      (name) => new Queue(name, { connection: { host: '127.0.0.1', port: 6379 }, prefix: env.QUEUE_PREFIX }),
    );
    try {
      await runInTransaction(db.dataSource, async (tx) => {
        tx.publish({ type: 'funds.mandate_changed', mandateId: 'm-route', organizationId: 'org-e2e', version: 1 });
      });
      const [{ id }] = await db.dataSource.query(
        "SELECT id FROM outbox_events WHERE payload->>'mandateId' = 'm-route'",
      );
      const seenIn = async () => {
        const names: string[] = [];
        for (const q of opened) if (await q.getJob(id)) names.push(q.name);
        return names;
      };
      let names: string[] = [];
      for (let i = 0; i < 200 && names.length < 2; i++) {
        names = await seenIn();
        if (names.length < 2) await new Promise((r) => setTimeout(r, 50));
      }
      expect(names).toEqual(['projections', 'search-sync']);
      const routes = worker
        .output()
        .split('\n')
        .find((l) => l.includes('outbox relay routes'));
      expect(JSON.parse(routes!).queues).toEqual({
        imports: ['startups.import_requested'],
        notifications: expect.arrayContaining(['identity.invitation_created', 'matching.deal_changed']),
        projections: '*',
        // engagement's own task queue: the relay routes no event to it
        reminders: [],
        'roadshow-scheduling': ['roadshows.schedule_requested'],
        'search-sync': expect.arrayContaining(['funds.mandate_changed', 'identity.organization_updated']),
        // startups' daily storage sweep: a task queue too
        'storage-sweep': [],
      });
    } finally {
      await Promise.all(opened.map((q) => q.close()));
    }
  });

  it("logs a BullMQ worker's own errors and failed jobs as JSON lines, never as plain stack traces", async () => {
    // A job whose key Redis lost (as after a FLUSHALL): its id is in the wait list, its hash is gone;
    // the worker's attempt fails. (The worker's own 'error' events are covered by worker-events.spec.ts.)
    const ghost = `ghost-${Date.now()}`;
    const redis = (await queue.client) as unknown as Redis;
    await redis.lpush(`${env.QUEUE_PREFIX}:notifications:wait`, ghost);
    await redis.zadd(`${env.QUEUE_PREFIX}:notifications:marker`, 0, '0');
    const mentions = () =>
      worker
        .output()
        .split('\n')
        .filter((l) => l.includes(ghost));
    for (let i = 0; i < 100 && mentions().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(mentions().length).toBeGreaterThan(0);
    for (const line of mentions()) {
      const entry = JSON.parse(line); // throws on a plain-text line
      expect(entry).toMatchObject({ context: 'Queue', queue: 'notifications' });
      expect(entry.level).toBeGreaterThanOrEqual(40);
    }
    const plain = worker
      .output()
      .split('\n')
      .filter((l) => /^\s+at |^Error: /.test(l));
    expect(plain).toEqual([]);
  });

  it('both processes exit 0 within 10 s of SIGTERM, and their logs are JSON lines with a request id', async () => {
    await fetch(`http://127.0.0.1:${apiPort}/api/v1/nothing-here`, {
      headers: { authorization: 'Bearer secret-token-value', 'x-request-id': 'trace-me-123' },
    });
    const [a, w] = await Promise.all([api.stop('SIGTERM'), worker.stop('SIGTERM')]);
    expect(a.code).toBe(0);
    expect(w.code).toBe(0);
    expect(a.ms).toBeLessThan(10_000);
    expect(w.ms).toBeLessThan(10_000);

    const line = api
      .output()
      .split('\n')
      .find((l) => l.includes('trace-me-123'));
    expect(line).toBeDefined();
    const entry = JSON.parse(line!);
    expect(entry.requestId).toBe('trace-me-123');
    expect(entry.res.statusCode).toBe(404);
    expect(api.output()).not.toContain('secret-token-value');
  });
});
