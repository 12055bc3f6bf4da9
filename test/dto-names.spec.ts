import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Swagger names a schema after its class: two DTO or view classes with one name in different libs
 * become one schema in the OpenAPI document, and one of the two APIs is documented (and the web client
 * typed) with the other's shape. Swagger only logs "Duplicate DTO" at boot; this fails instead.
 */
const root = join(__dirname, '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : tsFiles(path);
    return path.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec|fault-spec)\.ts$/.test(path) ? [path] : [];
  });
}

describe('API schema class names', () => {
  it('are unique across libs and apps, so no two schemas share a name in the OpenAPI document', () => {
    const files = [...tsFiles(join(root, 'libs')), ...tsFiles(join(root, 'apps', 'api', 'src'))].filter(
      (f) => !f.includes('/testing/'),
    );
    const seen = new Map<string, string[]>();
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/^export (?:abstract )?class (\w+(?:View|Dto|Query|Body))\b/gm)) {
        seen.set(m[1], [...(seen.get(m[1]) ?? []), relative(root, file)]);
      }
    }
    const duplicates = [...seen].filter(([, where]) => where.length > 1);
    expect(duplicates).toEqual([]);
    expect(seen.size).toBeGreaterThan(50);
  });
});
