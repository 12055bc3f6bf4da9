import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { templateName } from '../global-setup';
import { freePort } from './private-redis';

const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The newest installed server's binaries (Debian: /usr/lib/postgresql/<major>/bin), or PG_BIN. */
export function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((d) => existsSync(join(root, d, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!majors.length) throw new Error('no Postgres server binaries found (set PG_BIN to the folder of initdb)');
  return join(root, majors[0], 'bin');
}

/** initdb and postgres refuse to run as root: as root (CI), run them as the postgres user. */
function asServerUser(bin: string, args: string[]): string[] {
  return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', bin, ...args] : [bin, ...args];
}

function run(bin: string, args: string[], what: string): void {
  const [cmd, ...rest] = asServerUser(bin, args);
  const r = spawnSync(cmd, rest, { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}): ${r.stderr || r.stdout}`);
}

/**
 * A Postgres cluster of the test's own (initdb in a temp folder, a free port), holding one database
 * loaded from the migrated test template: the test may stop and start it under load without
 * disturbing anything else on the machine.
 */
export class PrivatePostgres {
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly bin: string,
  ) {}

  readonly database = 'tourong';

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${this.database}`;
  }

  static async start(): Promise<PrivatePostgres> {
    const bin = postgresBin();
    const dir = mkdtempSync(join(tmpdir(), 'tourong-pg-'));
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(dir, uid, gid);
    }
    chmodSync(dir, 0o700);
    run(
      join(bin, 'initdb'),
      ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'],
      'initdb',
    );
    const pg = new PrivatePostgres(await freePort(), dir, bin);
    await pg.up();
    await pg.loadTemplate();
    return pg;
  }

  /** Starts the server and waits until it accepts connections (pg_ctl -w). */
  async up(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${this.dir}`,
      '-c fsync=off', // the OS keeps what the process wrote; the tests stop the server, not the machine
      '-c full_page_writes=off',
      '-c max_connections=60',
      '-c shared_buffers=32MB',
    ].join(' ');
    run(
      join(this.bin, 'pg_ctl'),
      ['-D', join(this.dir, 'data'), '-o', options, '-l', join(this.dir, 'log'), '-w', '-t', '60', 'start'],
      'pg_ctl start',
    );
  }

  /** Stops the server: `fast` ends every session (clients see 57P01), `immediate` is a crash. */
  async down(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    run(join(this.bin, 'pg_ctl'), ['-D', join(this.dir, 'data'), '-m', mode, '-w', '-t', '60', 'stop'], 'pg_ctl stop');
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const c = new Client({ connectionString: this.url });
    await c.connect();
    try {
      return (await c.query(sql, params)).rows as T[];
    } finally {
      await c.end();
    }
  }

  async stop(): Promise<void> {
    try {
      await this.down('immediate');
    } catch {
      // already down
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Copies the migrated template (built by the global setup on the shared server) into this cluster. */
  private async loadTemplate(): Promise<void> {
    const admin = new Client({ connectionString: `postgres://postgres@127.0.0.1:${this.port}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${this.database}`);
    await admin.end();
    const source = new URL(adminUrl);
    source.pathname = `/${templateName()}`;
    const dump = spawnSync(join(this.bin, 'pg_dump'), ['--no-owner', '--no-privileges', source.toString()], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (dump.status !== 0) throw new Error(`pg_dump of the template failed: ${dump.stderr}`);
    const load = spawnSync(join(this.bin, 'psql'), ['-q', '-v', 'ON_ERROR_STOP=1', this.url], {
      input: dump.stdout,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (load.status !== 0) throw new Error(`loading the template failed: ${load.stderr}`);
  }
}
