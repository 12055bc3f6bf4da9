import { startApi, ApiHarness } from '../../../test/support/api-app';
import { expectTenantIsolation } from '../../../test/support/cross-tenant';
import { Actor, addMember, registerOrg, uniqueCreditCode } from '../../../test/support/identity-fixtures';

interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  json?: unknown;
  /** What a signed-in outsider gets: 404 for private resources and writes, 403 for confidential reads. */
  stranger: [number, string];
  /** What a plain member of the owning organization gets, when the route needs more than membership. */
  member?: [number, string];
}

/**
 * Every company and project route tried as nobody, as another tenant and (where roles matter) as a
 * plain member. No response to an outsider may contain the company's confidential figures.
 */
describe('company and project routes across tenants', () => {
  let api: ApiHarness;
  let owner: Actor;
  let member: Actor;
  let stranger: Actor;
  let startupId: string;
  let draftId: string;
  let publishedId: string;
  let ipId: string;
  let qualificationId: string;
  const SECRET_REVENUE = 7_777_777_777;

  beforeAll(async () => {
    api = await startApi();
    owner = await registerOrg(api, 'startup');
    member = await addMember(api, owner, 'member');
    stranger = await registerOrg(api, 'fund');
    const s = await api.request('/api/v1/startups', {
      method: 'POST',
      token: owner.token,
      json: { legalName: '保密测试科技有限公司', creditCode: uniqueCreditCode(), regionCode: '320211' },
    });
    startupId = s.body.id;
    await api.request(`/api/v1/startups/${startupId}/fiscal-years/2023`, {
      method: 'PUT',
      token: owner.token,
      json: { headcount: 40, revenue: SECRET_REVENUE },
    });
    ipId = (
      await api.request(`/api/v1/startups/${startupId}/ip-items`, {
        method: 'POST',
        token: owner.token,
        json: { type: 'invention_patent', number: 'ZL-SECRET-0001' },
      })
    ).body.id;
    qualificationId = (
      await api.request(`/api/v1/startups/${startupId}/qualifications`, { method: 'POST', token: owner.token, json: { kind: 'tech_sme' } })
    ).body.id;
    const project = (title: string) =>
      api.request('/api/v1/projects', {
        method: 'POST',
        token: owner.token,
        json: { startupId, title, stage: 'seed', amountSought: 100_000_000, instruments: ['equity'], pitch: { problem: 'p', product: 'q' } },
      });
    draftId = (await project('草稿项目')).body.id;
    publishedId = (await project('已发布项目')).body.id;
    await api.request(`/api/v1/projects/${publishedId}/publish`, { method: 'POST', token: owner.token });
  });
  afterAll(() => api.close());

  const routes = (): Route[] => [
    { method: 'PATCH', path: `/api/v1/startups/${startupId}`, json: { version: 1, oneLiner: 'x' }, stranger: [404, 'STARTUP_NOT_FOUND'] },
    { method: 'DELETE', path: `/api/v1/startups/${startupId}`, stranger: [404, 'STARTUP_NOT_FOUND'] },
    { method: 'GET', path: `/api/v1/startups/${startupId}/fiscal-years`, stranger: [403, 'CONFIDENTIAL_ACCESS_REQUIRED'] },
    { method: 'PUT', path: `/api/v1/startups/${startupId}/fiscal-years/2022`, json: { headcount: 1 }, stranger: [404, 'STARTUP_NOT_FOUND'] },
    { method: 'DELETE', path: `/api/v1/startups/${startupId}/fiscal-years/2023`, stranger: [404, 'STARTUP_NOT_FOUND'] },
    { method: 'GET', path: `/api/v1/startups/${startupId}/ip-items`, stranger: [403, 'CONFIDENTIAL_ACCESS_REQUIRED'] },
    { method: 'POST', path: `/api/v1/startups/${startupId}/ip-items`, json: { type: 'design', number: 'ZL-X-1' }, stranger: [404, 'STARTUP_NOT_FOUND'] },
    { method: 'PATCH', path: `/api/v1/startups/${startupId}/ip-items/${ipId}`, json: { status: 'expired' }, stranger: [404, 'STARTUP_NOT_FOUND'] },
    { method: 'DELETE', path: `/api/v1/startups/${startupId}/ip-items/${ipId}`, stranger: [404, 'STARTUP_NOT_FOUND'] },
    { method: 'POST', path: `/api/v1/startups/${startupId}/qualifications`, json: { kind: 'tech_sme' }, stranger: [404, 'STARTUP_NOT_FOUND'] },
    { method: 'DELETE', path: `/api/v1/startups/${startupId}/qualifications/${qualificationId}`, stranger: [404, 'STARTUP_NOT_FOUND'] },
    { method: 'GET', path: `/api/v1/startups/${startupId}/qualification`, stranger: [403, 'CONFIDENTIAL_ACCESS_REQUIRED'] },
    { method: 'GET', path: `/api/v1/projects/${draftId}`, stranger: [404, 'PROJECT_NOT_FOUND'] },
    { method: 'PATCH', path: `/api/v1/projects/${publishedId}`, json: { version: 2, title: '改标题' }, stranger: [404, 'PROJECT_NOT_FOUND'] },
    { method: 'POST', path: `/api/v1/projects/${draftId}/publish`, stranger: [404, 'PROJECT_NOT_FOUND'], member: [403, 'FORBIDDEN'] },
    { method: 'POST', path: `/api/v1/projects/${publishedId}/archive`, stranger: [404, 'PROJECT_NOT_FOUND'], member: [403, 'FORBIDDEN'] },
    { method: 'DELETE', path: `/api/v1/projects/${draftId}`, stranger: [404, 'PROJECT_NOT_FOUND'] },
    { method: 'GET', path: `/api/v1/projects/${publishedId}/deck`, stranger: [403, 'CONFIDENTIAL_ACCESS_REQUIRED'] },
    {
      method: 'POST',
      path: '/api/v1/projects',
      json: { startupId, title: '冒名项目', stage: 'seed' },
      stranger: [404, 'STARTUP_NOT_FOUND'],
    },
  ];

  it('answers 401 without a token, the right refusal to another tenant, and 403 to a lower role', async () => {
    for (const r of routes()) {
      await expectTenantIsolation(api, {
        route: { method: r.method, path: r.path, json: r.json },
        owner,
        stranger,
        strangerExpect: { status: r.stranger[0], code: r.stranger[1] },
        ...(r.member ? { lowerRole: member, lowerRoleExpect: { status: r.member[0], code: r.member[1] } } : {}),
        // The owner's own call is exercised by the other suites; here nothing may change.
        ownerExpect: false,
        forbiddenValues: [SECRET_REVENUE, 'ZL-SECRET-0001'],
      });
    }
  });

  it('left the company exactly as it was', async () => {
    const figures = await api.request(`/api/v1/startups/${startupId}/fiscal-years`, { token: owner.token });
    expect(figures.body.map((f: { year: number; revenue: number }) => [f.year, f.revenue])).toEqual([[2023, SECRET_REVENUE]]);
    const ip = await api.request(`/api/v1/startups/${startupId}/ip-items`, { token: owner.token });
    expect(ip.body.map((i: { number: string; status: string }) => [i.number, i.status])).toEqual([['ZL-SECRET-0001', 'valid']]);
    const draft = await api.request(`/api/v1/projects/${draftId}`, { token: owner.token });
    expect(draft.body.status).toBe('draft');
    const published = await api.request(`/api/v1/projects/${publishedId}`, { token: owner.token });
    expect(published.body).toMatchObject({ status: 'published', title: '已发布项目' });
  });

  it('lists only published projects to outsiders and never another tenant’s drafts', async () => {
    const list = await api.request('/api/v1/projects?limit=100', { token: stranger.token });
    const ids = list.body.items.map((p: { id: string }) => p.id);
    expect(ids).toContain(publishedId);
    expect(ids).not.toContain(draftId);
    const mine = await api.request('/api/v1/projects?mine=true&limit=100', { token: stranger.token });
    expect(mine.body.items).toEqual([]);
    const ownCompanies = await api.request('/api/v1/startups?mine=true&region=3202', { token: owner.token });
    expect(ownCompanies.status).toBe(200);
    expect(ownCompanies.body.items.map((c: { id: string }) => c.id)).toEqual([startupId]);
    const strangersCompanies = await api.request('/api/v1/startups?mine=true', { token: stranger.token });
    expect(strangersCompanies.body.items).toEqual([]);
    const directory = await api.request('/api/v1/startups?limit=100', { token: stranger.token });
    expect(directory.body.items.find((c: { id: string }) => c.id === startupId)).toMatchObject({ confidentialAccess: false });
  });
});
