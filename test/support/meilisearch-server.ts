import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './private-redis';

/**
 * The Meilisearch server binary the tests may start: `MEILI_BIN` (`.ci/run` sets it when a server is
 * installed on the machine). Undefined when unset or missing: the Meilisearch tier skips.
 */
export function meiliBinary(): string | undefined {
  const bin = process.env.MEILI_BIN;
  return bin && existsSync(bin) ? bin : undefined;
}

/** One line for a skipped Meilisearch suite, the same everywhere. */
export function meiliSkipNotice(suite: string): string {
  return `${suite}: skipped — no Meilisearch server binary (set MEILI_BIN to run the Meilisearch tier).`;
}

export interface MeiliTuning {
  /** Default 1: tests run beside Postgres and the Jest workers on small machines. */
  indexingThreads?: number;
  /** Default 256MiB. */
  indexingMemory?: string;
}

/**
 * A real Meilisearch server of the test's own: loopback only, a free port, a generated master key,
 * no analytics, its data in a temp folder. `down()` kills it (SIGKILL: an outage, not a shutdown) and
 * `up()` starts it again on the same port and data, so a test can cut the server mid-stream.
 */
export class MeiliServer {
  private process?: ChildProcess;
  private log = '';
  private readonly dir = mkdtempSync(join(tmpdir(), 'tourong-meili-'));
  readonly masterKey = randomBytes(16).toString('hex');

  private constructor(
    private readonly bin: string,
    readonly port: number,
    private readonly tuning: MeiliTuning,
  ) {}

  static async start(bin = meiliBinary(), tuning: MeiliTuning = {}): Promise<MeiliServer> {
    if (!bin) throw new Error('MeiliServer.start: MEILI_BIN is not set');
    const server = new MeiliServer(bin, await freePort(), tuning);
    await server.up();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The process id (for a test that wants to check it is gone). */
  get pid(): number | undefined {
    return this.process?.pid;
  }

  output(): string {
    return this.log;
  }

  async up(timeoutMs = 60_000): Promise<void> {
    if (this.process && this.process.exitCode === null) return;
    const args = [
      '--http-addr',
      `127.0.0.1:${this.port}`,
      '--master-key',
      this.masterKey,
      '--no-analytics',
      '--env',
      'development',
      '--db-path',
      join(this.dir, 'data.ms'),
      '--dump-dir',
      join(this.dir, 'dumps'),
      '--snapshot-dir',
      join(this.dir, 'snapshots'),
      '--max-indexing-threads',
      String(this.tuning.indexingThreads ?? 1),
      '--max-indexing-memory',
      this.tuning.indexingMemory ?? '256MiB',
      '--log-level',
      'WARN',
    ];
    const proc = spawn(this.bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.process = proc;
    const keep = (d: Buffer) => {
      this.log = (this.log + d.toString()).slice(-20_000);
    };
    proc.stdout!.on('data', keep);
    proc.stderr!.on('data', keep);
    await waitForMeiliHealth(this.url, timeoutMs, () => proc.exitCode !== null).catch((err: Error) => {
      throw new Error(`${err.message}\n${this.log.slice(-2000)}`);
    });
  }

  /** Kills the server (an outage); `up()` brings it back with its data. */
  async down(): Promise<void> {
    const proc = this.process;
    this.process = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGKILL');
    });
  }

  async stop(): Promise<void> {
    await this.down();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Polls `GET /health` until it answers `{ status: 'available' }` (readiness, never a fixed sleep). */
export async function waitForMeiliHealth(
  url: string,
  timeoutMs = 60_000,
  exited: () => boolean = () => false,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited()) throw new Error(`Meilisearch at ${url} exited before it was ready`);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok && ((await res.json()) as { status?: string }).status === 'available') return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Meilisearch at ${url} was not healthy within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
