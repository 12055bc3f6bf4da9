import ExcelJS from 'exceljs';
import { Queue } from 'bullmq';
import { checkCharacter } from '@app/identity';
import { INDUSTRIES } from '@app/reference';
import { startApi, ApiHarness } from '../../../test/support/api-app';
import { Actor, registerOrg } from '../../../test/support/identity-fixtures';
import { freePort } from '../../../test/support/private-redis';
import { spawnApp, waitForHttp } from '../../../test/support/spawn-app';

function creditCode(n: number): string {
  const body = `91320211MA${String(n).padStart(7, '0')}`;
  return body + checkCharacter(body);
}

const HEADERS = ['企业名称', '统一社会信用代码', '地区代码', '行业', '赛道', '年度', '从业人数', '科技人员数', '营业收入（元）', '研发费用（元）'];

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('企业年度数据');
  sheet.addRow(HEADERS);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function companyRows(from: number, count: number, year = 2023): (string | number)[][] {
  return Array.from({ length: count }, (_, i) => [
    `滨湖示例科技有限公司${from + i}`,
    creditCode(from + i),
    '320211',
    '工业',
    '物联网',
    year,
    50 + (i % 40),
    15 + (i % 10),
    `${12_000_000 + i}.50`,
    '900000',
  ]);
}

async function upload(api: ApiHarness, token: string, path: string, body: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([body]), name);
  return api.request(path, { method: 'POST', token, body: form });
}

describe('bulk import of companies and fiscal years', () => {
  let api: ApiHarness;
  let organizer: Actor;

  beforeAll(async () => {
    api = await startApi();
    organizer = await registerOrg(api, 'organizer', '滨湖区科技金融服务中心');
  });
  afterAll(() => api.close());

  it('serves an .xlsx template with zh-CN headers and an example row', async () => {
    const res = await fetch(`${api.baseUrl}/api/v1/imports/startups/template`, { headers: { authorization: `Bearer ${organizer.token}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const header = (wb.getWorksheet('企业年度数据')!.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['企业名称 *', '统一社会信用代码 *', '成立日期', '地区代码 *']);
    expect(wb.getWorksheet('企业年度数据')!.getRow(2).getCell(1).value).toBe('无锡星航智农导航科技有限公司');
  });

  it('a dry run lists every cell error and writes nothing', async () => {
    const file = await xlsx([
      ...companyRows(1, 2),
      ['坏数据公司', '91320211MA00000099', '3202', '工业', '元宇宙', 2023, 10, 20, 'abc', ''],
      companyRows(1, 1)[0],
    ]);
    const res = await upload(api, organizer.token, '/api/v1/imports/startups/dry-run', file, 'companies.xlsx');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'xlsx', totalRows: 4, validRows: 2, companies: 2 });
    expect(res.body.errors).toEqual([
      { row: 4, column: '统一社会信用代码', value: '91320211MA00000099', code: 'CREDIT_CODE_INVALID' },
      { row: 4, column: '地区代码', value: '3202', code: 'REGION_CODE_INVALID' },
      { row: 4, column: '赛道', value: '元宇宙', code: 'TRACK_UNKNOWN' },
      { row: 4, column: '营业收入（元）', value: 'abc', code: 'NOT_MONEY' },
      { row: 4, column: '科技人员数', value: '20', code: 'FIGURES_CONTRADICT' },
      { row: 5, column: '统一社会信用代码', value: creditCode(1), code: 'DUPLICATE_ROW' },
    ]);
    const [{ n }] = await api.db.dataSource.query('SELECT count(*)::int AS n FROM startups');
    expect(n).toBe(0);

    const committed = await upload(api, organizer.token, '/api/v1/imports/startups', file, 'companies.xlsx');
    expect(committed.status).toBe(422);
    expect(committed.body.code).toBe('IMPORT_HAS_ERRORS');
    expect(committed.body.details.report.errors).toHaveLength(6);
  });

  it('commits a clean CSV, and committing it again changes nothing', async () => {
    const csv = [HEADERS.join(','), ...companyRows(100, 3).map((r) => r.join(','))].join('\n');
    const first = await upload(api, organizer.token, '/api/v1/imports/startups', Buffer.from(`\uFEFF${csv}`), 'companies.csv');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ report: { format: 'csv', validRows: 3, companies: 3 }, importId: null });
    const snapshot = async () =>
      api.db.dataSource.query(
        `SELECT s.id, s.credit_code, s.updated_at, f.revenue, f.updated_at AS fy_updated
           FROM startups s JOIN startup_fiscal_years f ON f.startup_id = s.id ORDER BY s.credit_code`,
      );
    const before = await snapshot();
    expect(before.map((r: { revenue: string }) => r.revenue)).toEqual(['1200000050', '1200000150', '1200000250']);
    const [stored] = await api.db.dataSource.query(
      `SELECT s.legal_name, s.region_code, s.industry, s.tracks, s.university_spin_out, s.organization_id, f.year, f.headcount,
              f.tech_staff, f.rd_spend, f.total_assets
         FROM startups s JOIN startup_fiscal_years f ON f.startup_id = s.id WHERE s.credit_code = $1`,
      [creditCode(100)],
    );
    expect(stored).toEqual({
      legal_name: '滨湖示例科技有限公司100',
      region_code: '320211',
      industry: INDUSTRIES.find((i) => i.zh === '工业')!.key,
      tracks: ['internet_of_things'],
      university_spin_out: false,
      organization_id: organizer.organizationId,
      year: 2023,
      headcount: 50,
      tech_staff: 15,
      rd_spend: '90000000',
      total_assets: null,
    });
    const events = async () =>
      (await api.db.dataSource.query("SELECT count(*)::int AS n FROM outbox_events WHERE type = 'startups.startup_changed'"))[0].n;
    const eventsBefore = await events();
    const second = await upload(api, organizer.token, '/api/v1/imports/startups', Buffer.from(csv), 'companies.csv');
    expect(second.status).toBe(200);
    expect(await events()).toBe(eventsBefore); // nothing changed, nothing announced

    // A blank cell means "not given": it keeps the stored figure instead of erasing it.
    const blanks = [HEADERS.join(','), ...companyRows(100, 1).map((r) => r.map((v, i) => (i === 8 ? '' : v)).join(','))].join('\n');
    expect((await upload(api, organizer.token, '/api/v1/imports/startups', Buffer.from(blanks), 'b.csv')).status).toBe(200);
    expect(await events()).toBe(eventsBefore);
    const after = await snapshot();
    expect(after.map((r: { id: string; revenue: string }) => [r.id, r.revenue])).toEqual(
      before.map((r: { id: string; revenue: string }) => [r.id, r.revenue]),
    );
  });

  it('refuses to overwrite a company that belongs to another organization', async () => {
    const other = await registerOrg(api, 'organizer');
    const csv = [HEADERS.join(','), ...companyRows(100, 1).map((r) => r.join(','))].join('\n');
    const res = await upload(api, other.token, '/api/v1/imports/startups/dry-run', Buffer.from(csv), 'x.csv');
    expect(res.body.errors).toEqual([{ row: 2, column: '统一社会信用代码', value: creditCode(100), code: 'CREDIT_CODE_OWNED_ELSEWHERE' }]);
  });

  it('refuses files that are neither xlsx nor csv, by content', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), Buffer.alloc(64)]);
    const res = await upload(api, organizer.token, '/api/v1/imports/startups/dry-run', png, 'companies.xlsx');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IMPORT_FILE_INVALID');
  });

  it('runs a file over 1000 rows in the worker with progress, then shows the result', async () => {
    const workerPort = await freePort();
    const worker = spawnApp('worker', {
      DATABASE_URL: api.db.url,
      QUEUE_PREFIX: process.env.QUEUE_PREFIX!,
      WORKER_HEALTH_PORT: String(workerPort),
      STORAGE_DIR: process.env.STORAGE_DIR ?? './var/storage',
    });
    try {
      await waitForHttp(`http://127.0.0.1:${workerPort}/health/ready`, worker);
      const file = await xlsx(companyRows(5000, 1500, 2024));
      const res = await upload(api, organizer.token, '/api/v1/imports/startups', file, 'big.xlsx');
      expect(res.status).toBe(202);
      expect(res.body.report.validRows).toBe(1500);
      let job = (await api.request(`/api/v1/imports/startups/${res.body.importId}`, { token: organizer.token })).body;
      for (let i = 0; i < 300 && !['succeeded', 'failed'].includes(job.status); i++) {
        await new Promise((r) => setTimeout(r, 100));
        job = (await api.request(`/api/v1/imports/startups/${res.body.importId}`, { token: organizer.token })).body;
      }
      expect(job).toMatchObject({ status: 'succeeded', totalRows: 1500, processedRows: 1500, startupsUpserted: 1500, errors: [] });
      const [{ n }] = await api.db.dataSource.query('SELECT count(*)::int AS n FROM startup_fiscal_years WHERE year = 2024');
      expect(n).toBe(1500);
      // The row turns 'succeeded' just before the processor returns: wait for BullMQ to record it too.
      const queue = new Queue('imports', { connection: { host: '127.0.0.1', port: 6379 }, prefix: process.env.QUEUE_PREFIX });
      try {
        let done = (await queue.getJobs(['completed']))[0];
        for (let i = 0; i < 100 && !done; i++) {
          await new Promise((r) => setTimeout(r, 50));
          done = (await queue.getJobs(['completed']))[0];
        }
        expect(done?.progress).toBe(100);
      } finally {
        await queue.close();
      }

      const stranger = await registerOrg(api, 'organizer');
      expect((await api.request(`/api/v1/imports/startups/${res.body.importId}`, { token: stranger.token })).status).toBe(404);
    } finally {
      await worker.stop('SIGTERM');
    }
  }, 90_000);
});
