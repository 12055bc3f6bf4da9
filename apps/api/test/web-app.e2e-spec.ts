import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, type ApiHarness } from '../../../test/support/api-app';

describe('the API serves the built web app', () => {
  let api: ApiHarness;
  const dist = mkdtempSync(join(tmpdir(), 'tourong-web-'));
  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>投融</title><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    api = await startApi({ WEB_DIST_DIR: dist });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html at / and for client routes a browser navigates to (SPA fallback)', async () => {
    for (const path of ['/', '/projects/123', '/mandates/x/deal-flow?q=北斗']) {
      const res = await api.request(encodeURI(path), { headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.text).toContain('<div id="root">');
    }
  });

  it('caches hashed assets for a year', async () => {
    const res = await api.request('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('keeps the coded JSON 404 for /api paths, scripts and missing assets', async () => {
    const apiMiss = await api.request('/api/v1/nope', { headers: { accept: 'text/html' } });
    expect(apiMiss.status).toBe(404);
    expect(apiMiss.body.code).toBe('ROUTE_NOT_FOUND');
    const fetchMiss = await api.request('/projects/123');
    expect(fetchMiss.status).toBe(404);
    expect(fetchMiss.body.code).toBe('ROUTE_NOT_FOUND');
    const asset = await api.request('/assets/missing.js');
    expect(asset.status).toBe(404);
    const live = await api.request('/api/v1/health/live', { headers: { accept: 'text/html' } });
    expect(live.status).toBe(200);
  });
});
