import { startApi, ApiHarness } from '../../../test/support/api-app';
import { registerOrg } from '../../../test/support/identity-fixtures';

/** SEARCH_ENGINE=meilisearch with the server down: the API still starts, and search answers 503 with a code. */
describe('search with an unreachable Meilisearch server', () => {
  let api: ApiHarness;
  const saved = { SEARCH_ENGINE: process.env.SEARCH_ENGINE, MEILI_URL: process.env.MEILI_URL };

  beforeAll(async () => {
    api = await startApi({ SEARCH_ENGINE: 'meilisearch', MEILI_URL: 'http://127.0.0.1:1' });
  });
  afterAll(async () => {
    await api.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('boots, and GET /search is 503 SEARCH_UNAVAILABLE (never 500); bad parameters are still 400', async () => {
    const fund = await registerOrg(api, 'fund');
    const res = await api.request(`/api/v1/search?type=projects&q=${encodeURIComponent('半导体')}`, {
      token: fund.token,
    });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'SEARCH_UNAVAILABLE', details: {} });
    expect(res.text).not.toContain('127.0.0.1:1');
    const bad = await api.request('/api/v1/search?type=projects&facets=title', { token: fund.token });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'SEARCH_FACET_ATTRIBUTE_NOT_FILTERABLE', details: { field: 'facets' } });
  });

  it('readiness names the search server as the failing dependency', async () => {
    const ready = await api.request('/api/v1/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { failing: ['search'] } });
    expect(ready.body.details.checks).toMatchObject({
      database: { status: 'up' },
      redis: { status: 'up' },
      search: { status: 'down' },
    });
  });
});
