import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { StorageSweeper } from '@app/startups';
import { startApi, ApiHarness } from '../../../test/support/api-app';
import { Actor, registerOrg, uniqueCreditCode } from '../../../test/support/identity-fixtures';

// Storage hygiene over the real API and disk: after replacing and deleting, the storage holds exactly
// the files the rows point at; orphans left by a crash are swept, files of uploads in flight are not.
jest.setTimeout(120_000);
const root = join(__dirname, '..', '..', '..');

const pdf = (tag: string) => Buffer.concat([Buffer.from(`%PDF-1.7\n% ${tag}\n`), Buffer.alloc(1024, 0x20), Buffer.from('\n%%EOF\n')]);

function storedFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)));
    }
  };
  try {
    walk(dir);
  } catch {
    // nothing stored yet
  }
  return out.sort();
}

describe('deck storage hygiene', () => {
  let api: ApiHarness;
  let founder: Actor;
  let storageDir: string;

  const referencedKeys = async () =>
    (
      await api.db.dataSource.query<{ key: string }[]>(
        'SELECT deck_storage_key AS key FROM projects WHERE deck_storage_key IS NOT NULL UNION SELECT file_key FROM import_jobs',
      )
    )
      .map((r) => r.key)
      .sort();

  async function upload(projectId: string, tag: string) {
    const form = new FormData();
    form.append('file', new Blob([pdf(tag)], { type: 'application/pdf' }), `${tag}.pdf`);
    const res = await api.request(`/api/v1/projects/${projectId}/deck`, { method: 'PUT', token: founder.token, body: form });
    expect([tag, res.status]).toEqual([tag, 200]);
  }
  async function company(name: string): Promise<string> {
    const res = await api.request('/api/v1/startups', {
      method: 'POST',
      token: founder.token,
      json: { legalName: name, creditCode: uniqueCreditCode(), regionCode: '320211', tracks: ['artificial_intelligence'] },
    });
    expect(res.status).toBe(201);
    return res.body.id;
  }
  async function project(startupId: string, title: string): Promise<string> {
    const res = await api.request('/api/v1/projects', { method: 'POST', token: founder.token, json: { startupId, title, stage: 'a' } });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'tourong-storage-'));
    api = await startApi({ STORAGE_DIR: storageDir });
    founder = await registerOrg(api, 'startup', '无锡星航智农导航科技有限公司');
  });
  afterAll(async () => {
    await api.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('replacing and deleting leave exactly the files the rows point at', async () => {
    const xinghang = await company('无锡星航智农导航科技有限公司');
    const kept = await project(xinghang, '北斗农机导航 A 轮');
    const dropped = await project(xinghang, '旧版路演项目');
    const spinOut = await company('之江理工光子芯片有限公司');
    const spinOutProject = await project(spinOut, '光子芯片概念验证');

    // Three versions of one deck: only the last stays on disk.
    for (const v of ['v1', 'v2', 'v3']) await upload(kept, `kept-${v}`);
    await upload(dropped, 'dropped');
    await upload(spinOutProject, 'spin-out');
    expect(storedFiles(storageDir)).toHaveLength(3);

    // A draft project deleted: its deck goes with it.
    expect((await api.request(`/api/v1/projects/${dropped}`, { method: 'DELETE', token: founder.token })).status).toBe(204);
    // A company deleted: its projects go by cascade, and their decks with them.
    expect((await api.request(`/api/v1/startups/${spinOut}`, { method: 'DELETE', token: founder.token })).status).toBe(204);

    const files = storedFiles(storageDir);
    expect(files).toEqual(await referencedKeys());
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^decks/${kept}/[0-9a-f-]{36}\\.pdf$`));
    // …and it is the v3 the API serves.
    const download = await fetch(`${api.baseUrl}/api/v1/projects/${kept}/deck`, { headers: { authorization: `Bearer ${founder.token}` } });
    expect(Buffer.from(await download.arrayBuffer()).toString('latin1')).toContain('% kept-v3');
  });

  it('the sweep removes old orphans (a crash between commit and delete), keeps young ones and every referenced file', async () => {
    const [live] = await referencedKeys();
    const hourAndMore = new Date(Date.now() - 2 * 3600_000);
    const plant = (key: string, old: boolean) => {
      const full = join(storageDir, key);
      mkdirSync(join(full, '..'), { recursive: true });
      writeFileSync(full, pdf(key));
      if (old) utimesSync(full, hourAndMore, hourAndMore);
    };
    const crashOrphan = 'decks/00000000-0000-4000-8000-000000000001/0b7c0a1e-0000-4000-8000-000000000000.pdf';
    const halfWritten = 'decks/00000000-0000-4000-8000-000000000002/.1f0e0a1e-0000-4000-8000-000000000000.part';
    const staleImport = 'imports/00000000-0000-4000-8000-000000000003/2a0e0a1e-0000-4000-8000-000000000000.xlsx';
    const inFlight = 'decks/00000000-0000-4000-8000-000000000004/3c0e0a1e-0000-4000-8000-000000000000.pdf';
    plant(crashOrphan, true);
    plant(halfWritten, true);
    plant(staleImport, true);
    plant(inFlight, false);
    // The referenced deck is old too: age alone never removes a file a row points at.
    utimesSync(join(storageDir, live), hourAndMore, hourAndMore);

    const sweeper = api.app.get(StorageSweeper);
    const dry = await sweeper.sweep({ dryRun: true });
    expect(dry).toMatchObject({ scanned: 5, referenced: 1, young: 1, deleted: 3, dryRun: true });
    expect(dry.deletedKeys.sort()).toEqual([crashOrphan, halfWritten, staleImport].sort());
    expect(storedFiles(storageDir)).toHaveLength(5);

    // The maintenance command does the same sweep for real.
    const cli = spawnSync('npm', ['run', '--silent', 'storage:sweep'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, STORAGE_DIR: storageDir, DATABASE_URL: api.db.url, LOG_LEVEL: 'warn' },
    });
    expect({ status: cli.status, err: cli.status === 0 ? '' : cli.stderr.slice(-1500) }).toEqual({ status: 0, err: '' });
    expect(JSON.parse(cli.stdout)).toMatchObject({ scanned: 5, referenced: 1, young: 1, deleted: 3, dryRun: false });
    expect(storedFiles(storageDir)).toEqual([inFlight, live].sort());
    expect(statSync(join(storageDir, live)).size).toBeGreaterThan(1000);
  });
});
