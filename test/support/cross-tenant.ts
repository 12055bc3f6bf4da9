import type { ApiHarness, ApiResponse } from './api-app';

/**
 * The cross-tenant helper: every route that touches a tenant's resource is tried through the same
 * doors — nobody, a garbage token, another tenant, a lower role of the owning tenant, and the
 * entitled owner — and no response except the owner's may carry the owner's confidential values.
 *
 *   await expectTenantIsolation(api, {
 *     route: { method: 'DELETE', path: `/api/v1/invitations/${invitationId}` },
 *     owner, stranger, lowerRole: member,
 *     forbiddenValues: [orgA.creditCode, invitee.email],
 *   });
 *
 * Fails with one error listing every door that misbehaved, each naming the route and the actor.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface TenantRoute {
  method: HttpMethod;
  /** Full path, e.g. `/api/v1/invitations/<id>`; the resource in it belongs to the owner's organization. */
  path: string;
  json?: unknown;
}

/** Anyone who can call the API: an `Actor` from identity-fixtures fits. */
export interface CallerLike {
  token: string;
}

export interface Expectation {
  status: number;
  /** Exact code, or a pattern; omitted = any code (for 2xx answers, which have none). */
  code?: string | RegExp;
}

export interface TenantIsolationCase {
  route: TenantRoute;
  /** Entitled actor of the organization that owns the resource. Called last (so a DELETE runs once). */
  owner: CallerLike;
  /** A member (ideally the owner: the most powerful one) of another organization. */
  stranger: CallerLike;
  /** A lower role of the owner's organization, for routes that need more than membership. */
  lowerRole?: CallerLike;
  /** Default: 403 FORBIDDEN. Pass e.g. `{ status: 200 }` where a plain member may use the route. */
  lowerRoleExpect?: Expectation;
  /**
   * What the lower role must not see. Default: `forbiddenValues` when it is refused (4xx), nothing
   * when it may use the route (it belongs to the owning organization, so its ids are no secret to it).
   */
  lowerRoleForbiddenValues?: readonly (string | number)[];
  /**
   * Default: 404 with a `*_NOT_FOUND` code (never ROUTE_NOT_FOUND: that would be a wrong path). For
   * routes where the stranger legitimately gets its own scoped view (lists, `current`), pass
   * `{ status: 200 }`: the forbidden values then prove the view holds nothing of the owner's.
   */
  strangerExpect?: Expectation;
  /** Default: 2xx. `false` skips the owner call (when the caller exercises it separately). */
  ownerExpect?: Expectation | false;
  /** Values of the owner's organization no non-owner response may contain (ids, secrets, e-mails…). */
  forbiddenValues: readonly (string | number)[];
  /** Property names no non-owner response may contain at any depth (e.g. `creditCode`). */
  forbiddenFields?: readonly string[];
  /**
   * Optional: the same route for a resource that does not exist. The stranger's answer for the real
   * resource must then be indistinguishable from it (same status, code and details), so ids leak nothing.
   */
  missingPath?: string;
}

const NOT_FOUND = /^(?!ROUTE_)[A-Z][A-Z_]*_NOT_FOUND$/;
const DEFAULT_STRANGER: Expectation = { status: 404, code: NOT_FOUND };
const DEFAULT_LOWER: Expectation = { status: 403, code: 'FORBIDDEN' };

/** Where (JSON path) a forbidden value or field occurs in `body`; empty when clean. */
export function findForbidden(
  body: unknown,
  forbiddenValues: readonly (string | number)[],
  forbiddenFields: readonly string[] = [],
): string[] {
  const values = forbiddenValues.map(String).filter((v) => v.length > 0);
  const hits: string[] = [];
  const visit = (node: unknown, path: string) => {
    if (node === null || node === undefined) return;
    if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean' || typeof node === 'bigint') {
      const text = String(node);
      const lower = text.toLowerCase();
      for (const v of values) {
        if (typeof node === 'string' ? lower.includes(v.toLowerCase()) : text === v)
          hits.push(`${path || '(body)'} contains "${v}"`);
      }
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${path}[${i}]`));
      return;
    }
    if (typeof node === 'object') {
      for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
        const childPath = path ? `${path}.${key}` : key;
        if (forbiddenFields.includes(key)) hits.push(`${childPath} is a forbidden field`);
        for (const v of values)
          if (key.toLowerCase().includes(v.toLowerCase())) hits.push(`key ${childPath} contains "${v}"`);
        visit(child, childPath);
      }
    }
  };
  visit(body, '');
  return hits;
}

/** Throws when `body` contains any forbidden value (case-insensitive substring) or field, at any depth. */
export function expectNoForbiddenValues(
  body: unknown,
  forbiddenValues: readonly (string | number)[],
  forbiddenFields: readonly string[] = [],
  label = 'response body',
): void {
  const hits = findForbidden(body, forbiddenValues, forbiddenFields);
  if (hits.length) throw new Error(`${label} leaks confidential data:\n  - ${hits.join('\n  - ')}`);
}

function matches(res: ApiResponse, expected: Expectation): boolean {
  if (res.status !== expected.status) return false;
  if (expected.code === undefined) return true;
  const code = typeof res.body === 'object' && res.body ? (res.body as { code?: unknown }).code : undefined;
  if (typeof code !== 'string') return false;
  return typeof expected.code === 'string' ? code === expected.code : expected.code.test(code);
}

function describeExpectation(e: Expectation): string {
  return e.code === undefined ? String(e.status) : `${e.status} ${e.code}`;
}

function describeResponse(res: ApiResponse): string {
  return `${res.status} ${res.text.length > 500 ? `${res.text.slice(0, 500)}…` : res.text}`;
}

/** An error body must be the platform's `{ code, message, details, requestId }`. */
function errorShapeProblem(res: ApiResponse): string | null {
  if (res.status < 400) return null;
  const b = res.body as Record<string, unknown> | undefined;
  if (!b || typeof b !== 'object') return 'error body is not JSON';
  const keys = Object.keys(b).sort().join(',');
  if (keys !== 'code,details,message,requestId')
    return `error body has keys [${keys}] instead of code, message, details, requestId`;
  return null;
}

export async function expectTenantIsolation(api: ApiHarness, c: TenantIsolationCase): Promise<void> {
  const { method, path, json } = c.route;
  const route = `${method} ${path}`;
  const problems: string[] = [];
  const call = (token?: string, p = path) => api.request(p, { method, json, token });

  const check = (
    actor: string,
    res: ApiResponse,
    expected: Expectation,
    forbiddenValues: readonly (string | number)[] = c.forbiddenValues,
    forbiddenFields: readonly string[] = c.forbiddenFields ?? [],
  ) => {
    if (!matches(res, expected))
      problems.push(`${route} as ${actor}: expected ${describeExpectation(expected)}, got ${describeResponse(res)}`);
    const shape = errorShapeProblem(res);
    if (shape) problems.push(`${route} as ${actor}: ${shape}`);
    const hits = [
      ...findForbidden(res.body ?? res.text, forbiddenValues, forbiddenFields),
      ...findForbidden(Object.fromEntries(res.headers.entries()), forbiddenValues).map((h) => `header ${h}`),
    ];
    for (const hit of hits) problems.push(`${route} as ${actor}: response leaks: ${hit}`);
  };

  check('an anonymous caller', await call(), { status: 401, code: 'UNAUTHENTICATED' });
  check('a caller with a forged token', await call('not.a.jwt'), { status: 401, code: 'TOKEN_INVALID' });

  const strangerExpect = c.strangerExpect ?? DEFAULT_STRANGER;
  const strangerRes = await call(c.stranger.token);
  check('a stranger (another organization)', strangerRes, strangerExpect);
  if (c.missingPath) {
    const missing = await call(c.stranger.token, c.missingPath);
    const same =
      missing.status === strangerRes.status &&
      JSON.stringify([missing.body?.code, missing.body?.details]) ===
        JSON.stringify([strangerRes.body?.code, strangerRes.body?.details]);
    if (!same) {
      problems.push(
        `${route} as a stranger: answer differs from a missing resource (${c.missingPath}), so the id's existence leaks: ` +
          `${describeResponse(strangerRes)} vs ${describeResponse(missing)}`,
      );
    }
  }

  if (c.lowerRole) {
    const expected = c.lowerRoleExpect ?? DEFAULT_LOWER;
    const refused = expected.status >= 400;
    check(
      'a lower role of the owning organization',
      await call(c.lowerRole.token),
      expected,
      c.lowerRoleForbiddenValues ?? (refused ? c.forbiddenValues : []),
      refused ? c.forbiddenFields : [],
    );
  }

  if (c.ownerExpect !== false) {
    const res = await call(c.owner.token);
    const ok = c.ownerExpect ? matches(res, c.ownerExpect) : res.status >= 200 && res.status < 300;
    if (!ok) {
      problems.push(
        `${route} as the entitled owner: expected ${c.ownerExpect ? describeExpectation(c.ownerExpect) : '2xx'}, got ${describeResponse(res)} ` +
          '(the route or the resource is not what the test thinks, so the refusals above prove nothing)',
      );
    }
  }

  if (problems.length) throw new Error(`Tenant isolation failed for ${route}:\n  - ${problems.join('\n  - ')}`);
}
