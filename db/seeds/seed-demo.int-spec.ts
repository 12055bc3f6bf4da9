import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createTestDatabase, TestDatabase, testQueuePrefix } from '../../test/support/test-database';

const root = join(__dirname, '..', '..');

function seed(db: TestDatabase): { status: number | null; out: string } {
  const r = spawnSync(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join(root, 'db', 'seeds', 'seed-demo.ts'),
    ],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 180_000,
      env: {
        ...process.env,
        TS_NODE_PROJECT: join(root, 'tsconfig.json'),
        DATABASE_URL: db.url,
        QUEUE_PREFIX: testQueuePrefix(),
        LOG_LEVEL: 'warn',
      },
    },
  );
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('npm run demo: the seed', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('loads companies, mandates and a pipeline whose stories hold, and a second run changes nothing', async () => {
    const first = seed(db);
    expect({ status: first.status, tail: first.status === 0 ? '' : first.out.slice(-2000) }).toEqual({
      status: 0,
      tail: '',
    });
    expect(first.out).toContain('Demo mandates and credit products: 8 created');
    expect(first.out).toContain('Demo pipeline (科创直投): 8 deals opened');

    const q = (sql: string) => db.dataSource.query(sql);
    const [{ n: published }] = await q(`SELECT count(*)::int AS n FROM projects WHERE status = 'published'`);
    expect(published).toBeGreaterThan(200);
    const products = await q(
      `SELECT name, terms->>'creditProduct' AS product FROM mandates WHERE kind = 'bank_product' ORDER BY name`,
    );
    expect(products.map((p: { product: string }) => p.product).sort()).toEqual([
      'innovation_points_loan',
      'ip_pledge_loan',
      'tech_transfer_loan',
    ]);
    const [guidance] = await q(`SELECT terms->'regions' AS regions FROM mandates WHERE name LIKE '%返投%'`);
    expect(guidance.regions).toEqual(['3202']);
    const [link] = await q(
      `SELECT l.name FROM mandates m JOIN mandates l ON l.id = m.linked_mandate_id WHERE m.terms->'instruments' ? 'equity_loan_package'`,
    );
    expect(link.name).toBe('知识产权质押贷');
    const stages = await q(`SELECT stage, count(*)::int AS n FROM deals GROUP BY stage ORDER BY stage`);
    expect(Object.fromEntries(stages.map((s: { stage: string; n: number }) => [s.stage, s.n]))).toEqual({
      contacted: 1,
      due_diligence: 1,
      meeting: 1,
      passed: 3,
      shortlisted: 1,
      signed: 1,
    });
    const [{ n: scored }] = await q(`SELECT count(*)::int AS n FROM deals WHERE score_at_open IS NOT NULL`);
    expect(scored).toBe(8);

    // The 金兔 roadshow day: screened applications, published agendas, invitations and a published 1:1 plan.
    expect(first.out).toContain('Demo roadshow (滨科 金兔): event, applications');
    const apps = await q(
      `SELECT a.status, count(*)::int AS n FROM roadshow_applications a JOIN roadshow_events e ON e.id = a.event_id
        WHERE e.title LIKE '%金兔%' GROUP BY a.status ORDER BY a.status`,
    );
    expect(Object.fromEntries(apps.map((a: { status: string; n: number }) => [a.status, a.n]))).toEqual({
      accepted: 5,
      rejected: 1,
      waitlisted: 1,
    });
    const [{ n: agendas }] = await q(
      `SELECT count(*)::int AS n FROM roadshow_sessions WHERE agenda_published_at IS NOT NULL`,
    );
    expect(agendas).toBe(2);
    const [{ n: meetings }] = await q(`SELECT count(*)::int AS n FROM roadshow_meetings WHERE cancelled_at IS NULL`);
    expect(meetings).toBe(7);
    const [{ n: invited }] = await q(`SELECT count(*)::int AS n FROM roadshow_invitations`);
    expect(invited).toBe(4);

    const counts = async () =>
      (
        await q(
          `SELECT (SELECT count(*) FROM startups)::int AS s, (SELECT count(*) FROM mandates)::int AS m, (SELECT count(*) FROM deal_transitions)::int AS t, (SELECT count(*) FROM roadshow_events)::int AS e`,
        )
      )[0];
    const before = await counts();
    const second = seed(db);
    expect(second.status).toBe(0);
    expect(second.out).toContain('8 already present');
    expect(await counts()).toEqual(before);
  }, 400_000);
});
