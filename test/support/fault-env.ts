import { randomBytes } from 'node:crypto';
import type { ApiHarness, ApiResponse } from './api-app';
import { Actor, registerOrg, uniqueCreditCode } from './identity-fixtures';
import { money } from './matching-fixtures';
import { PrivatePostgres } from './private-postgres';
import { freePort, PrivateRedis } from './private-redis';
import { spawnApp, SpawnedApp, waitForHttp } from './spawn-app';

export type RequestInitJson = RequestInit & { json?: unknown; token?: string };

/**
 * One fault test's world: its own Postgres cluster and redis-server, and the real api and worker
 * processes started from their entry points against them. The test may kill, stop and restart
 * any of the four; nothing else on the machine notices.
 */
export class FaultEnv {
  api!: SpawnedApp;
  worker!: SpawnedApp;
  private constructor(
    readonly pg: PrivatePostgres,
    readonly redis: PrivateRedis,
    readonly env: Record<string, string>,
    readonly apiPort: number,
    readonly workerPort: number,
  ) {}

  static async start(extra: Record<string, string> = {}): Promise<FaultEnv> {
    const [pg, redis] = await Promise.all([PrivatePostgres.start(), PrivateRedis.start()]);
    const [apiPort, workerPort] = [await freePort(), await freePort()];
    const env = {
      DATABASE_URL: pg.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: `f_${randomBytes(4).toString('hex')}`,
      PORT: String(apiPort),
      WORKER_HEALTH_PORT: String(workerPort),
      LOG_LEVEL: 'warn',
      OUTBOX_POLL_MS: '500',
      PROJECTION_CHECK_MS: '300',
      PROJECTION_GAP_GRACE_MS: '3000',
      STORAGE_DIR: `/tmp/tourong-fault-storage-${randomBytes(4).toString('hex')}`,
      ...extra,
    };
    const world = new FaultEnv(pg, redis, env, apiPort, workerPort);
    try {
      await Promise.all([world.startApi(), world.startWorker()]);
    } catch (err) {
      await world.close(); // leave no cluster or server behind when a process does not start
      throw err;
    }
    return world;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.apiPort}`;
  }

  /** Starts the API process and resolves once it is ready (not after a fixed delay). */
  async startApi(): Promise<void> {
    this.api = spawnApp('api', this.env, { built: process.env.TOURONG_FAULT_BUILD });
    await this.waitFor(this.api, `${this.baseUrl}/api/v1/health/live`);
  }

  async startWorker(): Promise<void> {
    this.worker = spawnApp('worker', this.env, { built: process.env.TOURONG_FAULT_BUILD });
    await this.waitFor(this.worker, `http://127.0.0.1:${this.workerPort}/health/live`);
  }

  private async waitFor(proc: SpawnedApp, url: string): Promise<void> {
    await waitForHttp(url, proc);
  }

  async request(path: string, init: RequestInitJson = {}): Promise<ApiResponse> {
    const headers = new Headers(init.headers);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    const res = await fetch(this.baseUrl + path, { ...init, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  }

  /** The shape the shared identity fixtures take (they only call `request`). */
  get harness(): ApiHarness {
    return { request: (p: string, i?: RequestInitJson) => this.request(p, i) } as unknown as ApiHarness;
  }

  async ready(): Promise<{ status: number; body: any }> {
    const res = await this.request('/api/v1/health/ready', { headers: { 'accept-language': 'en' } });
    return { status: res.status, body: res.body };
  }

  async close(): Promise<void> {
    await Promise.all([this.api?.stop('SIGKILL'), this.worker?.stop('SIGKILL')]);
    await Promise.all([this.pg.stop(), this.redis.stop()]);
  }
}

const { wan } = money;

export interface Cohort {
  founder: Actor;
  fund: Actor;
  startupId: string;
  mandateId: string;
}

/** A founder with one company and a fund whose discoverable mandate takes every project the test makes. */
export async function makeCohort(world: FaultEnv): Promise<Cohort> {
  const [founder, fund] = await Promise.all([
    registerOrg(world.harness, 'startup', '苏州故障演练科技'),
    registerOrg(world.harness, 'fund', '太湖容错基金'),
  ]);
  const startup = await world.request('/api/v1/startups', {
    method: 'POST',
    token: founder.token,
    json: {
      legalName: '苏州故障演练科技有限公司',
      creditCode: uniqueCreditCode(),
      foundedOn: '2023-03-01',
      regionCode: '320506',
      industry: 'industry',
      tracks: ['semiconductor_materials'],
      universitySpinOut: true,
    },
  });
  if (startup.status !== 201) throw new Error(`startup: ${startup.status} ${startup.text}`);
  const mandate = await world.request('/api/v1/mandates', {
    method: 'POST',
    token: fund.token,
    json: {
      name: '容错 · 早期硬科技',
      instruments: ['equity'],
      stages: ['seed', 'angel'],
      ticketMin: wan(100),
      ticketMax: wan(5000),
      tracks: ['semiconductor_materials'],
      regions: ['32'],
      discoverable: true,
    },
  });
  if (mandate.status !== 201) throw new Error(`mandate: ${mandate.status} ${mandate.text}`);
  return { founder, fund, startupId: startup.body.id, mandateId: mandate.body.id };
}

/** Runs `task` over `items` with at most `concurrency` in flight. */
export async function inParallel<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i], i);
      }
    }),
  );
  return results;
}

/** Creates `n` draft projects of the cohort's company (drafts are not discoverable yet). */
export async function createDrafts(world: FaultEnv, cohort: Cohort, n: number, label: string): Promise<string[]> {
  return inParallel(
    Array.from({ length: n }, (_, i) => i),
    6,
    async (i) => {
      const res = await world.request('/api/v1/projects', {
        method: 'POST',
        token: cohort.founder.token,
        json: {
          startupId: cohort.startupId,
          title: `${label} 项目 ${i}`,
          stage: 'seed',
          amountSought: wan(500 + i),
          instruments: ['equity'],
          pitch: { problem: '问题', product: '产品' },
        },
      });
      if (res.status !== 201) throw new Error(`draft ${i}: ${res.status} ${res.text}`);
      return res.body.id as string;
    },
  );
}

export const publish = (world: FaultEnv, cohort: Cohort, projectId: string) =>
  world.request(`/api/v1/projects/${projectId}/publish`, { method: 'POST', token: cohort.founder.token });

/** Every project id the fund finds by search (all pages). */
export async function searchedIds(world: FaultEnv, cohort: Cohort): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let page = 1; ; page++) {
    const res = await world.request(`/api/v1/search?type=projects&limit=100&page=${page}`, {
      token: cohort.fund.token,
    });
    if (res.status !== 200) throw new Error(`search: ${res.status} ${res.text}`);
    for (const hit of res.body.hits as { id: string }[]) ids.add(hit.id);
    if ((res.body.hits as unknown[]).length < 100) return ids;
  }
}

/** How many projects the fund's deal flow ranks. */
export async function dealFlowTotal(world: FaultEnv, cohort: Cohort): Promise<number> {
  const res = await world.request(`/api/v1/mandates/${cohort.mandateId}/deal-flow?limit=1`, {
    token: cohort.fund.token,
  });
  if (res.status !== 200) throw new Error(`deal flow: ${res.status} ${res.text}`);
  return res.body.total as number;
}

export async function publishedInDatabase(world: FaultEnv): Promise<Set<string>> {
  const rows = await world.pg.query<{ id: string }>(`SELECT id FROM projects WHERE status = 'published'`);
  return new Set(rows.map((r) => r.id));
}

/**
 * Waits until search and deal flow show exactly the published projects of the database, sampling
 * readiness on the way (the lag it reported). Fails with what is missing if they never converge
 * within `ceilingMs` (a guard against hanging, not a speed assertion).
 */
export async function converge(
  world: FaultEnv,
  cohort: Cohort,
  ceilingMs = 120_000,
): Promise<{ published: number; maxBehind: number; degradedSeen: boolean }> {
  const started = Date.now();
  let maxBehind = 0;
  let degradedSeen = false;
  for (;;) {
    const expected = await publishedInDatabase(world);
    const [found, total, ready] = await Promise.all([
      searchedIds(world, cohort),
      dealFlowTotal(world, cohort),
      world.ready(),
    ]);
    const projections = ready.body?.info?.projections ?? ready.body?.details?.checks?.projections;
    if (projections) {
      maxBehind = Math.max(maxBehind, projections.behind ?? 0);
      degradedSeen ||= projections.degraded === true;
    }
    const missing = [...expected].filter((id) => !found.has(id));
    const extra = [...found].filter((id) => !expected.has(id));
    if (missing.length === 0 && extra.length === 0 && total === expected.size) {
      return { published: expected.size, maxBehind, degradedSeen };
    }
    if (Date.now() - started > ceilingMs) {
      throw new Error(
        `not converged: ${missing.length} missing from search, ${extra.length} extra, deal flow ${total} of ${expected.size}\n` +
          `api:\n${world.api.output().slice(-3000)}\nworker:\n${world.worker.output().slice(-3000)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
