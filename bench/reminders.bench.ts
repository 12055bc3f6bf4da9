// Reminders: N rows due in the same minute sent by the engagement worker (delayed jobs + sweeper), vs. raw BullMQ delayed jobs.
//   npm run bench -- reminders [--n 10000] [--window 60] [--lead 20]
// Needs the local Postgres (DATABASE_ADMIN_URL) and Redis (BENCH_REDIS_URL, default redis://127.0.0.1:6379).
// Works in a scratch database and under a Redis key prefix of its own, removed at the end (also on Ctrl-C).
// Figures: all sent, duplicates (notification rows beyond one per reminder), lateness after due_at
// (p50/p95/p99/max, ms); baseline: the same delays as bare BullMQ jobs whose processor only records
// its time, same concurrency, same run.
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, PlatformModule } from '@app/platform';
import { EngagementWorkerModule, REMINDERS_QUEUE, RemindersService, type ReminderSpec } from '@app/engagement';
import { ENTITIES } from '@app/db';
import { intArg, log, machineInfo, printResult, summarize } from './lib/measure';
import { databaseUrl, withAdmin } from './lib/databases';

const args = process.argv.slice(2);
const N = intArg(args, 'n', 10_000);
const WINDOW_S = intArg(args, 'window', 60);
const LEAD_S = intArg(args, 'lead', 20);
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const dbName = `tourong_bench_${runId}`;
const prefix = `bench_${runId}`;
const redis = new URL(redisUrl);
const connection = { host: redis.hostname, port: Number(redis.port || 6379) };

let ds: DataSource | undefined;
let cleaned: Promise<void> | undefined;
const closers: (() => Promise<unknown>)[] = [];
function cleanUp(): Promise<void> {
  cleaned ??= (async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    if (ds?.isInitialized) await ds.destroy();
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch(() => undefined);
  })();
  return cleaned;
}
for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, () => void cleanUp().then(() => process.exit(130)));

const dues = (start: number) => Array.from({ length: N }, (_, i) => start + Math.floor((i / N) * WINDOW_S * 1000));
const stats = (lateness: number[]) => {
  const s = summarize(lateness);
  return { n: s.n, p50: s.p50, p95: s.p95, p99: s.p99, max: s.max };
};

async function until(ok: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Bare BullMQ: the same delays, a processor that only records when it ran. */
async function baseline(): Promise<ReturnType<typeof stats>> {
  const name = 'bench-raw';
  const queue = new Queue(name, { connection, prefix });
  closers.push(() => queue.obliterate({ force: true }).then(() => queue.close()));
  const lateness: number[] = [];
  const worker = new Worker(name, async (job) => void lateness.push(Date.now() - (job.data as { due: number }).due), {
    connection,
    prefix,
    concurrency: REMINDERS_QUEUE.concurrency,
  });
  closers.push(() => worker.close());
  const start = Date.now() + LEAD_S * 1000;
  const all = dues(start);
  for (let i = 0; i < all.length; i += 1000)
    await queue.addBulk(
      all.slice(i, i + 1000).map((due) => ({
        name: 'raw',
        data: { due },
        opts: { delay: Math.max(0, due - Date.now()), removeOnComplete: true },
      })),
    );
  await until(async () => lateness.length >= N, (LEAD_S + WINDOW_S + 120) * 1000);
  await worker.close();
  return stats(lateness);
}

async function main(): Promise<void> {
  log(`reminders bench: ${N} due within ${WINDOW_S} s; scratch database ${dbName}, redis prefix ${prefix}`);
  await withAdmin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  ds = await new DataSource(buildDataSourceOptions(databaseUrl(dbName), ENTITIES, { poolSize: 4 })).initialize();
  await ds.runMigrations({ transaction: 'each' });
  // One recipient organization with one member: each reminder writes one in-app row (no SMTP: in-app only).
  const [org] = await ds.query(
    `INSERT INTO organizations (kind, name, region_code) VALUES ('startup', 'bench 甲科技', '320211') RETURNING id`,
  );
  const [user] = await ds.query(
    `INSERT INTO users (email, email_normalized, display_name, password_hash) VALUES ($1, $1, 'bench', 'x') RETURNING id`,
    [`bench-${runId}@example.com`],
  );
  await ds.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, 'owner')`, [
    user.id,
    org.id,
  ]);

  const raw = await baseline();
  log(`baseline (raw BullMQ delayed jobs): p99 ${raw.p99} ms`);

  Object.assign(process.env, {
    DATABASE_URL: databaseUrl(dbName),
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    JWT_SECRET: process.env.JWT_SECRET ?? 'bench-secret-bench-secret-bench-secret-000',
    REMINDER_SWEEP_MS: '1000',
    LOG_LEVEL: 'warn',
    SMTP_URL: '',
  });
  @Module({
    imports: [PlatformModule.forRoot({ applicationName: 'tourong-bench', entities: ENTITIES }), EngagementWorkerModule],
  })
  class BenchWorkerModule {}
  const app = await NestFactory.createApplicationContext(BenchWorkerModule, { logger: ['error', 'warn'] });
  closers.push(() => app.close());
  closers.push(async () => {
    const q = new Queue(REMINDERS_QUEUE.name, { connection, prefix });
    await q.obliterate({ force: true }).catch(() => undefined);
    await q.close();
  });
  const reminders = app.get(RemindersService);
  const eventId = randomUUID();
  const start = Date.now() + LEAD_S * 1000;
  const specs: ReminderSpec[] = dues(start).map((due) => ({
    kind: 'session_reminder',
    targetType: 'pitch',
    targetId: randomUUID(),
    eventId,
    recipientOrganizationId: org.id,
    label: 'T-1h',
    dueAt: new Date(due),
    payload: {
      eventId,
      eventTitle: '基准路演',
      timeZone: 'Asia/Shanghai',
      subject: '专场',
      startsAt: new Date(due + 3600_000).toISOString(),
    },
  }));
  const scheduleStarted = Date.now();
  for (let i = 0; i < specs.length; i += 1000) {
    const batch = specs.slice(i, i + 1000);
    await reminders.sync({ kind: ['session_reminder'], eventId, targetIds: batch.map((s) => s.targetId) }, batch);
  }
  const scheduleMs = Date.now() - scheduleStarted;
  if (Date.now() > start) log('warning: scheduling took longer than the lead; raise --lead');
  await until(
    async () =>
      Number((await ds!.query(`SELECT count(*) AS n FROM scheduled_notifications WHERE status = 'sent'`))[0].n) >= N,
    (LEAD_S + WINDOW_S + 300) * 1000,
  );
  const rows: { ms: number }[] = await ds.query(
    `SELECT EXTRACT(EPOCH FROM (sent_at - due_at)) * 1000 AS ms FROM scheduled_notifications WHERE status = 'sent'`,
  );
  const [dup] = await ds.query(
    `SELECT count(*) AS rows, count(DISTINCT dedupe_key) AS keys FROM notifications WHERE kind = 'session_reminder'`,
  );
  const figures = {
    sent: rows.length,
    notifications: Number(dup.rows),
    duplicates: Number(dup.rows) - Number(dup.keys),
    latenessMs: stats(rows.map((r) => Number(r.ms))),
    scheduleMs,
  };
  printResult({
    name: 'reminders',
    machine: machineInfo(),
    params: {
      n: N,
      windowSeconds: WINDOW_S,
      leadSeconds: LEAD_S,
      concurrency: REMINDERS_QUEUE.concurrency,
      email: false,
    },
    figures,
    baseline: { rawBullmqLatenessMs: raw },
    ratios: { p99VsRaw: Number((figures.latenessMs.p99 / Math.max(1, raw.p99)).toFixed(2)) },
    notes: [
      'lateness = sent_at (taken under the row lock when sending) − due_at; target p99 ≤ 2000 ms',
      'each send: lock the row, write the in-app notification (unique per reminder and recipient), mark sent — one transaction',
    ],
  });
  if (figures.sent !== N || figures.duplicates !== 0) process.exitCode = 1;
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
