import { ApiHarness, startApi } from '../../../test/support/api-app';
import {
  Actor,
  registerOrg,
  TEST_PASSWORD,
  uniqueCreditCode,
  uniqueEmail,
} from '../../../test/support/identity-fixtures';

/** ASCII → full-width forms (ｆｏｏ＠ｅｘａｍｐｌｅ．ｃｏｍ), which NFKC folds back. */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

/** Boots an app with some environment variables and restores them afterwards (startApi writes process.env). */
async function startApiWith(env: Record<string, string>): Promise<ApiHarness> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  try {
    return await startApi(env);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('auth: register, login, refresh, logout, switch organization', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  const register = (json: Record<string, unknown>) => api.request('/api/v1/auth/register', { method: 'POST', json });
  const login = (email: string, password: string, organizationId?: string) =>
    api.request('/api/v1/auth/login', { method: 'POST', json: { email, password, organizationId } });
  const refresh = (refreshToken: string) =>
    api.request('/api/v1/auth/refresh', { method: 'POST', json: { refreshToken } });
  const me = (token: string) => api.request('/api/v1/me', { token });
  const newOrg = (kind = 'startup', creditCode = uniqueCreditCode()) => ({
    kind,
    name: '无锡星航智农导航科技有限公司',
    regionCode: '320211',
    creditCode,
  });

  describe('register', () => {
    it('creates the user, the organization and the owner membership in one go', async () => {
      const email = uniqueEmail('founder');
      const creditCode = uniqueCreditCode();
      const res = await register({
        email,
        password: TEST_PASSWORD,
        displayName: ' 李明 ',
        organization: newOrg('startup', creditCode.toLowerCase()),
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        userId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        organizationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        tokens: {
          accessToken: expect.any(String),
          accessTokenExpiresAt: expect.any(String),
          refreshToken: expect.any(String),
          refreshTokenExpiresAt: expect.any(String),
          tokenType: 'Bearer',
        },
      });
      const ttl = Date.parse(res.body.tokens.accessTokenExpiresAt) - Date.now();
      expect(ttl).toBeGreaterThan(10 * 60_000);
      expect(ttl).toBeLessThanOrEqual(15 * 60_000);

      const who = await me(res.body.tokens.accessToken);
      expect(who.status).toBe(200);
      expect(who.body).toMatchObject({
        id: res.body.userId,
        email,
        displayName: '李明',
        locale: 'zh-CN',
        isPlatformAdmin: false,
        role: 'owner',
        actingOrganization: {
          id: res.body.organizationId,
          kind: 'startup',
          name: '无锡星航智农导航科技有限公司',
          creditCode, // stored normalized (upper case)
          regionCode: '320211',
          verificationStatus: 'unverified',
        },
        memberships: [{ organizationId: res.body.organizationId, organizationKind: 'startup', role: 'owner' }],
      });

      // The password is stored as an argon2id hash, never as given; the refresh token only as a sha256.
      const [row] = await api.db.dataSource.query('SELECT password_hash FROM users WHERE id = $1', [res.body.userId]);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain(TEST_PASSWORD);
      const stored = await api.db.dataSource.query('SELECT token_hash FROM refresh_tokens WHERE token_hash = $1', [
        res.body.tokens.refreshToken,
      ]);
      expect(stored).toHaveLength(0);
    });

    it('refuses a second account for the same e-mail, whatever its case or width', async () => {
      const email = uniqueEmail('dup');
      await expect(
        register({ email, password: TEST_PASSWORD, displayName: 'a', organization: newOrg() }),
      ).resolves.toMatchObject({ status: 201 });
      for (const variant of [
        email,
        email.toUpperCase(),
        `  ${email}  `,
        fullWidth(email),
        fullWidth(email.toUpperCase()),
      ]) {
        const res = await register({
          email: variant,
          password: TEST_PASSWORD,
          displayName: 'b',
          organization: newOrg(),
        });
        expect({ variant, status: res.status, code: res.body.code, field: res.body.details.field }).toEqual({
          variant,
          status: 409,
          code: 'EMAIL_TAKEN',
          field: 'email',
        });
      }
      const users = await api.db.dataSource.query('SELECT count(*)::int AS n FROM users WHERE email_normalized = $1', [
        email.toLowerCase(),
      ]);
      expect(users[0].n).toBe(1);
    });

    it('refuses a second organization with the same credit code (also typed in lower case)', async () => {
      const creditCode = uniqueCreditCode();
      await expect(
        register({
          email: uniqueEmail(),
          password: TEST_PASSWORD,
          displayName: 'a',
          organization: newOrg('startup', creditCode),
        }),
      ).resolves.toMatchObject({ status: 201 });
      const email = uniqueEmail();
      const dup = await register({
        email,
        password: TEST_PASSWORD,
        displayName: 'b',
        organization: newOrg('fund', creditCode.toLowerCase()),
      });
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({ code: 'CREDIT_CODE_TAKEN', details: { field: 'organization.creditCode' } });
      // The whole registration rolled back: the e-mail is still free.
      await expect(login(email, TEST_PASSWORD)).resolves.toMatchObject({
        status: 401,
        body: { code: 'INVALID_CREDENTIALS' },
      });
    });

    it('needs exactly one of organization and invitationToken', async () => {
      const neither = await register({ email: uniqueEmail(), password: TEST_PASSWORD, displayName: 'x' });
      expect(neither.status).toBe(400);
      expect(neither.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'organization' } });
      const both = await register({
        email: uniqueEmail(),
        password: TEST_PASSWORD,
        displayName: 'x',
        organization: newOrg(),
        invitationToken: 'x'.repeat(43),
      });
      expect(both.status).toBe(400);
      expect(both.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'organization' } });
    });
  });

  describe('login', () => {
    let founder: Actor;
    beforeAll(async () => {
      founder = await registerOrg(api, 'startup');
    });

    it('signs in with the right password (any case of the e-mail) and the token works', async () => {
      const res = await login(founder.email.toUpperCase(), TEST_PASSWORD);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        userId: founder.userId,
        organizationId: founder.organizationId,
        tokens: { tokenType: 'Bearer' },
      });
      const who = await me(res.body.tokens.accessToken);
      expect(who.body).toMatchObject({
        id: founder.userId,
        role: 'owner',
        actingOrganization: { id: founder.organizationId },
      });
    });

    it('answers an unknown e-mail and a wrong password identically', async () => {
      const wrong = await login(founder.email, 'Not-The-Password-42');
      const unknown = await login(uniqueEmail('nobody'), 'Not-The-Password-42');
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      const strip = (b: { requestId?: string }) => ({ ...b, requestId: undefined });
      expect(strip(wrong.body)).toEqual(strip(unknown.body));
      expect(wrong.body).toEqual({
        code: 'INVALID_CREDENTIALS',
        message: '邮箱或密码错误。',
        details: {},
        requestId: wrong.headers.get('x-request-id'),
      });
      const en = await api.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'accept-language': 'en' },
        json: { email: founder.email, password: 'Not-The-Password-42' },
      });
      expect(en.body.message).toBe('E-mail or password is wrong.');
    });

    it('refuses acting in an organization the user does not belong to', async () => {
      const other = await registerOrg(api, 'fund');
      const res = await login(founder.email, TEST_PASSWORD, other.organizationId);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'NOT_A_MEMBER', details: { field: 'organizationId' } });
    });
  });

  describe('refresh tokens', () => {
    it('rotates on every use; reusing an old one ends the whole family, access tokens included', async () => {
      const a = await registerOrg(api, 'startup');
      const first = await refresh(a.refreshToken);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ userId: a.userId, organizationId: a.organizationId });
      expect(first.body.tokens.refreshToken).not.toBe(a.refreshToken);
      const second = await refresh(first.body.tokens.refreshToken);
      expect(second.status).toBe(200);
      const newest = second.body.tokens;
      await expect(me(newest.accessToken)).resolves.toMatchObject({ status: 200, body: { id: a.userId } });

      const reuse = await refresh(a.refreshToken);
      expect(reuse.status).toBe(401);
      expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');

      const afterReuse = await refresh(newest.refreshToken);
      expect(afterReuse.status).toBe(401);
      expect(afterReuse.body.code).toBe('SESSION_REVOKED');
      for (const token of [a.token, first.body.tokens.accessToken, newest.accessToken]) {
        const res = await me(token);
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'SESSION_REVOKED' });
      }

      // The owner sees the revoked family in the audit log after signing in again.
      const again = await login(a.email, TEST_PASSWORD);
      const audit = await api.request('/api/v1/audit-events?action=auth.token_family_revoked', {
        token: again.body.tokens.accessToken,
      });
      expect(audit.status).toBe(200);
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          action: 'auth.token_family_revoked',
          actorUserId: a.userId,
          targetType: 'session',
          details: { reason: 'refresh_reuse' },
        }),
      ]);
    });

    it('lets exactly one of several concurrent refreshes with one token win', async () => {
      const a = await registerOrg(api, 'startup');
      const results = await Promise.all(Array.from({ length: 5 }, () => refresh(a.refreshToken)));
      const ok = results.filter((r) => r.status === 200);
      expect(ok).toHaveLength(1);
      for (const r of results.filter((x) => x.status !== 200)) {
        expect(r.status).toBe(401);
        expect(['REFRESH_TOKEN_REUSED', 'SESSION_REVOKED']).toContain(r.body.code);
      }
      const tokens = await api.db.dataSource.query(
        `SELECT count(*) FILTER (WHERE used_at IS NOT NULL)::int AS used FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id WHERE s.user_id = $1`,
        [a.userId],
      );
      expect(tokens[0].used).toBe(1);
    });

    it('refuses an unknown refresh token', async () => {
      const res = await refresh('made-up-token-that-was-never-issued');
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('REFRESH_TOKEN_INVALID');
    });
  });

  describe('logout', () => {
    it('ends the session: the refresh token and the access token stop working at once', async () => {
      const a = await registerOrg(api, 'startup');
      // Signed in and used (authentication caches the principal): the logout must still end it.
      await expect(me(a.token)).resolves.toMatchObject({ status: 200 });
      await expect(me(a.token)).resolves.toMatchObject({ status: 200 });
      const out = await api.request('/api/v1/auth/logout', { method: 'POST', json: { refreshToken: a.refreshToken } });
      expect(out.status).toBe(204);
      expect(out.text).toBe('');
      const r = await refresh(a.refreshToken);
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('SESSION_REVOKED');
      const who = await me(a.token);
      expect(who.status).toBe(401);
      expect(who.body.code).toBe('SESSION_REVOKED');
      // Other sessions of the same user are untouched.
      const other = await login(a.email, TEST_PASSWORD);
      await expect(me(other.body.tokens.accessToken)).resolves.toMatchObject({ status: 200 });
      // Logging out with a token nobody issued reveals nothing.
      await expect(
        api.request('/api/v1/auth/logout', { method: 'POST', json: { refreshToken: 'no-such-token' } }),
      ).resolves.toMatchObject({ status: 204 });
    });
  });

  describe('switch organization', () => {
    it('acts in another organization the user belongs to, and refuses a stranger’s with 404', async () => {
      const founder = await registerOrg(api, 'startup');
      const fund = await registerOrg(api, 'fund');
      const stranger = await registerOrg(api, 'bank');
      const inv = await api.request('/api/v1/invitations', {
        method: 'POST',
        token: fund.token,
        json: { email: founder.email, role: 'admin' },
      });
      expect(inv.status).toBe(201);
      const accepted = await api.request('/api/v1/invitations/accept', {
        method: 'POST',
        token: founder.token,
        json: { token: inv.body.token },
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toEqual({ organizationId: fund.organizationId });

      const switched = await api.request('/api/v1/auth/switch-organization', {
        method: 'POST',
        token: founder.token,
        json: { organizationId: fund.organizationId },
      });
      expect(switched.status).toBe(200);
      expect(switched.body).toMatchObject({ userId: founder.userId, organizationId: fund.organizationId });
      const inFund = await me(switched.body.tokens.accessToken);
      expect(inFund.body).toMatchObject({
        role: 'admin',
        actingOrganization: { id: fund.organizationId, kind: 'fund' },
      });
      expect(inFund.body.memberships).toHaveLength(2);
      // The original session still acts in the startup.
      await expect(me(founder.token)).resolves.toMatchObject({
        body: { role: 'owner', actingOrganization: { id: founder.organizationId } },
      });

      const refused = await api.request('/api/v1/auth/switch-organization', {
        method: 'POST',
        token: founder.token,
        json: { organizationId: stranger.organizationId },
      });
      expect(refused.status).toBe(404);
      expect(refused.body).toMatchObject({ code: 'ORGANIZATION_NOT_FOUND', details: { field: 'organizationId' } });
      const unknown = await api.request('/api/v1/auth/switch-organization', {
        method: 'POST',
        token: founder.token,
        json: { organizationId: '00000000-0000-4000-8000-000000000000' },
      });
      expect({ status: unknown.status, code: unknown.body.code }).toEqual({
        status: 404,
        code: 'ORGANIZATION_NOT_FOUND',
      });

      // login can pick the organization directly too.
      const direct = await login(founder.email, TEST_PASSWORD, fund.organizationId);
      expect(direct.body.organizationId).toBe(fund.organizationId);
    });
  });
});

describe('auth: login throttling', () => {
  it('throttles one e-mail after LOGIN_MAX_ATTEMPTS_PER_EMAIL attempts with 429 and Retry-After; other e-mails go on', async () => {
    // Counters live in Redis under the app's own key prefix (QUEUE_PREFIX, unique per startApi).
    const api = await startApiWith({ LOGIN_MAX_ATTEMPTS_PER_EMAIL: '3', LOGIN_MAX_ATTEMPTS_PER_IP: '1000' });
    try {
      const victim = await registerOrg(api, 'startup');
      const attempt = (email: string, password = 'Wrong-Password-123') =>
        api.request('/api/v1/auth/login', { method: 'POST', json: { email, password } });
      for (let i = 1; i <= 3; i++) {
        const res = await attempt(victim.email);
        expect({ attempt: i, status: res.status, code: res.body.code }).toEqual({
          attempt: i,
          status: 401,
          code: 'INVALID_CREDENTIALS',
        });
      }
      const fourth = await attempt(victim.email);
      expect(fourth.status).toBe(429);
      expect(fourth.body).toMatchObject({
        code: 'LOGIN_THROTTLED',
        details: { retryAfterSeconds: expect.any(Number) },
      });
      const retryAfter = fourth.headers.get('retry-after');
      expect(retryAfter).toMatch(/^[1-9]\d*$/);
      expect(Number(retryAfter)).toBeLessThanOrEqual(900);
      expect(Number(retryAfter)).toBe(fourth.body.details.retryAfterSeconds);

      // Even the right password is refused now, and so are other spellings of the same address.
      await expect(attempt(victim.email, TEST_PASSWORD)).resolves.toMatchObject({
        status: 429,
        body: { code: 'LOGIN_THROTTLED' },
      });
      await expect(attempt(victim.email.toUpperCase(), TEST_PASSWORD)).resolves.toMatchObject({ status: 429 });
      await expect(attempt(fullWidth(victim.email), TEST_PASSWORD)).resolves.toMatchObject({ status: 429 });

      // Another e-mail from the same IP is not affected.
      const other = await attempt(uniqueEmail('bystander'));
      expect(other.status).toBe(401);
      expect(other.body.code).toBe('INVALID_CREDENTIALS');
    } finally {
      await api.close();
    }
  });

  it('throttles one client IP after LOGIN_MAX_ATTEMPTS_PER_IP attempts, whatever the e-mail', async () => {
    const api = await startApiWith({ LOGIN_MAX_ATTEMPTS_PER_EMAIL: '1000', LOGIN_MAX_ATTEMPTS_PER_IP: '4' });
    try {
      const user = await registerOrg(api, 'startup'); // registration has its own counter
      for (let i = 1; i <= 4; i++) {
        const res = await api.request('/api/v1/auth/login', {
          method: 'POST',
          json: { email: uniqueEmail('spray'), password: 'Wrong-Password-123' },
        });
        expect({ attempt: i, status: res.status }).toEqual({ attempt: i, status: 401 });
      }
      const fifth = await api.request('/api/v1/auth/login', {
        method: 'POST',
        json: { email: user.email, password: TEST_PASSWORD },
      });
      expect(fifth.status).toBe(429);
      expect(fifth.body.code).toBe('LOGIN_THROTTLED');
      expect(fifth.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      // Sessions already issued keep working: throttling guards sign-in only.
      await expect(api.request('/api/v1/me', { token: user.token })).resolves.toMatchObject({ status: 200 });
    } finally {
      await api.close();
    }
  });
});
