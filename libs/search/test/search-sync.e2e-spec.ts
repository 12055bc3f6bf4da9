import { randomUUID } from 'node:crypto';
import { Job, Queue, QueueEvents, Worker } from 'bullmq';
import Redis from 'ioredis';
import { DEFAULT_JOB_OPTIONS, workerRedisOptions, type DomainEvent, type EventJob } from '@app/platform';
import { EmbeddedSearchEngine } from '../src/embedded/embedded-engine';
import { SearchSync, watermarkKey } from '../src/nest/search-sync';
import { startApi, ApiHarness } from '../../../test/support/api-app';
import { registerOrg } from '../../../test/support/identity-fixtures';
import { createCompanyWithProject, money } from '../../../test/support/matching-fixtures';
import { testQueuePrefix } from '../../../test/support/test-database';

/**
 * The worker's Meilisearch path (`SearchSync` behind the `search-sync` processor) with an in-memory
 * engine standing in for the server (none can run on the development machine; the adapter has its own
 * contract suite): coalescing, batching, failure → retry, and the watermark catch-up, through a real
 * BullMQ queue on the real Redis.
 */
describe('search-sync: coalesced, batched writes and watermark catch-up', () => {
  let api: ApiHarness;
  let redis: Redis;
  let engine: EmbeddedSearchEngine;
  let sync: SearchSync;
  const prefix = testQueuePrefix();
  const projects: { startupId: string; projectId: string }[] = [];
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

  const projectEvent = (projectId: string, startupId: string): DomainEvent => ({
    type: 'startups.project_changed',
    projectId,
    startupId,
    status: 'published',
  });
  const titleOf = async (id: string) => (await engine.index('projects').get(id))?.title;

  beforeAll(async () => {
    api = await startApi();
    const founder = await registerOrg(api, 'startup', '同步测试');
    for (let i = 0; i < 4; i++) {
      projects.push(
        await createCompanyWithProject(api, founder, {
          legalName: `同步测试材料${i}有限公司`,
          regionCode: '320506',
          tracks: ['new_materials'],
          project: {
            title: `石墨烯涂层 第${i}期`,
            stage: 'seed',
            amountSought: money.wan(100 * (i + 1)),
            instruments: ['equity'],
          },
        }),
      );
    }
    redis = new Redis(workerRedisOptions(redisUrl));
    engine = new EmbeddedSearchEngine();
    sync = new SearchSync(api.db.dataSource, engine, redis, prefix, { windowMs: 30, overlapMs: 0 });
  });
  afterAll(async () => {
    await sync?.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    await api.close();
  });

  it('catches every index up from no watermark at boot, and stores the watermarks', async () => {
    const read = await sync.start();
    expect(read.projects).toBe(4);
    expect(read.startups).toBe(4);
    expect((await engine.index('projects').stats()).numberOfDocuments).toBe(4);
    const mark = await redis.get(watermarkKey(prefix, 'projects'));
    expect(mark).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\|[0-9a-f-]{36}$/);
  });

  it('coalesces many quick events for a few entities into one read and one write per entity', async () => {
    const [a, b] = projects;
    const refresh = jest.spyOn(sync.writer, 'refresh');
    const before = { ...sync.stats };
    await api.db.dataSource.query(`UPDATE projects SET title = '石墨烯涂层 改版' WHERE id = $1`, [a.projectId]);
    const deliveries: Promise<void>[] = [];
    for (let i = 0; i < 60; i++)
      deliveries.push(sync.deliver([projectEvent(i % 3 ? a.projectId : b.projectId, a.startupId)]));
    // Not a search event: acknowledged at once, no write.
    deliveries.push(
      sync.deliver([{ type: 'identity.invitation_created', invitationId: randomUUID(), organizationId: randomUUID() }]),
    );
    await Promise.all(deliveries);
    expect(sync.stats.flushes - before.flushes).toBe(1);
    expect(sync.stats.entities - before.entities).toBe(2);
    expect(sync.stats.upserted - before.upserted).toBe(2);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect([...refresh.mock.calls[0][0].projects].sort()).toEqual([a.projectId, b.projectId].sort());
    expect(await titleOf(a.projectId)).toBe('石墨烯涂层 改版');
    refresh.mockRestore();
  });

  it('fails every delivery of a failed flush (BullMQ retries them) and succeeds on the retry', async () => {
    const [, , c] = projects;
    const refresh = jest.spyOn(sync.writer, 'refresh').mockRejectedValueOnce(new Error('search server down'));
    await expect(sync.deliver([projectEvent(c.projectId, c.startupId)])).rejects.toThrow('search server down');
    await expect(sync.deliver([projectEvent(c.projectId, c.startupId)])).resolves.toBeUndefined();
    refresh.mockRestore();
  });

  it('deletes what is gone from Postgres, including a deleted company’s projects', async () => {
    const d = projects[3];
    await api.db.dataSource.query('DELETE FROM startups WHERE id = $1', [d.startupId]);
    await sync.deliver([{ type: 'startups.startup_changed', startupId: d.startupId, organizationId: randomUUID() }]);
    expect(await engine.index('projects').get(d.projectId)).toBeUndefined();
    expect(await engine.index('startups').get(d.startupId)).toBeUndefined();
  });

  it('catches up rows changed without an event reaching this engine, from the watermark on', async () => {
    const [, b] = projects;
    await new Promise((r) => setTimeout(r, 5));
    await api.db.dataSource.query(
      `UPDATE projects SET title = '石墨烯涂层 静默修改', updated_at = now() WHERE id = $1`,
      [b.projectId],
    );
    const read = await sync.catchUp('projects');
    expect(read).toBe(1);
    expect(await titleOf(b.projectId)).toBe('石墨烯涂层 静默修改');
    expect(await sync.catchUp('projects')).toBe(0);
  });

  it('runs behind a real BullMQ worker: 300 jobs for 3 entities → a handful of batched writes, every job completed', async () => {
    const connection = workerRedisOptions(redisUrl);
    const queueName = 'search-sync';
    const queue = new Queue<EventJob>(queueName, {
      connection,
      prefix,
      defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, removeOnComplete: 1000 },
    });
    const events = new QueueEvents(queueName, { connection, prefix });
    const worker = new Worker<EventJob>(queueName, (job: Job<EventJob>) => sync.deliver([job.data.event]), {
      connection,
      prefix,
      concurrency: 100,
    });
    try {
      await events.waitUntilReady();
      const before = { ...sync.stats };
      const live = projects.slice(0, 3);
      await api.db.dataSource.query(`UPDATE projects SET title = title || ' 终版' WHERE id = ANY($1::uuid[])`, [
        live.map((p) => p.projectId),
      ]);
      const jobs = await queue.addBulk(
        Array.from({ length: 300 }, (_, i) => {
          const p = live[i % 3];
          const eventId = randomUUID();
          return {
            name: 'startups.project_changed',
            data: { eventId, occurredAt: new Date().toISOString(), event: projectEvent(p.projectId, p.startupId) },
            opts: { jobId: eventId },
          };
        }),
      );
      await Promise.all(jobs.map((j) => j.waitUntilFinished(events, 30_000)));
      const flushes = sync.stats.flushes - before.flushes;
      expect(sync.stats.deliveries - before.deliveries).toBe(300);
      expect(flushes).toBeGreaterThanOrEqual(1);
      expect(flushes).toBeLessThanOrEqual(30);
      // Each flush writes each of the 3 entities it carries once: 300 events → at most 3 per flush.
      expect(sync.stats.upserted - before.upserted).toBeLessThanOrEqual(3 * flushes);
      for (const p of live) expect(await titleOf(p.projectId)).toMatch(/ 终版$/);
      expect(await queue.getJobCounts('completed', 'failed')).toEqual({ completed: 300, failed: 0 });
    } finally {
      await worker.close();
      await events.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  }, 60_000);
});
