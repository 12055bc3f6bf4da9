import { startApi, ApiHarness } from '../../../test/support/api-app';
import { registerOrg, addMember } from '../../../test/support/identity-fixtures';

describe('smoke', () => {
  let api: ApiHarness;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());
  it('works', async () => {
    const a = await registerOrg(api, 'startup');
    const me = await api.request('/api/v1/me', { token: a.token });
    console.log(me.status, JSON.stringify(me.body));
    const m = await addMember(api, a, 'member');
    const members = await api.request('/api/v1/organizations/current/members', { token: a.token });
    console.log(members.status, JSON.stringify(members.body));
    const audit = await api.request('/api/v1/audit-events', { token: a.token });
    console.log(audit.status, JSON.stringify(audit.body).slice(0, 600));
    const grants = await api.request('/api/v1/access-grants', { token: m.token });
    console.log(grants.status, JSON.stringify(grants.body));
  });
});
