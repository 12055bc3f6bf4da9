// The API of the deal-flow bench's HTTP section, in a process of its own (so its RSS is the API's
// alone, not the bench's seeding and load generator): the production factory plus a hello-world
// route on the same Fastify instance. Talks to the bench over IPC: `ready` (port, boot seconds,
// snapshot size), `rss` (memory, snapshot version, CPU ms used) on request, `resync` (the matching snapshot re-read), `profile-start` /
// `profile-stop` (a V8 sampling profile of this process written to `path`), and exits on `stop`.
// The load bench uses it too: its load generator must not share the API's event loop. `BENCH_API_ROOT` is where the API's code is
// loaded from: `dist` (the compiled build, what production runs; this file is then transpiled beside
// it by `api-build.ts`) or the repository root (the sources, through ts-node).
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

const started = performance.now();
const send = (message: Record<string, unknown>) => process.send?.(message);
const root = process.env.BENCH_API_ROOT ?? join(__dirname, '..', '..');
const memory = () => {
  const m = process.memoryUsage();
  return {
    rssMb: Math.round(m.rss / 1048576),
    heapUsedMb: Math.round(m.heapUsed / 1048576),
    arrayBuffersMb: Math.round(m.arrayBuffers / 1048576),
  };
};

async function main(): Promise<void> {
  /* eslint-disable @typescript-eslint/no-require-imports -- a path chosen at run time (dist or sources) */
  const { createApiApp } = require(
    join(root, 'apps/api/src/create-api-app'),
  ) as typeof import('../../apps/api/src/create-api-app');
  const { SnapshotService } = require(join(root, 'libs/matching/src')) as typeof import('@app/matching');
  const { SearchProjection } = require(join(root, 'libs/search/src')) as typeof import('@app/search');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const imported = performance.now();
  const loaded = memory();
  const app = await createApiApp();
  app
    .getHttpAdapter()
    .getInstance()
    .get('/bench/hello', async () => ({ hello: 'world' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const ready = performance.now();
  const snapshots = app.get(SnapshotService);
  const inspector = new Session();
  process.on('message', (m: { type: string; path?: string }) => {
    if (m.type === 'rss') {
      const cpu = process.cpuUsage();
      send({ type: 'rss', ...memory(), snapshotVersion: snapshots.version, cpuMs: (cpu.user + cpu.system) / 1000 });
    }
    if (m.type === 'resync') void snapshots.resync().then(() => send({ type: 'resync' }));
    if (m.type === 'profile-start') {
      inspector.connect();
      void inspector
        .post('Profiler.enable')
        .then(() => inspector.post('Profiler.setSamplingInterval', { interval: 1000 }))
        .then(() => inspector.post('Profiler.start'))
        .then(() => send({ type: 'profile-start' }));
    }
    if (m.type === 'profile-stop')
      void inspector
        .post('Profiler.stop')
        .then(({ profile }) => writeFile(m.path!, JSON.stringify(profile)))
        .then(() => {
          inspector.disconnect();
          send({ type: 'profile-stop' });
        });
    if (m.type === 'stop') {
      void app
        .close()
        .catch(() => undefined)
        .finally(() => process.exit(0));
    }
  });
  send({
    type: 'ready',
    port: (app.getHttpServer().address() as { port: number }).port,
    // From the factory call to listening: what a production process pays once its code is loaded.
    bootSeconds: (ready - imported) / 1000,
    // Loading the code (compiled: plain require; sources: ts-node transpiling them).
    importSeconds: (imported - started) / 1000,
    snapshotProjects: snapshots.snapshot.size,
    // CPU seconds this process spent until listening (what the boot costs on a machine not shared).
    bootCpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    snapshotBuild: snapshots.buildProgress,
    // Per index: documents reused from its image, indexed afresh, image bytes written.
    searchBuild: app.get(SearchProjection).writer.imageStats,
    // Before the factory call: the code is loaded, no data read yet (the baseline of the RSS figure).
    loaded,
    ...memory(),
  });
}

process.on('disconnect', () => process.exit(0));
main().catch((error: Error) => {
  send({ type: 'error', message: error.stack ?? error.message });
  process.exit(1);
});
