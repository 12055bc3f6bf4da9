/* eslint-disable @typescript-eslint/no-require-imports */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

const root = join(__dirname, '..');
const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Names this checkout's databases apart from another checkout's testing on the same server. */
export const CHECKOUT = createHash('sha256').update(root).digest('hex').slice(0, 6);

/** The template's name changes whenever a migration does, so a stale template is never reused. */
export function templateName(): string {
  const dir = join(root, 'migrations');
  const hash = createHash('sha256');
  for (const f of readdirSync(dir).sort()) hash.update(f).update(readFileSync(join(dir, f)));
  return `tourong_tmpl_${CHECKOUT}_${hash.digest('hex').slice(0, 12)}`;
}

/** A template of another migration set younger than this may still serve a concurrent run. */
const TEMPLATE_KEEP_MS = 6 * 3600_000;

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
    // Another checkout may be testing at the same time on this server: nothing in use is dropped,
    // and its templates are kept while young. (tourong_tpl_ / tourong_t_: names of earlier versions.)
    const stale = await admin.query(
      `SELECT d.datname, shobj_description(d.oid, 'pg_database') AS note,
              EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname) AS busy
         FROM pg_database d
        WHERE d.datname LIKE 'tourong\\_tmpl\\_%' OR d.datname LIKE 'tourong\\_test\\_%'
           OR d.datname LIKE 'tourong\\_tpl\\_%' OR d.datname LIKE 'tourong\\_t\\_%'`,
    );
    for (const row of stale.rows as { datname: string; note: string | null; busy: boolean }[]) {
      if (row.busy) continue;
      const ours =
        row.datname.startsWith(`tourong_tmpl_${CHECKOUT}_`) || row.datname.startsWith(`tourong_test_${CHECKOUT}_`);
      const built = Date.parse(row.note?.replace(/^built /, '') ?? '');
      if (!ours && row.datname.startsWith('tourong_tmpl_') && Date.now() - built < TEMPLATE_KEEP_MS) continue;
      await admin.query(`DROP DATABASE IF EXISTS "${row.datname}"`).catch(() => undefined);
    }
    const building = `${name}_building`;
    await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${building}"`);
    const { typeorm, withDatabase } = require(join(root, 'scripts', 'lib', 'typeorm-cli.js'));
    const code = typeorm(['migration:run'], withDatabase(adminUrl, building), { quiet: true });
    if (code !== 0) throw new Error('migrations failed while building the test template database');
    await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    await admin.query(`COMMENT ON DATABASE "${name}" IS 'built ${new Date().toISOString()}'`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock(727001)').catch(() => undefined);
    await admin.end();
  }
}
