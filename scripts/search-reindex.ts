// npm run search:reindex — rebuild every search index from Postgres into a shadow and swap it in.
//
// SEARCH_ENGINE=meilisearch: rebuilds the server's indexes directly (projects, startups, mandates):
//   each into `<prefix>_<name>__shadow`, then an atomic index swap; queries keep answering from the
//   old copy until the swap, and rows changed during the fill are re-read after it.
// SEARCH_ENGINE=embedded (default): the index lives inside each API process, so the script asks the
//   running API to rebuild its own (POST /api/v1/search/reindex, platform admins only):
//     SEARCH_REINDEX_API_URL   default http://127.0.0.1:$PORT
//     SEARCH_REINDEX_TOKEN     an admin access token, or
//     SEARCH_REINDEX_EMAIL / SEARCH_REINDEX_PASSWORD   to log in
//   Behind a load balancer each call reaches one process; the others rebuild at their next boot or
//   feed resync (see docs/search.md).
// Reads `.env` for variables the environment does not set. Prints one JSON object; exits 1 on failure.
import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, validateEnv, type AppConfig } from '@app/platform';
import { createSearchEngine, searchEngineConfig, SearchWriter } from '@app/search';
import { ENTITIES } from '@app/db';

function loadDotEnv(): void {
  const file = join(__dirname, '..', '.env');
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m || process.env[m[1]] !== undefined) continue;
    process.env[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
}

async function reindexMeilisearch(config: AppConfig): Promise<unknown> {
  const dataSource = new DataSource(
    buildDataSourceOptions(config.DATABASE_URL, ENTITIES, { poolSize: 2, applicationName: 'tourong-search-reindex' }),
  );
  await dataSource.initialize();
  const engine = createSearchEngine(searchEngineConfig(config));
  try {
    const started = performance.now();
    const indexes = await new SearchWriter(dataSource, engine).rebuildAll();
    return { engine: engine.kind, indexes, tookMs: Math.round(performance.now() - started) };
  } finally {
    await engine.close();
    await dataSource.destroy();
  }
}

async function reindexEmbedded(config: AppConfig): Promise<unknown> {
  const base = (process.env.SEARCH_REINDEX_API_URL ?? `http://127.0.0.1:${config.PORT}`).replace(/\/+$/, '');
  let token = process.env.SEARCH_REINDEX_TOKEN;
  if (!token) {
    const email = process.env.SEARCH_REINDEX_EMAIL;
    const password = process.env.SEARCH_REINDEX_PASSWORD;
    if (!email || !password) {
      throw new Error(
        'SEARCH_ENGINE=embedded: the index lives in the API process. Set SEARCH_REINDEX_TOKEN (a platform admin access token) ' +
          'or SEARCH_REINDEX_EMAIL and SEARCH_REINDEX_PASSWORD, and SEARCH_REINDEX_API_URL if the API is not on ' +
          `http://127.0.0.1:${config.PORT}.`,
      );
    }
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const body = (await login.json()) as { tokens?: { accessToken?: string }; code?: string };
    if (!login.ok || !body.tokens?.accessToken) throw new Error(`login failed: ${login.status} ${body.code ?? ''}`);
    token = body.tokens.accessToken;
  }
  const res = await fetch(`${base}/api/v1/search/reindex`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${base}/api/v1/search/reindex answered ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = validateEnv(process.env);
  const result =
    config.SEARCH_ENGINE === 'meilisearch' ? await reindexMeilisearch(config) : await reindexEmbedded(config);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`search:reindex failed: ${error.message}\n`);
  process.exit(1);
});
