import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Serves the built web app (apps/web/dist) from the API's own port: hashed files under /assets are
 * cached for a year, index.html never; any other GET a browser navigates to (Accept: text/html) that
 * is not under /api gets index.html so the client router can take it. Everything else that matches no
 * route — every /api path, a script's fetch, other methods — still reaches Nest's coded 404.
 * Returns false (and serves nothing) when the build is absent, e.g. in a checkout without `npm run build`.
 */
export async function mountWebApp(app: NestFastifyApplication, distDir: string): Promise<boolean> {
  const root = resolve(distDir);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return false;
  const indexHtml = readFileSync(indexFile);
  const fastify = app.getHttpAdapter().getInstance();

  await fastify.register(fastifyStatic as never, {
    root,
    // One route per built file, found at boot: unknown paths fall through to the fallback below.
    wildcard: false,
    index: false,
    decorateReply: false,
    cacheControl: false,
    // The build writes .br / .gz beside each asset (apps/web/vite.config.ts): no compression at request time.
    preCompressed: true,
    // @fastify/static 10 hands the Fastify reply here (not the raw response).
    setHeaders(reply: FastifyReply, path: string) {
      const hashed = path.startsWith(join(root, 'assets'));
      reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  const sendIndex = (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if (path === '/api' || path.startsWith('/api/') || path.startsWith('/admin/') || !wantsHtml) {
      return reply.callNotFound();
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
  };
  fastify.get('/', sendIndex);
  fastify.get('/*', sendIndex);
  return true;
}
