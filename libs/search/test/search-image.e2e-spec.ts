import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { bootApiApp, startApi, type ApiHarness } from '../../../test/support/api-app';
import { registerOrg } from '../../../test/support/identity-fixtures';
import { createCompanyWithProject, money } from '../../../test/support/matching-fixtures';
import type { SearchEngine } from '../src/port';
import { SEARCH_ENGINE } from '../src/nest/search.constants';
import { SearchProjection } from '../src/nest/search-projection.service';

/**
 * SEARCH_INDEX_CACHE_DIR across restarts, on real Postgres: the first boot with documents writes the
 * images, the next one reuses every unchanged document and indexes again only what changed while the
 * API was down (here an edit made straight in SQL, which no event announced) — and forgets what was
 * deleted meanwhile.
 */
describe('search: embedded index images across restarts', () => {
  let dir: string;
  let api: ApiHarness;
  let app: NestFastifyApplication | undefined;
  const projects: { startupId: string; projectId: string }[] = [];

  const boot = async () => {
    await app?.close();
    app = await bootApiApp();
    return app;
  };
  const titles = async (a: NestFastifyApplication, q: string) =>
    (await a.get<SearchEngine>(SEARCH_ENGINE).index('projects').search(q, { limit: 50 })).hits
      .map((h) => h.document.title as string)
      .sort();
  const stats = (a: NestFastifyApplication) => a.get(SearchProjection).writer.imageStats;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'search-images-e2e-'));
    api = await startApi({ SEARCH_INDEX_CACHE_DIR: dir });
    const founder = await registerOrg(api, 'startup', '镜像测试');
    const specs = ['碳化硅衬底', '固态电池', '光刻胶', '工业机器人'].map((name, i) => ({
      legalName: `${name}科技有限公司${i}`,
      regionCode: '320211',
      tracks: ['semiconductor_materials'],
      project: { title: `${name} 天使轮`, stage: 'angel', amountSought: money.wan(500 + i), instruments: ['equity'] },
    }));
    for (const spec of specs) projects.push(await createCompanyWithProject(api, founder, spec as never));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await api.db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('reuses unchanged documents, re-indexes edits made while down, drops deleted ones', async () => {
    await api.app.close(); // the harness's own app: the restarts below take over its database
    let a = await boot();
    // No image yet: everything indexed, and an image written.
    expect(stats(a).projects).toMatchObject({ reused: 0, indexed: 4 });
    expect(stats(a).projects?.imageBytes).toBeGreaterThan(0);
    const before = await titles(a, '天使轮');
    expect(before).toHaveLength(4);

    // While the API is down: one title edited, one project deleted, straight in SQL.
    const ds = a.get(DataSource);
    await a.close();
    app = undefined;
    const sql = new DataSource({ ...(ds.options as object), type: 'postgres' } as never);
    await sql.initialize();
    await sql.query(`UPDATE projects SET title = '钙钛矿叠层 天使轮', updated_at = now() WHERE id = $1`, [
      projects[1].projectId,
    ]);
    await sql.query(`DELETE FROM projects WHERE id = $1`, [projects[3].projectId]);
    await sql.destroy();

    a = await boot();
    expect(stats(a).projects).toMatchObject({ reused: 2, indexed: 1 });
    expect(await titles(a, '天使轮')).toEqual(['光刻胶 天使轮', '碳化硅衬底 天使轮', '钙钛矿叠层 天使轮']);
    expect(await titles(a, '钙钛矿')).toEqual(['钙钛矿叠层 天使轮']);
    // The old title is gone; the edited project is still found by its company's name.
    expect(await titles(a, '固态电池')).toEqual(['钙钛矿叠层 天使轮']);
    expect(await titles(a, '工业机器人')).toEqual([]);
  }, 180_000);
});
