import { startApi, ApiHarness } from '../../../test/support/api-app';
import { Actor, registerOrg, uniqueCreditCode } from '../../../test/support/identity-fixtures';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);

async function uploadDeck(api: ApiHarness, token: string, projectId: string, body: Buffer, name = 'deck.pdf') {
  const form = new FormData();
  form.append('file', new Blob([body], { type: 'application/pdf' }), name);
  return api.request(`/api/v1/projects/${projectId}/deck`, { method: 'PUT', token, body: form });
}

describe('company profiles, projects and decks', () => {
  let api: ApiHarness;
  let founder: Actor;
  let fund: Actor;
  let startupId: string;
  let projectId: string;

  beforeAll(async () => {
    api = await startApi();
    founder = await registerOrg(api, 'startup', '无锡星航智农导航科技有限公司');
    fund = await registerOrg(api, 'fund', '西溪科创直投基金');
  });
  afterAll(() => api.close());

  it('serves the whole region tree to anyone, cacheable: a company anywhere can pick its own district', async () => {
    const res = await api.request('/api/v1/reference/regions');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    type Node = { code: string; zh: string; en: string; children: Node[] };
    const tree = res.body as Node[];
    const find = (nodes: Node[], code: string) => nodes.find((n) => n.code === code);
    expect(tree).toHaveLength(34);
    // Outside the programme provinces too: 河南省 · 驻马店市 · 西平县, and 重庆's counties apart from its districts.
    const henan = find(tree, '41')!;
    expect(henan).toMatchObject({ zh: '河南省', en: 'Henan' });
    expect(find(find(henan.children, '4117')!.children, '411721')).toMatchObject({ zh: '西平县', children: [] });
    expect(find(tree, '50')!.children.map((c) => c.zh)).toEqual(['重庆市', '重庆市（县）']);
    const districts = tree.flatMap((p) => p.children.flatMap((c) => c.children));
    expect(districts.length).toBeGreaterThan(2800);
    expect(districts.every((d) => /^\d{6}$/.test(d.code) && d.zh !== '市辖区')).toBe(true);
  });

  it('a founder describes the company, its figures and IP', async () => {
    const created = await api.request('/api/v1/startups', {
      method: 'POST',
      token: founder.token,
      json: {
        legalName: '无锡星航智农导航科技有限公司',
        creditCode: uniqueCreditCode(),
        foundedOn: '2019-06-18',
        regionCode: '320211',
        industry: 'industry',
        tracks: ['intelligent_agri_machinery', 'artificial_intelligence'],
        oneLiner: '北斗高精度农机自动导航',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      legalName: '无锡星航智农导航科技有限公司',
      version: 1,
      confidentialAccess: true,
    });
    startupId = created.body.id;

    const fy = await api.request(`/api/v1/startups/${startupId}/fiscal-years/2023`, {
      method: 'PUT',
      token: founder.token,
      json: { headcount: 86, techStaff: 31, revenue: 4_650_000_000, rdSpend: 310_000_000, totalAssets: 9_800_000_000 },
    });
    expect(fy.status).toBe(200);
    expect(fy.body).toMatchObject({ year: 2023, revenue: 4_650_000_000, techStaff: 31, totalCosts: null });

    const contradictory = await api.request(`/api/v1/startups/${startupId}/fiscal-years/2022`, {
      method: 'PUT',
      token: founder.token,
      json: { headcount: 10, techStaff: 12 },
    });
    expect(contradictory.status).toBe(422);
    expect(contradictory.body).toMatchObject({ code: 'FISCAL_YEAR_INVALID', details: { field: 'techStaff' } });

    for (let i = 1; i <= 9; i++) {
      const ip = await api.request(`/api/v1/startups/${startupId}/ip-items`, {
        method: 'POST',
        token: founder.token,
        json: { type: 'invention_patent', number: `ZL20211012345${i}.X`, title: `农机导航发明专利 ${i}` },
      });
      expect(ip.status).toBe(201);
      expect(ip.body.ipClass).toBe('I');
    }
    const dup = await api.request(`/api/v1/startups/${startupId}/ip-items`, {
      method: 'POST',
      token: founder.token,
      json: { type: 'invention_patent', number: 'zl202110123451.x' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('IP_ITEM_DUPLICATE');
  });

  it('refuses a stale edit instead of losing one (optimistic version)', async () => {
    const first = await api.request(`/api/v1/startups/${startupId}`, {
      method: 'PATCH',
      token: founder.token,
      json: { version: 1, website: 'https://xinghang.example.com' },
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await api.request(`/api/v1/startups/${startupId}`, {
      method: 'PATCH',
      token: founder.token,
      json: { version: 1, oneLiner: 'overwrites?' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.details).toMatchObject({ field: 'version', currentVersion: 2 });
  });

  it('keeps figures and IP confidential from an investor until the company grants access', async () => {
    const profile = await api.request(`/api/v1/startups/${startupId}`, { token: fund.token });
    expect(profile.status).toBe(200);
    expect(profile.body.confidentialAccess).toBe(false);
    const figures = await api.request(`/api/v1/startups/${startupId}/fiscal-years`, { token: fund.token });
    expect(figures.status).toBe(403);
    expect(figures.body.code).toBe('CONFIDENTIAL_ACCESS_REQUIRED');
    expect(figures.text).not.toContain('4650000000');

    const grant = await api.request('/api/v1/access-grants', {
      method: 'POST',
      token: founder.token,
      json: { granteeOrganizationId: fund.organizationId },
    });
    expect(grant.status).toBe(201);
    const granted = await api.request(`/api/v1/startups/${startupId}/fiscal-years`, { token: fund.token });
    expect(granted.status).toBe(200);
    expect(granted.body[0]).toMatchObject({ year: 2023, revenue: 4_650_000_000 });

    const audit = await api.request('/api/v1/audit-events?action=confidential.read', { token: founder.token });
    expect(audit.body.items[0]).toMatchObject({
      action: 'confidential.read',
      actorOrganizationId: fund.organizationId,
      targetId: startupId,
      details: { what: 'fiscal_years' },
    });
  });

  it('a project goes draft → published with a PDF deck; drafts stay private', async () => {
    const created = await api.request('/api/v1/projects', {
      method: 'POST',
      token: founder.token,
      json: {
        startupId,
        title: '北斗农机导航 · 900 万知识产权质押贷款',
        stage: 'a',
        instruments: ['ip_pledge_loan'],
        keywords: ['北斗', '农机', '北斗'],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', keywords: ['北斗', '农机'] });
    projectId = created.body.id;

    expect((await api.request(`/api/v1/projects/${projectId}`, { token: fund.token })).status).toBe(404);

    const incomplete = await api.request(`/api/v1/projects/${projectId}/publish`, {
      method: 'POST',
      token: founder.token,
    });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.details.problems.map((p: { field: string }) => p.field)).toEqual([
      'amountSought',
      'pitch.problem',
      'pitch.product',
    ]);

    const edited = await api.request(`/api/v1/projects/${projectId}`, {
      method: 'PATCH',
      token: founder.token,
      json: {
        version: created.body.version,
        amountSought: 900_000_000,
        pitch: { problem: '大田作业靠人工驾驶，直线度差', product: '北斗 RTK 自动导航驾驶系统' },
      },
    });
    expect(edited.status).toBe(200);
    const published = await api.request(`/api/v1/projects/${projectId}/publish`, {
      method: 'POST',
      token: founder.token,
    });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect((await api.request(`/api/v1/projects/${projectId}`, { token: fund.token })).body.title).toContain('900 万');

    // Each command wrote its event in the same transaction: create, edit, publish (the failed publish wrote none).
    const events = await api.db.dataSource.query(
      "SELECT payload->>'status' AS status FROM outbox_events WHERE type = 'startups.project_changed' AND payload->>'projectId' = $1 ORDER BY created_at",
      [projectId],
    );
    expect(events.map((e: { status: string }) => e.status)).toEqual(['draft', 'draft', 'published']);

    const again = await api.request(`/api/v1/projects/${projectId}/publish`, { method: 'POST', token: founder.token });
    expect(again.status).toBe(409);
    expect(again.body.details).toMatchObject({ status: 'published', requested: 'published' });
  });

  it('accepts a PDF deck by its bytes, refuses a renamed PNG, and serves it to entitled readers only', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);
    const fake = await uploadDeck(api, founder.token, projectId, png, 'deck.pdf');
    expect(fake.status).toBe(415);
    expect(fake.body.code).toBe('DECK_NOT_PDF');

    const ok = await uploadDeck(api, founder.token, projectId, PDF, '星航路演.pdf');
    expect(ok.status).toBe(200);
    expect(ok.body.deck).toMatchObject({ fileName: '星航路演.pdf', sizeBytes: PDF.length });

    const stranger = await registerOrg(api, 'fund');
    const refused = await api.request(`/api/v1/projects/${projectId}/deck`, { token: stranger.token });
    expect(refused.status).toBe(403);

    const download = await fetch(`${api.baseUrl}/api/v1/projects/${projectId}/deck`, {
      headers: { authorization: `Bearer ${fund.token}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);

    const audit = await api.request('/api/v1/audit-events?action=data.exported', { token: founder.token });
    expect(audit.body.items[0]).toMatchObject({ targetId: projectId, actorOrganizationId: fund.organizationId });
  });

  it('refuses a deck over 20 MB with 413 and keeps the previous one', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(21 * 1024 * 1024, 0x20)]);
    const res = await uploadDeck(api, founder.token, projectId, big);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('DECK_TOO_LARGE');
    const project = await api.request(`/api/v1/projects/${projectId}`, { token: founder.token });
    expect(project.body.deck.sizeBytes).toBe(PDF.length);
  });
});

describe('qualification report over HTTP', () => {
  let api: ApiHarness;
  let founder: Actor;

  beforeAll(async () => {
    api = await startApi();
    founder = await registerOrg(api, 'startup');
  });
  afterAll(() => api.close());

  it('explains 科技型中小企业 points and the distance to the next band for a real-looking company', async () => {
    const s = await api.request('/api/v1/startups', {
      method: 'POST',
      token: founder.token,
      json: {
        legalName: '潍坊泰星微电子材料有限公司',
        regionCode: '370705',
        foundedOn: '2017-03-01',
        industry: 'industry',
        tracks: ['semiconductor_materials'],
      },
    });
    const id = s.body.id;
    // 27 of 100 staff are tech staff (band 25 % → 16 points; 30 % is 3 people away), R&D 4.2 % of revenue (→ 30 points).
    await api.request(`/api/v1/startups/${id}/fiscal-years/2023`, {
      method: 'PUT',
      token: founder.token,
      json: {
        headcount: 100,
        techStaff: 27,
        revenue: 10_000_000_000,
        rdSpend: 420_000_000,
        totalCosts: 9_000_000_000,
        totalAssets: 15_000_000_000,
      },
    });
    await api.request(`/api/v1/startups/${id}/ip-items`, {
      method: 'POST',
      token: founder.token,
      json: { type: 'invention_patent', number: 'ZL202010000001.1' },
    });
    const res = await api.request(`/api/v1/startups/${id}/qualification?asOf=2024-06-30`, { token: founder.token });
    expect(res.status).toBe(200);
    expect(res.body.fiscalYear).toBe(2023);
    const techSme = res.body.techSme;
    expect(techSme.verdict).toBe('pass');
    const byKey = Object.fromEntries(techSme.indicators.map((i: { key: string }) => [i.key, i]));
    const staff = Object.values(byKey).find((i: any) => i.maxPoints === 20) as any;
    expect(staff.points).toBe(16);
    expect(staff.nextBand).toMatchObject({ pointsGained: 4 });
    const ip = Object.values(byKey).find((i: any) => i.maxPoints === 30) as any;
    expect(ip.points).toBe(30);
    expect(res.body.smeSize.sizeClass).toBe('small');

    const other = await registerOrg(api, 'fund');
    const refused = await api.request(`/api/v1/startups/${id}/qualification`, { token: other.token });
    expect(refused.status).toBe(403);
    const bad = await api.request(`/api/v1/startups/${id}/qualification?asOf=yesterday`, { token: founder.token });
    expect(bad.status).toBe(400);
    expect(bad.body.details.field).toBe('asOf');
  });
});
