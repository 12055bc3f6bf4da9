import { startApi, ApiHarness } from '../../../test/support/api-app';
import { registerOrg, addMember } from '../../../test/support/identity-fixtures';

describe('probe', () => {
  let api: ApiHarness;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());
  it('probes', async () => {
    const a = await registerOrg(api, 'startup');
    const enc = (k: unknown[]) => Buffer.from(JSON.stringify(k)).toString('base64url');
    const out: string[] = [];
    const log = (label: string, r: { status: number; text: string }) => out.push(`${label}: ${r.status} ${r.text.slice(0, 300)}`);
    log('cursor bad uuid', await api.request(`/api/v1/audit-events?cursor=${enc(['2024-01-01T00:00:00.000Z', 'nope'])}`, { token: a.token }));
    log('cursor at=1', await api.request(`/api/v1/audit-events?cursor=${enc(['1', '00000000-0000-4000-8000-000000000000'])}`, { token: a.token }));
    log('cursor num id', await api.request(`/api/v1/audit-events?cursor=${enc(['2024-01-01T00:00:00.000Z', 5])}`, { token: a.token }));
    log('patch org {}', await api.request('/api/v1/organizations/current', { method: 'PATCH', token: a.token, json: {} }));
    log('patch me {}', await api.request('/api/v1/me', { method: 'PATCH', token: a.token, json: {} }));
    for (const body of ['null', '[]', '"x"', '42', 'true', '[{"email":"a"}]']) {
      log(`login body ${body}`, await api.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body }));
      log(`register body ${body}`, await api.request('/api/v1/auth/register', { method: 'POST', headers: { 'content-type': 'application/json' }, body }));
      log(`patch org body ${body}`, await api.request('/api/v1/organizations/current', { method: 'PATCH', token: a.token, headers: { 'content-type': 'application/json' }, body }));
    }
    log('login no body', await api.request('/api/v1/auth/login', { method: 'POST' }));
    log('login text', await api.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' }));
    log('register org null', await api.request('/api/v1/auth/register', { method: 'POST', json: { email: 'a@b.cn', password: 'xx', displayName: 'x', organization: null } }));
    log('register org string', await api.request('/api/v1/auth/register', { method: 'POST', json: { email: 'a@b.cn', password: 'xx', displayName: 'x', organization: 'abc' } }));
    log('register org array', await api.request('/api/v1/auth/register', { method: 'POST', json: { email: 'a@b.cn', password: 'xx', displayName: 'x', organization: [] } }));
    log('register email obj', await api.request('/api/v1/auth/register', { method: 'POST', json: { email: { $gt: '' }, password: 'xx', displayName: 'x' } }));
    log('grant bad date', await api.request('/api/v1/access-grants', { method: 'POST', token: a.token, json: { granteeOrganizationId: a.organizationId, expiresAt: 'soon' } }));
    log('grant date num', await api.request('/api/v1/access-grants', { method: 'POST', token: a.token, json: { granteeOrganizationId: a.organizationId, expiresAt: 1e20 } }));
    log('audit limit', await api.request('/api/v1/audit-events?limit=abc', { token: a.token }));
    log('audit limit arr', await api.request('/api/v1/audit-events?limit=1&limit=2', { token: a.token }));
    log('audit org arr', await api.request('/api/v1/audit-events?action=auth.logout&action=auth.logout', { token: a.token }));
    log('members nonuuid', await api.request('/api/v1/organizations/current/members/abc', { method: 'PATCH', token: a.token, json: { role: 'member' } }));
    log('org nonuuid', await api.request('/api/v1/organizations/abc', { token: a.token }));
    log('preview', await api.request('/api/v1/invitations/preview?token=abcdefghijklmnop', {}));
    log('preview arr', await api.request('/api/v1/invitations/preview?token=abcdefghijklmnop&token=x', {}));
    log('bearer garbage', await api.request('/api/v1/me', { headers: { authorization: 'Bearer abc.def.ghi' } }));
    log('bearer none', await api.request('/api/v1/me', { headers: { authorization: 'Basic abc' } }));
    log('big', await api.request('/api/v1/auth/login', { method: 'POST', json: { email: 'x'.repeat(10 * 1024 * 1024), password: 'x' } }));
    const m = await addMember(api, a, 'member');
    log('sole owner demote self', await api.request(`/api/v1/organizations/current/members/${a.userId}`, { method: 'PATCH', token: a.token, json: { role: 'admin' } }));
    log('sole owner leave', await api.request(`/api/v1/organizations/current/members/${a.userId}`, { method: 'DELETE', token: a.token }));
    log('org pub', await api.request(`/api/v1/organizations/${a.organizationId}`, { token: m.token }));
    log('invite cyr', await api.request('/api/v1/invitations', { method: 'POST', token: a.token, json: { email: 'аdmin@example.com' } }));
    console.log(out.join('\n'));
  });
});
