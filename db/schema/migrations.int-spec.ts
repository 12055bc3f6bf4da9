import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@app/platform';
import { ENTITIES } from './entities';

const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Not from the template: this test starts from a truly empty database. */
describe('migrations', () => {
  const name = `tourong_test_empty_${randomBytes(4).toString('hex')}`;
  let admin: Client;
  let ds: DataSource;

  beforeAll(async () => {
    admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    ds = new DataSource(buildDataSourceOptions(url.toString(), ENTITIES));
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('apply to an empty database, revert completely and apply again', async () => {
    const applied = await ds.runMigrations({ transaction: 'each' });
    expect(applied.length).toBeGreaterThan(0);
    const tables = async () =>
      (await ds.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")).map(
        (r: { table_name: string }) => r.table_name,
      );
    expect(await tables()).toContain('outbox_events');

    for (let i = 0; i < applied.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual(['typeorm_migrations']);

    expect((await ds.runMigrations()).length).toBe(applied.length);
    expect(await ds.showMigrations()).toBe(false);
  });

  it('are named <epochMs>-<PascalVerbNoun>', () => {
    const files = readdirSync(`${__dirname}/../../migrations`);
    for (const f of files) expect(f).toMatch(/^\d{13}-[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+\.ts$/);
  });
});
