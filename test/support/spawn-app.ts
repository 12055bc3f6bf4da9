import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

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

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The real worker on an in-process API's database and queue prefix, so it relays that API's events
 * (outbox → BullMQ → projection feed). The outbox poll is slow on purpose: delivery must come from NOTIFY.
 */
export function spawnWorkerFor(db: { url: string }, env: Record<string, string> = {}): SpawnedApp {
  return spawnApp('worker', {
    DATABASE_URL: db.url,
    QUEUE_PREFIX: process.env.QUEUE_PREFIX!,
    WORKER_HEALTH_PORT: '0',
    OUTBOX_POLL_MS: '5000',
    ...env,
  });
}
