import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase, testQueuePrefix } from './support/test-database';

// npm run db:backup / db:restore on the real Postgres: the demo data backed up, restored into a fresh
// database, and every table holds the same rows.
jest.setTimeout(300_000);
const root = join(__dirname, '..');
const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function run(cmd: string, args: string[], env: Record<string, string>) {
  const r = spawnSync(cmd, args, {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, TS_NODE_PROJECT: join(root, 'tsconfig.json'), LOG_LEVEL: 'warn', ...env },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}
const ok = (r: { status: number | null; out: string }) => ({ status: r.status, tail: r.status === 0 ? '' : r.out.slice(-2000) });

function urlOf(name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Rows per table, and a checksum of every table's content in a stable order. */
async function census(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows: tables } = await c.query<{ t: string }>(
      "SELECT quote_ident(tablename) AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const out: Record<string, { rows: number; md5: string }> = {};
    for (const { t } of tables) {
      const [r] = (
        await c.query(`SELECT count(*)::int AS rows, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS md5 FROM ${t} x`)
      ).rows;
      out[t] = r as { rows: number; md5: string };
    }
    return out;
  } finally {
    await c.end();
  }
}

async function dropDatabase(name: string): Promise<void> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => c.end());
}

describe('npm run db:backup / db:restore', () => {
  let db: TestDatabase;
  let dir: string;
  const restored = `${'tourong_test_restore'}_${process.pid}_${Date.now().toString(36)}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'tourong-backup-'));
    const seeded = run(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(root, 'db/seeds/seed-demo.ts')],
      { DATABASE_URL: db.url, QUEUE_PREFIX: testQueuePrefix() },
    );
    expect(ok(seeded)).toEqual({ status: 0, tail: '' });
  });
  afterAll(async () => {
    await dropDatabase(restored);
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores the demo data into a fresh database with the same rows in every table', async () => {
    const file = join(dir, 'demo.dump');
    const backup = run('npm', ['run', '--silent', 'db:backup', '--', '--out', file], { DATABASE_URL: db.url });
    expect(ok(backup)).toEqual({ status: 0, tail: '' });
    expect(backup.out).toContain(`Backed up ${db.name} to ${file}`);
    expect(statSync(file).size).toBeGreaterThan(10_000);
    expect(existsSync(`${file}.partial`)).toBe(false);

    const restore = run('npm', ['run', '--silent', 'db:restore', '--', file, '--into', urlOf(restored)], { DATABASE_URL: db.url });
    expect(ok(restore)).toEqual({ status: 0, tail: '' });

    const before = await census(db.url);
    const after = await census(urlOf(restored));
    expect(Object.keys(before).length).toBeGreaterThan(20);
    // The demo has real content to lose: companies, projects, mandates, users, migrations.
    for (const t of ['startups', 'projects', 'mandates', 'users', 'typeorm_migrations']) expect([t, before[t].rows > 0]).toEqual([t, true]);
    const rowsOf = (c: typeof before) => Object.fromEntries(Object.entries(c).map(([t, v]) => [t, v.rows]));
    expect(rowsOf(after)).toEqual(rowsOf(before));
    expect(after).toEqual(before);
  });

  it('refuses to restore over a database that has tables unless --force, and leaves it untouched', async () => {
    const file = join(dir, 'demo.dump');
    const before = await census(urlOf(restored));
    const refused = run('npm', ['run', '--silent', 'db:restore', '--', file, '--into', urlOf(restored)], { DATABASE_URL: db.url });
    expect(refused.status).not.toBe(0);
    expect(refused.out).toMatch(/already has \d+ tables; restore into a new database \(--into URL\) or add --force/);
    expect(await census(urlOf(restored))).toEqual(before);

    // --force drops and recreates: a row added after the backup is gone again.
    const c = new Client({ connectionString: urlOf(restored) });
    await c.connect();
    await c.query('DELETE FROM typeorm_migrations').finally(() => c.end());
    const forced = run('npm', ['run', '--silent', 'db:restore', '--', file, '--into', urlOf(restored), '--force'], { DATABASE_URL: db.url });
    expect(ok(forced)).toEqual({ status: 0, tail: '' });
    expect(await census(urlOf(restored))).toEqual(before);
  });

  it('a file that is no pg_dump archive is refused before anything is created', async () => {
    const bogus = join(root, 'package.json');
    const target = `${restored}_never`;
    const r = run('npm', ['run', '--silent', 'db:restore', '--', bogus, '--into', urlOf(target)], { DATABASE_URL: db.url });
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('is not a pg_dump -Fc archive');
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [target]).finally(() => c.end());
    expect(rowCount).toBe(0);
  });
});
