import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from '@app/identity';
import { QueueRegistry } from '@app/platform';

export const ADMIN_QUEUES_PATH = '/admin/queues';
const COOKIE = 'tourong_admin_queues';

function cookieToken(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * bull-board (jobs, failures, retries) for platform admins only. A browser opens
 * /admin/queues?access_token=<JWT> once; the token moves into an HttpOnly cookie scoped to this path
 * and the query string is dropped. API clients can send the bearer header instead.
 */
export async function mountAdminQueues(app: NestFastifyApplication): Promise<void> {
  const queues = app.get(QueueRegistry).handles();
  const auth = app.get(AuthService);
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(ADMIN_QUEUES_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter });

  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        const query = request.query as { access_token?: string };
        const header = request.headers.authorization;
        const token = query.access_token ?? (header?.startsWith('Bearer ') ? header.slice(7) : cookieToken(request.headers.cookie));
        const principal = token ? await auth.authenticate(token).catch(() => null) : null;
        if (!principal?.isPlatformAdmin) {
          return reply.status(principal ? 403 : 401).send({
            code: principal ? 'FORBIDDEN' : 'UNAUTHENTICATED',
            message: principal ? 'Platform administrators only.' : 'Sign in as a platform administrator.',
            details: {},
            requestId: String(request.id),
          });
        }
        if (query.access_token) {
          reply.header('set-cookie', `${COOKIE}=${encodeURIComponent(token!)}; Path=${ADMIN_QUEUES_PATH}; HttpOnly; SameSite=Strict; Max-Age=900`);
          return reply.redirect(request.url.split('?')[0]);
        }
      });
      await scope.register(serverAdapter.registerPlugin() as never);
    },
    { prefix: ADMIN_QUEUES_PATH },
  );
}
