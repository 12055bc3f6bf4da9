// Runs the TypeORM CLI against db/schema/data-source.ts with our path aliases, in a scratch database
// that holds exactly the committed migrations (so generated SQL never depends on a dev database).
const { spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const path = require('node:path');
const { Client } = require('pg');

const root = path.resolve(__dirname, '..', '..');
const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function typeorm(args, databaseUrl, { quiet = false } = {}) {
  const result = spawnSync(
    process.execPath,
    [
      '-r', 'ts-node/register/transpile-only',
      '-r', 'tsconfig-paths/register',
      path.join(root, 'node_modules', 'typeorm', 'cli.js'),
      ...args,
      '-d', path.join(root, 'db', 'schema', 'data-source.ts'),
    ],
    { cwd: root, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8', env: { ...process.env, DATABASE_URL: databaseUrl, TS_NODE_PROJECT: path.join(root, 'tsconfig.json') } },
  );
  if (quiet && result.status !== 0) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
  return result.status ?? 1;
}

async function inScratchDatabase(work) {
  const name = `tourong_scratch_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    const url = withDatabase(adminUrl, name);
    if (typeorm(['migration:run'], url, { quiet: true }) !== 0) throw new Error('migrations failed to apply to an empty database');
    return work(url);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

module.exports = { root, typeorm, inScratchDatabase, withDatabase, adminUrl };
