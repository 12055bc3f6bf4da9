import type { FastifyInstance } from 'fastify';
import { toErrorResponse } from '../errors/all-exceptions.filter';
import { platformError } from '../errors/platform.errors';

/**
 * The methods each known path answers, learnt from the router as routes are added (wildcard routes,
 * like the web app's SPA fallback, are left out: they claim every path). Pure, so it is unit-tested.
 */
export class RouteMethods {
  private readonly routes: { pattern: RegExp; methods: Set<string> }[] = [];
  private readonly byUrl = new Map<string, Set<string>>();

  add(url: string, methods: string | string[]): void {
    if (url.includes('*')) return;
    let set = this.byUrl.get(url);
    if (!set) {
      set = new Set();
      this.byUrl.set(url, set);
      this.routes.push({ pattern: patternOf(url), methods: set });
    }
    for (const m of Array.isArray(methods) ? methods : [methods]) set.add(m.toUpperCase());
  }

  /** Every method some route accepts on `path` (no query string), sorted; empty when no route has it. */
  allowed(path: string): string[] {
    const out = new Set<string>();
    for (const r of this.routes) if (r.pattern.test(path)) r.methods.forEach((m) => out.add(m));
    return [...out].sort();
  }
}

/** `/api/v1/projects/:id/deck` → a regex over one concrete path (`:token.ics` keeps its suffix). */
export function patternOf(url: string): RegExp {
  const escaped = url
    .split('/')
    .map((segment) =>
      segment.replace(/:(\w+)|([^:]+)/g, (_m, param: string | undefined, literal: string | undefined) =>
        param ? '[^/]+?' : literal!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      ),
    )
    .join('/');
  return new RegExp(`^${escaped}/?$`);
}

/**
 * An unknown method on a known path is `405 METHOD_NOT_ALLOWED` with an `Allow` header (RFC 9110),
 * not the 404 of a path that does not exist. Install before the routes are registered.
 */
export function installMethodNotAllowed(fastify: FastifyInstance): void {
  const known = new RouteMethods();
  fastify.addHook('onRoute', (route) => {
    if (route.method === 'OPTIONS' || (Array.isArray(route.method) && route.method.includes('OPTIONS'))) return;
    known.add(route.url, route.method);
  });
  fastify.addHook('onRequest', async (request, reply) => {
    // A wildcard route (the web app's SPA fallback, `GET /*`) matches every path but answers 404 for
    // /api ones: for the router such a request found no route of its own.
    const wildcard = request.routeOptions.url?.includes('*') ?? false;
    if ((!request.is404 && !wildcard) || request.method === 'OPTIONS') return;
    const path = request.url.split('?')[0];
    const allow = known.allowed(path);
    if (!allow.length || allow.includes(request.method)) return;
    const { status, body } = toErrorResponse(
      platformError('METHOD_NOT_ALLOWED', { method: request.method, allow }),
      request.headers['accept-language'],
      String(request.id),
    );
    return reply.status(status).header('allow', allow.join(', ')).send(body);
  });
}
