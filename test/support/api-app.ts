import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createTestDatabase, TestDatabase, testQueuePrefix } from './test-database';

export interface ApiHarness {
  app: NestFastifyApplication;
  db: TestDatabase;
  baseUrl: string;
  /** fetch against the running app; `path` starts with /api/v1/… */
  request(path: string, init?: RequestInit & { json?: unknown; token?: string }): Promise<ApiResponse>;
  close(): Promise<void>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

/**
 * Boots the real API (same factory as production) on a random loopback port, against a private
 * database cloned from the migrated template and a private queue prefix on the real Redis.
 */
export async function startApi(env: Record<string, string> = {}): Promise<ApiHarness> {
  const db = await createTestDatabase();
  Object.assign(process.env, { DATABASE_URL: db.url, QUEUE_PREFIX: testQueuePrefix(), ...env });
  const app = await createApiApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    db,
    baseUrl,
    async request(path, init = {}) {
      const headers = new Headers(init.headers);
      let body = init.body;
      if (init.json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(init.json);
      }
      if (init.token) headers.set('authorization', `Bearer ${init.token}`);
      const res = await fetch(baseUrl + path, { ...init, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, headers: res.headers, body: parsed, text };
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** A new API app on the database `process.env` names (after `startApi`): restarts, without listening. */
export async function bootApiApp(): Promise<NestFastifyApplication> {
  const app = await createApiApp();
  await app.init();
  return app;
}

/** The body of an answer that must have `status`; otherwise fails with what came back instead. */
export function ok(res: ApiResponse, status = 200) {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${res.text.slice(0, 800)}`);
  return res.body;
}
