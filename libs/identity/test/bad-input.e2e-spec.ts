import { ApiHarness, ApiResponse, startApi } from '../../../test/support/api-app';
import {
  Actor,
  registerOrg,
  TEST_PASSWORD,
  uniqueCreditCode,
  uniqueEmail,
} from '../../../test/support/identity-fixtures';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Every refusal is a 4xx with the platform error body; a 500 anywhere fails the test. */
function expectCodedError(res: ApiResponse, status: number, code: string) {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(Object.keys(res.body).sort()).toEqual(['code', 'details', 'message', 'requestId']);
  expect(res.body.requestId).toBe(res.headers.get('x-request-id'));
}

describe('identity routes refuse bad input with a code and the field, never a 500', () => {
  let api: ApiHarness;
  let owner: Actor;

  beforeAll(async () => {
    api = await startApi();
    owner = await registerOrg(api, 'startup');
  });
  afterAll(() => api.close());

  const validRegistration = (over: Record<string, unknown> = {}, org: Record<string, unknown> = {}) => ({
    email: uniqueEmail('bad'),
    password: TEST_PASSWORD,
    displayName: '王芳',
    organization: {
      kind: 'startup',
      name: '杭州云栖智造科技有限公司',
      regionCode: '330106',
      creditCode: uniqueCreditCode('330106'),
      ...org,
    },
    ...over,
  });
  const register = (json: unknown) => api.request('/api/v1/auth/register', { method: 'POST', json });

  describe('e-mail addresses', () => {
    const malformed = [
      '',
      'plainaddress',
      '@example.com',
      'founder@',
      'founder@@example.com',
      'founder@example',
      'founder@exa_mple.com',
      'fo under@example.com',
      '.founder@example.com',
      'founder.@example.com',
      'fo..under@example.com',
      'founder@-example.com',
      'founder@example..com',
      'founder@example.com,other@example.com',
      '"><script>@example.com',
    ];

    it.each(malformed)('register refuses %j with EMAIL_INVALID on field email', async (email) => {
      const res = await register(validRegistration({ email }));
      expectCodedError(res, 400, 'EMAIL_INVALID');
      expect(res.body.details).toEqual({ field: 'email', reason: 'format' });
    });

    it('login and invitations check the address the same way', async () => {
      const loginRes = await api.request('/api/v1/auth/login', {
        method: 'POST',
        json: { email: 'founder@@example.com', password: TEST_PASSWORD },
      });
      expectCodedError(loginRes, 400, 'EMAIL_INVALID');
      expect(loginRes.body.details).toMatchObject({ field: 'email', reason: 'format' });
      const invite = await api.request('/api/v1/invitations', {
        method: 'POST',
        token: owner.token,
        json: { email: 'not-an-email', role: 'member' },
      });
      expectCodedError(invite, 400, 'EMAIL_INVALID');
      expect(invite.body.details).toMatchObject({ field: 'email', reason: 'format' });
    });

    it('refuses an address longer than 254 characters', async () => {
      const res = await register(
        validRegistration({ email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com` }),
      );
      expectCodedError(res, 400, 'EMAIL_INVALID');
      expect(res.body.details).toEqual({ field: 'email', reason: 'length' });
    });

    it('refuses look-alike (confusable) characters from other scripts instead of creating a twin account', async () => {
      const email = uniqueEmail('admin');
      await expect(register(validRegistration({ email }))).resolves.toMatchObject({ status: 201 });
      const twins = [
        email.replace('a', '\u0430'), // Cyrillic а
        email.replace('e', '\u0435'), // Cyrillic е
        email.replace('o', '\u03bf'), // Greek ο
        email.replace('example', 'ex\u0430mple'), // in the domain
        `${email.split('@')[0]}\u200b@example.com`, // zero-width space
      ];
      for (const twin of twins) {
        const res = await register(validRegistration({ email: twin }));
        expectCodedError(res, 400, 'EMAIL_INVALID');
        expect(res.body.details).toEqual({ field: 'email', reason: 'non_ascii' });
      }
      const login = await api.request('/api/v1/auth/login', {
        method: 'POST',
        json: { email: twins[0], password: TEST_PASSWORD },
      });
      expectCodedError(login, 400, 'EMAIL_INVALID');
      expect(login.body.details.reason).toBe('non_ascii');
    });

    it('folds full-width forms instead of refusing them (they display as the same address)', async () => {
      const email = uniqueEmail('wide');
      const wide = email.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
      const res = await register(validRegistration({ email: wide }));
      expect(res.status).toBe(201);
      const me = await api.request('/api/v1/me', { token: res.body.tokens.accessToken });
      expect(me.body.email).toBe(email);
    });
  });

  it('answers a 10 MB body with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await register(validRegistration({ displayName: 'x'.repeat(10 * 1024 * 1024) }));
    expectCodedError(res, 413, 'PAYLOAD_TOO_LARGE');
    const authed = await api.request('/api/v1/organizations/current', {
      method: 'PATCH',
      token: owner.token,
      json: { name: '名'.repeat(4 * 1024 * 1024) },
    });
    expectCodedError(authed, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers a broken JSON body with 400 MALFORMED_REQUEST', async () => {
    const res = await api.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email": "a@b.cn",',
    });
    expectCodedError(res, 400, 'MALFORMED_REQUEST');
  });

  describe('unified social credit codes (GB 32100-2015)', () => {
    it('names the field and the expected check character when the check character is wrong', async () => {
      const good = uniqueCreditCode();
      const expected = good[17];
      const wrong = good.slice(0, 17) + ALPHABET[(ALPHABET.indexOf(expected) + 1) % 31];
      const res = await register(validRegistration({}, { creditCode: wrong }));
      expectCodedError(res, 400, 'CREDIT_CODE_INVALID');
      expect(res.body.details).toEqual({
        field: 'organization.creditCode',
        reason: 'check_character',
        expectedCheckCharacter: expected,
      });

      const patch = await api.request('/api/v1/organizations/current', {
        method: 'PATCH',
        token: owner.token,
        json: { creditCode: wrong },
      });
      expectCodedError(patch, 400, 'CREDIT_CODE_INVALID');
      expect(patch.body.details).toEqual({
        field: 'creditCode',
        reason: 'check_character',
        expectedCheckCharacter: expected,
      });
    });

    it.each([
      ['too short', '91320211MA1', 'length'],
      ['a letter GB 32100 excludes (I, O, S, V, Z)', '91320211MA1OOOOO0X', 'alphabet'],
      ['a non-numeric region', '91ABCDEF000000000X', 'region'],
    ])('refuses a code that is %s', async (_label, creditCode, reason) => {
      const res = await register(validRegistration({}, { creditCode }));
      expectCodedError(res, 400, 'CREDIT_CODE_INVALID');
      expect(res.body.details).toMatchObject({ field: 'organization.creditCode', reason });
    });

    it('refuses a region code outside GB/T 2260', async () => {
      const res = await register(validRegistration({}, { regionCode: '990000' }));
      expectCodedError(res, 400, 'REGION_CODE_INVALID');
      expect(res.body.details).toEqual({ field: 'organization.regionCode' });
    });
  });

  it.each([
    ['shorter than 10 characters', 'Sh0rt!', 'too_short'],
    ['a well-known password', 'password123', 'common'],
    ['a well-known password in other case', 'QwertyUiop', 'common'],
    ['one character repeated', 'aaaaaaaaaaaa', 'repetitive'],
    ['longer than 256 characters', 'Ab1!'.repeat(65), 'too_long'],
  ])('refuses a password that is %s with PASSWORD_TOO_WEAK', async (_label, password, reason) => {
    const res = await register(validRegistration({ password }));
    expectCodedError(res, 400, 'PASSWORD_TOO_WEAK');
    expect(res.body.details).toEqual({ field: 'password', reason, minLength: 10 });
  });

  describe('unknown fields and wrong types', () => {
    it('refuses unknown fields (no mass assignment), naming them', async () => {
      const res = await register({ ...validRegistration(), isPlatformAdmin: true });
      expectCodedError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details.field).toBe('isPlatformAdmin');
      expect(res.body.details.fields).toEqual([
        { field: 'isPlatformAdmin', rules: ['whitelistValidation'], messages: [expect.any(String)] },
      ]);

      const nested = await register(validRegistration({}, { verificationStatus: 'verified' }));
      expectCodedError(nested, 400, 'VALIDATION_FAILED');
      expect(nested.body.details.field).toBe('organization.verificationStatus');

      const me = await api.request('/api/v1/me', {
        method: 'PATCH',
        token: owner.token,
        json: { isPlatformAdmin: true, role: 'owner' },
      });
      expectCodedError(me, 400, 'VALIDATION_FAILED');
      expect(me.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['isPlatformAdmin', 'role']);
      const after = await api.request('/api/v1/me', { token: owner.token });
      expect(after.body.isPlatformAdmin).toBe(false);

      const org = await api.request('/api/v1/organizations/current', {
        method: 'PATCH',
        token: owner.token,
        json: { kind: 'fund' },
      });
      expectCodedError(org, 400, 'VALIDATION_FAILED');
      expect(org.body.details.field).toBe('kind');
    });

    it.each([
      ['email as a number', { email: 12345 }, 'email', 'isString'],
      ['email as an object (operator injection)', { email: { $ne: '' } }, 'email', 'isString'],
      ['password as an array', { password: ['a', 'b'] }, 'password', 'isString'],
      ['locale not offered', { locale: 'fr' }, 'locale', 'isIn'],
      ['mobile with letters', { mobile: '138-abc' }, 'mobile', 'matches'],
      ['organization as a string', { organization: 'startup' }, 'organization', 'nestedValidation'],
    ])('register refuses %s', async (_label, over, field, rule) => {
      const res = await register(validRegistration(over));
      expectCodedError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details.field).toBe(field);
      expect(res.body.details.fields.find((f: { field: string }) => f.field === field).rules).toContain(rule);
    });

    it.each([
      ['an unknown kind', { kind: 'hedge_fund' }, 'organization.kind'],
      ['a region that is not 6 digits', { regionCode: '3202' }, 'organization.regionCode'],
      ['a name of one character', { name: 'x' }, 'organization.name'],
      ['a numeric credit code', { creditCode: 913202110000000000 }, 'organization.creditCode'],
      ['a blank name', { name: '   ' }, 'organization.name'],
    ])('register refuses %s in the organization', async (_label, org, field) => {
      const res = await register(validRegistration({}, org));
      expectCodedError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details.field).toBe(field);
    });

    it('refuses blank names instead of storing empty strings', async () => {
      const blank = await register(validRegistration({ displayName: ' \t ' }));
      expectCodedError(blank, 400, 'VALIDATION_FAILED');
      expect(blank.body.details.fields).toEqual([
        { field: 'displayName', rules: ['matches'], messages: ['displayName must not be blank'] },
      ]);
      const me = await api.request('/api/v1/me', { method: 'PATCH', token: owner.token, json: { displayName: '   ' } });
      expectCodedError(me, 400, 'VALIDATION_FAILED');
      expect(me.body.details.field).toBe('displayName');
      const org = await api.request('/api/v1/organizations/current', {
        method: 'PATCH',
        token: owner.token,
        json: { name: '    ' },
      });
      expectCodedError(org, 400, 'VALIDATION_FAILED');
      expect(org.body.details.field).toBe('name');
      const current = await api.request('/api/v1/organizations/current', { token: owner.token });
      expect(current.body.name.trim()).not.toBe('');
    });

    it('refuses wrong types on authenticated routes', async () => {
      const cases: [string, string, unknown, string][] = [
        ['POST', '/api/v1/invitations', { email: uniqueEmail(), role: 'superuser' }, 'role'],
        ['POST', '/api/v1/access-grants', { granteeOrganizationId: 'fund-1' }, 'granteeOrganizationId'],
        [
          'POST',
          '/api/v1/access-grants',
          { granteeOrganizationId: owner.organizationId, expiresAt: 'next week' },
          'expiresAt',
        ],
        ['POST', '/api/v1/auth/switch-organization', { organizationId: 42 }, 'organizationId'],
        ['PATCH', `/api/v1/organizations/current/members/${owner.userId}`, { role: 'root' }, 'role'],
        ['PUT', `/api/v1/organizations/${owner.organizationId}/verification`, { status: 'approved' }, 'status'],
        ['POST', '/api/v1/invitations/accept', { token: 'short' }, 'token'],
      ];
      for (const [method, path, json, field] of cases) {
        const res = await api.request(path, { method, token: owner.token, json });
        expect({
          route: `${method} ${path}`,
          status: res.status,
          code: res.body.code,
          field: res.body.details.field,
        }).toEqual({
          route: `${method} ${path}`,
          status: 400,
          code: 'VALIDATION_FAILED',
          field,
        });
      }
    });

    it('refuses bad query parameters', async () => {
      const cases: [string, string][] = [
        ['/api/v1/audit-events?limit=0', 'limit'],
        ['/api/v1/audit-events?limit=abc', 'limit'],
        ['/api/v1/audit-events?action=auth.everything', 'action'],
        ['/api/v1/audit-events?organizationId=nope', 'organizationId'],
        ['/api/v1/audit-events?sort=occurredAt', 'sort'],
      ];
      for (const [path, field] of cases) {
        const res = await api.request(path, { token: owner.token });
        expect({ path, status: res.status, code: res.body.code, field: res.body.details.field }).toEqual({
          path,
          status: 400,
          code: 'VALIDATION_FAILED',
          field,
        });
      }
      const preview = await api.request('/api/v1/invitations/preview?token=x');
      expectCodedError(preview, 400, 'VALIDATION_FAILED');
      expect(preview.body.details.field).toBe('token');
    });

    it('refuses a tampered pagination cursor with INVALID_CURSOR instead of reaching SQL', async () => {
      const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      for (const cursor of [
        '%%%',
        'bm90LWpzb24',
        enc(['2024-01-01T00:00:00.000Z', 'not-a-uuid']),
        enc([1, 2]),
        enc(['2024-01-01T00:00:00.000Z']),
      ]) {
        const res = await api.request(`/api/v1/audit-events?cursor=${encodeURIComponent(cursor)}`, {
          token: owner.token,
        });
        expectCodedError(res, 400, 'INVALID_CURSOR');
        expect(res.body.details).toEqual({ field: 'cursor' });
      }
    });
  });

  it.each([
    ['PATCH', '/api/v1/organizations/current/members/abc', { role: 'member' }, 'userId'],
    ['DELETE', '/api/v1/organizations/current/members/123', undefined, 'userId'],
    ['DELETE', "/api/v1/organizations/current/members/1'%20OR%20'1'='1", undefined, 'userId'],
    ['DELETE', '/api/v1/invitations/not-a-uuid', undefined, 'id'],
    ['DELETE', '/api/v1/access-grants/00000000-0000-0000-0000-00000000000g', undefined, 'id'],
    ['GET', '/api/v1/organizations/xyz', undefined, 'id'],
    ['PUT', '/api/v1/organizations/42/verification', { status: 'verified' }, 'id'],
  ])('%s %s: a non-UUID path id is 400 VALIDATION_FAILED naming the parameter', async (method, path, json, field) => {
    const res = await api.request(path, { method, token: owner.token, json });
    expectCodedError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.details).toEqual({
      field,
      fields: [{ field, rules: ['isUuid'], messages: [`${field} must be a UUID`] }],
    });
  });

  it('refuses a malformed or foreign bearer token with 401, not 500', async () => {
    for (const [authorization, code] of [
      ['Bearer not.a.jwt', 'TOKEN_INVALID'],
      ['Bearer ' + 'x'.repeat(5000), 'TOKEN_INVALID'],
      // A well-formed JWT signed with another secret.
      [
        'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4Iiwib3JnIjoieSIsInNpZCI6InoiLCJpc3MiOiJ0b3Vyb25nIiwiYXVkIjoidG91cm9uZy1hcGkifQ.3pJ0bJ3mS0x0U5xq9mE3Yx3b1q3d7zvC7QwM8Vb9b4Y',
        'TOKEN_INVALID',
      ],
      ['Basic dXNlcjpwYXNz', 'UNAUTHENTICATED'],
      ['Bearer', 'UNAUTHENTICATED'],
    ] as const) {
      const res = await api.request('/api/v1/me', { headers: { authorization } });
      expectCodedError(res, 401, code);
    }
  });
});
