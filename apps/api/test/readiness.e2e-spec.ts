import { TcpProxy } from '../../../test/support/tcp-proxy';
import { startApi, ApiHarness } from '../../../test/support/api-app';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';

/** Postgres is reached through a loopback proxy the test can cut: a real outage, no mocks. */
describe('readiness follows the database', () => {
  let proxy: TcpProxy;
  let db: TestDatabase;
  let api: ApiHarness;

  beforeAll(async () => {
    db = await createTestDatabase();
    proxy = await TcpProxy.start('127.0.0.1', 5432);
    const viaProxy = new URL(db.url);
    viaProxy.port = String(proxy.port);
    api = await startApi({ DATABASE_URL: viaProxy.toString() });
  });

  afterAll(async () => {
    await api?.close();
    await proxy?.close();
    await db?.drop();
  });

  it('turns 503 naming the database when it is unreachable, and 200 when it returns', async () => {
    expect((await api.request('/api/v1/health/ready')).status).toBe(200);

    await proxy.close();
    const down = await api.request('/api/v1/health/ready', { headers: { 'accept-language': 'en' } });
    expect(down.status).toBe(503);
    expect(down.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(down.body.details.failing).toEqual(['database']);
    expect(down.body.details.checks.redis.status).toBe('up');

    await proxy.open();
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await api.request('/api/v1/health/ready')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
  });
});
