import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { RemindersService, type ReminderSpec } from '@app/engagement';
import { startApi, ApiHarness } from '../../../test/support/api-app';
import { Actor, registerOrg } from '../../../test/support/identity-fixtures';
import { PrivateRedis } from '../../../test/support/private-redis';
import { spawnWorkerFor, SpawnedApp } from '../../../test/support/spawn-app';

/**
 * Reminders are rows first: the real worker sends them from BullMQ delayed jobs, survives kill -9
 * mid-batch and a Redis that lost every key (a private redis-server, FLUSHALL), and follows
 * reschedules and cancellations.
 */
describe('reminders (rows first, BullMQ second)', () => {
  jest.setTimeout(180_000);
  let redis: PrivateRedis;
  let api: ApiHarness;
  let worker: SpawnedApp | null = null;
  let founder: Actor;
  let reminders: RemindersService;
  let queue: Queue;
  const eventId = randomUUID();

  const spec = (dueAt: Date, targetId = randomUUID(), label = 'T-1h'): ReminderSpec => ({
    kind: 'session_reminder',
    targetType: 'pitch',
    targetId,
    eventId,
    recipientOrganizationId: founder.organizationId,
    label,
    dueAt,
    payload: {
      eventId,
      eventTitle: '西湖投融荟',
      timeZone: 'Asia/Shanghai',
      subject: '路演',
      startsAt: new Date(dueAt.getTime() + 3600_000).toISOString(),
      location: 'A1',
    },
  });
  const q = <T = Record<string, string>>(sql: string, params: unknown[] = []) =>
    api.db.dataSource.query(sql, params) as Promise<T[]>;
  const count = async (where: string, params: unknown[] = []) =>
    Number((await q<{ n: string }>(`SELECT count(*) AS n FROM scheduled_notifications WHERE ${where}`, params))[0].n);
  async function until(what: string, ok: () => Promise<boolean>, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await ok())) {
      if (Date.now() > deadline)
        throw new Error(`${what} did not happen within ${timeoutMs} ms\n${worker?.output().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const startWorker = async () => {
    worker = await spawnWorkerFor(api.db, { REDIS_URL: redis.url, REMINDER_SWEEP_MS: '500', OUTBOX_POLL_MS: '500' });
    return worker;
  };

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    api = await startApi({ REDIS_URL: redis.url, REMINDER_SWEEP_MS: '500' });
    founder = await registerOrg(api, 'startup', '甲科技');
    reminders = api.app.get(RemindersService);
    queue = new Queue('reminders', {
      connection: { host: '127.0.0.1', port: redis.port },
      prefix: process.env.QUEUE_PREFIX,
    });
  });

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await queue?.close();
    await api?.close();
    await redis?.stop();
  });

  it('kill -9 of the worker mid-batch, then a restart: every reminder sent once, none doubled', async () => {
    const n = 400;
    const due = new Date(Date.now() + 500);
    const specs = Array.from({ length: n }, () => spec(due));
    await reminders.sync({ kind: ['session_reminder'], eventId, targetIds: specs.map((s) => s.targetId) }, specs);
    expect(await count(`status = 'pending' AND event_id = $1`, [eventId])).toBe(n);
    await startWorker();
    await until('a first part of the batch sent', async () => (await count(`status = 'sent'`)) >= 20);
    await worker!.stop('SIGKILL');
    const sentAtKill = await count(`status = 'sent'`);
    await startWorker();
    await until('the whole batch sent', async () => (await count(`status = 'sent'`)) === n, 120_000);
    const [{ rows, keys }] = await q<{ rows: string; keys: string }>(
      `SELECT count(*) AS rows, count(DISTINCT dedupe_key) AS keys FROM notifications WHERE kind = 'session_reminder'`,
    );
    expect({ rows: Number(rows), keys: Number(keys) }).toEqual({ rows: n, keys: n });
    expect(await count(`status = 'pending'`)).toBe(0);
    // The founder's inbox has each exactly once, in its language.
    const inbox = await api.request('/api/v1/notifications/unread-count', { token: founder.token });
    expect(inbox.body.count).toBe(n);
    expect(sentAtKill).toBeGreaterThanOrEqual(20);
  });

  it('FLUSHALL on Redis: the sweeper (registered again) still sends everything due', async () => {
    await worker!.stop('SIGKILL');
    worker = null;
    const specs = Array.from({ length: 50 }, () => spec(new Date(Date.now() + 1500)));
    await reminders.sync({ kind: ['session_reminder'], eventId, targetIds: specs.map((s) => s.targetId) }, specs);
    const sends = async () => (await queue.getDelayed()).filter((j) => j.name === 'send').length;
    expect(await sends()).toBe(50);
    const admin = new Redis({ port: redis.port, host: '127.0.0.1' });
    await admin.flushall();
    await admin.quit();
    expect(await sends()).toBe(0);
    expect(await queue.getJobSchedulersCount()).toBe(0);
    await until('the reminders are due', async () => (await count(`status = 'pending' AND due_at <= now()`)) === 50);
    // Readiness reports the backlog's age while no worker runs.
    const ready = await api.request('/api/v1/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info.reminders.overdue).toBe(50);
    expect(ready.body.info.reminders.oldestOverdueSeconds).toEqual(expect.any(Number));
    await startWorker();
    await until('every due reminder sent', async () => (await count(`status = 'pending'`)) === 0);
    expect(await count(`status = 'sent'`)).toBe(450);
    const [{ n }] = await q<{ n: string }>(`SELECT count(*) AS n FROM notifications WHERE kind = 'session_reminder'`);
    expect(Number(n)).toBe(450);
    expect(await queue.getJobSchedulersCount()).toBe(1); // the sweeper is registered again
  });

  it('reschedule and cancel update the rows and replace or remove the delayed jobs', async () => {
    if (!worker || worker.proc.exitCode !== null) await startWorker();
    const target = randomUUID();
    const later = new Date(Date.now() + 3600_000);
    const a = spec(later, target, 'T-24h');
    const b = spec(later, target, 'T-1h');
    const c = spec(later, randomUUID(), 'T-1h');
    const scope = { kind: ['session_reminder' as const], eventId, targetIds: [target, c.targetId] };
    expect(await reminders.sync(scope, [a, b, c])).toEqual({ created: 3, rescheduled: 0, cancelled: 0 });
    const rows = await q<{ id: string; label: string; target_id: string }>(
      `SELECT id, label, target_id FROM scheduled_notifications WHERE target_id = ANY($1::uuid[])`,
      [[target, c.targetId]],
    );
    const id = (t: string, l: string) => rows.find((r) => r.target_id === t && r.label === l)!.id;
    for (const r of rows) expect(await (await queue.getJob(r.id))?.getState()).toBe('delayed');

    // b moves to now (rescheduled), c is dropped (cancelled), a stays.
    const moved = { ...b, dueAt: new Date(Date.now() + 300) };
    expect(await reminders.sync(scope, [a, moved])).toEqual({ created: 0, rescheduled: 1, cancelled: 1 });
    expect(await queue.getJob(id(c.targetId, 'T-1h'))).toBeUndefined();
    await until(
      'the rescheduled reminder sent',
      async () => (await count(`id = $1 AND status = 'sent'`, [id(target, 'T-1h')])) === 1,
    );
    const states = await q<{ label: string; target_id: string; status: string }>(
      `SELECT label, target_id, status FROM scheduled_notifications WHERE target_id = ANY($1::uuid[]) ORDER BY label`,
      [[target, c.targetId]],
    );
    expect(states.map((s) => [s.target_id === target ? 'target' : 'other', s.label, s.status]).sort()).toEqual(
      [
        ['other', 'T-1h', 'cancelled'],
        ['target', 'T-1h', 'sent'],
        ['target', 'T-24h', 'pending'],
      ].sort(),
    );
    expect(await (await queue.getJob(id(target, 'T-24h')))?.getState()).toBe('delayed');
    // Sending twice is a no-op: the row is no longer pending.
    expect(await reminders.send(id(target, 'T-1h'))).toBe('skipped');
    expect(await reminders.send(id(c.targetId, 'T-1h'))).toBe('skipped');
  });
});
