// HTTP section of the deal-flow bench: the real API (same factory as production) over a scratch
// database seeded with the seed:large cohort, `GET /mandates/:id/deal-flow` under 50 concurrent
// connections (autocannon) next to a hello-world route registered on the same Fastify instance.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@app/platform';
import { ENTITIES } from '@app/db';
import { seedLarge } from '@app/db/seeds/seed-large';
import type { Timing } from './measure';
import { databaseUrl, withAdmin } from './databases';
import { apiChild, type ApiCode } from './api-build';

export interface HttpSectionOptions {
  projects: number;
  connections: number;
  seconds: number;
  /** Keep (and reuse on the next run) this scratch database instead of seeding a fresh one. */
  db?: string;
  /** Writes per second (projects and companies, alternating) beside the mixed-load run; 0 = skip it. */
  writesPerSecond: number;
  /** Write a V8 CPU profile of the API process to this directory. */
  cpuProfDir?: string;
  /** Where the API child's code comes from: the compiled build (production) or the sources. */
  apiCode: ApiCode;
  log: (message: string) => void;
}

export interface HttpSectionResult {
  projects: number;
  snapshotProjects: number;
  seedSeconds: number;
  /** The database was seeded by an earlier run (`--db`). */
  reusedDb: boolean;
  bootSeconds: number;
  /** Spawn → listening, including loading the sources through ts-node. */
  processStartSeconds: number;
  /** CPU seconds the API process used until listening (ts-node loading included). */
  bootCpuSeconds: number;
  /** The matching snapshot's build: rows from the store, rows computed, milliseconds. */
  snapshotBuild: Record<string, unknown>;
  /** The embedded search indexes' build: documents reused from their images, indexed afresh. */
  searchBuild: Record<string, unknown>;
  /** The API process's own RSS / heap (MB) after boot and after the load. */
  rssAfterBootMb: number;
  /** The same process with its code loaded, before the factory call: what holds no data. */
  rssBeforeFactoryMb: number;
  /** RSS, heap and array buffers (MB) right after boot. */
  memoryAfterBoot: { rssMb: number; heapUsedMb: number; arrayBuffersMb: number };
  rssAfterLoadMb: number;
  heapAfterLoadMb: number;
  /** Response sizes of one page (bytes): the compact list view and the full view. */
  compactBytes: number;
  fullBytes: number;
  /** The full view (`view=full`, every explanation inline) under the same load. */
  dealFlowFull: Timing & { p90: number; requests: number; rps: number; non2xx: number; apiCpuMsPerRequest: number };
  /** The compact list view (`view=compact`), what a list shows: the figure the targets read. */
  dealFlow: Timing & {
    p90: number;
    requests: number;
    rps: number;
    non2xx: number;
    total: number;
    /** The API process's CPU (user + system) per request in this run. */
    apiCpuMsPerRequest: number;
  };
  /** One connection: the request's own latency, without queueing behind 49 others. */
  dealFlowOneConnection: Timing & { p90: number; requests: number; rps: number; non2xx: number };
  hello: Timing & { p90: number; requests: number; rps: number; non2xx: number; apiCpuMsPerRequest: number };
  /** The boot before a restart, when the stored features had to be computed first (null otherwise). */
  coldBoot: null | {
    bootSeconds: number;
    snapshotBuild: Record<string, unknown>;
    searchBuild: Record<string, unknown>;
  };
  /** Why the mixed run did not complete (its figures are then missing). */
  mixedError: string | null;
  /** The compact view again, with `writesPerSecond` edits running beside it (null when skipped). */
  mixed: null | {
    dealFlow: Timing & { p90: number; requests: number; rps: number; non2xx: number };
    hello: Timing & { p90: number; requests: number; rps: number; non2xx: number };
    writes: {
      attempted: number;
      ok: number;
      failed: number;
      perSecond: number;
      latencyMs: Timing;
      statuses: Record<string, number>;
    };
    snapshotVersions: { before: number; after: number };
  };
}

/**
 * Load from a worker thread (autocannon `workers: 1`), so generating requests does not compete with
 * the server for this process's event loop. Latencies come from autocannon's histogram, which has no
 * p95: `p95` is reported as the p97.5 (an upper bound), next to p50 / p90 / p99.
 */
async function load(url: string, headers: Record<string, string>, connections: number, seconds: number) {
  const r = await autocannon({ url, connections, duration: seconds, headers, workers: 1 });
  const l = r.latency;
  return {
    n: r.requests.total,
    mean: l.mean,
    p50: l.p50,
    p90: l.p90,
    p95: l.p97_5,
    p99: l.p99,
    min: l.min,
    max: l.max,
    requests: r.requests.total,
    rps: r.requests.average,
    non2xx: r.non2xx,
  };
}

const root = join(__dirname, '..', '..');

export interface ApiChild {
  proc: ChildProcess;
  ready: {
    port: number;
    bootSeconds: number;
    importSeconds: number;
    bootCpuSeconds: number;
    snapshotBuild: Record<string, unknown>;
    searchBuild: Record<string, { reused: number; indexed: number }>;
    snapshotProjects: number;
    rssMb: number;
    loaded: { rssMb: number };
  };
  spawnedAt: number;
  readyAt: number;
  memory(): Promise<{
    rssMb: number;
    heapUsedMb: number;
    arrayBuffersMb: number;
    snapshotVersion: number;
    cpuMs: number;
  }>;
  /** Sends `{ type, ...payload }` and waits for the child's reply of the same type (see deal-flow-api-child.ts). */
  ask(type: 'resync' | 'profile-start' | 'profile-stop', payload?: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The API (production factory + `/bench/hello`) in a child process of its own; shared with the load
 * bench. `child` says where its code comes from (default: the compiled build, what production runs).
 */
export function forkApi(
  env: Record<string, string>,
  cpuProfDir: string | undefined,
  child: ReturnType<typeof apiChild> = apiChild('dist', (m) => process.stderr.write(`${m}\n`)),
): Promise<ApiChild> {
  const spawnedAt = performance.now();
  const execArgv = [...child.execArgv];
  if (cpuProfDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`);
  const proc = fork(child.script, [], {
    cwd: root,
    execArgv,
    env: { ...process.env, ...child.env, ...env },
    // The API's logs go to stderr: stdout is the bench's JSON only.
    stdio: ['ignore', 2, 2, 'ipc'],
  });
  const waiters = new Map<string, ((m: any) => void)[]>();
  const ask = (type: string, payload: Record<string, unknown> = {}) =>
    new Promise<any>((r) => {
      waiters.set(type, [...(waiters.get(type) ?? []), r]);
      proc.send({ type, ...payload });
    });
  proc.on('message', (m: any) => waiters.get(m.type)?.shift()?.(m));
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`API process exited with ${code} before it was ready`)));
    proc.on('message', (m: any) => {
      if (m.type === 'error') reject(new Error(m.message));
      if (m.type !== 'ready') return;
      resolve({
        proc,
        ready: m,
        spawnedAt,
        readyAt: performance.now(),
        memory: () => ask('rss'),
        ask: async (type, payload) => void (await ask(type, payload)),
        stop: () =>
          new Promise<void>((r) => {
            if (proc.exitCode !== null) return r();
            proc.removeAllListeners('exit');
            proc.once('exit', () => r());
            proc.send({ type: 'stop' });
          }),
      });
    });
  });
}

async function databaseExists(name: string): Promise<boolean> {
  const rows = await withAdmin((c) => c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]));
  return rows.rowCount! > 0;
}

/** Edits at a fixed rate through the API: a project's amount, then a company's fiscal year, alternating. */
async function runWriter(
  base: string,
  token: string,
  targets: { projectId: string; startupId: string }[],
  perSecond: number,
  until: () => boolean,
  statuses: Map<number, number> = new Map(),
) {
  const samples: number[] = [];
  let attempted = 0;
  let ok = 0;
  const started = performance.now();
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const inflight: Promise<void>[] = [];
  const one = async (i: number) => {
    const t = targets[i % targets.length];
    const t0 = performance.now();
    try {
      let res: Response;
      if (i % 2 === 0) {
        const current = (await (await fetch(`${base}/api/v1/projects/${t.projectId}`, { headers })).json()) as {
          version: number;
        };
        res = await fetch(`${base}/api/v1/projects/${t.projectId}`, {
          method: 'PATCH',
          headers,
          body: JSON.stringify({ version: current.version, amountSought: (100 + (i % 900)) * 1_000_000 }),
        });
      } else {
        res = await fetch(`${base}/api/v1/startups/${t.startupId}/fiscal-years/2025`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({
            headcount: 20 + (i % 200),
            techStaff: 5 + (i % 50),
            rdStaff: 3 + (i % 40),
            revenue: (500 + i) * 1_000_000,
            highTechRevenue: (300 + i) * 1_000_000,
            rdSpend: (50 + (i % 300)) * 1_000_000,
            totalAssets: (800 + i) * 1_000_000,
            newEquityRaised: (i % 7) * 10_000_000,
          }),
        });
      }
      await res.arrayBuffer();
      if (res.ok) ok++;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    } catch {
      statuses.set(0, (statuses.get(0) ?? 0) + 1);
    }
    samples.push(performance.now() - t0);
  };
  while (!until()) {
    const due = started + (attempted * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (until()) break;
    inflight.push(one(attempted++));
  }
  await Promise.all(inflight);
  const seconds = (performance.now() - started) / 1000;
  const { summarize } = await import('./measure');
  return {
    attempted,
    ok,
    failed: attempted - ok,
    perSecond: Number((attempted / seconds).toFixed(1)),
    latencyMs: summarize(samples),
    statuses: Object.fromEntries(statuses),
  };
}

export async function runHttpSection(o: HttpSectionOptions): Promise<HttpSectionResult> {
  const name = o.db ?? `tourong_bench_http_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const reusedDb = o.db !== undefined && (await databaseExists(name));
  if (!reusedDb) await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  let api: ApiChild | undefined;
  let worker: ChildProcess | undefined;
  const queuePrefix = `bench-http-${randomBytes(3).toString('hex')}`;
  // The embedded search images live beside the database they were built from (kept with `--db`).
  const searchImages = join(tmpdir(), `tourong-bench-search-${name}`);
  try {
    const ds = new DataSource(buildDataSourceOptions(databaseUrl(name), ENTITIES, { applicationName: 'bench-http' }));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    const [{ n: present }] = await ds.query(`SELECT count(*)::int AS n FROM projects`);
    let seedSeconds = 0;
    if (present < o.projects) {
      const s0 = performance.now();
      await seedLarge(ds, { projects: o.projects, events: false, log: o.log });
      seedSeconds = (performance.now() - s0) / 1000;
    } else {
      o.log(`reusing ${name}: ${present} projects already seeded`);
    }
    // Publish every project so the snapshot holds the whole cohort.
    await ds.query(`UPDATE projects SET status = 'published', published_at = now() WHERE status <> 'published'`);
    // Edits of earlier runs are not replayed: the outbox starts empty for this run's worker.
    await ds.query(`DELETE FROM outbox_events`);

    const env = {
      DATABASE_URL: databaseUrl(name),
      QUEUE_PREFIX: queuePrefix,
      JWT_SECRET: process.env.JWT_SECRET ?? randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      LOGIN_MAX_ATTEMPTS_PER_EMAIL: '1000',
      LOGIN_MAX_ATTEMPTS_PER_IP: '1000',
      SEARCH_INDEX_CACHE_DIR: searchImages,
    };
    if (o.writesPerSecond > 0) {
      // The real worker relays the mixed run's edits to the projection feed, as in production (started
      // now: loading it through ts-node takes a while on a busy machine).
      worker = spawn(
        process.execPath,
        [
          '-r',
          'ts-node/register/transpile-only',
          '-r',
          'tsconfig-paths/register',
          join(root, 'apps/worker/src/main.ts'),
        ],
        {
          cwd: root,
          env: { ...process.env, TS_NODE_PROJECT: join(root, 'tsconfig.json'), ...env, WORKER_HEALTH_PORT: '0' },
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
    }
    const child = apiChild(o.apiCode, o.log);
    o.log(`starting the API process (${o.apiCode}) …`);
    api = await forkApi(env, o.cpuProfDir, child);
    let coldBoot: HttpSectionResult['coldBoot'] = null;
    const build = api.ready.snapshotBuild as { total: number; computed: number };
    const searchIndexed = Object.values(api.ready.searchBuild ?? {}).reduce((n, s) => n + s.indexed, 0);
    if (build.computed > build.total / 2 || searchIndexed > build.total / 2) {
      // The store was empty or stale (first run on this database, a new day, a new format), or the
      // search images were missing: that boot computed and stored them. Restart once: the figure is
      // what a restart pays.
      coldBoot = {
        bootSeconds: api.ready.bootSeconds,
        snapshotBuild: api.ready.snapshotBuild,
        searchBuild: api.ready.searchBuild,
      };
      o.log(
        `cold boot ${api.ready.bootSeconds.toFixed(1)} s (${build.computed} features computed and stored, ${searchIndexed} search documents indexed); restarting …`,
      );
      await api.stop();
      api = await forkApi(env, o.cpuProfDir, child);
    }
    const bootSeconds = api.ready.bootSeconds;
    const processStartSeconds = (api.readyAt - api.spawnedAt) / 1000;
    const { snapshotVersion: _v, cpuMs: _c, ...memoryAfterBoot } = await api.memory();
    const rssAfterBootMb = memoryAfterBoot.rssMb;
    const base = `http://127.0.0.1:${api.ready.port}`;
    const snapshotProjects = api.ready.snapshotProjects;
    o.log(
      `api up in ${bootSeconds.toFixed(1)} s (process start → listening ${processStartSeconds.toFixed(1)} s) with ${snapshotProjects} projects in the snapshot; RSS ${rssAfterBootMb} MB`,
    );

    const post = async (path: string, json: unknown, token?: string) => {
      const res = await fetch(base + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(json),
      });
      const body = (await res.json()) as Record<string, any>;
      if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      return body;
    };
    const registered = await post('/api/v1/auth/register', {
      email: `bench.${randomBytes(4).toString('hex')}@example.com`,
      password: 'Bench-Deal-Flow-2026!',
      displayName: 'bench investor',
      organization: { kind: 'fund', name: '基准测试基金', regionCode: '320211' },
    });
    const token = registered.tokens.accessToken as string;
    // A broad early hard-tech mandate: most of the cohort is eligible, so ranking does real work.
    const mandate = await post(
      '/api/v1/mandates',
      {
        name: 'bench · 投早投小投硬科技',
        instruments: ['equity', 'convertible_grant', 'loan', 'ip_pledge_loan', 'equity_loan_package'],
        ticketMin: 0,
        ticketMax: 1_000_000_000_000,
        thesisKeywords: ['国产替代', '高校成果转化'],
        weights: { early: 2, small: 2, hardTech: 3, innovation: 1, fit: 2 },
      },
      token,
    );
    const compactUrl = `${base}/api/v1/mandates/${mandate.id}/deal-flow?limit=50&view=compact`;
    const fullUrl = `${base}/api/v1/mandates/${mandate.id}/deal-flow?limit=50`;
    const first = await fetch(compactUrl, { headers: { authorization: `Bearer ${token}` } });
    const compactText = await first.text();
    const firstBody = JSON.parse(compactText) as { total: number };
    const fullText = await (await fetch(fullUrl, { headers: { authorization: `Bearer ${token}` } })).text();
    const compactBytes = Buffer.byteLength(compactText);
    const fullBytes = Buffer.byteLength(fullText);
    o.log(
      `deal flow: ${firstBody.total} eligible projects; loading with ${o.connections} connections for ${o.seconds} s each`,
    );

    // The API process's CPU per request beside each latency figure: on a shared machine latencies and
    // rates follow the neighbours' load, the CPU a request costs much less so.
    const apiLoad = async (url: string, headers: Record<string, string>, connections: number, seconds: number) => {
      const before = (await api!.memory()).cpuMs;
      const r = await load(url, headers, connections, seconds);
      const cpuMs = (await api!.memory()).cpuMs - before;
      return { ...r, apiCpuMsPerRequest: Number((cpuMs / Math.max(1, r.requests)).toFixed(3)) };
    };
    const hello = await apiLoad(`${base}/bench/hello`, {}, o.connections, o.seconds);
    const auth = { authorization: `Bearer ${token}` };
    const dealFlow = await apiLoad(compactUrl, auth, o.connections, o.seconds);
    const dealFlowFull = await apiLoad(fullUrl, auth, o.connections, o.seconds);
    const dealFlowOneConnection = await apiLoad(compactUrl, auth, 1, Math.min(5, o.seconds));

    let mixed: HttpSectionResult['mixed'] = null;
    let mixedError: string | null = null;
    if (o.writesPerSecond > 0)
      try {
        // An editor of the cohort's companies: a member of the organization that owns them.
        const editorEmail = `bench.editor.${randomBytes(4).toString('hex')}@example.com`;
        const editor = await post('/api/v1/auth/register', {
          email: editorEmail,
          password: 'Bench-Deal-Flow-2026!',
          displayName: 'bench editor',
          organization: { kind: 'organizer', name: '基准测试编辑', regionCode: '320211' },
        });
        const [cohortOrg] = await ds.query(`SELECT organization_id AS id FROM projects LIMIT 1`);
        await ds.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, 'owner')`, [
          editor.userId,
          cohortOrg.id,
        ]);
        const login = await post('/api/v1/auth/login', {
          email: editorEmail,
          password: 'Bench-Deal-Flow-2026!',
          organizationId: cohortOrg.id,
        }).catch(() => null);
        const editorToken = (login?.tokens?.accessToken ?? null) as string | null;
        if (!editorToken) throw new Error('mixed load: the editor could not sign in to the cohort organization');
        const targets: { projectId: string; startupId: string }[] = (
          await ds.query(`SELECT id, startup_id FROM projects ORDER BY md5(id::text) LIMIT 2000`)
        ).map((r: { id: string; startup_id: string }) => ({ projectId: r.id, startupId: r.startup_id }));
        // Wait until the worker relays: one edit must move the snapshot version.
        const v0 = (await api.memory()).snapshotVersion;
        const statuses = new Map<number, number>();
        let once = 0;
        await runWriter(base, editorToken, targets, 10, () => once++ > 1, statuses);
        if (!statuses.has(200)) throw new Error(`mixed load: the first edit failed (${JSON.stringify([...statuses])})`);
        let before = v0;
        for (let i = 0; i < 3000 && before === v0; i++) {
          await new Promise((r) => setTimeout(r, 200));
          before = (await api.memory()).snapshotVersion;
        }
        if (before === v0) throw new Error('mixed load: the worker did not relay an edit within 10 minutes');
        let stop = false;
        const writing = runWriter(base, editorToken, targets, o.writesPerSecond, () => stop);
        const mixedDealFlow = await apiLoad(compactUrl, auth, o.connections, o.seconds);
        const mixedHello = await apiLoad(`${base}/bench/hello`, {}, o.connections, o.seconds);
        stop = true;
        const writes = await writing;
        await new Promise((r) => setTimeout(r, 1000));
        mixed = {
          dealFlow: mixedDealFlow,
          hello: mixedHello,
          writes,
          snapshotVersions: { before, after: (await api.memory()).snapshotVersion },
        };
      } catch (error) {
        mixedError = (error as Error).message;
        o.log(mixedError);
      }
    const memory = await api.memory();
    await ds.destroy();
    return {
      projects: o.projects,
      snapshotProjects,
      seedSeconds,
      reusedDb,
      bootSeconds,
      processStartSeconds,
      bootCpuSeconds: api.ready.bootCpuSeconds,
      snapshotBuild: api.ready.snapshotBuild,
      searchBuild: api.ready.searchBuild,
      rssAfterBootMb,
      rssBeforeFactoryMb: api.ready.loaded.rssMb,
      memoryAfterBoot,
      rssAfterLoadMb: memory.rssMb,
      heapAfterLoadMb: memory.heapUsedMb,
      compactBytes,
      fullBytes,
      dealFlowFull,
      dealFlow: { ...dealFlow, total: firstBody.total },
      dealFlowOneConnection,
      hello,
      mixed,
      mixedError,
      coldBoot,
    };
  } finally {
    worker?.kill('SIGTERM');
    await api?.stop();
    if (!o.db) {
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      await rm(searchImages, { recursive: true, force: true });
    }
  }
}
