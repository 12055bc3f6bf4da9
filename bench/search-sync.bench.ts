// Search sync lag: committed project edit → visible in GET /search (in-process API + spawned worker), p50/p95 vs the same event's projection-feed broadcast.
//   npm run bench -- search-sync [--n 200] [--rate 20] [--projects 20] [--warmup 10]
// Needs the local Postgres (DATABASE_ADMIN_URL, default postgres://postgres@127.0.0.1:5432/postgres)
// and Redis (BENCH_REDIS_URL, default redis://127.0.0.1:6379). Scratch database and Redis key prefix,
// both removed at the end, also on Ctrl-C.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { buildDataSourceOptions, projectionChannel } from '@app/platform';
import { checkCharacter } from '@app/identity';
import { SnapshotService } from '@app/matching';
import { ENTITIES } from '@app/db';
import { intArg, log, machineInfo, printResult, ratio, summarize } from './lib/measure';
import { databaseUrl, withAdmin } from './lib/databases';

const args = process.argv.slice(2);
const N = intArg(args, 'n', 200);
const RATE = intArg(args, 'rate', 20);
const PROJECTS = intArg(args, 'projects', 20);
const WARMUP = intArg(args, 'warmup', 10);
const TIMEOUT_MS = 30_000;
const POLL_MS = 5;

const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const dbName = `tourong_bench_${runId}`;
const prefix = `bench_${runId}`;
const root = join(__dirname, '..');

let app: NestFastifyApplication | undefined;
let worker: ChildProcess | undefined;
let workerOutput = '';
let cleaned: Promise<void> | undefined;
const subscribers: Redis[] = [];

function stopWorker(): Promise<void> {
  const proc = worker;
  if (!proc || proc.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    proc.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    proc.kill('SIGTERM');
  });
}

function cleanUp(): Promise<void> {
  cleaned ??= (async () => {
    for (const sub of subscribers) sub.disconnect();
    await stopWorker();
    await app?.close().catch((err: Error) => log(`could not close the API: ${err.message}`));
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
    } catch (err) {
      log(`could not remove redis keys ${prefix}:*: ${(err as Error).message}`);
    } finally {
      redis.disconnect();
    }
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch((err: Error) =>
      log(`could not drop ${dbName}: ${err.message}`),
    );
  })();
  return cleaned;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (cleaned) return;
    log(`${signal}: cleaning up …`);
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

function creditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const body = Array.from(randomBytes(9), (b) => alphabet[b % 31]).join('');
  const first17 = `91320211${body}`;
  return first17 + checkCharacter(first17);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  log(`search-sync bench: scratch database ${dbName}, redis prefix ${prefix}`);
  await withAdmin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  const ds = new DataSource(
    buildDataSourceOptions(databaseUrl(dbName), ENTITIES, { poolSize: 2, applicationName: 'tourong-bench' }),
  );
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();

  const env = {
    DATABASE_URL: databaseUrl(dbName),
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    SEARCH_ENGINE: 'embedded',
    JWT_SECRET: process.env.JWT_SECRET ?? randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
    LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
    LOGIN_MAX_ATTEMPTS_PER_EMAIL: '1000',
  };
  Object.assign(process.env, env);
  // Loaded after the environment is set: the API validates it while its modules load.
  const { createApiApp } = await import('../apps/api/src/create-api-app');
  app = await createApiApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/api/v1`;

  worker = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join(root, 'apps', 'worker', 'src', 'main.ts'),
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        ...env,
        TS_NODE_PROJECT: join(root, 'tsconfig.json'),
        WORKER_HEALTH_PORT: '0',
        OUTBOX_POLL_MS: '5000',
      },
      stdio: 'pipe',
    },
  );
  worker.stdout!.on('data', (d) => (workerOutput = (workerOutput + d).slice(-20_000)));
  worker.stderr!.on('data', (d) => (workerOutput = (workerOutput + d).slice(-20_000)));

  const call = async (path: string, init: { method?: string; token?: string; json?: unknown } = {}) => {
    const headers: Record<string, string> = {};
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const res = await fetch(base + path, {
      method: init.method ?? 'GET',
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, text };
  };
  const ok = async (what: string, p: ReturnType<typeof call>, status = 200) => {
    const r = await p;
    if (r.status !== status) throw new Error(`${what}: ${r.status} ${r.text.slice(0, 300)}`);
    return r.body;
  };
  const register = async (kind: string, name: string) => {
    const body = await ok(
      'register',
      call('/auth/register', {
        method: 'POST',
        json: {
          email: `${kind}.${randomBytes(4).toString('hex')}@bench.example`,
          password: 'Bench-2026-投融-sync',
          displayName: 'bench',
          organization: { kind, name, regionCode: '320211', creditCode: creditCode() },
        },
      }),
      201,
    );
    return body.tokens.accessToken as string;
  };

  // --- setup: one company with PROJECTS published projects ------------------------------------
  const founder = await register('startup', '基准测试材料');
  const fund = await register('fund', '基准测试基金');

  // Baseline: the projection feed's broadcast of the same event (what every API read model receives),
  // heard by a subscriber of our own — the whole path minus the index write and the HTTP poll.
  const subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
  subscribers.push(subscriber);
  const heard: { projectId: string; occurredAt: number; at: number }[] = [];
  const waiting = new Set<() => void>();
  subscriber.on('message', (_channel: string, message: string) => {
    const job = JSON.parse(message) as { occurredAt: string; event: { type: string; projectId?: string } };
    if (job.event.type !== 'startups.project_changed' || !job.event.projectId) return;
    heard.push({ projectId: job.event.projectId, occurredAt: Date.parse(job.occurredAt), at: performance.now() });
    for (const wake of [...waiting]) wake();
  });
  await subscriber.subscribe(projectionChannel(prefix));
  /** First broadcast for the project of an event that occurred after the edit was sent. */
  const broadcastOf = (projectId: string, sentAtWall: number, since: number) =>
    new Promise<number>((resolve, reject) => {
      const check = () => {
        const hit = heard.find(
          (h) => h.projectId === projectId && h.occurredAt >= sentAtWall - 5 && h.at >= since - 1000,
        );
        if (!hit) return false;
        waiting.delete(check);
        clearTimeout(timer);
        resolve(Math.max(0, hit.at - since));
        return true;
      };
      const timer = setTimeout(() => {
        waiting.delete(check);
        reject(new Error(`no broadcast for ${projectId} after ${TIMEOUT_MS} ms`));
      }, TIMEOUT_MS);
      if (!check()) waiting.add(check);
    });
  const startup = await ok(
    'startup',
    call('/startups', {
      method: 'POST',
      token: founder,
      json: {
        legalName: '苏州基准半导体材料有限公司',
        creditCode: creditCode(),
        foundedOn: '2022-03-01',
        regionCode: '320506',
        industry: 'industry',
        tracks: ['semiconductor_materials'],
      },
    }),
    201,
  );
  const projectIds: string[] = [];
  for (let i = 0; i < PROJECTS; i++) {
    const p = await ok(
      'project',
      call('/projects', {
        method: 'POST',
        token: founder,
        json: {
          startupId: startup.id,
          title: `电子特气 第${i}期`,
          stage: 'seed',
          amountSought: 5_000_000_00,
          instruments: ['equity'],
          pitch: { problem: '问题', product: '产品' },
        },
      }),
      201,
    );
    await ok('publish', call(`/projects/${p.id}/publish`, { method: 'POST', token: founder }));
    projectIds.push(p.id);
  }
  const versions = new Map<string, number>();
  for (const id of projectIds)
    versions.set(id, (await ok('read', call(`/projects/${id}`, { token: founder }))).version);

  // --- one edit, then poll both read models for its token -----------------------------------
  const visibleInSearch = async (token: string) =>
    (await call(`/search?type=projects&q=${token}&limit=5`, { token: fund })).body?.hits?.length > 0;
  // The matching snapshot of this API process: the edit's keyword is in the project's features.
  const snapshots = app!.get(SnapshotService);
  const visibleInSnapshot = (id: string, token: string) =>
    snapshots.snapshot.get(id)?.keywords.includes(token.toLowerCase()) ?? false;
  const until = async (check: () => Promise<boolean>, since: number): Promise<number> => {
    for (;;) {
      if (await check()) return performance.now() - since;
      if (performance.now() - since > TIMEOUT_MS)
        throw new Error(`an edit was not visible after ${TIMEOUT_MS} ms\n${workerOutput.slice(-2000)}`);
      await sleep(POLL_MS);
    }
  };
  // Edits of one project are serialized (optimistic versions); the stream round-robins over projects.
  const locks = new Map<string, Promise<unknown>>();
  const edit = async (i: number) => {
    const id = projectIds[((i % projectIds.length) + projectIds.length) % projectIds.length];
    const token = `e${i}q${randomBytes(3).toString('hex')}`;
    const prev = locks.get(id) ?? Promise.resolve();
    let sentAt = 0;
    let release!: () => void;
    locks.set(id, new Promise<void>((r) => (release = r)));
    await prev;
    try {
      sentAt = Date.now();
      const res = await ok(
        'edit',
        call(`/projects/${id}`, {
          method: 'PATCH',
          token: founder,
          json: { version: versions.get(id), title: `电子特气 ${token}`, keywords: [token] },
        }),
      );
      versions.set(id, res.version);
    } finally {
      release();
    }
    // The response arrives after COMMIT: from here the change is durable and its event is in the outbox.
    const committed = performance.now();
    const [search, broadcast, snapshot] = await Promise.all([
      until(() => visibleInSearch(token), committed),
      broadcastOf(id, sentAt, committed),
      until(async () => visibleInSnapshot(id, token), committed),
    ]);
    return { search, broadcast, snapshot };
  };

  log(`waiting for the worker (first edit visible) …`);
  await edit(-1).catch(async (err: Error) => {
    throw new Error(`worker not relaying: ${err.message}`);
  });
  log(`warm-up: ${WARMUP} edits`);
  for (let i = 0; i < WARMUP; i++) await edit(1_000_000 + i);

  log(`streaming ${N} edits at ${RATE}/s over ${PROJECTS} projects …`);
  const started = performance.now();
  const pending: Promise<{ search: number; broadcast: number; snapshot: number }>[] = [];
  for (let i = 0; i < N; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(edit(i));
  }
  const results = await Promise.all(pending);

  const wallS = (performance.now() - started) / 1000;
  const search = summarize(results.map((r) => r.search));
  const broadcast = summarize(results.map((r) => r.broadcast));
  const snapshot = summarize(results.map((r) => r.snapshot));

  printResult({
    name: 'search-sync',
    machine: machineInfo(),
    params: {
      edits: N,
      ratePerSec: RATE,
      projects: PROJECTS,
      warmup: WARMUP,
      pollMs: POLL_MS,
      engine: 'embedded',
      achievedRatePerSec: Number((N / wallS).toFixed(1)),
    },
    figures: {
      commitToVisibleInSearchMs: search,
      commitToVisibleInMatchingSnapshotMs: snapshot,
      targetP95Ms: 1000,
      meetsTarget: search.p95 <= 1000 && snapshot.p95 <= 1000,
    },
    baseline: { commitToFeedBroadcastMs: broadcast },
    ratios: {
      p50: ratio(search.p50, broadcast.p50),
      p95: ratio(search.p95, broadcast.p95),
      snapshotP95: ratio(snapshot.p95, broadcast.p95),
    },
    notes: [
      'one PATCH of a project title per edit; "committed" = its 200 response (the transaction, with its outbox event, committed before it)',
      'path: outbox NOTIFY → worker relay → projections queue → Redis pub/sub → API ProjectionFeed (20 ms batches) → embedded index (re-read from Postgres)',
      `search: GET /search?type=projects&q=<unique token>, polled every ${POLL_MS} ms, until a hit (the difference to the baseline: the feed's 20 ms batch window, the index write, the poll)`,
      'snapshot: the same edit’s keyword in this API process’s matching snapshot (the deal-flow read model), checked in process every poll',
      'baseline: the same edit’s event arriving on the Redis projection channel (a subscriber in the bench process, push, no polling): outbox → relay → queue → worker → publish',
    ],
  });
}

main()
  .then(() => cleanUp())
  .then(() => process.exit(0))
  .catch(async (err: Error) => {
    log(`search-sync bench failed: ${err.stack ?? err.message}`);
    await cleanUp();
    process.exit(1);
  });
