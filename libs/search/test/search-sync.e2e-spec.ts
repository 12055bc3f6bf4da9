import { randomUUID } from 'node:crypto';
import { Job, Queue, QueueEvents, Worker } from 'bullmq';
import Redis from 'ioredis';
import { DEFAULT_JOB_OPTIONS, workerRedisOptions, type DomainEvent, type EventJob } from '@app/platform';
import { EmbeddedSearchEngine } from '../src/embedded/embedded-engine';
import { MeilisearchEngine } from '../src/meilisearch/meilisearch-engine';
import type { SearchEngine } from '../src/port';
import { SearchSync, watermarkKey } from '../src/nest/search-sync';
import { startApi, ApiHarness } from '../../../test/support/api-app';
import { registerOrg } from '../../../test/support/identity-fixtures';
import { createCompanyWithProject, money } from '../../../test/support/matching-fixtures';
import { MeiliServer, meiliBinary, meiliSkipNotice } from '../../../test/support/meilisearch-server';
import { testQueuePrefix } from '../../../test/support/test-database';

const onMeili = meiliBinary() ? it : it.skip;
if (!meiliBinary()) console.info(meiliSkipNotice('search-sync outage cases'));

/**
 * The worker's Meilisearch path (`SearchSync` behind the `search-sync` processor): coalescing,
 * batching, failure → retry, and the watermark catch-up, through a real BullMQ queue on the real
 * Redis. With MEILI_BIN, against a private real Meilisearch server that the outage cases kill and
 * restart; without it, on the embedded engine (the outage cases skip).
 */
describe('search-sync: coalesced, batched writes and watermark catch-up', () => {
  let api: ApiHarness;
  let redis: Redis;
  let engine: SearchEngine;
  let meili: MeiliServer | undefined;
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
    if (meiliBinary()) {
      meili = await MeiliServer.start();
      engine = new MeilisearchEngine({
        url: meili.url,
        apiKey: meili.masterKey,
        indexPrefix: `${prefix}_`,
        taskTimeoutMs: 20_000,
      });
    } else {
      engine = new EmbeddedSearchEngine();
    }
    sync = new SearchSync(api.db.dataSource, engine, redis, prefix, { windowMs: 30, overlapMs: 0 });
  });
  afterAll(async () => {
    await sync?.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    await api.close();
    await engine?.close();
    await meili?.stop();
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

  onMeili(
    'fails every delivery of a flush while the server is down (BullMQ retries them), and succeeds once it is back',
    async () => {
      const [, , c] = projects;
      await api.db.dataSource.query(`UPDATE projects SET title = '石墨烯涂层 断线期间' WHERE id = $1`, [c.projectId]);
      await meili!.down();
      const during = [
        sync.deliver([projectEvent(c.projectId, c.startupId)]),
        sync.deliver([projectEvent(c.projectId, c.startupId)]),
      ];
      for (const d of during)
        await expect(d).rejects.toMatchObject({ name: 'SearchUnavailableError', code: 'SEARCH_UNAVAILABLE' });
      await meili!.up();
      await expect(sync.deliver([projectEvent(c.projectId, c.startupId)])).resolves.toBeUndefined();
      expect(await titleOf(c.projectId)).toBe('石墨烯涂层 断线期间');
    },
  );

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

  onMeili(
    'keeps the index equal to Postgres when the server is killed and restarted mid-stream',
    async () => {
      const founder = await registerOrg(api, 'startup', '断线测试');
      const more = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          createCompanyWithProject(api, founder, {
            legalName: `断线测试储能${i}有限公司`,
            regionCode: '320506',
            tracks: ['energy_storage'],
            project: { title: `储能 第${i}期`, stage: 'seed', amountSought: money.wan(50), instruments: ['equity'] },
          }),
        ),
      );
      const live = [...projects.slice(0, 3), ...more];
      const connection = workerRedisOptions(redisUrl);
      const queueName = 'search-sync';
      const queue = new Queue<EventJob>(queueName, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      const events = new QueueEvents(queueName, { connection, prefix });
      const worker = new Worker<EventJob>(queueName, (job: Job<EventJob>) => sync.deliver([job.data.event]), {
        connection,
        prefix,
        concurrency: 100,
      });
      const failedAttempts: string[] = [];
      worker.on('failed', (_job, err) => failedAttempts.push(err.message));
      try {
        await events.waitUntilReady();
        const jobs: Job<EventJob>[] = [];
        const rounds = 120;
        for (let i = 0; i < rounds; i++) {
          // Cut the server a third of the way in, bring it back at two thirds: edits keep coming meanwhile.
          if (i === rounds / 3) await meili!.down();
          if (i === (2 * rounds) / 3) await meili!.up();
          const p = live[i % live.length];
          await api.db.dataSource.query(`UPDATE projects SET title = $2, updated_at = now() WHERE id = $1`, [
            p.projectId,
            `断线流 ${p.projectId.slice(0, 8)} 第${i}版`,
          ]);
          const eventId = randomUUID();
          jobs.push(
            await queue.add(
              'startups.project_changed',
              { eventId, occurredAt: new Date().toISOString(), event: projectEvent(p.projectId, p.startupId) },
              { jobId: eventId },
            ),
          );
          await new Promise((r) => setTimeout(r, 10));
        }
        await Promise.all(jobs.map((j) => j.waitUntilFinished(events, 90_000)));
        // The outage was real: flushes failed while the server was gone, and their jobs were retried.
        expect(failedAttempts.length).toBeGreaterThan(0);
        expect(failedAttempts.every((m) => /Meilisearch|fetch|ECONNREFUSED|request|search/i.test(m))).toBe(true);
        expect(await queue.getJobCounts('completed', 'failed')).toEqual({ completed: rounds, failed: 0 });

        // The index equals the database: every project row, with its latest title and status, nothing else.
        const rows: { id: string; title: string; status: string }[] = await api.db.dataSource.query(
          'SELECT id, title, status FROM projects ORDER BY id',
        );
        const indexed = await engine.index('projects').search('', { limit: 1000 });
        expect(indexed.estimatedTotal).toBe(rows.length);
        const docs = indexed.hits
          .map((h) => ({ id: h.id, title: h.document.title, status: h.document.status }))
          .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        expect(docs).toEqual(rows);
      } finally {
        await worker.close();
        await events.close();
        await queue.obliterate({ force: true });
        await queue.close();
      }
    },
    120_000,
  );
});
