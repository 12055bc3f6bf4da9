/* eslint-disable @typescript-eslint/no-require-imports */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

const root = join(__dirname, '..');
const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The template's name changes whenever a migration does, so a stale template is never reused. */
export function templateName(): string {
  const dir = join(root, 'migrations');
  const hash = createHash('sha256');
  for (const f of readdirSync(dir).sort()) hash.update(f).update(readFileSync(join(dir, f)));
  return `tourong_tpl_${hash.digest('hex').slice(0, 12)}`;
}

/**
 * Builds the migrated template database once per migration set; each int/e2e test file then
 * clones it (CREATE DATABASE … TEMPLATE), which takes milliseconds instead of re-migrating.
 */
export default async function globalSetup(): Promise<void> {
  const name = templateName();
  process.env.TOURONG_TEST_TEMPLATE = name;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(727001)');
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return;
    const stale = await admin.query(
      "SELECT datname FROM pg_database WHERE datname LIKE 'tourong\\_tpl\\_%' OR datname LIKE 'tourong\\_t\\_%'",
    );
    for (const row of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    const building = `${name}_building`;
    await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${building}"`);
    const { typeorm, withDatabase } = require(join(root, 'scripts', 'lib', 'typeorm-cli.js'));
    const code = typeorm(['migration:run'], withDatabase(adminUrl, building), { quiet: true });
    if (code !== 0) throw new Error('migrations failed while building the test template database');
    await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock(727001)').catch(() => undefined);
    await admin.end();
  }
}
