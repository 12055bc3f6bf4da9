import { readFileSync } from 'node:fs';
import { currentOpenApi, OPENAPI_FILE } from '../../../scripts/openapi';

// The web client (apps/web/src/api/schema.d.ts) is generated from the committed apps/web/openapi.json:
// when a DTO changes, this fails until `npm run openapi && npm --prefix apps/web run gen:api` is run,
// and the web build then breaks where the change matters — like migration:check for the schema.
describe('apps/web/openapi.json', () => {
  it('is exactly what the API serves at /api/docs-json', async () => {
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    const current = await currentOpenApi();
    if (committed !== current) {
      const a = committed.split('\n');
      const b = current.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      throw new Error(
        `apps/web/openapi.json is stale (first difference at line ${line + 1}: ${JSON.stringify(a[line])} vs ${JSON.stringify(b[line])}).\n` +
          'Run: npm run openapi && npm --prefix apps/web run gen:api',
      );
    }
  });

  it('matches the generated client types', () => {
    const schema = readFileSync(OPENAPI_FILE.replace('openapi.json', 'src/api/schema.d.ts'), 'utf8');
    for (const name of Object.keys(JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')).components.schemas)) {
      expect(schema).toContain(`${name}: {`);
    }
  });
});
