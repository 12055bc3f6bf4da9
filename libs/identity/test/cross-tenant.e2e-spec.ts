import { randomBytes, randomUUID } from 'node:crypto';
import { ApiHarness, startApi } from '../../../test/support/api-app';
import { expectNoForbiddenValues, expectTenantIsolation, findForbidden } from '../../../test/support/cross-tenant';
import { Actor, addMember, registerOrg, uniqueEmail } from '../../../test/support/identity-fixtures';

/**
 * Every identity route that touches a tenant's resource, tried as nobody, as another tenant and as a
 * lower role of the owning tenant (see test/support/cross-tenant.ts).
 */
describe('identity routes across tenants', () => {
  let api: ApiHarness;
  // Organization A (a startup) and its people.
  let ownerA: Actor;
  let memberA: Actor;
  let targetA: Actor;
  let leaverA: Actor;
  let creditCodeA: string;
  const nameA = `保密星航科技有限公司-${randomBytes(4).toString('hex')}`;
  let pendingInvitation: { id: string; email: string; token: string };
  let doomedInvitation: { id: string; email: string };
  let grantId: string;
  // Organization B (a fund): the strangers. C: the fund A granted access to. O: an organizer.
  let ownerB: Actor;
  let memberB: Actor;
  let granteeC: Actor;
  let organizer: Actor;
  /** Nothing of A's may show up in a response to anybody outside A. */
  let secretsOfA: string[];

  beforeAll(async () => {
    api = await startApi();
    ownerA = await registerOrg(api, 'startup', nameA);
    memberA = await addMember(api, ownerA, 'member');
    targetA = await addMember(api, ownerA, 'member');
    leaverA = await addMember(api, ownerA, 'member');
    ownerB = await registerOrg(api, 'fund');
    memberB = await addMember(api, ownerB, 'member');
    granteeC = await registerOrg(api, 'fund');
    organizer = await registerOrg(api, 'organizer');
    creditCodeA = (await api.request('/api/v1/organizations/current', { token: ownerA.token })).body.creditCode;

    const invite = async (email: string) => {
      const res = await api.request('/api/v1/invitations', {
        method: 'POST',
        token: ownerA.token,
        json: { email, role: 'admin' },
      });
      expect(res.status).toBe(201);
      return { id: res.body.invitation.id as string, email, token: res.body.token as string };
    };
    pendingInvitation = await invite(uniqueEmail('invitee-a'));
    doomedInvitation = await invite(uniqueEmail('doomed-a'));
    const grant = await api.request('/api/v1/access-grants', {
      method: 'POST',
      token: ownerA.token,
      json: { granteeOrganizationId: granteeC.organizationId },
    });
    expect(grant.status).toBe(201);
    grantId = grant.body.id;

    secretsOfA = [
      ownerA.organizationId,
      creditCodeA,
      nameA,
      ownerA.userId,
      ownerA.email,
      memberA.email,
      targetA.userId,
      targetA.email,
      leaverA.userId,
      pendingInvitation.id,
      pendingInvitation.email,
      pendingInvitation.token,
      doomedInvitation.id,
      grantId,
    ];
  });
  afterAll(() => api.close());

  const strangers = () =>
    [
      ['the owner of B', ownerB],
      ['a member of B', memberB],
    ] as const;

  describe('routes on one of A’s resources: a stranger gets 404, exactly as for a missing id', () => {
    it('PATCH /organizations/current/members/:userId', async () => {
      for (const [, stranger] of strangers()) {
        await expectTenantIsolation(api, {
          route: {
            method: 'PATCH',
            path: `/api/v1/organizations/current/members/${targetA.userId}`,
            json: { role: 'member' },
          },
          owner: ownerA,
          stranger,
          lowerRole: memberA,
          lowerRoleExpect: { status: 403, code: 'ROLE_CHANGE_FORBIDDEN' },
          strangerExpect: { status: 404, code: 'MEMBER_NOT_FOUND' },
          missingPath: `/api/v1/organizations/current/members/${randomUUID()}`,
          forbiddenValues: secretsOfA,
        });
      }
      // The stranger's attempt changed nothing in A.
      const members = await api.request('/api/v1/organizations/current/members', { token: ownerA.token });
      expect(members.body.find((m: { userId: string }) => m.userId === targetA.userId).role).toBe('member');
    });

    it('DELETE /organizations/current/members/:userId', async () => {
      await expectTenantIsolation(api, {
        route: { method: 'DELETE', path: `/api/v1/organizations/current/members/${leaverA.userId}` },
        owner: ownerA,
        stranger: ownerB,
        lowerRole: memberA,
        lowerRoleExpect: { status: 403, code: 'ROLE_CHANGE_FORBIDDEN' },
        strangerExpect: { status: 404, code: 'MEMBER_NOT_FOUND' },
        missingPath: `/api/v1/organizations/current/members/${randomUUID()}`,
        forbiddenValues: secretsOfA,
        ownerExpect: { status: 204 },
      });
    });

    it('DELETE /invitations/:id', async () => {
      await expectTenantIsolation(api, {
        route: { method: 'DELETE', path: `/api/v1/invitations/${doomedInvitation.id}` },
        owner: ownerA,
        stranger: ownerB,
        lowerRole: memberA,
        strangerExpect: { status: 404, code: 'INVITATION_NOT_FOUND' },
        missingPath: `/api/v1/invitations/${randomUUID()}`,
        forbiddenValues: secretsOfA,
        ownerExpect: { status: 204 },
      });
    });

    it('DELETE /access-grants/:id (neither a stranger nor the grantee may revoke)', async () => {
      await expectTenantIsolation(api, {
        route: { method: 'DELETE', path: `/api/v1/access-grants/${grantId}` },
        owner: ownerA,
        stranger: granteeC,
        strangerExpect: { status: 404, code: 'ACCESS_GRANT_NOT_FOUND' },
        missingPath: `/api/v1/access-grants/${randomUUID()}`,
        // The grantee knows the grant and A's name; A's credit code and people stay secret.
        forbiddenValues: [creditCodeA, memberA.email, targetA.email, pendingInvitation.email],
        ownerExpect: false,
      });
      await expectTenantIsolation(api, {
        route: { method: 'DELETE', path: `/api/v1/access-grants/${grantId}` },
        owner: ownerA,
        stranger: ownerB,
        lowerRole: memberA,
        strangerExpect: { status: 404, code: 'ACCESS_GRANT_NOT_FOUND' },
        missingPath: `/api/v1/access-grants/${randomUUID()}`,
        forbiddenValues: secretsOfA,
        ownerExpect: { status: 204 },
      });
    });

    it('PUT /organizations/:id/verification (only organizers and platform admins verify; a stranger non-organizer gets 403)', async () => {
      await expectTenantIsolation(api, {
        route: {
          method: 'PUT',
          path: `/api/v1/organizations/${ownerA.organizationId}/verification`,
          json: { status: 'verified' },
        },
        owner: organizer,
        stranger: ownerB,
        strangerExpect: { status: 403, code: 'FORBIDDEN' },
        lowerRole: memberA,
        forbiddenValues: secretsOfA.filter((v) => v !== ownerA.organizationId), // the id is in the path
        ownerExpect: { status: 200 },
      });
      // A company cannot verify itself either.
      const self = await api.request(`/api/v1/organizations/${ownerA.organizationId}/verification`, {
        method: 'PUT',
        token: ownerA.token,
        json: { status: 'verified' },
      });
      expect(self.status).toBe(403);
      expect(self.body).toMatchObject({ code: 'FORBIDDEN', details: { action: 'organization:verify' } });
      const a = await api.request('/api/v1/organizations/current', { token: ownerA.token });
      expect(a.body).toMatchObject({ verificationStatus: 'verified', verifiedAt: expect.any(String) });
    });

    it('POST /auth/switch-organization into A', async () => {
      await expectTenantIsolation(api, {
        route: {
          method: 'POST',
          path: '/api/v1/auth/switch-organization',
          json: { organizationId: ownerA.organizationId },
        },
        owner: ownerA,
        stranger: ownerB,
        strangerExpect: { status: 404, code: 'ORGANIZATION_NOT_FOUND' },
        lowerRole: memberA,
        lowerRoleExpect: { status: 200 },
        forbiddenValues: secretsOfA.filter((v) => v !== ownerA.organizationId), // the stranger sent the id
        ownerExpect: { status: 200 },
      });
    });

    it('POST /invitations/accept with a token meant for someone else', async () => {
      await expectTenantIsolation(api, {
        route: { method: 'POST', path: '/api/v1/invitations/accept', json: { token: pendingInvitation.token } },
        owner: ownerA,
        stranger: ownerB,
        strangerExpect: { status: 403, code: 'INVITATION_EMAIL_MISMATCH' },
        forbiddenValues: secretsOfA.filter((v) => v !== pendingInvitation.token),
        ownerExpect: false,
      });
    });
  });

  describe('routes scoped to the acting organization: a stranger gets its own view, holding nothing of A’s', () => {
    it.each([
      ['GET', '/api/v1/invitations', { status: 403, code: 'FORBIDDEN' }],
      ['GET', '/api/v1/access-grants', { status: 200 }],
      ['GET', '/api/v1/audit-events', { status: 403, code: 'FORBIDDEN' }],
      ['GET', '/api/v1/organizations/current/members', { status: 200 }],
      ['GET', '/api/v1/organizations/current', { status: 200 }],
      ['GET', '/api/v1/me', { status: 200 }],
    ] as const)('%s %s', async (method, path, lowerRoleExpect) => {
      for (const [, stranger] of strangers()) {
        const strangerIsAdmin = stranger === ownerB;
        await expectTenantIsolation(api, {
          route: { method, path },
          owner: ownerA,
          stranger,
          // A member of B is refused admin-only lists of B, with the same code a member of A gets.
          strangerExpect: !strangerIsAdmin && lowerRoleExpect.status === 403 ? lowerRoleExpect : { status: 200 },
          lowerRole: memberA,
          lowerRoleExpect,
          forbiddenValues: secretsOfA,
          ownerExpect: { status: 200 },
        });
      }
    });

    it('PATCH /organizations/current only ever edits the caller’s own organization', async () => {
      await expectTenantIsolation(api, {
        route: { method: 'PATCH', path: '/api/v1/organizations/current', json: { regionCode: '320211' } },
        owner: ownerA,
        stranger: ownerB,
        strangerExpect: { status: 200 },
        lowerRole: memberA,
        lowerRoleExpect: { status: 403, code: 'FORBIDDEN' },
        forbiddenValues: secretsOfA,
        ownerExpect: { status: 200 },
      });
      const b = await api.request('/api/v1/organizations/current', { token: ownerB.token });
      expect(b.body.id).toBe(ownerB.organizationId);
    });

    it('POST /invitations invites into the caller’s own organization', async () => {
      const email = uniqueEmail('scoped');
      await expectTenantIsolation(api, {
        route: { method: 'POST', path: '/api/v1/invitations', json: { email, role: 'member' } },
        owner: ownerA,
        stranger: ownerB,
        strangerExpect: { status: 201 },
        lowerRole: memberA,
        forbiddenValues: secretsOfA,
        ownerExpect: { status: 201 },
      });
      const inA = (await api.request('/api/v1/invitations', { token: ownerA.token })).body as {
        id: string;
        email: string;
      }[];
      const inB = (await api.request('/api/v1/invitations', { token: ownerB.token })).body as {
        id: string;
        email: string;
      }[];
      expect(inA.filter((i) => i.email === email)).toHaveLength(1);
      expect(inB.filter((i) => i.email === email)).toHaveLength(1);
      expect(inA.find((i) => i.email === email)!.id).not.toBe(inB.find((i) => i.email === email)!.id);
    });

    it('GET /organizations/:id shows another organization’s public profile only (no credit code)', async () => {
      await expectTenantIsolation(api, {
        route: { method: 'GET', path: `/api/v1/organizations/${ownerA.organizationId}` },
        owner: ownerA,
        stranger: ownerB,
        strangerExpect: { status: 200 },
        lowerRole: memberA,
        lowerRoleExpect: { status: 200 },
        forbiddenValues: [creditCodeA, ownerA.email, memberA.email, pendingInvitation.email],
        forbiddenFields: ['creditCode'],
        ownerExpect: { status: 200 },
      });
      const profile = await api.request(`/api/v1/organizations/${ownerA.organizationId}`, { token: ownerB.token });
      expect(Object.keys(profile.body).sort()).toEqual([
        'createdAt',
        'id',
        'kind',
        'name',
        'organizerType',
        'regionCode',
        'verificationStatus',
        'verifiedAt',
      ]);
      expect(profile.body).toMatchObject({
        id: ownerA.organizationId,
        kind: 'startup',
        name: nameA,
        regionCode: '320211',
      });
      const missing = await api.request(`/api/v1/organizations/${randomUUID()}`, { token: ownerB.token });
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('ORGANIZATION_NOT_FOUND');
    });
  });

  describe('the helper itself', () => {
    it('finds forbidden values and fields at any depth, case-insensitively, in keys, strings and numbers', () => {
      const body = {
        items: [{ note: 'Code 91320211ABC is here' }, { n: 7777 }],
        nested: { creditCode: null, ['id-xyz']: 1 },
      };
      expect(findForbidden(body, ['91320211abc', 7777, 'xyz', 'absent'], ['creditCode'])).toEqual([
        'items[0].note contains "91320211abc"',
        'items[1].n contains "7777"',
        'nested.creditCode is a forbidden field',
        'key nested.id-xyz contains "xyz"',
      ]);
      expect(() => expectNoForbiddenValues(body, ['absent'])).not.toThrow();
      expect(() => expectNoForbiddenValues(body, ['7777'], [], 'GET /x')).toThrow('GET /x leaks confidential data');
    });

    it('fails, naming the route and the actor, when a response leaks a planted secret', async () => {
      // B's own credit code is in B's /organizations/current: the helper must notice.
      const creditCodeB = (await api.request('/api/v1/organizations/current', { token: ownerB.token })).body.creditCode;
      await expect(
        expectTenantIsolation(api, {
          route: { method: 'GET', path: '/api/v1/organizations/current' },
          owner: ownerA,
          stranger: ownerB,
          strangerExpect: { status: 200 },
          forbiddenValues: [creditCodeB],
        }),
      ).rejects.toThrow(
        `GET /api/v1/organizations/current as a stranger (another organization): response leaks: creditCode contains "${creditCodeB}"`,
      );
    });

    it('fails when the route is wrong, instead of mistaking ROUTE_NOT_FOUND for isolation', async () => {
      await expect(
        expectTenantIsolation(api, {
          route: { method: 'DELETE', path: `/api/v1/invitation/${pendingInvitation.id}` },
          owner: ownerA,
          stranger: ownerB,
          forbiddenValues: secretsOfA,
        }),
      ).rejects.toThrow(
        /as an anonymous caller: expected 401 UNAUTHENTICATED, got 404[\s\S]*as a stranger[\s\S]*ROUTE_NOT_FOUND[\s\S]*as the entitled owner/,
      );
    });

    it('fails when the stranger is not refused', async () => {
      // B's own member is "found" when B asks: as a cross-tenant case it must not pass.
      await expect(
        expectTenantIsolation(api, {
          route: {
            method: 'PATCH',
            path: `/api/v1/organizations/current/members/${memberB.userId}`,
            json: { role: 'member' },
          },
          owner: ownerA,
          stranger: ownerB,
          forbiddenValues: [],
          ownerExpect: false,
        }),
      ).rejects.toThrow(
        /PATCH \/api\/v1\/organizations\/current\/members\/\S+ as a stranger \(another organization\): expected 404/,
      );
    });

    it('fails when the stranger’s refusal differs from the answer for a missing id (existence leaks)', async () => {
      const inv = await api.request('/api/v1/invitations', {
        method: 'POST',
        token: ownerB.token,
        json: { email: uniqueEmail('b'), role: 'member' },
      });
      expect(inv.status).toBe(201);
      // A plain member of B is refused B's invitation with 403 but a missing one with 404.
      await expect(
        expectTenantIsolation(api, {
          route: { method: 'DELETE', path: `/api/v1/invitations/${inv.body.invitation.id}` },
          owner: ownerB,
          stranger: memberB,
          strangerExpect: { status: 403, code: 'FORBIDDEN' },
          missingPath: `/api/v1/invitations/${randomUUID()}`,
          forbiddenValues: [],
          ownerExpect: false,
        }),
      ).rejects.toThrow(/as a stranger: answer differs from a missing resource/);
    });
  });

  it('the OpenAPI document lists every identity route, with bearer auth and documented errors', async () => {
    const doc = await api.request('/api/docs-json');
    expect(doc.status).toBe(200);
    const routes: [string, string, boolean][] = [
      ['post', '/api/v1/auth/register', false],
      ['post', '/api/v1/auth/login', false],
      ['post', '/api/v1/auth/refresh', false],
      ['post', '/api/v1/auth/logout', false],
      ['post', '/api/v1/auth/switch-organization', true],
      ['get', '/api/v1/me', true],
      ['patch', '/api/v1/me', true],
      ['get', '/api/v1/organizations/current', true],
      ['patch', '/api/v1/organizations/current', true],
      ['get', '/api/v1/organizations/current/members', true],
      ['patch', '/api/v1/organizations/current/members/{userId}', true],
      ['delete', '/api/v1/organizations/current/members/{userId}', true],
      ['get', '/api/v1/organizations/{id}', true],
      ['put', '/api/v1/organizations/{id}/verification', true],
      ['post', '/api/v1/invitations', true],
      ['get', '/api/v1/invitations', true],
      ['delete', '/api/v1/invitations/{id}', true],
      ['get', '/api/v1/invitations/preview', false],
      ['post', '/api/v1/invitations/accept', true],
      ['post', '/api/v1/access-grants', true],
      ['get', '/api/v1/access-grants', true],
      ['delete', '/api/v1/access-grants/{id}', true],
      ['get', '/api/v1/audit-events', true],
    ];
    const problems: string[] = [];
    for (const [method, path, authenticated] of routes) {
      const op = doc.body.paths[path]?.[method];
      if (!op) {
        problems.push(`${method.toUpperCase()} ${path} is missing`);
        continue;
      }
      if (!op.summary) problems.push(`${method.toUpperCase()} ${path} has no summary`);
      const errors = Object.keys(op.responses).filter((s) => Number(s) >= 400);
      if (!errors.length) problems.push(`${method.toUpperCase()} ${path} documents no error`);
      for (const s of errors) {
        if (op.responses[s].content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorBody') {
          problems.push(`${method.toUpperCase()} ${path} ${s} is not an ErrorBody`);
        }
      }
      if (authenticated) {
        if (!op.security?.some((s: Record<string, unknown>) => 'bearer' in s))
          problems.push(`${method.toUpperCase()} ${path} lacks bearer auth`);
        if (!op.responses['401']) problems.push(`${method.toUpperCase()} ${path} does not document 401`);
      }
    }
    expect(problems).toEqual([]);
    // The public profile's schema has no credit code.
    const publicRef: string =
      doc.body.paths['/api/v1/organizations/{id}'].get.responses['200'].content['application/json'].schema.$ref;
    const publicSchema = doc.body.components.schemas[publicRef.split('/').pop()!];
    expect(Object.keys(publicSchema.properties)).not.toContain('creditCode');
    expect(Object.keys(publicSchema.properties)).toContain('name');
  });
});
