import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import type { ParsedMail } from 'mailparser';
import { DigestService } from '@app/engagement';
import { SnapshotService } from '@app/matching';
import { startApi, type ApiHarness, type ApiResponse } from '../../../test/support/api-app';
import { findForbidden } from '../../../test/support/cross-tenant';
import { addMember, registerOrg, TEST_PASSWORD, type Actor } from '../../../test/support/identity-fixtures';
import { createCompanyWithProject, money } from '../../../test/support/matching-fixtures';
import { startSmtpCapture, type SmtpCapture } from '../../../test/support/smtp-capture';
import { spawnWorkerFor, type SpawnedApp } from '../../../test/support/spawn-app';

/**
 * The tenant-isolation matrix, generated from the OpenAPI document: every operation × every door —
 * anonymous, an expired access token, the access token of a session whose refresh token was revoked
 * (logged out), another organization of the owner's kind, and a lower role of the owning
 * organization. Each answer must have the right status, and no answer to anyone but the entitled
 * may carry a confidential value: a company's figures, IP detail, deck (file name and hash), a
 * fund's pipeline (deal id, internal note), an applicant's answers, an investor's check-in code —
 * in any body, list, search hit, calendar or header — and, last, in any e-mail the real worker sends
 * to a real SMTP server (subject, text, HTML and attachments, per recipient's organization): the
 * deck's file name, size and hash, other applicants' answers and rejection reasons, other funds'
 * pipelines (deal ids and notes). A refused write changes nothing in the database. The matrix is printed (var/test-output/tenant-matrix.md) and summarised on stdout.
 */

type Schema = {
  type?: string;
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  enum?: unknown[];
  example?: unknown;
  format?: string;
  minimum?: number;
  minLength?: number;
};
interface Operation {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface Route {
  method: string;
  template: string;
  op: Operation;
}
type Door = 'anonymous' | 'expired' | 'revoked' | 'stranger' | 'lowerRole';
const DOORS: Door[] = ['anonymous', 'expired', 'revoked', 'stranger', 'lowerRole'];

/** Routes anyone may call (health, reference data, sign-in, token-addressed calendar feeds). */
const PUBLIC = [
  /^\/api\/v1\/health\//,
  /^\/api\/v1\/reference\//,
  /^\/api\/v1\/auth\/(register|login|refresh|logout)$/,
  /^\/api\/v1\/invitations\/preview$/,
  /^\/api\/v1\/calendar-feeds\/\{token\}\.ics$/,
  /^\/api\/v1\/holiday-calendar\/\{year\}$/,
];
/** Writes that need more than membership (admins and owners): the lower role is refused with 403. */
const ADMIN_ONLY = [
  'PATCH /api/v1/organizations/current',
  'POST /api/v1/invitations',
  'GET /api/v1/invitations',
  'POST /api/v1/access-grants',
  'GET /api/v1/audit-events',
  'PATCH /api/v1/organizations/current/members/{userId}',
  'DELETE /api/v1/organizations/current/members/{userId}',
  'POST /api/v1/projects/{id}/publish',
  'POST /api/v1/projects/{id}/archive',
  'POST /api/v1/projects/{id}/reopen',
];

describe('tenant-isolation matrix (every OpenAPI operation × every door)', () => {
  jest.setTimeout(300_000);
  let api: ApiHarness;
  let routes: Route[];
  let schemas: Record<string, Schema>;
  let fingerprintSql: string;
  let smtp: SmtpCapture;
  let worker: SpawnedApp | undefined;

  // The owners and their lower roles, strangers of the same kinds, and the doors' tokens.
  const actors = {} as Record<
    | 'founder'
    | 'founderMember'
    | 'fund'
    | 'fundMember'
    | 'organizer'
    | 'organizerMember'
    | 'otherFounder'
    | 'otherFund'
    | 'otherOrganizer',
    Actor
  >;
  const ids: Record<string, string> = {};
  let expiredToken: string;
  let revokedAccessToken: string;
  let revokedRefreshToken: string;
  /** Confidential values and the organizations entitled to see them. */
  const secrets: { value: string; what: string; entitled: string[] }[] = [];
  const matrix = new Map<string, Partial<Record<Door, string>>>();
  const failures: string[] = [];

  const ok = (res: ApiResponse, status = 200) => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${res.text.slice(0, 400)}`);
    return res.body;
  };
  const as = (a: Actor, path: string, method = 'GET', json?: unknown) =>
    api.request(path, { method, token: a.token, json });

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    // The digest lists every match (no score floor), so the e-mail check below has one to read.
    api = await startApi({ SMTP_URL: smtp.url, DIGEST_MIN_SCORE: '0', DIGEST_TOP_K: '10' });
    const [founder, fund, organizer, otherFounder, otherFund, otherOrganizer] = await Promise.all([
      registerOrg(api, 'startup', '矩阵创业公司'),
      registerOrg(api, 'fund', '矩阵基金甲'),
      registerOrg(api, 'organizer', '矩阵主办方'),
      registerOrg(api, 'startup', '矩阵创业公司乙'),
      registerOrg(api, 'fund', '矩阵基金乙'),
      registerOrg(api, 'organizer', '矩阵主办方乙'),
    ]);
    Object.assign(actors, { founder, fund, organizer, otherFounder, otherFund, otherOrganizer });
    actors.founderMember = await addMember(api, founder, 'member');
    // The member the lower role tries to change or remove (removing itself is leaving, which it may).
    ids.colleagueId = (await addMember(api, founder, 'member')).userId;
    actors.fundMember = await addMember(api, fund, 'member');
    actors.organizerMember = await addMember(api, organizer, 'member');

    // The company: figures, IP, a qualification, a published project with a deck.
    const REVENUE = 98_765_432_100;
    const { startupId, projectId } = await createCompanyWithProject(api, founder, {
      legalName: '矩阵机密科技有限公司',
      regionCode: '320211',
      tracks: ['robotics'],
      year: 2025,
      figures: { headcount: 80, techStaff: 30, revenue: REVENUE, rdSpend: 1_234_567_800 },
      project: { title: '矩阵项目', stage: 'seed', amountSought: money.wan(300), instruments: ['equity'] },
    });
    Object.assign(ids, { startupId, projectId });
    const IP_NUMBER = 'ZL209988776655.4';
    ids.ipItemId = ok(
      await as(founder, `/api/v1/startups/${startupId}/ip-items`, 'POST', {
        type: 'invention_patent',
        number: IP_NUMBER,
      }),
      201,
    ).id;
    ids.qualificationId = ok(
      await as(founder, `/api/v1/startups/${startupId}/qualifications`, 'POST', {
        kind: 'tech_sme',
        certificateNumber: 'GR2099PUBLIC01', // qualifications held are public (docs/startups.md)
        validFrom: '2025-01-01',
        validUntil: '2025-12-31',
      }),
      201,
    ).id;
    const form = new FormData();
    // A size no other number in any answer has by chance (the deck's size is confidential too).
    const DECK_BYTES = 2_345_679;
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.alloc(DECK_BYTES - 16, 0x20),
      Buffer.from('\n%%EOF\n'),
    ]);
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), '矩阵绝密路演.pdf');
    const deck = ok(
      await api.request(`/api/v1/projects/${projectId}/deck`, { method: 'PUT', token: founder.token, body: form }),
    ).deck;
    expect(deck.sizeBytes).toBe(DECK_BYTES);
    ids.invitationId = ok(
      await as(founder, '/api/v1/invitations', 'POST', { email: 'matrix.invitee@example.com', role: 'member' }),
      201,
    ).id;

    // The fund's pipeline: a mandate and a deal with an internal note.
    const DEAL_NOTE = '内部备注-估值过高-矩阵';
    ids.mandateId = ok(
      await as(fund, '/api/v1/mandates', 'POST', {
        name: '矩阵授权',
        instruments: ['equity'],
        ticketMin: money.wan(100),
        ticketMax: money.wan(500),
        stages: ['seed'],
        tracks: ['robotics'],
      }),
      201,
    ).id;
    ids.dealId = ok(
      await as(fund, '/api/v1/deals', 'POST', { projectId, mandateId: ids.mandateId, note: DEAL_NOTE }),
      201,
    ).id;

    // The organizer's roadshow: an unlisted event, a session, the founder's application, an invited fund.
    const ANSWER = '矩阵客户名单-机密';
    ids.eventId = ok(
      await as(organizer, '/api/v1/events', 'POST', {
        title: '矩阵闭门路演',
        visibility: 'unlisted',
        startsAt: '2026-12-10T01:00:00.000Z',
        endsAt: '2026-12-10T09:00:00.000Z',
        questions: [{ id: 'customers', label: '客户', required: true, maxLength: 200 }],
      }),
      201,
    ).id;
    ids.sessionId = ok(
      await as(organizer, `/api/v1/events/${ids.eventId}/sessions`, 'POST', {
        title: '专场',
        startsAt: '2026-12-10T02:00:00.000Z',
        endsAt: '2026-12-10T04:00:00.000Z',
        maxPitches: 4,
      }),
      201,
    ).id;
    ok(await as(organizer, `/api/v1/events/${ids.eventId}/status`, 'POST', { to: 'open' }));
    ids.applicationId = ok(
      await as(founder, `/api/v1/events/${ids.eventId}/applications`, 'POST', {
        projectId,
        sessionId: ids.sessionId,
        answers: { customers: ANSWER },
      }),
      201,
    ).id;
    const inv = ok(
      await as(organizer, `/api/v1/events/${ids.eventId}/invitations`, 'POST', {
        investorOrganizationId: fund.organizationId,
      }),
      201,
    );
    ids.eventInvitationId = inv.id;
    ids.feedId = ok(await as(founder, '/api/v1/calendar-feeds', 'POST'), 201).id;

    // Another applicant to the same event, rejected with a reason: its answers and the reason are
    // between it and the organizer. Another fund's pipeline on the same project: its deal and notes.
    const OTHER_ANSWER = '乙方客户名单-机密';
    const OTHER_REASON = '乙方拒绝理由-机密';
    const other = await createCompanyWithProject(api, otherFounder, {
      legalName: '矩阵乙方科技有限公司',
      regionCode: '320211',
      tracks: ['robotics'],
      project: { title: '矩阵乙方项目', stage: 'seed', amountSought: money.wan(200), instruments: ['equity'] },
    });
    ids.otherApplicationId = ok(
      await as(otherFounder, `/api/v1/events/${ids.eventId}/applications`, 'POST', {
        projectId: other.projectId,
        answers: { customers: OTHER_ANSWER },
      }),
      201,
    ).id;
    ok(
      await as(organizer, `/api/v1/applications/${ids.otherApplicationId}/decision`, 'POST', {
        status: 'rejected',
        reason: OTHER_REASON,
      }),
    );
    const OTHER_DEAL_NOTE = '乙基金内部备注-矩阵';
    ids.otherDealId = ok(await as(otherFund, '/api/v1/deals', 'POST', { projectId, note: OTHER_DEAL_NOTE }), 201).id;

    secrets.push(
      { value: String(REVENUE), what: 'revenue', entitled: [founder.organizationId] },
      { value: IP_NUMBER, what: 'IP number', entitled: [founder.organizationId] },
      { value: '矩阵绝密路演', what: 'deck file name', entitled: [founder.organizationId] },
      { value: deck.sha256, what: 'deck hash', entitled: [founder.organizationId] },
      { value: ids.dealId, what: 'deal id', entitled: [fund.organizationId] },
      { value: DEAL_NOTE, what: 'deal note', entitled: [fund.organizationId] },
      { value: ANSWER, what: 'application answer', entitled: [founder.organizationId, organizer.organizationId] },
      { value: inv.checkInCode, what: 'check-in code', entitled: [organizer.organizationId, fund.organizationId] },
      { value: String(DECK_BYTES), what: 'deck size', entitled: [founder.organizationId] },
      {
        value: OTHER_ANSWER,
        what: 'other applicant’s answer',
        entitled: [otherFounder.organizationId, organizer.organizationId],
      },
      {
        value: OTHER_REASON,
        what: 'other applicant’s rejection reason',
        entitled: [otherFounder.organizationId, organizer.organizationId],
      },
      { value: ids.otherDealId, what: 'other fund’s deal id', entitled: [otherFund.organizationId] },
      { value: OTHER_DEAL_NOTE, what: 'other fund’s deal note', entitled: [otherFund.organizationId] },
    );

    // Doors: an expired access token (signed right, past its exp) and a revoked session.
    const claims = JSON.parse(Buffer.from(founder.token.split('.')[1], 'base64url').toString('utf8'));
    const past = Math.floor(Date.now() / 1000) - 3600;
    expiredToken = sign(
      { sub: claims.sub, org: claims.org, sid: claims.sid, iat: past - 900, exp: past },
      process.env.JWT_SECRET!,
      {
        algorithm: 'HS256',
      },
    );
    const login = ok(
      await api.request('/api/v1/auth/login', {
        method: 'POST',
        json: { email: founder.email, password: TEST_PASSWORD },
      }),
    );
    revokedAccessToken = login.tokens.accessToken;
    revokedRefreshToken = login.tokens.refreshToken;
    expect((await api.request('/api/v1/me', { token: revokedAccessToken })).status).toBe(200);
    ok(await api.request('/api/v1/auth/logout', { method: 'POST', json: { refreshToken: revokedRefreshToken } }), 204);

    const doc = (await api.request('/api/docs-json')).body;
    schemas = doc.components.schemas;
    routes = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([template, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), template, op })),
    );
    const tables: { table_name: string }[] = await api.db.dataSource.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('audit_events', 'sessions', 'idempotency_keys') ORDER BY 1",
    );
    fingerprintSql = tables
      .map(
        ({ table_name: t }) =>
          `SELECT '${t}' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t}" x`,
      )
      .join(' UNION ALL ');
  });

  afterAll(async () => {
    if (matrix.size) {
      const header = `| operation | ${DOORS.join(' | ')} |\n|---|${DOORS.map(() => '---').join('|')}|`;
      const rows = [...matrix.entries()].map(
        ([op, cells]) => `| ${op} | ${DOORS.map((d) => cells[d] ?? '–').join(' | ')} |`,
      );
      const dir = join(__dirname, '..', '..', '..', 'var', 'test-output');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'tenant-matrix.md'), `# Tenant-isolation matrix\n\n${header}\n${rows.join('\n')}\n`);
      const tally: Record<string, number> = {};
      for (const cells of matrix.values()) for (const s of Object.values(cells)) tally[s!] = (tally[s!] ?? 0) + 1;
      console.log(
        `tenant matrix: ${matrix.size} operations × ${DOORS.length} doors, answers ${JSON.stringify(tally)}; ` +
          `table in var/test-output/tenant-matrix.md\n${header}\n${rows.join('\n')}`,
      );
    }
    await worker?.stop('SIGKILL');
    await api?.close();
    await smtp?.close();
  });

  /** Whose resource a route's path names, the stranger of the same kind, and the lower role. */
  function partiesFor(template: string): { owner: Actor; stranger: Actor; lowerRole: Actor } {
    if (/\/(mandates|deals|deal-flow)/.test(template) || /\/meeting-requests|\/meetings\//.test(template))
      return { owner: actors.fund, stranger: actors.otherFund, lowerRole: actors.fundMember };
    if (/\/(events|sessions|applications|schedule-runs)/.test(template))
      return { owner: actors.organizer, stranger: actors.otherOrganizer, lowerRole: actors.organizerMember };
    return { owner: actors.founder, stranger: actors.otherFounder, lowerRole: actors.founderMember };
  }

  function pathFor(template: string): string {
    return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
      const by: Record<string, string | undefined> = {
        year: template.includes('holiday') ? '2026' : '2025',
        itemId: ids.ipItemId,
        qualificationId: ids.qualificationId,
        userId: ids.colleagueId,
        projectId: ids.projectId,
        token: 'no-such-feed-token',
      };
      if (by[name]) return by[name]!;
      if (name !== 'id') return randomUUID();
      const prefix: [RegExp, string | undefined][] = [
        [/^\/api\/v1\/startups\//, ids.startupId],
        [/^\/api\/v1\/projects\//, ids.projectId],
        [/^\/api\/v1\/deals\//, ids.dealId],
        [/^\/api\/v1\/mandates\//, ids.mandateId],
        [/^\/api\/v1\/events\//, ids.eventId],
        [/^\/api\/v1\/sessions\//, ids.sessionId],
        [/^\/api\/v1\/applications\//, ids.applicationId],
        [/^\/api\/v1\/organizations\//, actors.founder.organizationId],
        [/^\/api\/v1\/invitations\/\{id\}\/rsvp/, ids.eventInvitationId],
        [/^\/api\/v1\/invitations\//, ids.invitationId],
        [/^\/api\/v1\/calendar-feeds\//, ids.feedId],
      ];
      return prefix.find(([re]) => re.test(template))?.[1] ?? randomUUID();
    });
  }

  function resolve(schema: Schema | undefined): Schema {
    if (!schema) return {};
    if (schema.$ref) return resolve(schemas[schema.$ref.split('/').pop()!]);
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
    return schema;
  }

  /** A plausible request body: every required field with its example, first enum value or a typed default. */
  function sample(schema: Schema | undefined, depth = 0, field = '', patch = false): unknown {
    const s = resolve(schema);
    if (field.endsWith('OrganizationId')) return actors.otherFund.organizationId;
    if (field.endsWith('Id') && !s.enum) return ids.projectId;
    if (s.example !== undefined) return s.example;
    if (s.enum?.length) return s.enum[0];
    if (s.type === 'object' || s.properties) {
      const out: Record<string, unknown> = {};
      for (const name of s.required ?? []) if (depth < 4) out[name] = sample(s.properties?.[name], depth + 1, name);
      // A patch changes something (else the patch rule answers first): the first optional field with an example.
      if (patch) {
        const optional = Object.entries(s.properties ?? {}).find(
          ([n, p]) => !(s.required ?? []).includes(n) && (resolve(p).example !== undefined || resolve(p).enum),
        );
        if (optional) out[optional[0]] = sample(optional[1], depth + 1, optional[0]);
      }
      return out;
    }
    if (s.type === 'array') return [];
    if (s.type === 'integer' || s.type === 'number') return s.minimum ?? 1;
    if (s.type === 'boolean') return true;
    if (s.format === 'uuid') return ids.projectId;
    if (s.format === 'date-time') return '2026-12-10T03:00:00.000Z';
    return 'x'.repeat(Math.max(2, s.minLength ?? 2));
  }

  const tokenOf = (door: Door, route: Route): string | undefined => {
    const parties = partiesFor(route.template);
    switch (door) {
      case 'anonymous':
        return undefined;
      case 'expired':
        return expiredToken;
      case 'revoked':
        return revokedAccessToken;
      case 'stranger':
        return parties.stranger.token;
      case 'lowerRole':
        return parties.lowerRole.token;
    }
  };
  const orgOf = (door: Door, route: Route): string | undefined =>
    door === 'stranger'
      ? partiesFor(route.template).stranger.organizationId
      : door === 'lowerRole'
        ? partiesFor(route.template).lowerRole.organizationId
        : undefined;

  const fingerprint = async () => JSON.stringify(await api.db.dataSource.query(fingerprintSql));

  it('every operation answers every door with the right status and leaks nothing confidential', async () => {
    expect(routes.length).toBeGreaterThan(100);
    // Deletes last, so a wrongly accepted one cannot hide the answers of the other routes.
    const ordered = [...routes].sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    for (const route of ordered) {
      const op = `${route.method} ${route.template}`;
      const isPublic = PUBLIC.some((re) => re.test(route.template));
      const isWrite = route.method !== 'GET';
      // `/current` is the caller's own organization: a stranger changing its own is no leak.
      const namesOwnerResource = /\{(id|itemId|year|qualificationId|userId|projectId)\}/.test(route.template);
      const jsonSchema = route.op.requestBody?.content['application/json']?.schema;
      const multipart = Boolean(route.op.requestBody?.content['multipart/form-data']);
      const query = (route.op.parameters ?? [])
        .filter((p) => p.in === 'query' && p.required)
        .map((p) => `${p.name}=${encodeURIComponent(String(sample(p.schema)))}`)
        .join('&');
      const path = pathFor(route.template) + (query ? `?${query}` : '');
      const cells: Partial<Record<Door, string>> = {};
      matrix.set(op, cells);

      for (const door of DOORS) {
        // The lower role only tries reads and the writes it must be refused (it may legitimately change its own tenant).
        if (door === 'lowerRole' && isWrite && !ADMIN_ONLY.includes(op)) continue;
        if (door === 'lowerRole' && isPublic) continue;
        let json: unknown = jsonSchema ? sample(jsonSchema, 0, '', route.method === 'PATCH') : undefined;
        if (route.template === '/api/v1/auth/refresh' || route.template === '/api/v1/auth/logout') {
          json = { refreshToken: revokedRefreshToken };
        }
        const token = tokenOf(door, route);
        const before = isWrite ? await fingerprint() : '';
        let res: ApiResponse;
        if (multipart) {
          const form = new FormData();
          form.append('file', new Blob([Buffer.from('%PDF-1.7\n%%EOF\n')], { type: 'application/pdf' }), 'matrix.pdf');
          res = await api.request(path, { method: route.method, token, body: form });
        } else {
          res = await api.request(path, { method: route.method, token, json });
        }
        cells[door] = String(res.status);
        const where = `${op} as ${door}: ${res.status} ${res.text.slice(0, 200)}`;
        if (res.status >= 500) failures.push(`5xx: ${where}`);
        if (res.status >= 400 && typeof res.body?.code !== 'string') failures.push(`no code: ${where}`);

        // The right status for each door.
        const authDoor = door === 'anonymous' || door === 'expired' || door === 'revoked';
        if (authDoor && !isPublic) {
          const code = { anonymous: 'UNAUTHENTICATED', expired: 'TOKEN_EXPIRED', revoked: 'SESSION_REVOKED' }[door];
          if (res.status !== 401 || res.body?.code !== code) failures.push(`expected 401 ${code}: ${where}`);
        }
        if (route.template === '/api/v1/auth/refresh' && door === 'anonymous' && res.status !== 401)
          failures.push(`a revoked refresh token was accepted: ${where}`);
        if (door === 'stranger' && isWrite && namesOwnerResource && res.status < 400)
          failures.push(`another organization changed the owner's resource: ${where}`);
        if (door === 'lowerRole' && ADMIN_ONLY.includes(op) && res.status !== 403)
          failures.push(`expected 403 for the lower role: ${where}`);
        if (isWrite && res.status >= 400 && (await fingerprint()) !== before)
          failures.push(`refused but wrote: ${where}`);

        // No confidential value to anyone not entitled to it, in the body or the headers.
        const org = orgOf(door, route);
        const forbidden = secrets.filter((s) => !org || !s.entitled.includes(org)).map((s) => s.value);
        const hits = [
          ...findForbidden(res.body ?? res.text, forbidden),
          ...findForbidden(Object.fromEntries(res.headers.entries()), forbidden).map((h) => `header ${h}`),
        ];
        for (const hit of hits) {
          const what = secrets.find((s) => hit.includes(s.value))?.what ?? 'a secret';
          failures.push(`leaks ${what}: ${op} as ${door}: ${hit}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('searches, lists and calendars of other organizations hold none of the confidential values they may not see', async () => {
    const reads = [
      `/api/v1/search?type=projects&q=${encodeURIComponent('矩阵')}`,
      `/api/v1/search?type=startups&q=${encodeURIComponent('矩阵机密科技')}`,
      `/api/v1/search?type=mandates&q=${encodeURIComponent('矩阵')}`,
      '/api/v1/projects?limit=100',
      '/api/v1/startups?limit=100',
      `/api/v1/events/${ids.eventId}/calendar.ics`,
      '/api/v1/notifications',
      '/api/v1/deals',
      '/api/v1/applications',
    ];
    for (const stranger of [actors.otherFounder, actors.otherFund, actors.otherOrganizer]) {
      for (const path of reads) {
        const res = await api.request(path, { token: stranger.token });
        // Searches and the public lists answer (so the check below looked at real hits); the rest may refuse.
        if (/\/(search|projects|startups)\?/.test(path))
          expect({ path, status: res.status }).toEqual({ path, status: 200 });
        expect(res.status).toBeLessThan(500);
        // The owner's values, and the other applicant's and other fund's unless they are this stranger's own.
        const hits = findForbidden(
          res.body ?? res.text,
          secrets.filter((s) => !s.entitled.includes(stranger.organizationId)).map((s) => s.value),
        );
        expect({ path, hits }).toEqual({ path, hits: [] });
      }
    }
  });

  it('no e-mail the worker sends holds a confidential value its recipient’s organization may not see', async () => {
    // The worker starts only now, so the matrix above compared database fingerprints without it; it
    // delivers what the matrix's accepted writes queued, then the mails of a roadshow and a pipeline.
    worker = await spawnWorkerFor(api.db, { SMTP_URL: smtp.url, OUTBOX_POLL_MS: '200' });
    const { founder, fund, organizer, otherFund } = actors;
    ok(
      await as(fund, `/api/v1/deals/${ids.dealId}/transitions`, 'POST', {
        to: 'shortlisted',
        note: '甲基金推进备注-矩阵',
      }),
    );
    ok(
      await as(otherFund, `/api/v1/deals/${ids.otherDealId}/transitions`, 'POST', {
        to: 'shortlisted',
        note: '乙基金推进备注-矩阵',
      }),
    );
    secrets.push(
      { value: '甲基金推进备注-矩阵', what: 'deal transition note', entitled: [fund.organizationId] },
      { value: '乙基金推进备注-矩阵', what: 'other fund’s transition note', entitled: [otherFund.organizationId] },
    );
    ok(await as(organizer, `/api/v1/applications/${ids.applicationId}/decision`, 'POST', { status: 'accepted' }));
    ok(await as(organizer, `/api/v1/sessions/${ids.sessionId}/agenda`, 'PUT', { applicationIds: [ids.applicationId] }));
    ok(await as(organizer, `/api/v1/sessions/${ids.sessionId}/agenda/publish`, 'POST'));
    await api.app.get(SnapshotService).resync();
    await api.app.get(DigestService).runDay('2026-12-01');

    // Who reads an address: every actor's organization (members included); anyone else sees nothing.
    const orgOfEmail = new Map(Object.values(actors).map((a) => [a.email.toLowerCase(), a.organizationId]));
    const recipients = (m: ParsedMail) =>
      [m.to ?? []].flat().flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
    const expected: [string, RegExp][] = [
      [founder.email, /「矩阵基金甲」更新了与「矩阵项目」的进展/],
      [founder.email, /「矩阵基金乙」更新了与「矩阵项目」的进展/],
      [founder.email, /「矩阵闭门路演」报名结果/],
      [founder.email, /「矩阵闭门路演」路演议程已发布/],
      [actors.otherFounder.email, /「矩阵闭门路演」报名结果/],
      [fund.email, /路演邀请：「矩阵闭门路演」/],
      [fund.email, /「矩阵授权」今日新进入推荐前列的项目/],
      ['matrix.invitee@example.com', /邀请您加入「矩阵创业公司」/],
    ];
    const missing = () =>
      expected.filter(
        ([to, subject]) =>
          !smtp.mails.some((m) => subject.test(m.subject ?? '') && recipients(m).includes(to.toLowerCase())),
      );
    while (missing().length) {
      if (worker.proc.exitCode !== null || worker.proc.signalCode !== null)
        throw new Error(
          `worker exited; missing ${missing()
            .map(([to, re]) => `${to} ${re}`)
            .join(', ')}\n${worker.output().slice(-3000)}`,
        );
      await new Promise((r) => setTimeout(r, 200));
    }

    // The check reads what the recipient reads: the rejected applicant's own mail carries its reason.
    const reason = secrets.find((x) => x.what === 'other applicant’s rejection reason')!.value;
    const rejected = smtp.mails.find(
      (m) => /报名结果/.test(m.subject ?? '') && recipients(m).includes(actors.otherFounder.email.toLowerCase()),
    );
    expect(rejected?.text).toContain(reason);

    const leaks: string[] = [];
    for (const mail of smtp.mails) {
      const content = {
        subject: mail.subject ?? '',
        text: mail.text ?? '',
        html: typeof mail.html === 'string' ? mail.html : '',
        attachments: mail.attachments.map((a) => ({ name: a.filename ?? '', content: a.content.toString('utf8') })),
      };
      for (const to of recipients(mail)) {
        const org = orgOfEmail.get(to);
        const forbidden = secrets.filter((x) => !org || !x.entitled.includes(org));
        for (const hit of findForbidden(
          content,
          forbidden.map((x) => x.value),
        )) {
          const what = forbidden.find((x) => hit.includes(x.value))?.what ?? 'a secret';
          leaks.push(`mail "${mail.subject}" to ${to} leaks ${what}: ${hit}`);
        }
      }
    }
    console.log(`tenant matrix e-mails: ${smtp.mails.length} checked against ${secrets.length} confidential values`);
    expect(leaks).toEqual([]);
  });
});
