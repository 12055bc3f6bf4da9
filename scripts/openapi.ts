// npm run openapi — writes the API's OpenAPI document to apps/web/openapi.json (the web client is
// generated from it: `npm --prefix apps/web run gen:api`). Builds the real Nest app without listening
// and asks it for /api/docs-json in-process, so the file is exactly what the running API serves.
// Needs Postgres and Redis reachable (the modules connect when built; no table is read); defaults like the tests'.
// `--check` exits 1 when the committed file differs (CI and the drift test use it).
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApiApp } from '../apps/api/src/create-api-app';

export const OPENAPI_FILE = join(__dirname, '..', 'apps', 'web', 'openapi.json');

/** The document as the API serves it, pretty-printed with a trailing newline (stable for diffs). */
export async function currentOpenApi(): Promise<string> {
  process.env.NODE_ENV ??= 'development';
  process.env.LOG_LEVEL ??= 'silent';
  process.env.JWT_SECRET ??= 'openapi-script-only-secret-at-least-32-characters';
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
  const app = await createApiApp();
  try {
    // No app.init(): the document is built in createApiApp (configureHttpApp), and the bootstrap hooks
    // (snapshot, search index) would read tables this database may not have.
    const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/api/docs-json' });
    if (res.statusCode !== 200) throw new Error(`/api/docs-json answered ${res.statusCode}`);
    return JSON.stringify(JSON.parse(res.body), null, 2) + '\n';
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const doc = await currentOpenApi();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    if (committed !== doc) {
      console.error('apps/web/openapi.json is stale: run `npm run openapi && npm --prefix apps/web run gen:api`.');
      process.exit(1);
    }
    console.log('apps/web/openapi.json matches the API.');
    return;
  }
  writeFileSync(OPENAPI_FILE, doc);
  console.log(`wrote ${OPENAPI_FILE}`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
