import { randomUUID } from 'node:crypto';
import { startApi, type ApiHarness, type ApiResponse } from '../../../test/support/api-app';
import { registerOrg, type Actor } from '../../../test/support/identity-fixtures';

/**
 * The bad-input suite: hostile cases generated from the running app's OpenAPI document, for every
 * operation — deep nesting on every body route, U+0000 in every string field, query and path value,
 * explicit null in every optional field, empty bodies and patches, a wrong content type, an
 * oversized body, and broken multipart on the upload routes. Every answer is a 4xx with the error
 * body (`code`, and `details.field` where the case is about one field), never a 5xx, and a refused
 * request writes nothing: a fingerprint of every table is the same before and after.
 */

type Schema = {
  type?: string;
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  items?: Schema;
  allOf?: Schema[];
  enum?: unknown[];
  format?: string;
  minimum?: number;
};
interface Operation {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface Route {
  method: string;
  template: string;
  op: Operation;
}

const BODY_LIMIT = 64 * 1024;
const DEEP = '['.repeat(5000) + ']'.repeat(5000);
const NUL = 'a\u0000b';

describe('every route refuses hostile input with a 4xx and a code, and writes nothing', () => {
  jest.setTimeout(120_000);
  let api: ApiHarness;
  let startup: Actor;
  let fund: Actor;
  let routes: Route[];
  let schemas: Record<string, Schema>;
  const ids: Record<string, string> = {};
  let fingerprintSql: string;
  const tally = { routes: 0, cases: 0, byStatus: {} as Record<string, number> };
  const failures: string[] = [];

  beforeAll(async () => {
    api = await startApi({ BODY_LIMIT_BYTES: String(BODY_LIMIT) });
    startup = await registerOrg(api, 'startup');
    fund = await registerOrg(api, 'fund');
    const company = await api.request('/api/v1/startups', {
      method: 'POST',
      token: startup.token,
      json: { legalName: '无锡坏输入测试科技有限公司', regionCode: '320211' },
    });
    ids.startup = company.body.id;
    const ip = await api.request(`/api/v1/startups/${ids.startup}/ip-items`, {
      method: 'POST',
      token: startup.token,
      json: { type: 'invention_patent', number: 'ZL2021109999999' },
    });
    ids.ipItem = ip.body.id;
    const project = await api.request('/api/v1/projects', {
      method: 'POST',
      token: startup.token,
      json: { startupId: ids.startup, title: '北斗农机导航 A 轮', stage: 'a' },
    });
    ids.project = project.body.id;
    expect([company.status, ip.status, project.status]).toEqual([201, 201, 201]);

    const doc = await api.request('/api/docs-json');
    schemas = doc.body.components.schemas;
    routes = Object.entries(doc.body.paths as Record<string, Record<string, Operation>>).flatMap(([template, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), template, op })),
    );
    const tables: { table_name: string }[] = await api.db.dataSource.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
    );
    fingerprintSql = tables
      .map(
        ({ table_name: t }) =>
          `SELECT '${t}' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t}" x`,
      )
      .join(' UNION ALL ');
  });

  afterAll(async () => {
    // The size of the suite, for the record (routes × cases).
    console.log(
      `bad-input suite: ${tally.routes} operations, ${tally.cases} cases, statuses ${JSON.stringify(tally.byStatus)}`,
    );
    await api?.close();
  });

  const fingerprint = async () => JSON.stringify(await api.db.dataSource.query(fingerprintSql));

  /** The owner of the resources a route's path names (funds' routes are tried as a fund). */
  const actorFor = (template: string) => (/\/(mandates|deal-flow|deals|portfolio)/.test(template) ? fund : startup);

  function pathFor(template: string, override: Record<string, string> = {}): string {
    return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (override[name] !== undefined) return override[name];
      if (name === 'year') return '2023';
      if (name === 'itemId') return ids.ipItem;
      if (name === 'userId') return startup.userId;
      if (name === 'id' && template.startsWith('/api/v1/startups/')) return ids.startup;
      if (name === 'id' && template.startsWith('/api/v1/projects/')) return ids.project;
      if (name === 'id' && template.startsWith('/api/v1/organizations/')) return startup.organizationId;
      return randomUUID();
    });
  }

  function resolve(schema: Schema | undefined): Schema {
    if (!schema) return {};
    if (schema.$ref) return resolve(schemas[schema.$ref.split('/').pop()!]);
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
    return schema;
  }

  const jsonBody = (r: Route) => r.op.requestBody?.content['application/json']?.schema;
  const isMultipart = (r: Route) => Boolean(r.op.requestBody?.content['multipart/form-data']);

  /** String fields of a body schema, nested objects included (`organization.name`, `pitch.problem`). */
  function stringFields(schema: Schema, prefix = ''): string[] {
    const s = resolve(schema);
    return Object.entries(s.properties ?? {}).flatMap(([name, raw]) => {
      const p = resolve(raw);
      const path = prefix ? `${prefix}.${name}` : name;
      if (p.type === 'string') return [path];
      if (p.type === 'object' || p.properties) return stringFields(p, path);
      return [];
    });
  }

  /** Optional fields of a body schema (nested ones included), with whether the DTO documents null. */
  function optionalFields(schema: Schema, prefix = ''): { path: string; nullable: boolean }[] {
    const s = resolve(schema);
    const required = new Set(s.required ?? []);
    return Object.entries(s.properties ?? {}).flatMap(([name, raw]) => {
      const p = resolve(raw);
      const path = prefix ? `${prefix}.${name}` : name;
      const nested = p.properties ? optionalFields(p, path) : [];
      const nullable = raw.nullable === true || p.nullable === true;
      return required.has(name) ? nested : [{ path, nullable }, ...nested];
    });
  }

  const setPath = (path: string, value: unknown): Record<string, unknown> => {
    const [head, ...rest] = path.split('.');
    return { [head]: rest.length ? setPath(rest.join('.'), value) : value };
  };

  interface Case {
    label: string;
    route: Route;
    path: string;
    init: RequestInit;
    /** Expected status(es); any 4xx with a code when omitted. */
    status?: number[];
    code?: string[];
    /** The field the answer must name when it is a 400 about a field. */
    field?: string;
    /** The rule that field must have failed. */
    rule?: string;
    /** A valid request may be accepted (e.g. null in a nullable field): then only "no 5xx" holds. */
    mayAccept?: boolean;
  }

  async function run(c: Case): Promise<void> {
    tally.cases++;
    const before = await fingerprint();
    const res: ApiResponse = await api.request(c.path, c.init);
    tally.byStatus[res.status] = (tally.byStatus[res.status] ?? 0) + 1;
    const where = `${c.route.method} ${c.route.template} — ${c.label}: ${res.status} ${res.text.slice(0, 300)}`;
    if (res.status >= 500) return void failures.push(`5xx: ${where}`);
    if (res.status < 400) {
      if (!c.mayAccept) failures.push(`accepted: ${where}`);
      return;
    }
    if (typeof res.body?.code !== 'string') failures.push(`no code: ${where}`);
    if (c.status && !c.status.includes(res.status)) failures.push(`status: ${where}`);
    if (c.code && !c.code.includes(res.body?.code)) failures.push(`code: ${where}`);
    if (c.field && res.status === 400 && res.body?.code === 'VALIDATION_FAILED') {
      const named = (res.body.details?.fields ?? []) as { field: string; rules: string[] }[];
      const hit = named.find((f) => f.field === c.field);
      if (!hit || (c.rule && !hit.rules.includes(c.rule))) failures.push(`field ${c.field}/${c.rule}: ${where}`);
    }
    if ((await fingerprint()) !== before) failures.push(`wrote although refused: ${where}`);
  }

  const json = (actor: Actor, method: string, body: string, contentType = 'application/json'): RequestInit => ({
    method,
    headers: { 'content-type': contentType, authorization: `Bearer ${actor.token}` },
    body,
  });

  it('generates the cases from the OpenAPI document and every answer keeps the rules', async () => {
    const writes = routes.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method));
    expect(writes.length).toBeGreaterThan(20);
    tally.routes = routes.length;
    // Guarded routes (platform admin) refuse before the pipe: 401/403 is then the right answer.
    const GUARDED = [401, 403];

    for (const route of routes) {
      const actor = actorFor(route.template);
      const path = pathFor(route.template);
      const body = jsonBody(route);

      // Path and query values with U+0000.
      for (const p of route.op.parameters ?? []) {
        if (p.in === 'path') {
          await run({
            label: `NUL in path ${p.name}`,
            route,
            path: pathFor(route.template, { [p.name]: 'a%00b' }),
            init: { method: route.method, headers: { authorization: `Bearer ${actor.token}` } },
            // An upload route refuses a body that is not multipart first.
            status: [400, ...GUARDED, ...(isMultipart(route) ? [415] : [])],
            field: p.name,
          });
        } else if (p.in === 'query' && resolve(p.schema).type !== 'integer') {
          await run({
            label: `NUL in query ${p.name}`,
            route,
            path: `${path}?${p.name}=a%00b`,
            init: { method: route.method, headers: { authorization: `Bearer ${actor.token}` } },
            status: [400, ...GUARDED],
            field: p.name,
            rule: 'noNulCharacter',
          });
        }
      }

      if (route.method === 'GET') continue;

      // Every body-taking method: deep nesting is refused by the parser, before anything else.
      await run({
        label: 'deeply nested JSON',
        route,
        path,
        init: json(actor, route.method, DEEP),
        status: [400],
        code: ['PAYLOAD_TOO_DEEP'],
      });
      await run({
        label: 'a body over the limit',
        route,
        path,
        init: json(actor, route.method, JSON.stringify({ blob: 'x'.repeat(BODY_LIMIT + 1) })),
        status: [413],
        code: ['PAYLOAD_TOO_LARGE'],
      });
      await run({
        label: 'a content type nobody accepts',
        route,
        path,
        init: json(actor, route.method, 'name=x', 'application/x-www-form-urlencoded'),
        status: [415],
        code: ['UNSUPPORTED_MEDIA_TYPE'],
      });

      if (isMultipart(route)) {
        const boundary = 'hostile-boundary';
        const part = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 truncated`;
        const broken: [string, string, string][] = [
          ['multipart without a boundary', 'multipart/form-data', part],
          ['an unterminated part', `multipart/form-data; boundary=${boundary}`, part],
          ['no closing boundary', `multipart/form-data; boundary=${boundary}`, `${part}\r\n--${boundary}`],
          [
            'a malformed part header',
            `multipart/form-data; boundary=${boundary}`,
            `--${boundary}\r\ngarbage\r\n\r\nx\r\n--${boundary}--\r\n`,
          ],
          ['an empty multipart body', `multipart/form-data; boundary=${boundary}`, ''],
          [
            'a file name with U+0000',
            `multipart/form-data; boundary=${boundary}`,
            part.replace('a.pdf', 'a\u0000.pdf') + `\r\n--${boundary}--\r\n`,
          ],
        ];
        for (const [label, contentType, raw] of broken) {
          await run({ label, route, path, init: json(actor, route.method, raw, contentType), status: [400, 413, 415] });
        }
        await run({
          label: 'JSON to a multipart route',
          route,
          path,
          init: json(actor, route.method, '{"file":"x"}'),
          status: [415],
          code: ['UNSUPPORTED_MEDIA_TYPE'],
        });
        continue;
      }
      if (!body) continue;

      // Empty bodies: {}, null, and no body with a JSON content type.
      for (const [label, raw] of [
        ['{}', '{}'],
        ['null', 'null'],
        ['an empty body', ''],
        ['an array', '[]'],
        ['a string', '"x"'],
      ] as const) {
        await run({
          label: `body ${label}`,
          route,
          path,
          init: json(actor, route.method, raw),
          status: [400, 404, ...GUARDED],
          code:
            route.method === 'PATCH' && ['{}', 'null', ''].includes(raw)
              ? ['PATCH_EMPTY', 'VALIDATION_FAILED']
              : undefined,
          mayAccept: raw === '{}' || raw === '',
        });
      }

      // Multipart to a JSON route.
      await run({
        label: 'multipart to a JSON route',
        route,
        path,
        init: json(actor, route.method, '--b--\r\n', 'multipart/form-data; boundary=b'),
        status: [415],
        code: ['UNSUPPORTED_MEDIA_TYPE'],
      });

      for (const field of stringFields(body)) {
        await run({
          label: `NUL in ${field}`,
          route,
          path,
          init: json(actor, route.method, JSON.stringify(setPath(field, NUL))),
          status: [400, ...GUARDED],
          field,
          rule: 'noNulCharacter',
        });
      }
      for (const { path: field, nullable } of optionalFields(body)) {
        await run({
          label: `null in ${field}${nullable ? ' (nullable)' : ''}`,
          route,
          path,
          init: json(actor, route.method, JSON.stringify(setPath(field, null))),
          status: nullable ? undefined : [400, ...GUARDED],
          field: nullable ? undefined : field,
          rule: 'isNotNull',
          mayAccept: nullable,
        });
      }
    }
    expect(failures).toEqual([]);
  });

  it('a failed PATCH leaves the resource as it was, for the owner and for a stranger', async () => {
    const path = `/api/v1/startups/${ids.startup}`;
    const before = await api.request(path, { token: startup.token });
    for (const actor of [startup, fund]) {
      for (const json of [
        { version: before.body.version, creditCode: null },
        { version: before.body.version, legalName: null },
      ]) {
        const res = await api.request(path, { method: 'PATCH', token: actor.token, json });
        expect({ status: res.status, code: res.body.code, field: res.body.details.field }).toEqual({
          status: 400,
          code: 'VALIDATION_FAILED',
          field: Object.keys(json)[1],
        });
      }
      const stranger = await api.request(path, {
        method: 'PATCH',
        token: fund.token,
        json: { version: before.body.version, oneLiner: 'x' },
      });
      expect({ status: stranger.status, code: stranger.body.code }).toEqual({ status: 404, code: 'STARTUP_NOT_FOUND' });
    }
    const ipPath = `/api/v1/startups/${ids.startup}/ip-items/${ids.ipItem}`;
    for (const json of [{}, null, { status: null }, { tiedToMainProduct: null }, { number: null }]) {
      const res = await api.request(ipPath, { method: 'PATCH', token: startup.token, json });
      expect(res.status).toBe(400);
      expect(['PATCH_EMPTY', 'VALIDATION_FAILED']).toContain(res.body.code);
    }
    const after = await api.request(path, { token: startup.token });
    expect(after.body).toEqual(before.body);
    const items = await api.request(`/api/v1/startups/${ids.startup}/ip-items`, { token: startup.token });
    expect(items.body).toEqual([
      expect.objectContaining({ id: ids.ipItem, number: 'ZL2021109999999', status: 'valid', tiedToMainProduct: true }),
    ]);
  });

  /** Numeric, date and time-zone fields of a body schema (nested ones included). */
  function typedFields(
    schema: Schema,
    prefix = '',
  ): { path: string; kind: 'number' | 'integer' | 'date' | 'date-time' | 'zone'; minimum?: number }[] {
    const s = resolve(schema);
    return Object.entries(s.properties ?? {}).flatMap(([name, raw]) => {
      const p = resolve(raw);
      const path = prefix ? `${prefix}.${name}` : name;
      if (name === 'version') return [];
      if (p.type === 'integer' || p.type === 'number') return [{ path, kind: p.type, minimum: p.minimum }];
      if (p.type === 'string' && p.format === 'date-time') return [{ path, kind: 'date-time' as const }];
      if (p.type === 'string' && /On$/.test(name)) return [{ path, kind: 'date' as const }];
      if (p.type === 'string' && name === 'timeZone') return [{ path, kind: 'zone' as const }];
      if (p.type === 'object' || p.properties) return typedFields(p, path);
      return [];
    });
  }

  /** Money in 分 (bigint columns): never negative, never past what the column and JavaScript hold. */
  const MONEY =
    /^(amount|amountSought|ticketMin|ticketMax|revenue|mainBusinessRevenue|highTechRevenue|totalCosts|rdSpend|rdSpendInChina|totalAssets|liabilities|newEquityRaised)$/;

  it('refuses overflowing and negative numbers, impossible dates and unknown time zones with the field named', async () => {
    const from = failures.length;
    const MARK = '"__raw__"';
    for (const route of routes) {
      const body = jsonBody(route);
      if (!body || route.method === 'GET') continue;
      const actor = actorFor(route.template);
      const path = pathFor(route.template);
      for (const field of typedFields(body)) {
        const leaf = field.path.split('.').pop()!;
        const cases: [string, string, boolean][] =
          field.kind === 'number' || field.kind === 'integer'
            ? [
                ['1e309 (Infinity once parsed)', '1e309', false],
                ['2^63', '9223372036854775808', false],
                ['1e20', '100000000000000000000', false],
                ['-1', '-1', !MONEY.test(leaf) && (field.minimum === undefined || field.minimum < 0)],
                ...(field.kind === 'integer' ? ([['1.5', '1.5', false]] as [string, string, boolean][]) : []),
                ['"12" (a string)', '"12"', false],
              ]
            : field.kind === 'zone'
              ? [
                  ['an unknown zone', '"Mars/Olympus"', false],
                  ['an offset', '"UTC+25"', false],
                ]
              : field.kind === 'date'
                ? [
                    ['February 30th', '"2023-02-30"', false],
                    ['month 13', '"2023-13-01"', false],
                    ['a date-time', '"2023-02-01T00:00:00Z"', false],
                  ]
                : [
                    ['February 30th', '"2023-02-30T10:00:00Z"', false],
                    ["25 o'clock", '"2023-01-01T25:00:00Z"', false],
                    ['an offset of +25:00', '"2023-06-01T10:00:00+25:00"', false],
                    ['no zone', '"2023-06-01 10:00"', false],
                  ];
        for (const [label, raw, mayAccept] of cases) {
          await run({
            label: `${label} in ${field.path}`,
            route,
            path,
            init: json(actor, route.method, JSON.stringify(setPath(field.path, '__raw__')).replace(MARK, raw)),
            status: mayAccept ? undefined : [400, 401, 403],
            field: mayAccept ? undefined : field.path,
            mayAccept,
          });
        }
      }
    }
    expect(failures.slice(from)).toEqual([]);
  });

  it('keeps SQL and HTML in text verbatim (stored as data, served as JSON), and changes nothing else', async () => {
    const hostile = {
      legalName: "x'); DROP TABLE startups; --",
      oneLiner: '<script>alert(1)</script><img src=x onerror=alert(2)> 1 OR 1=1; -- \u202Eevil',
    };
    const before = await api.db.dataSource.query('SELECT count(*)::int AS n FROM startups');
    const created = await api.request('/api/v1/startups', {
      method: 'POST',
      token: startup.token,
      json: { ...hostile, regionCode: '320211' },
    });
    expect(created.status).toBe(201);
    const read = await api.request(`/api/v1/startups/${created.body.id}`, { token: fund.token });
    expect({ legalName: read.body.legalName, oneLiner: read.body.oneLiner }).toEqual(hostile);
    expect(read.headers.get('content-type')).toMatch(/^application\/json/);
    expect(read.headers.get('x-content-type-options')).toBe('nosniff');
    const after = await api.db.dataSource.query('SELECT count(*)::int AS n FROM startups');
    expect(after[0].n).toBe(before[0].n + 1);
    // Search and filter syntax in a query is text to match, never an expression.
    for (const q of ["' OR 1=1 --", 'status = published OR 1=1', '<b>x</b>', '%', '_', '\\']) {
      const res = await api.request(`/api/v1/search?type=projects&q=${encodeURIComponent(q)}`, { token: fund.token });
      expect({ q, status: res.status }).toEqual({ q, status: 200 });
    }
  });

  it('refuses wrong and oversized files by their bytes with a code, and writes nothing', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(512)]);
    const huge = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.alloc(50 * 1024 * 1024, 0x20),
      Buffer.from('\n%%EOF\n'),
    ]);
    const upload = (path: string, method: string, body: Buffer, name: string, type: string) => {
      const form = new FormData();
      form.append('file', new Blob([body], { type }), name);
      return api.request(path, { method, token: startup.token, body: form });
    };
    const deck = `/api/v1/projects/${ids.project}/deck`;
    const cases: [string, string, Buffer, string, string, number, string][] = [
      ['a PNG renamed .pdf', deck, png, 'deck.pdf', 'application/pdf', 415, 'DECK_NOT_PDF'],
      ['a 50 MB PDF', deck, huge, 'deck.pdf', 'application/pdf', 413, 'DECK_TOO_LARGE'],
      [
        'a PNG renamed .xlsx',
        '/api/v1/imports/startups/dry-run',
        png,
        'a.xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        400,
        'IMPORT_FILE_INVALID',
      ],
      ['a 50 MB file', '/api/v1/imports/startups', huge, 'a.csv', 'text/csv', 413, 'IMPORT_TOO_LARGE'],
    ];
    for (const [label, path, body, name, type, status, code] of cases) {
      const before = await fingerprint();
      const method = path === deck ? 'PUT' : 'POST';
      const res = await upload(path, method, body, name, type);
      expect({ label, status: res.status, code: res.body?.code, field: res.body?.details?.field }).toEqual({
        label,
        status,
        code,
        field: 'file',
      });
      expect(await fingerprint()).toBe(before);
    }
  });

  it('a body-less action sent with Content-Type: application/json and no body behaves as without the header', async () => {
    const publish = `/api/v1/projects/${ids.project}/publish`;
    const plain = await api.request(publish, { method: 'POST', token: startup.token });
    const withHeader = await api.request(publish, {
      method: 'POST',
      token: startup.token,
      headers: { 'content-type': 'application/json' },
    });
    expect(plain.status).toBeLessThan(500);
    expect(withHeader.status).toBe(plain.status);
    expect(withHeader.body?.code).toBe(plain.body?.code);
  });
});
