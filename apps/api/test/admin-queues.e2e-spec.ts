import { startApi, ApiHarness } from '../../../test/support/api-app';
import { registerOrg, promoteToPlatformAdmin } from '../../../test/support/identity-fixtures';

describe('/admin/queues (bull-board) is for platform admins only', () => {
  let api: ApiHarness;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('refuses anonymous callers and ordinary users, serves platform admins', async () => {
    expect((await api.request('/admin/queues')).status).toBe(401);

    const user = await registerOrg(api, 'fund');
    const asUser = await api.request('/admin/queues', { token: user.token });
    expect(asUser.status).toBe(403);
    expect(asUser.body.code).toBe('FORBIDDEN');

    await promoteToPlatformAdmin(api, user.userId);
    const page = await api.request('/admin/queues', { token: user.token });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>');
    const queues = await api.request('/admin/queues/api/queues', { token: user.token });
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name)).toContain('notifications');
  });

  it('turns a one-time access_token into a path-scoped HttpOnly cookie and drops it from the URL', async () => {
    const admin = await registerOrg(api, 'organizer');
    await promoteToPlatformAdmin(api, admin.userId);
    const res = await api.request(`/admin/queues?access_token=${admin.token}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/admin/queues');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Path=\/admin\/queues/);
    const follow = await api.request('/admin/queues', { headers: { cookie: cookie.split(';')[0] } });
    expect(follow.status).toBe(200);
  });
});
