import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './private-redis';

const root = join(__dirname, '..', '..');

export interface SpawnedApp {
  proc: ChildProcess;
  output(): string;
  /** Sends a signal and resolves with the exit code and how long the exit took. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
}

/**
 * Runs an app's real entry point (apps/<name>/src/main.ts) as its own process: from source through
 * ts-node, or from `built` (a transpiled copy with the same layout, test/support/fault-build.ts).
 */
export function spawnApp(name: 'api' | 'worker', env: Record<string, string>, opts: { built?: string } = {}): SpawnedApp {
  let out = '';
  const args = opts.built
    ? ['-r', 'tsconfig-paths/register', join(opts.built, 'apps', name, 'src', 'main.js')]
    : [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        join(root, 'apps', name, 'src', 'main.ts'),
      ];
  const project = opts.built ? join(opts.built, 'tsconfig.json') : join(root, 'tsconfig.json');
  const proc = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, TS_NODE_PROJECT: project, ...env },
    stdio: 'pipe',
  });
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  return {
    proc,
    output: () => out,
    stop(signal = 'SIGTERM') {
      const started = Date.now();
      return new Promise((resolve) => {
        if (proc.exitCode !== null) return resolve({ code: proc.exitCode, ms: 0 });
        proc.once('exit', (code) => resolve({ code, ms: Date.now() - started }));
        proc.kill(signal);
      });
    },
  };
}

/**
 * Resolves when `url` answers 200. No deadline of its own: a process boot on a loaded machine takes
 * what it takes, and the test's timeout is the hang guard. With `app`, fails at once (with the
 * process's output) if that process exits before it is ready.
 */
export async function waitForHttp(url: string, app?: SpawnedApp): Promise<void> {
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (app && (app.proc.exitCode !== null || app.proc.signalCode !== null)) {
      throw new Error(`process exited (${app.proc.exitCode ?? app.proc.signalCode}) before ${url} was ready:\n${app.output().slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The real worker on an in-process API's database and queue prefix, so it relays that API's events
 * (outbox → BullMQ → projection feed); resolves once its /health/ready answers, so a test's own
 * waits start after the boot. The outbox poll is slow on purpose: delivery must come from NOTIFY.
 */
export async function spawnWorkerFor(db: { url: string }, env: Record<string, string> = {}): Promise<SpawnedApp> {
  const healthPort = await freePort();
  const worker = spawnApp('worker', {
    DATABASE_URL: db.url,
    QUEUE_PREFIX: process.env.QUEUE_PREFIX!,
    OUTBOX_POLL_MS: '5000',
    ...env,
    WORKER_HEALTH_PORT: String(healthPort),
  });
  await waitForHttp(`http://127.0.0.1:${healthPort}/health/ready`, worker);
  return worker;
}
