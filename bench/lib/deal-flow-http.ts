// HTTP section of the deal-flow bench: the real API (same factory as production) over a scratch
// database seeded with the seed:large cohort, `GET /mandates/:id/deal-flow` under 50 concurrent
// connections (autocannon) next to a hello-world route registered on the same Fastify instance.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@app/platform';
import { ENTITIES } from '@app/db';
import { seedLarge } from '@app/db/seeds/seed-large';
import { SnapshotService } from '@app/matching';
import type { Timing } from './measure';
import { databaseUrl, withAdmin } from './databases';

export interface HttpSectionOptions {
  projects: number;
  connections: number;
  seconds: number;
  log: (message: string) => void;
}

export interface HttpSectionResult {
  projects: number;
  snapshotProjects: number;
  seedSeconds: number;
  bootSeconds: number;
  /** API process RSS after boot and after the load (MB; this process also runs the bench). */
  rssAfterBootMb: number;
  rssAfterLoadMb: number;
  /** Response sizes of one page (bytes): the compact list view and the full view. */
  compactBytes: number;
  fullBytes: number;
  /** The full view (`view=full`, every explanation inline) under the same load. */
  dealFlowFull: Timing & { p90: number; requests: number; rps: number; non2xx: number };
  /** The compact list view (`view=compact`), what a list shows: the figure the targets read. */
  dealFlow: Timing & { p90: number; requests: number; rps: number; non2xx: number; total: number };
  /** One connection: the request's own latency, without queueing behind 49 others. */
  dealFlowOneConnection: Timing & { p90: number; requests: number; rps: number; non2xx: number };
  hello: Timing & { p90: number; requests: number; rps: number; non2xx: number };
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

export async function runHttpSection(o: HttpSectionOptions): Promise<HttpSectionResult> {
  const name = `tourong_bench_http_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  let app: Awaited<ReturnType<typeof import('../../apps/api/src/create-api-app').createApiApp>> | undefined;
  try {
    const ds = new DataSource(buildDataSourceOptions(databaseUrl(name), ENTITIES, { applicationName: 'bench-http' }));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    const s0 = performance.now();
    await seedLarge(ds, { projects: o.projects, events: false, log: o.log });
    const seedSeconds = (performance.now() - s0) / 1000;
    // Publish every project so the snapshot holds the whole cohort.
    await ds.query(`UPDATE projects SET status = 'published', published_at = now() WHERE status <> 'published'`);
    await ds.destroy();

    Object.assign(process.env, {
      DATABASE_URL: databaseUrl(name),
      QUEUE_PREFIX: `bench-http-${randomBytes(3).toString('hex')}`,
      JWT_SECRET: process.env.JWT_SECRET ?? randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      LOGIN_MAX_ATTEMPTS_PER_EMAIL: '1000',
      LOGIN_MAX_ATTEMPTS_PER_IP: '1000',
    });
    const { createApiApp } = await import('../../apps/api/src/create-api-app');
    const b0 = performance.now();
    app = await createApiApp();
    app
      .getHttpAdapter()
      .getInstance()
      .get('/bench/hello', async () => ({ hello: 'world' }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const bootSeconds = (performance.now() - b0) / 1000;
    const rssAfterBootMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const snapshotProjects = app.get(SnapshotService).snapshot.size;
    o.log(`api up in ${bootSeconds.toFixed(1)} s with ${snapshotProjects} projects in the snapshot`);

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

    const hello = await load(`${base}/bench/hello`, {}, o.connections, o.seconds);
    const auth = { authorization: `Bearer ${token}` };
    const dealFlow = await load(compactUrl, auth, o.connections, o.seconds);
    const dealFlowFull = await load(fullUrl, auth, o.connections, o.seconds);
    const dealFlowOneConnection = await load(compactUrl, auth, 1, Math.min(5, o.seconds));
    const rssAfterLoadMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
    // Let the last in-flight requests finish before the app and its database go away.
    await new Promise((r) => setTimeout(r, 3000));
    return {
      projects: o.projects,
      snapshotProjects,
      seedSeconds,
      bootSeconds,
      rssAfterBootMb,
      rssAfterLoadMb,
      compactBytes,
      fullBytes,
      dealFlowFull,
      dealFlow: { ...dealFlow, total: firstBody.total },
      dealFlowOneConnection,
      hello,
    };
  } finally {
    await app?.close();
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}
