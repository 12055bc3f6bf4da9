import { AccessGrantsService, AuthService, Principal } from '@app/identity';
import { ApiHarness, startApi } from '../../../test/support/api-app';
import { Actor, addMember, registerOrg, promoteToPlatformAdmin } from '../../../test/support/identity-fixtures';

interface GrantView {
  id: string;
  startupOrganizationId: string;
  startupOrganizationName: string;
  granteeOrganizationId: string;
  granteeOrganizationName: string;
  expiresAt: string | null;
  revokedAt: string | null;
  active: boolean;
}

describe('confidential access grants', () => {
  let api: ApiHarness;
  let startup: Actor;
  let startupMember: Actor;
  let fund: Actor;
  let bank: Actor;
  let unrelatedFund: Actor;
  let otherStartup: Actor;

  beforeAll(async () => {
    api = await startApi();
    startup = await registerOrg(api, 'startup', '苏州纳维光电科技有限公司');
    startupMember = await addMember(api, startup, 'member');
    fund = await registerOrg(api, 'fund', '元禾原点创投');
    bank = await registerOrg(api, 'bank', '江苏银行科技支行');
    unrelatedFund = await registerOrg(api, 'fund', '无关基金');
    otherStartup = await registerOrg(api, 'startup');
  });
  afterAll(() => api.close());

  const grant = (by: Actor, granteeOrganizationId: string, expiresAt?: string) =>
    api.request('/api/v1/access-grants', {
      method: 'POST',
      token: by.token,
      json: { granteeOrganizationId, expiresAt },
    });
  const revoke = (by: Actor, id: string) =>
    api.request(`/api/v1/access-grants/${id}`, { method: 'DELETE', token: by.token });
  const list = async (by: Actor): Promise<GrantView[]> => {
    const res = await api.request('/api/v1/access-grants', { token: by.token });
    expect(res.status).toBe(200);
    return res.body;
  };
  /** The real principal the auth guard builds from a token. */
  const principalOf = (actor: Actor): Promise<Principal> => api.app.get(AuthService).authenticate(actor.token);
  const canRead = async (actor: Actor, startupOrganizationId = startup.organizationId) =>
    api.app.get(AccessGrantsService).canReadConfidential(await principalOf(actor), startupOrganizationId);
  const auditOf = async (actor: Actor, action: string) =>
    (await api.request(`/api/v1/audit-events?action=${action}&limit=100`, { token: actor.token })).body.items as {
      action: string;
      targetId: string;
      actorUserId: string;
      actorOrganizationId: string;
    }[];

  it('a startup admin grants a fund access; both sides list it; the fund may now read confidential data', async () => {
    await expect(canRead(fund)).resolves.toBe(false);
    const res = await grant(startup, fund.organizationId);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      startupOrganizationId: startup.organizationId,
      startupOrganizationName: '苏州纳维光电科技有限公司',
      granteeOrganizationId: fund.organizationId,
      granteeOrganizationName: '元禾原点创投',
      expiresAt: null,
      revokedAt: null,
      active: true,
      createdAt: expect.any(String),
    });
    const id = res.body.id;
    expect((await list(startup)).map((g) => g.id)).toEqual([id]);
    expect(await list(fund)).toEqual([
      expect.objectContaining({ id, startupOrganizationId: startup.organizationId, active: true }),
    ]);
    expect(await list(startupMember)).toEqual([expect.objectContaining({ id })]);
    expect(await list(unrelatedFund)).toEqual([]);

    await expect(canRead(fund)).resolves.toBe(true);
    await expect(canRead(startup)).resolves.toBe(true);
    await expect(canRead(startupMember)).resolves.toBe(true);
    await expect(canRead(unrelatedFund)).resolves.toBe(false);
    await expect(canRead(otherStartup)).resolves.toBe(false);
    // The grant is for this startup only.
    await expect(canRead(fund, otherStartup.organizationId)).resolves.toBe(false);

    const dup = await grant(startup, fund.organizationId);
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'ACCESS_GRANT_EXISTS', details: { field: 'granteeOrganizationId' } });

    // Revoking ends access at once; the grant stays listed, inactive.
    const out = await revoke(startup, id);
    expect(out.status).toBe(204);
    await expect(canRead(fund)).resolves.toBe(false);
    expect(await list(fund)).toEqual([expect.objectContaining({ id, active: false, revokedAt: expect.any(String) })]);
    expect(await list(startup)).toEqual([expect.objectContaining({ id, active: false })]);
    // Revoking again is harmless.
    await expect(revoke(startup, id)).resolves.toMatchObject({ status: 204 });

    // Both organizations' admins see the grant and the revocation in their audit log.
    for (const side of [startup, fund]) {
      const granted = await auditOf(side, 'access_grant.granted');
      expect(granted).toEqual([
        expect.objectContaining({
          targetId: id,
          actorUserId: startup.userId,
          actorOrganizationId: startup.organizationId,
        }),
      ]);
      const revoked = await auditOf(side, 'access_grant.revoked');
      expect(revoked).toEqual([expect.objectContaining({ targetId: id, actorUserId: startup.userId })]);
    }
    expect(await auditOf(unrelatedFund, 'access_grant.granted')).toEqual([]);

    // After a revocation the startup can grant again.
    const again = await grant(startup, fund.organizationId);
    expect(again.status).toBe(201);
    await expect(canRead(fund)).resolves.toBe(true);
    await expect(revoke(startup, again.body.id)).resolves.toMatchObject({ status: 204 });
  });

  it('grants to banks and organizers too, but never to another company', async () => {
    const toBank = await grant(startup, bank.organizationId);
    expect(toBank.status).toBe(201);
    await expect(canRead(bank)).resolves.toBe(true);

    const toStartup = await grant(startup, otherStartup.organizationId);
    expect(toStartup.status).toBe(422);
    expect(toStartup.body).toMatchObject({
      code: 'ACCESS_GRANT_INVALID',
      details: { field: 'granteeOrganizationId', granteeKind: 'startup' },
    });
    const toSelf = await grant(startup, startup.organizationId);
    expect(toSelf.status).toBe(422);
    expect(toSelf.body.code).toBe('ACCESS_GRANT_INVALID');
    const toNobody = await grant(startup, '00000000-0000-4000-8000-000000000000');
    expect(toNobody.status).toBe(404);
    expect(toNobody.body).toMatchObject({
      code: 'ORGANIZATION_NOT_FOUND',
      details: { field: 'granteeOrganizationId' },
    });
    expect((await list(otherStartup)).length).toBe(0);
  });

  it('only company admins manage grants: a fund or a plain member gets 403', async () => {
    const byFund = await grant(fund, bank.organizationId);
    expect(byFund.status).toBe(403);
    expect(byFund.body).toMatchObject({ code: 'FORBIDDEN', details: { action: 'access_grant:manage' } });
    const byMember = await grant(startupMember, unrelatedFund.organizationId);
    expect(byMember.status).toBe(403);
    expect(byMember.body.code).toBe('FORBIDDEN');

    const g = await grant(startup, unrelatedFund.organizationId);
    expect(g.status).toBe(201);
    const memberRevoke = await revoke(startupMember, g.body.id);
    expect(memberRevoke.status).toBe(403);
    expect(memberRevoke.body.code).toBe('FORBIDDEN');
    // The grantee cannot revoke (nor learn anything about) the startup's grant: not found.
    const granteeRevoke = await revoke(unrelatedFund, g.body.id);
    expect(granteeRevoke.status).toBe(404);
    expect(granteeRevoke.body.code).toBe('ACCESS_GRANT_NOT_FOUND');
    await expect(canRead(unrelatedFund)).resolves.toBe(true);
    await expect(revoke(startup, g.body.id)).resolves.toMatchObject({ status: 204 });
    await expect(canRead(unrelatedFund)).resolves.toBe(false);
  });

  it('a grant with an expiry ends by itself; an expired grant does not block a new one', async () => {
    const pastDate = await grant(startup, fund.organizationId, new Date(Date.now() - 60_000).toISOString());
    expect(pastDate.status).toBe(422);
    expect(pastDate.body).toMatchObject({ code: 'ACCESS_GRANT_INVALID', details: { field: 'expiresAt' } });
    const tooFar = await grant(
      startup,
      fund.organizationId,
      new Date(Date.now() + 3 * 365 * 24 * 3600_000).toISOString(),
    );
    expect(tooFar.status).toBe(422);
    expect(tooFar.body.details.field).toBe('expiresAt');

    const expiresAt = new Date(Date.now() + 30 * 24 * 3600_000);
    const g = await grant(startup, fund.organizationId, expiresAt.toISOString());
    expect(g.status).toBe(201);
    expect(g.body).toMatchObject({ active: true, expiresAt: expiresAt.toISOString() });
    await expect(canRead(fund)).resolves.toBe(true);

    await api.db.dataSource.query(`UPDATE access_grants SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      g.body.id,
    ]);
    await expect(canRead(fund)).resolves.toBe(false);
    expect((await list(fund)).find((x) => x.id === g.body.id)).toMatchObject({ active: false, revokedAt: null });

    const renewed = await grant(startup, fund.organizationId);
    expect(renewed.status).toBe(201);
    await expect(canRead(fund)).resolves.toBe(true);
    const rows = await api.db.dataSource.query('SELECT revoked_at FROM access_grants WHERE id = $1', [g.body.id]);
    expect(rows[0].revoked_at).not.toBeNull();
  });

  it('platform admins may read any company’s confidential data', async () => {
    const operator = await registerOrg(api, 'organizer');
    await expect(canRead(operator)).resolves.toBe(false);
    await promoteToPlatformAdmin(api, operator.userId);
    await expect(canRead(operator)).resolves.toBe(true);
  });
});
