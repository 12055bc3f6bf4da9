import { ApiHarness, startApi } from '../../../test/support/api-app';
import { Actor, addMember, registerOrg, TEST_PASSWORD, uniqueEmail, promoteToPlatformAdmin } from '../../../test/support/identity-fixtures';

interface AuditItem {
  action: string;
  actorOrganizationId: string | null;
  actorUserId: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

describe('invitations, roles and the audit log', () => {
  let api: ApiHarness;
  let owner: Actor;
  let admin: Actor;

  beforeAll(async () => {
    api = await startApi();
    owner = await registerOrg(api, 'fund', '西溪科创直投基金');
    admin = await addMember(api, owner, 'admin');
  });
  afterAll(() => api.close());

  const invite = (by: Actor, email: string, role: string) =>
    api.request('/api/v1/invitations', { method: 'POST', token: by.token, json: { email, role } });
  const members = async (by: Actor) =>
    (await api.request('/api/v1/organizations/current/members', { token: by.token })).body as {
      userId: string;
      role: string;
      email: string;
    }[];
  const roleOf = async (userId: string) => (await members(owner)).find((m) => m.userId === userId)?.role;
  const changeRole = (by: Actor, userId: string, role: string) =>
    api.request(`/api/v1/organizations/current/members/${userId}`, {
      method: 'PATCH',
      token: by.token,
      json: { role },
    });
  const remove = (by: Actor, userId: string) =>
    api.request(`/api/v1/organizations/current/members/${userId}`, { method: 'DELETE', token: by.token });
  const audit = async (by: Actor, query = '') => {
    const res = await api.request(`/api/v1/audit-events?limit=100${query}`, { token: by.token });
    expect(res.status).toBe(200);
    return res.body.items as AuditItem[];
  };

  describe('invitations', () => {
    it('an admin invites; the token is shown once; the invitee registers with it and gets that role', async () => {
      const email = uniqueEmail('analyst');
      const created = await invite(admin, email, 'member');
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        invitation: {
          id: expect.any(String),
          email,
          role: 'member',
          status: 'pending',
          expiresAt: expect.any(String),
          createdAt: expect.any(String),
        },
        token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        acceptPath: `/invitations/accept?token=${created.body.token}`,
      });
      const ttlHours = (Date.parse(created.body.invitation.expiresAt) - Date.now()) / 3600_000;
      expect(ttlHours).toBeGreaterThan(167);
      expect(ttlHours).toBeLessThanOrEqual(168);

      // Listing shows the invitation but never the token again (only its hash is stored).
      const list = await api.request('/api/v1/invitations', { token: admin.token });
      expect(list.status).toBe(200);
      expect(list.body).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: created.body.invitation.id, status: 'pending' })]),
      );
      expect(list.text).not.toContain(created.body.token);
      const stored = await api.db.dataSource.query('SELECT token_hash FROM invitations WHERE id = $1', [
        created.body.invitation.id,
      ]);
      expect(stored[0].token_hash).not.toBe(created.body.token);

      // The invitee can see what the token is for before having an account.
      const preview = await api.request(`/api/v1/invitations/preview?token=${created.body.token}`);
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({
        organizationName: '西溪科创直投基金',
        organizationKind: 'fund',
        role: 'member',
        email,
      });

      const reg = await api.request('/api/v1/auth/register', {
        method: 'POST',
        json: { email, password: TEST_PASSWORD, displayName: '陈分析', invitationToken: created.body.token },
      });
      expect(reg.status).toBe(201);
      expect(reg.body.organizationId).toBe(owner.organizationId);
      const me = await api.request('/api/v1/me', { token: reg.body.tokens.accessToken });
      expect(me.body).toMatchObject({
        role: 'member',
        actingOrganization: { id: owner.organizationId },
        memberships: [{ organizationId: owner.organizationId, role: 'member' }],
      });
      expect(await roleOf(reg.body.userId)).toBe('member');

      const after = await api.request('/api/v1/invitations', { token: admin.token });
      expect(after.body.find((i: { id: string }) => i.id === created.body.invitation.id).status).toBe('accepted');

      // A spent token cannot be used again, neither to register nor to accept.
      const again = await api.request('/api/v1/auth/register', {
        method: 'POST',
        json: { email: uniqueEmail(), password: TEST_PASSWORD, displayName: 'x', invitationToken: created.body.token },
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('INVITATION_USED');
      const accept = await api.request('/api/v1/invitations/accept', {
        method: 'POST',
        token: reg.body.tokens.accessToken,
        json: { token: created.body.token },
      });
      expect(accept.status).toBe(409);
      expect(accept.body.code).toBe('INVITATION_USED');
      await expect(api.request(`/api/v1/invitations/preview?token=${created.body.token}`)).resolves.toMatchObject({
        status: 409,
        body: { code: 'INVITATION_USED' },
      });
    });

    it('an existing user accepts while signed in, but only with the invited e-mail', async () => {
      const partner = await registerOrg(api, 'startup');
      const other = await registerOrg(api, 'startup');
      const created = await invite(owner, partner.email.toUpperCase(), 'admin');
      expect(created.status).toBe(201);

      const wrongUser = await api.request('/api/v1/invitations/accept', {
        method: 'POST',
        token: other.token,
        json: { token: created.body.token },
      });
      expect(wrongUser.status).toBe(403);
      expect(wrongUser.body.code).toBe('INVITATION_EMAIL_MISMATCH');
      expect((await members(owner)).map((m) => m.userId)).not.toContain(other.userId);

      const ok = await api.request('/api/v1/invitations/accept', {
        method: 'POST',
        token: partner.token,
        json: { token: created.body.token },
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ organizationId: owner.organizationId });
      expect(await roleOf(partner.userId)).toBe('admin');
      const me = await api.request('/api/v1/me', { token: partner.token });
      expect(me.body.memberships).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ organizationId: partner.organizationId, role: 'owner' }),
          expect.objectContaining({ organizationId: owner.organizationId, role: 'admin' }),
        ]),
      );
      const reuse = await api.request('/api/v1/invitations/accept', {
        method: 'POST',
        token: partner.token,
        json: { token: created.body.token },
      });
      expect(reuse.status).toBe(409);
      expect(reuse.body.code).toBe('INVITATION_USED');
    });

    it('refuses unknown tokens, duplicate pending invitations, members already in, and revoked invitations', async () => {
      const unknown = await api.request('/api/v1/invitations/accept', {
        method: 'POST',
        token: admin.token,
        json: { token: 'x'.repeat(43) },
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('INVITATION_NOT_FOUND');

      const email = uniqueEmail('twice');
      const first = await invite(admin, email, 'member');
      expect(first.status).toBe(201);
      const second = await invite(admin, email.toUpperCase(), 'member');
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({ code: 'INVITATION_PENDING', details: { field: 'email' } });

      const already = await invite(admin, owner.email, 'member');
      expect(already.status).toBe(409);
      expect(already.body).toMatchObject({ code: 'ALREADY_MEMBER', details: { field: 'email' } });

      const revoked = await api.request(`/api/v1/invitations/${first.body.invitation.id}`, {
        method: 'DELETE',
        token: admin.token,
      });
      expect(revoked.status).toBe(204);
      const revokedAgain = await api.request(`/api/v1/invitations/${first.body.invitation.id}`, {
        method: 'DELETE',
        token: admin.token,
      });
      expect(revokedAgain.status).toBe(409);
      expect(revokedAgain.body.code).toBe('INVITATION_USED');
      const reg = await api.request('/api/v1/auth/register', {
        method: 'POST',
        json: { email, password: TEST_PASSWORD, displayName: 'x', invitationToken: first.body.token },
      });
      expect(reg.status).toBe(409);
      expect(reg.body.code).toBe('INVITATION_USED');
      // After a revocation the same address can be invited afresh.
      await expect(invite(admin, email, 'member')).resolves.toMatchObject({ status: 201 });
    });

    it('an expired invitation is refused with 410 and does not block a new one', async () => {
      const email = uniqueEmail('late');
      const created = await invite(admin, email, 'member');
      await api.db.dataSource.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
        created.body.invitation.id,
      ]);
      const reg = await api.request('/api/v1/auth/register', {
        method: 'POST',
        json: { email, password: TEST_PASSWORD, displayName: 'x', invitationToken: created.body.token },
      });
      expect(reg.status).toBe(410);
      expect(reg.body.code).toBe('INVITATION_EXPIRED');
      const list = await api.request('/api/v1/invitations', { token: admin.token });
      expect(list.body.find((i: { id: string }) => i.id === created.body.invitation.id).status).toBe('expired');
      await expect(invite(admin, email, 'member')).resolves.toMatchObject({ status: 201 });
    });

    it('a plain member can neither invite nor see invitations', async () => {
      const member = await addMember(api, owner, 'member');
      const res = await invite(member, uniqueEmail(), 'member');
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'FORBIDDEN', details: { action: 'invitation:create' } });
      const list = await api.request('/api/v1/invitations', { token: member.token });
      expect(list.status).toBe(403);
      expect(list.body.code).toBe('FORBIDDEN');
    });

    it('only an owner invites an owner', async () => {
      const byAdmin = await invite(admin, uniqueEmail(), 'owner');
      expect(byAdmin.status).toBe(403);
      expect(byAdmin.body).toMatchObject({ code: 'ROLE_CHANGE_FORBIDDEN', details: { field: 'role' } });
      await expect(invite(owner, uniqueEmail(), 'owner')).resolves.toMatchObject({
        status: 201,
        body: { invitation: { role: 'owner' } },
      });
    });
  });

  describe('roles', () => {
    it('an admin cannot make anyone owner; an owner can, and can take it back', async () => {
      const member = await addMember(api, owner, 'member');
      const byAdmin = await changeRole(admin, member.userId, 'owner');
      expect(byAdmin.status).toBe(403);
      expect(byAdmin.body).toMatchObject({ code: 'ROLE_CHANGE_FORBIDDEN', details: { field: 'role' } });
      expect(await roleOf(member.userId)).toBe('member');

      // Admins do manage members and admins.
      const promote = await changeRole(admin, member.userId, 'admin');
      expect(promote.status).toBe(200);
      expect(promote.body.find((m: { userId: string }) => m.userId === member.userId).role).toBe('admin');

      const byOwner = await changeRole(owner, member.userId, 'owner');
      expect(byOwner.status).toBe(200);
      expect(byOwner.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ userId: member.userId, role: 'owner', email: member.email }),
        ]),
      );
      // An admin cannot demote or remove that owner either.
      await expect(changeRole(admin, member.userId, 'member')).resolves.toMatchObject({
        status: 403,
        body: { code: 'ROLE_CHANGE_FORBIDDEN' },
      });
      await expect(remove(admin, member.userId)).resolves.toMatchObject({
        status: 403,
        body: { code: 'ROLE_CHANGE_FORBIDDEN' },
      });
      // Nobody changes their own role.
      await expect(changeRole(admin, admin.userId, 'owner')).resolves.toMatchObject({
        status: 403,
        body: { code: 'ROLE_CHANGE_FORBIDDEN' },
      });

      const back = await changeRole(owner, member.userId, 'member');
      expect(back.status).toBe(200);
      expect(await roleOf(member.userId)).toBe('member');
      const unknown = await changeRole(owner, '00000000-0000-4000-8000-000000000000', 'member');
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('MEMBER_NOT_FOUND');
    });

    it('the last owner can neither leave nor be demoted', async () => {
      const solo = await registerOrg(api, 'startup');
      const soloAdmin = await addMember(api, solo, 'admin');
      const leave = await remove(solo, solo.userId);
      expect(leave.status).toBe(409);
      expect(leave.body.code).toBe('LAST_OWNER');
      // Self-demotion is refused by policy (no one changes their own role), so the owner stays.
      const demoteSelf = await changeRole(solo, solo.userId, 'admin');
      expect(demoteSelf.status).toBe(403);
      expect(demoteSelf.body.code).toBe('ROLE_CHANGE_FORBIDDEN');
      await expect(changeRole(soloAdmin, solo.userId, 'admin')).resolves.toMatchObject({
        status: 403,
        body: { code: 'ROLE_CHANGE_FORBIDDEN' },
      });
      const list = await members(solo);
      expect(list.filter((m) => m.role === 'owner').map((m) => m.userId)).toEqual([solo.userId]);
      // An admin may leave on their own.
      await expect(remove(soloAdmin, soloAdmin.userId)).resolves.toMatchObject({ status: 204 });
    });

    it('two owners demoting each other at the same moment: one wins; the loser, no longer an owner, is refused', async () => {
      const a = await registerOrg(api, 'startup');
      const b = await addMember(api, a, 'admin');
      await expect(changeRole(a, b.userId, 'owner')).resolves.toMatchObject({ status: 200 });
      // Hold the organization's membership rows so both requests queue on the same lock.
      const runner = api.db.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        await runner.query('SELECT id FROM memberships WHERE organization_id = $1 FOR UPDATE', [a.organizationId]);
        const both = Promise.all([changeRole(a, b.userId, 'admin'), changeRole(b, a.userId, 'admin')]);
        // Polled from another connection: inside a transaction pg_stat_activity is a frozen snapshot.
        let waiting = 0;
        for (let i = 0; i < 200 && waiting < 2; i++) {
          const [{ n }] = await api.db.dataSource.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%memberships%FOR UPDATE%'`,
          );
          waiting = n;
          if (waiting < 2) await new Promise((r) => setTimeout(r, 25));
        }
        expect(waiting).toBe(2);
        await runner.commitTransaction();
        const results = await both;
        const outcome = results.map((r) => `${r.status} ${r.body.code ?? ''}`.trim()).sort();
        // The second request re-reads its actor's role under the lock: already demoted, it may not
        // demote an owner any more (and had it still been allowed, LAST_OWNER would have stopped it).
        expect(outcome).toEqual(['200', '403 ROLE_CHANGE_FORBIDDEN']);
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
      const roles = (await members(a)).map((m) => m.role).sort();
      expect(roles).toEqual(['admin', 'owner']);
    }, 20_000);

    it('removing a member ends their session at once', async () => {
      const leaver = await addMember(api, owner, 'member');
      await expect(api.request('/api/v1/me', { token: leaver.token })).resolves.toMatchObject({ status: 200 });
      const res = await remove(admin, leaver.userId);
      expect(res.status).toBe(204);
      const me = await api.request('/api/v1/me', { token: leaver.token });
      expect(me.status).toBe(401);
      expect(me.body.code).toBe('SESSION_REVOKED');
      const refresh = await api.request('/api/v1/auth/refresh', {
        method: 'POST',
        json: { refreshToken: leaver.refreshToken },
      });
      expect(refresh.status).toBe(401);
      expect(refresh.body.code).toBe('SESSION_REVOKED');
      expect((await members(owner)).map((m) => m.userId)).not.toContain(leaver.userId);
      const again = await remove(admin, leaver.userId);
      expect(again.status).toBe(404);
      expect(again.body.code).toBe('MEMBER_NOT_FOUND');
    });

    it('a demotion takes effect on the very next request of the demoted admin', async () => {
      const demoted = await addMember(api, owner, 'admin');
      await expect(invite(demoted, uniqueEmail(), 'member')).resolves.toMatchObject({ status: 201 });
      await expect(api.request('/api/v1/audit-events', { token: demoted.token })).resolves.toMatchObject({
        status: 200,
      });

      await expect(changeRole(owner, demoted.userId, 'member')).resolves.toMatchObject({ status: 200 });

      const inviteAfter = await invite(demoted, uniqueEmail(), 'member');
      expect(inviteAfter.status).toBe(403);
      expect(inviteAfter.body.code).toBe('FORBIDDEN');
      await expect(api.request('/api/v1/audit-events', { token: demoted.token })).resolves.toMatchObject({
        status: 403,
        body: { code: 'FORBIDDEN' },
      });
      await expect(changeRole(demoted, owner.userId, 'member')).resolves.toMatchObject({
        status: 403,
        body: { code: 'ROLE_CHANGE_FORBIDDEN' },
      });
      const me = await api.request('/api/v1/me', { token: demoted.token });
      expect(me.body.role).toBe('member');
    });
  });

  describe('audit log', () => {
    it('shows an org admin who signed in (or failed to), role changes and invitations; a member gets 403', async () => {
      const org = await registerOrg(api, 'startup');
      const orgAdmin = await addMember(api, org, 'admin');
      const member = await addMember(api, org, 'member');
      const ok = await api.request('/api/v1/auth/login', {
        method: 'POST',
        json: { email: member.email, password: TEST_PASSWORD },
      });
      expect(ok.status).toBe(200);
      const bad = await api.request('/api/v1/auth/login', {
        method: 'POST',
        json: { email: member.email, password: 'Wrong-Password-123' },
      });
      expect(bad.status).toBe(401);
      await expect(changeRole(org, member.userId, 'admin')).resolves.toMatchObject({ status: 200 });
      await expect(changeRole(org, member.userId, 'member')).resolves.toMatchObject({ status: 200 });
      const invited = uniqueEmail('audit');
      const inv = await invite(orgAdmin, invited, 'admin');

      const items = await audit(orgAdmin);
      const find = (action: string, extra: Partial<AuditItem> = {}) =>
        items.filter(
          (e) =>
            e.action === action &&
            Object.entries(extra).every(([k, v]) => JSON.stringify(e[k as keyof AuditItem]) === JSON.stringify(v)),
        );
      expect(find('auth.login_succeeded', { actorUserId: member.userId })).toHaveLength(1);
      expect(find('auth.login_succeeded', { actorUserId: member.userId })[0].ip).toBe('127.0.0.1');
      expect(find('auth.login_failed', { actorUserId: member.userId })).toEqual([
        expect.objectContaining({ details: { email: member.email, reason: 'wrong_password' }, ip: '127.0.0.1' }),
      ]);
      expect(
        find('membership.role_changed', { actorUserId: org.userId, targetId: member.userId }).map((e) => e.details),
      ).toEqual([
        { from: 'admin', to: 'member' },
        { from: 'member', to: 'admin' },
      ]);
      expect(find('invitation.created', { actorUserId: orgAdmin.userId, targetId: inv.body.invitation.id })).toEqual([
        expect.objectContaining({ targetType: 'invitation', details: { email: invited, role: 'admin' } }),
      ]);
      expect(find('invitation.accepted', { actorUserId: member.userId })).toHaveLength(1);
      expect(find('auth.registered', { actorUserId: org.userId })).toHaveLength(1);
      // Newest first.
      expect(items[0].action).toBe('invitation.created');
      // Nothing from other organizations.
      expect(
        items.every(
          (e) => e.actorUserId === null || [org.userId, orgAdmin.userId, member.userId].includes(e.actorUserId),
        ),
      ).toBe(true);

      const filtered = await audit(orgAdmin, '&action=membership.role_changed');
      expect(filtered.map((e) => e.action)).toEqual(['membership.role_changed', 'membership.role_changed']);

      // Keyset pages cover everything exactly once.
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await api.request(`/api/v1/audit-events?limit=3${cursor ? `&cursor=${cursor}` : ''}`, {
          token: orgAdmin.token,
        });
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((e: { id: string }) => e.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(items.length);
      expect(new Set(seen).size).toBe(items.length);

      const asMember = await api.request('/api/v1/audit-events', { token: member.token });
      expect(asMember.status).toBe(403);
      expect(asMember.body).toMatchObject({ code: 'FORBIDDEN', details: { action: 'audit:read' } });
      // The organizationId filter is for platform admins only: an org admin still sees only their own.
      const sneaky = await audit(orgAdmin, `&organizationId=${owner.organizationId}`);
      expect(sneaky.map((e) => e.action)).toEqual(items.map((e) => e.action));
    });

    it('a platform admin sees every organization’s events, or one organization’s', async () => {
      const operator = await registerOrg(api, 'organizer');
      const a = await registerOrg(api, 'startup');
      const b = await registerOrg(api, 'fund');
      await promoteToPlatformAdmin(api, operator.userId);
      const me = await api.request('/api/v1/me', { token: operator.token });
      expect(me.body.isPlatformAdmin).toBe(true);

      // Across organizations: the three newest registrations are these three, each in its own organization.
      const registrations = await audit(operator, '&action=auth.registered');
      expect(registrations.slice(0, 3).map((e) => e.actorUserId)).toEqual([b.userId, a.userId, operator.userId]);
      expect(new Set(registrations.map((e) => e.actorOrganizationId)).size).toBeGreaterThan(3);
      const onlyA = await audit(operator, `&organizationId=${a.organizationId}`);
      expect(onlyA.length).toBeGreaterThan(0);
      expect(onlyA.every((e) => e.actorUserId === a.userId)).toBe(true);
      expect(onlyA.map((e) => e.action)).toContain('auth.registered');
      const onlyB = await audit(operator, `&organizationId=${b.organizationId}&action=auth.registered`);
      expect(onlyB).toEqual([expect.objectContaining({ action: 'auth.registered', actorUserId: b.userId })]);
    });
  });
});
