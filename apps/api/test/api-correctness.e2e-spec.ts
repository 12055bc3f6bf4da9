import { randomUUID } from 'node:crypto';
import { startApi, type ApiHarness, type ApiResponse } from '../../../test/support/api-app';
import { registerOrg, type Actor } from '../../../test/support/identity-fixtures';
import { createCompanyWithProject } from '../../../test/support/matching-fixtures';

/**
 * API correctness at the platform's depth: idempotent creates, stable pages, 405 on a known path,
 * filters that are honoured or refused, calendar dates, deck metadata for the entitled only, rate
 * limits on expensive routes, and the HTTP headers (helmet, CORS from config).
 */

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);
const WAN = 1_000_000;
const ORIGIN = 'https://app.tourong.example';

describe('API correctness', () => {
  jest.setTimeout(120_000);
  let api: ApiHarness;
  let founder: Actor;
  let fund: Actor;
  let otherFund: Actor;
  let seq = 0;

  const ok = (res: ApiResponse, status: number) => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${res.text.slice(0, 400)}`);
    return res.body;
  };
  const newProject = async (publish = true) =>
    (
      await createCompanyWithProject(api, founder, {
        legalName: `正确性测试${++seq}科技有限公司`,
        regionCode: '320211',
        tracks: ['robotics'],
        project: { title: `项目 ${seq}`, stage: 'seed', amountSought: 200 * WAN, instruments: ['equity'] },
        publish,
      })
    ).projectId;

  beforeAll(async () => {
    api = await startApi({ EXPENSIVE_ROUTE_LIMIT: '2', EXPENSIVE_ROUTE_WINDOW_SECONDS: '600', CORS_ORIGINS: ORIGIN });
    founder = await registerOrg(api, 'startup');
    fund = await registerOrg(api, 'fund');
    otherFund = await registerOrg(api, 'fund');
  });
  afterAll(() => api?.close());

  describe('Idempotency-Key on creates', () => {
    const createStartup = (key: string | undefined, legalName: string, token = founder.token) =>
      api.request('/api/v1/startups', {
        method: 'POST',
        token,
        headers: key ? { 'idempotency-key': key } : {},
        json: { legalName, regionCode: '320211' },
      });
    const count = async (legalName: string) =>
      Number(
        (await api.db.dataSource.query('SELECT count(*) FROM startups WHERE legal_name = $1', [legalName]))[0].count,
      );

    it('a retried create with the same key returns the same resource and writes it once', async () => {
      const key = randomUUID();
      const first = await createStartup(key, '幂等重试科技有限公司');
      const retry = await createStartup(key, '幂等重试科技有限公司');
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(await count('幂等重试科技有限公司')).toBe(1);
      const events = await api.db.dataSource.query(
        "SELECT count(*)::int AS n FROM outbox_events WHERE type = 'startups.startup_changed' AND payload->>'startupId' = $1",
        [first.body.id],
      );
      expect(events[0].n).toBe(1);
    });

    it('the same key with a different body is 422 IDEMPOTENCY_KEY_MISMATCH and writes nothing', async () => {
      const key = randomUUID();
      ok(await createStartup(key, '幂等甲科技有限公司'), 201);
      const other = await createStartup(key, '幂等乙科技有限公司');
      expect({ status: other.status, code: other.body.code, field: other.body.details.field }).toEqual({
        status: 422,
        code: 'IDEMPOTENCY_KEY_MISMATCH',
        field: 'Idempotency-Key',
      });
      expect(await count('幂等乙科技有限公司')).toBe(0);
    });

    it('keys are per caller, a refused create keeps no key, and a malformed key is a 400 on the header', async () => {
      const key = randomUUID();
      const other = await registerOrg(api, 'startup');
      ok(await createStartup(key, '幂等各自科技有限公司'), 201);
      ok(await createStartup(key, '幂等各自科技有限公司', other.token), 201);
      expect(await count('幂等各自科技有限公司')).toBe(2);

      const refusedKey = randomUUID();
      const refused = await api.request('/api/v1/startups', {
        method: 'POST',
        token: founder.token,
        headers: { 'idempotency-key': refusedKey },
        json: { legalName: '幂等失败科技有限公司', regionCode: '12' },
      });
      expect(refused.status).toBe(400);
      // The refusal left no key behind: the corrected retry under the same key runs.
      const fixed = await api.request('/api/v1/startups', {
        method: 'POST',
        token: founder.token,
        headers: { 'idempotency-key': refusedKey },
        json: { legalName: '幂等失败科技有限公司', regionCode: '320211' },
      });
      expect(fixed.status).toBe(201);

      const bad = await createStartup('x'.repeat(300), '幂等坏键科技有限公司');
      expect({ status: bad.status, field: bad.body.details.field }).toEqual({ status: 400, field: 'Idempotency-Key' });
      expect(await count('幂等坏键科技有限公司')).toBe(0);
    });

    it('concurrent retries of one create still make one resource', async () => {
      const key = randomUUID();
      const answers = await Promise.all([1, 2, 3, 4].map(() => createStartup(key, '幂等并发科技有限公司')));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
      const created = answers.filter((a) => a.status === 201).map((a) => a.body.id);
      expect(new Set(created).size).toBe(1);
      for (const a of answers.filter((x) => x.status === 409)) expect(a.body.code).toBe('IDEMPOTENCY_KEY_IN_PROGRESS');
      expect(await count('幂等并发科技有限公司')).toBe(1);
    });

    it('the OpenAPI document declares the header on creates', async () => {
      const doc = (await api.request('/api/docs-json')).body;
      const params = (doc.paths['/api/v1/startups'].post.parameters ?? []) as { name: string; in: string }[];
      expect(params).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
      const publish = (doc.paths['/api/v1/projects/{id}/publish'].post.parameters ?? []) as { name: string }[];
      expect(publish.map((p) => p.name)).not.toContain('Idempotency-Key');
    });
  });

  it('the deals list pages on a key that does not move: a deal moved between two page reads is neither skipped nor repeated', async () => {
    const projects = [];
    for (let i = 0; i < 5; i++) projects.push(await newProject());
    const dealIds: string[] = [];
    for (const projectId of projects) {
      dealIds.push(
        ok(await api.request('/api/v1/deals', { method: 'POST', token: fund.token, json: { projectId } }), 201).id,
      );
    }
    const page1 = ok(await api.request('/api/v1/deals?limit=2', { token: fund.token }), 200);
    expect(page1.items).toHaveLength(2);
    // Move the oldest deal (on a later page) and a deal of the first page between the reads.
    for (const id of [dealIds[0], page1.items[0].id]) {
      ok(
        await api.request(`/api/v1/deals/${id}/transitions`, {
          method: 'POST',
          token: fund.token,
          json: { to: 'shortlisted' },
        }),
        200,
      );
    }
    const seen = page1.items.map((d: { id: string }) => d.id);
    let cursor = page1.nextCursor;
    while (cursor) {
      const page = ok(await api.request(`/api/v1/deals?limit=2&cursor=${cursor}`, { token: fund.token }), 200);
      seen.push(...page.items.map((d: { id: string }) => d.id));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(dealIds));
    expect(seen).toEqual([...dealIds].reverse());
  });

  it('my projects page on a key that does not move: a project edited between two page reads is neither skipped nor repeated', async () => {
    const created: string[] = [];
    for (let i = 0; i < 4; i++) created.push(await newProject(false));
    const mine = async (cursor?: string) =>
      ok(
        await api.request(`/api/v1/projects?mine=true&status=draft&limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
          token: founder.token,
        }),
        200,
      );
    const page1 = await mine();
    // Edit the oldest draft (on a later page) between the reads: it must still come once, in its place.
    const oldest = ok(await api.request(`/api/v1/projects/${created[0]}`, { token: founder.token }), 200);
    ok(
      await api.request(`/api/v1/projects/${created[0]}`, {
        method: 'PATCH',
        token: founder.token,
        json: { version: oldest.version, title: '改过的标题' },
      }),
      200,
    );
    const seen = page1.items.map((p: { id: string }) => p.id);
    let cursor = page1.nextCursor;
    while (cursor) {
      const page = await mine(cursor);
      seen.push(...page.items.map((p: { id: string }) => p.id));
      cursor = page.nextCursor;
    }
    const ours = seen.filter((id: string) => created.includes(id));
    expect(ours).toEqual([...created].reverse());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('an unknown method on a known path is 405 with Allow; an unknown path stays 404', async () => {
    const res = await api.request('/api/v1/me', { method: 'DELETE', token: founder.token });
    expect({ status: res.status, code: res.body.code, allow: res.headers.get('allow') }).toEqual({
      status: 405,
      code: 'METHOD_NOT_ALLOWED',
      allow: 'GET, HEAD, PATCH',
    });
    const withId = await api.request(`/api/v1/projects/${randomUUID()}/publish`, {
      method: 'GET',
      token: founder.token,
    });
    expect({ status: withId.status, allow: withId.headers.get('allow') }).toEqual({ status: 405, allow: 'POST' });
    const anonymous = await api.request('/api/v1/startups', { method: 'PUT' });
    expect(anonymous.status).toBe(405);
    const missing = await api.request('/api/v1/no-such-thing', { method: 'DELETE', token: founder.token });
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'ROUTE_NOT_FOUND' });
  });

  it('?asOf=2023-02-30 is a 400 on asOf, not a 422 about the company', async () => {
    const startup = ok(
      await api.request('/api/v1/startups', {
        method: 'POST',
        token: founder.token,
        json: { legalName: '日期测试科技有限公司', regionCode: '320211' },
      }),
      201,
    );
    for (const asOf of ['2023-02-30', '2023-02-29', '2023-13-01', '2023-00-10', '2023-2-3']) {
      const res = await api.request(`/api/v1/startups/${startup.id}/qualification?asOf=${asOf}`, {
        token: founder.token,
      });
      expect({ asOf, status: res.status, code: res.body.code, field: res.body.details?.field }).toEqual({
        asOf,
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'asOf',
      });
    }
    const leap = await api.request(`/api/v1/startups/${startup.id}/qualification?asOf=2024-02-29`, {
      token: founder.token,
    });
    expect(leap.status).toBe(200);
  });

  it('project status filters are honoured with mine=true and refused without it', async () => {
    const draft = await newProject(false);
    const refused = await api.request('/api/v1/projects?status=archived', { token: founder.token });
    expect({ status: refused.status, field: refused.body.details?.field }).toEqual({ status: 400, field: 'status' });
    const drafts = ok(
      await api.request('/api/v1/projects?mine=true&status=draft&limit=100', { token: founder.token }),
      200,
    );
    expect(drafts.items.map((p: { id: string }) => p.id)).toContain(draft);
    expect(drafts.items.every((p: { status: string }) => p.status === 'draft')).toBe(true);
    const published = ok(await api.request('/api/v1/projects?status=published&limit=100', { token: fund.token }), 200);
    expect(published.items.every((p: { status: string }) => p.status === 'published')).toBe(true);
  });

  it('deck metadata (file name, size, hash) is shown only to those entitled to the deck', async () => {
    const projectId = await newProject();
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), '机密路演材料.pdf');
    const uploaded = ok(
      await api.request(`/api/v1/projects/${projectId}/deck`, { method: 'PUT', token: founder.token, body: form }),
      200,
    );
    expect(uploaded.deck).toMatchObject({ fileName: '机密路演材料.pdf', sizeBytes: PDF.length });
    const sha = uploaded.deck.sha256 as string;

    const asStranger = await api.request(`/api/v1/projects/${projectId}`, { token: otherFund.token });
    expect({ status: asStranger.status, hasDeck: asStranger.body.hasDeck, deck: asStranger.body.deck }).toEqual({
      status: 200,
      hasDeck: true,
      deck: null,
    });
    const list = await api.request('/api/v1/projects?limit=100', { token: otherFund.token });
    const search = await api.request(`/api/v1/search?q=${encodeURIComponent('正确性测试')}`, {
      token: otherFund.token,
    });
    for (const res of [asStranger, list, search]) {
      expect(res.text).not.toContain(sha);
      expect(res.text).not.toContain('机密路演材料');
    }

    // A grant makes the metadata visible, as it makes the file downloadable.
    ok(
      await api.request('/api/v1/access-grants', {
        method: 'POST',
        token: founder.token,
        json: { granteeOrganizationId: otherFund.organizationId },
      }),
      201,
    );
    const granted = ok(await api.request(`/api/v1/projects/${projectId}`, { token: otherFund.token }), 200);
    expect(granted.deck).toMatchObject({ fileName: '机密路演材料.pdf', sha256: sha });
  });

  it('expensive routes are rate limited per organization with 429 RATE_LIMITED and Retry-After', async () => {
    const dryRun = (token: string) => {
      const form = new FormData();
      form.append('file', new Blob(['legalName,creditCode\n'], { type: 'text/csv' }), 'a.csv');
      return api.request('/api/v1/imports/startups/dry-run', { method: 'POST', token, body: form });
    };
    const answers = [await dryRun(founder.token), await dryRun(founder.token), await dryRun(founder.token)];
    expect(answers.slice(0, 2).every((a) => a.status !== 429)).toBe(true);
    const third = answers[2];
    expect({ status: third.status, code: third.body.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(third.body.details).toMatchObject({ limit: 2, windowSeconds: 600 });
    // Another organization has its own budget.
    const other = await registerOrg(api, 'startup');
    expect((await dryRun(other.token)).status).not.toBe(429);
  });

  it('answers carry helmet headers, and CORS follows CORS_ORIGINS', async () => {
    const res = await api.request('/api/v1/health/live');
    expect({
      nosniff: res.headers.get('x-content-type-options'),
      frame: res.headers.get('x-frame-options'),
      hsts: res.headers.get('strict-transport-security')?.startsWith('max-age='),
      csp: res.headers.get('content-security-policy')?.includes("default-src 'self'"),
      referrer: res.headers.get('referrer-policy'),
      poweredBy: res.headers.get('x-powered-by'),
    }).toEqual({
      nosniff: 'nosniff',
      frame: 'SAMEORIGIN',
      hsts: true,
      csp: true,
      referrer: 'no-referrer',
      poweredBy: null,
    });

    const preflight = (origin: string) =>
      api.request('/api/v1/me', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const allowed = await preflight(ORIGIN);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
