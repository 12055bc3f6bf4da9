// Outbox cost: a command's transaction with vs. without its outbox event, and relay throughput into BullMQ.
//   npm run bench -- outbox [--n 2000] [--warmup 200] [--events 10000] [--batch 200]
// Needs the local Postgres (DATABASE_ADMIN_URL, default postgres://postgres@127.0.0.1:5432/postgres)
// and Redis (BENCH_REDIS_URL, default redis://127.0.0.1:6379). It works in a scratch database and
// under a Redis key prefix of its own, and removes both when it ends, also on Ctrl-C.
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  buildDataSourceOptions,
  DEFAULT_JOB_OPTIONS,
  type DomainEvent,
  type EventJob,
  failFastRedisOptions,
  OutboxRelay,
  runInTransaction,
} from '@app/platform';
import { ENTITIES } from '@app/db';
import { heapUsedMb, intArg, log, machineInfo, printResult, ratio, timePair, wallMs } from './lib/measure';
import { databaseUrl, withAdmin } from './lib/databases';

const args = process.argv.slice(2);
const N = intArg(args, 'n', 2000);
const WARMUP = intArg(args, 'warmup', 200);
const RELAY_EVENTS = intArg(args, 'events', 10_000);
const BATCH = intArg(args, 'batch', 200);

const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const dbName = `tourong_bench_${runId}`;
const prefix = `bench_${runId}`;

let dataSource: DataSource | undefined;
const queues: Queue[] = [];
let cleaned: Promise<void> | undefined;
let interrupted = false;

/** Idempotent: runs at the end of the bench and on SIGINT/SIGTERM, so no scratch state outlives a run. */
function cleanUp(): Promise<void> {
  cleaned ??= (async () => {
    for (const q of queues) {
      await q.obliterate({ force: true }).catch((err: Error) => log(`could not obliterate ${q.name}: ${err.message}`));
      await q.close().catch(() => undefined);
    }
    if (dataSource?.isInitialized) await dataSource.destroy();
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch((err: Error) =>
      log(`could not drop ${dbName}: ${err.message}`),
    );
  })();
  return cleaned;
}

// `on`, not `once`: Ctrl-C reaches us both from the terminal and via the runner, and a second signal
// must not kill the process halfway through the clean-up.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (cleaned) return;
    interrupted = true;
    log(`${signal}: cleaning up …`);
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

async function openQueue(queuePrefix: string): Promise<Queue> {
  // The relay's producers are configured like this in the worker (PlatformQueueModule).
  const queue = new Queue('notifications', {
    connection: failFastRedisOptions(redisUrl),
    prefix: queuePrefix,
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  });
  queues.push(queue);
  await queue.waitUntilReady();
  return queue;
}

async function main(): Promise<void> {
  log(`outbox bench: scratch database ${dbName}, redis prefix ${prefix}`);
  await withAdmin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  dataSource = new DataSource(
    buildDataSourceOptions(databaseUrl(dbName), ENTITIES, { poolSize: 4, applicationName: 'tourong-bench' }),
  );
  const ds = await dataSource.initialize();
  const migrations = await ds.runMigrations({ transaction: 'each' });
  log(`migrated: ${migrations.map((m) => m.name).join(', ')}`);
  // A real (logged) table: a TEMPORARY one skips the WAL, and the outbox insert it is compared with does not.
  await ds.query(
    'CREATE TABLE bench_commands (id uuid PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())',
  );
  const [pg] = await ds.query(
    "SELECT current_setting('server_version') AS version, current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit",
  );

  // --- 1. per-command latency: the same one-row command, alone vs. with one outbox event ---------
  const body = JSON.stringify({ name: 'Acme Robotics', stage: 'seed', city: 'Suzhou' });
  const insert = 'INSERT INTO bench_commands (id, body) VALUES ($1, $2)';
  const alone = () => ds.transaction((em) => em.query(insert, [randomUUID(), body]));
  const withEvent = () =>
    runInTransaction(ds, async (tx) => {
      const id = randomUUID();
      await tx.em.query(insert, [id, body]);
      tx.publish({ type: 'identity.invitation_created', invitationId: id, organizationId: 'bench-org' });
    });
  log(`timing ${N} commands each way (after ${WARMUP} warm-up pairs) …`);
  const heapBefore = heapUsedMb();
  const commands = await timePair(alone, withEvent, { warmup: WARMUP, iterations: N });
  const heapAfter = heapUsedMb();

  // --- 2. relay throughput: outbox rows → BullMQ jobs, vs. enqueueing the same jobs directly -------
  const [{ pending: already }] = await ds.query(
    'SELECT count(*)::int AS pending FROM outbox_events WHERE dispatched_at IS NULL',
  );
  for (let left = RELAY_EVENTS - already; left > 0; left -= 1000) {
    await runInTransaction(ds, async (tx) => {
      for (let i = 0; i < Math.min(1000, left); i++) {
        tx.publish({ type: 'identity.invitation_created', invitationId: randomUUID(), organizationId: 'bench-org' });
      }
    });
  }
  const rows: { id: string; payload: DomainEvent; created_at: Date }[] = await ds.query(
    'SELECT id, payload, created_at FROM outbox_events WHERE dispatched_at IS NULL ORDER BY created_at, id',
  );
  const events = rows.length;

  // Baseline: the Redis half of the relay alone — identical jobs, identical batch size, no Postgres.
  const direct = await openQueue(`${prefix}_direct`);
  const jobs = rows.map((r) => ({
    name: r.payload.type,
    data: { eventId: r.id, occurredAt: new Date(r.created_at).toISOString(), event: r.payload } satisfies EventJob,
    opts: { jobId: r.id },
  }));
  log(`enqueueing ${events} jobs directly in batches of ${BATCH} …`);
  const directMs = await wallMs(async () => {
    for (let i = 0; i < jobs.length; i += BATCH) await direct.addBulk(jobs.slice(i, i + BATCH));
  });

  const relayed = await openQueue(prefix);
  const relay = new OutboxRelay(ds, new Map([['notifications', relayed]]), () => ['notifications'], { batchSize: BATCH });
  log(`relaying ${events} outbox events …`);
  let result = { dispatched: 0, failed: 0 };
  const relayMs = await wallMs(async () => {
    result = await relay.drain();
  });
  const waiting = await relayed.getWaitingCount();
  const [{ left }] = await ds.query('SELECT count(*)::int AS left FROM outbox_events WHERE dispatched_at IS NULL');
  // A throughput figure is only worth printing if every event really arrived, once.
  if (result.dispatched !== events || result.failed !== 0 || waiting !== events || left !== 0) {
    throw new Error(`relay lost or duplicated events: ${JSON.stringify({ events, ...result, waiting, left })}`);
  }

  const perSecond = (count: number, ms: number) => Math.round(count / (ms / 1000));
  printResult({
    name: 'outbox',
    machine: machineInfo(),
    params: {
      commands: N,
      warmup: WARMUP,
      relayEvents: events,
      batchSize: BATCH,
      postgres: pg,
    },
    figures: {
      commandWithEventMs: commands.candidate,
      outboxOverheadMs: {
        p50: Number((commands.candidate.p50 - commands.baseline.p50).toFixed(3)),
        p95: Number((commands.candidate.p95 - commands.baseline.p95).toFixed(3)),
      },
      relay: { events, ms: relayMs, eventsPerSecond: perSecond(events, relayMs) },
      heapUsedMb: { before: heapBefore, after: heapAfter },
    },
    baseline: {
      commandAloneMs: commands.baseline,
      directEnqueue: { jobs: events, ms: directMs, jobsPerSecond: perSecond(events, directMs) },
    },
    ratios: {
      commandP50: ratio(commands.candidate.p50, commands.baseline.p50),
      commandP95: ratio(commands.candidate.p95, commands.baseline.p95),
      commandMean: ratio(commands.candidate.mean, commands.baseline.mean),
      relayTimeVsDirectEnqueue: ratio(relayMs, directMs),
    },
    notes: [
      'command: one INSERT in its own transaction; with event = the same through runInTransaction plus one published event (outbox INSERT + pg_notify)',
      'baseline and figure are interleaved A/B B/A so drift hits both sides equally',
      'relay: OutboxRelay.drain() (claim FOR UPDATE SKIP LOCKED, addBulk, mark dispatched) vs. addBulk of the same jobs alone',
    ],
  });
}

main()
  .then(() => cleanUp())
  .catch(async (err: unknown) => {
    // After a signal the clean-up closes connections under the running bench: that error is expected.
    if (interrupted) return;
    log(`outbox bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    await cleanUp();
    process.exitCode = 1;
  });
