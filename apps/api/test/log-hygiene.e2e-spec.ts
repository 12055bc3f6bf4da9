import { freePort } from '../../../test/support/private-redis';
import { spawnApp, type SpawnedApp } from '../../../test/support/spawn-app';
import { createTestDatabase, type TestDatabase, testQueuePrefix } from '../../../test/support/test-database';
import { uniqueCreditCode, uniqueEmail } from '../../../test/support/identity-fixtures';

/**
 * What the real processes write to their logs, at debug level, while they are fed credentials:
 * passwords (good and refused), access and refresh tokens (valid, forged, revoked), invitation
 * tokens, the JWT secret and an SMTP password in the environment, and a mailer that fails. None of
 * those may appear in any line. And a refused request (4xx) is an `info` line, not a `warn`: a probe's
 * thousands of refusals must not drown the warnings an operator needs.
 */
/** Waits for a process's readiness (however long its boot takes on a loaded machine), failing if it exits. */
async function ready(app: SpawnedApp, url: string): Promise<void> {
  for (;;) {
    if (app.proc.exitCode !== null) throw new Error(`exited with ${app.proc.exitCode}:\n${app.output().slice(-2000)}`);
    const status = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('logs hold no secret, and refusals are info', () => {
  jest.setTimeout(300_000);
  const JWT_SECRET = 'log-hygiene-jwt-secret-0123456789-abcdefghij';
  const SMTP_PASSWORD = 'Smtp-Pa55word-never-logged';
  const PASSWORD = 'Roadshow-2023-金兔-log';
  const WEAK = 'password123';
  let db: TestDatabase;
  let api: SpawnedApp;
  let worker: SpawnedApp;
  let base: string;
  const secrets: string[] = [JWT_SECRET, SMTP_PASSWORD, PASSWORD, WEAK];

  const call = async (path: string, init: RequestInit & { json?: unknown; token?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.json !== undefined) headers.set('content-type', 'application/json');
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    const res = await fetch(base + path, {
      ...init,
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
    const text = await res.text();
    let body: any;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text; // a calendar, not JSON
    }
    return { status: res.status, body };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const [apiPort, workerPort, smtpPort] = [await freePort(), await freePort(), await freePort()];
    const env = {
      DATABASE_URL: db.url,
      QUEUE_PREFIX: testQueuePrefix(),
      PORT: String(apiPort),
      WORKER_HEALTH_PORT: String(workerPort),
      LOG_LEVEL: 'debug',
      JWT_SECRET,
      // Nothing listens there: every e-mail the worker tries fails, and its error is logged.
      SMTP_URL: `smtp://mailer:${SMTP_PASSWORD}@127.0.0.1:${smtpPort}`,
      OUTBOX_POLL_MS: '200',
    };
    api = spawnApp('api', env);
    worker = spawnApp('worker', env);
    base = `http://127.0.0.1:${apiPort}`;
    await Promise.all([
      ready(api, `${base}/api/v1/health/ready`),
      ready(worker, `http://127.0.0.1:${workerPort}/health/ready`),
    ]);
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await worker?.stop('SIGKILL');
    await db?.drop();
  });

  it('never writes a password, token or secret, and logs 4xx at info', async () => {
    const email = uniqueEmail('logs');
    const weak = await call('/api/v1/auth/register', {
      method: 'POST',
      json: {
        email,
        password: WEAK,
        displayName: 'x',
        organization: { kind: 'startup', name: '日志公司', regionCode: '320211' },
      },
    });
    expect(weak.body.code).toBe('PASSWORD_TOO_WEAK');
    const reg = await call('/api/v1/auth/register', {
      method: 'POST',
      json: {
        email,
        password: PASSWORD,
        displayName: '日志测试',
        organization: { kind: 'startup', name: '日志测试公司', regionCode: '320211', creditCode: uniqueCreditCode() },
      },
    });
    expect(reg.status).toBe(201);
    const { accessToken, refreshToken } = reg.body.tokens;
    secrets.push(accessToken, refreshToken);

    expect(
      (await call('/api/v1/auth/login', { method: 'POST', json: { email, password: 'wrong-' + PASSWORD } })).status,
    ).toBe(401);
    const login = await call('/api/v1/auth/login', { method: 'POST', json: { email, password: PASSWORD } });
    secrets.push(login.body.tokens.accessToken, login.body.tokens.refreshToken);
    const refreshed = await call('/api/v1/auth/refresh', {
      method: 'POST',
      json: { refreshToken: login.body.tokens.refreshToken },
    });
    secrets.push(refreshed.body.tokens.accessToken, refreshed.body.tokens.refreshToken);
    // Reusing the rotated refresh token revokes the session (and is logged as such, without the token).
    expect(
      (await call('/api/v1/auth/refresh', { method: 'POST', json: { refreshToken: login.body.tokens.refreshToken } }))
        .status,
    ).toBe(401);
    expect((await call('/api/v1/me', { token: refreshed.body.tokens.accessToken })).status).toBe(401);
    const forged = `${accessToken.slice(0, -4)}AAAA`;
    secrets.push(forged);
    expect((await call('/api/v1/me', { token: forged })).status).toBe(401);
    expect((await call(`/admin/queues?access_token=${encodeURIComponent(accessToken)}`)).status).toBe(403);

    // An invitation: its token comes back once, and the worker tries (and fails) to e-mail it.
    const invited = await call('/api/v1/invitations', {
      method: 'POST',
      token: accessToken,
      json: { email: uniqueEmail('invitee'), role: 'member' },
    });
    expect(invited.status).toBe(201);
    secrets.push(invited.body.token);
    expect(
      (await call('/api/v1/me', { method: 'PATCH', token: accessToken, json: { password: PASSWORD } })).status,
    ).toBeLessThan(500);
    expect(
      (await call(`/api/v1/invitations/preview?token=${encodeURIComponent(invited.body.token)}`)).status,
    ).toBeLessThan(500);
    // A calendar feed's URL is its credential: the request line must not carry it.
    const feed = await call('/api/v1/calendar-feeds', { method: 'POST', token: accessToken });
    expect(feed.status).toBe(201);
    const feedToken = String(feed.body.url ?? '').match(/calendar-feeds\/([^/.]+)\.ics/)?.[1];
    expect(feedToken).toBeDefined();
    secrets.push(feedToken!);
    expect((await call(`/api/v1/calendar-feeds/${feedToken}.ics`)).status).toBe(200);

    // Wait until the worker has handled the invitation's event (its outbox row is dispatched).
    for (;;) {
      const [row] = await db.dataSource.query(
        "SELECT dispatched_at FROM outbox_events WHERE type = 'identity.invitation_created' ORDER BY created_at DESC LIMIT 1",
      );
      if (row?.dispatched_at) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // Let the API flush its last lines: one more request whose line we then wait for.
    await call('/api/v1/health/live?flush=1');
    await call('/api/v1/no-such-route-flush');
    while (!api.output().includes('no-such-route-flush')) await new Promise((r) => setTimeout(r, 50));

    const output = api.output() + worker.output();
    const leaks = secrets.filter((s) => output.includes(s)).map((s) => `${s.slice(0, 12)}…`);
    expect(leaks).toEqual([]);

    const lines = output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { level: number; res?: { statusCode: number }; req?: { url: string } });
    const refusals = lines.filter((l) => l.res && l.res.statusCode >= 400 && l.res.statusCode < 500);
    expect(refusals.length).toBeGreaterThan(5);
    expect(refusals.filter((l) => l.level !== 30).map((l) => `${l.level} ${l.res!.statusCode} ${l.req?.url}`)).toEqual(
      [],
    );
  });
});
