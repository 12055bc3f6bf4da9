import { startApi, ApiHarness } from '../../../test/support/api-app';

describe('API platform behaviour over HTTP', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi({ BODY_LIMIT_BYTES: String(64 * 1024) });
  });
  afterAll(() => api.close());

  it('answers liveness and readiness when Postgres and Redis are up', async () => {
    const live = await api.request('/api/v1/health/live');
    expect(live.status).toBe(200);
    const ready = await api.request('/api/v1/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details).toEqual({
      database: { status: 'up' },
      redis: { status: 'up' },
      // engagement's figure: the age of the oldest due-and-unsent reminder
      reminders: { status: 'up', overdue: 0, oldestOverdueSeconds: null },
      // search's figure: documents each index read at boot, and index images reused (none configured here)
      search: { status: 'up', documentsRead: { projects: 0, startups: 0, mandates: 0 }, images: {} },
      // matching's figure: the deal-flow snapshot's build, from stored feature rows or computed
      matchingSnapshot: {
        status: 'up',
        phase: 'built',
        projects: 0,
        total: 0,
        fromStore: 0,
        toCompute: 0,
        computed: 0,
        ms: expect.any(Number),
        version: expect.any(Number),
      },
      // platform's figure: how far this process's read models are behind the outbox (reported, never failing)
      projections: {
        status: 'up',
        behind: 0,
        lagSeconds: 0,
        watermark: 0,
        head: 0,
        caughtUp: 0,
        degraded: false,
        checkedSecondsAgo: expect.any(Number),
      },
    });
  });

  it('puts a request id on every response and reuses a sane caller id', async () => {
    const own = await api.request('/api/v1/health/live', { headers: { 'x-request-id': 'caller-req-12345' } });
    expect(own.headers.get('x-request-id')).toBe('caller-req-12345');
    const generated = await api.request('/api/v1/health/live', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with a coded, localized error body', async () => {
    const zh = await api.request('/api/v1/nope');
    expect(zh.status).toBe(404);
    expect(zh.body).toEqual({
      code: 'ROUTE_NOT_FOUND',
      message: '接口不存在。',
      details: {},
      requestId: zh.headers.get('x-request-id'),
    });
    const en = await api.request('/api/v1/nope', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.body.message).toBe('No such route.');
  });

  it('rejects an oversized body with 413 and a broken JSON body with 400, never 500', async () => {
    // A route that takes a body (POST on /health/live is a 405 before any body is read).
    const big = await api.request('/api/v1/auth/logout', {
      method: 'POST',
      json: { blob: 'x'.repeat(200 * 1024) },
    });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
    const broken = await api.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"unterminated": ',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('MALFORMED_REQUEST');
    expect(broken.body.requestId).toBe(broken.headers.get('x-request-id'));
    const wrongMethod = await api.request('/api/v1/health/live', { method: 'POST', json: { a: 1 } });
    expect({
      status: wrongMethod.status,
      code: wrongMethod.body.code,
      allow: wrongMethod.headers.get('allow'),
    }).toEqual({
      status: 405,
      code: 'METHOD_NOT_ALLOWED',
      allow: 'GET, HEAD',
    });
  });

  it('serves a valid OpenAPI 3 document listing the health routes and the error schema', async () => {
    const doc = await api.request('/api/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/health/live', '/api/v1/health/ready']),
    );
    expect(doc.body.components.schemas.ErrorBody.properties.code.enum).toEqual(
      expect.arrayContaining(['VALIDATION_FAILED', 'INTERNAL_ERROR']),
    );
    const ui = await api.request('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('sends security headers on every answer: routes, errors and the API document alike', async () => {
    for (const path of ['/api/v1/health/live', '/api/v1/nope', '/api/docs']) {
      const res = await api.request(path);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('strict-transport-security')).toContain('max-age=');
      expect(res.headers.get('x-powered-by')).toBeNull();
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self' 'unsafe-inline'");
      expect(csp).toContain("img-src 'self' data: validator.swagger.io");
    }
  });
});
