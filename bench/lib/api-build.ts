// Where the deal-flow bench's API child loads its code from. `dist` (the default) is the compiled
// build (`npm run build`), what production runs: no ts-node, no TypeScript compiler in the process,
// so its boot and RSS are what a deployed API pays. The build is made (or found current) before the
// child is started, never inside the measured window.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export type ApiCode = 'dist' | 'ts-node';

const root = join(__dirname, '..', '..');
const SOURCES = ['apps/api/src', 'apps/worker/src', 'libs', 'db', 'migrations'];

/** Newest modification time (ms) of the TypeScript sources the build compiles (tests excluded). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'testing') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The script to fork and how: for `dist`, builds when a source is newer than the build, then
 * transpiles the child (this file's sibling) next to it; for `ts-node`, the child as it is.
 */
export function apiChild(
  code: ApiCode,
  log: (m: string) => void,
): { script: string; execArgv: string[]; env: Record<string, string> } {
  const child = join(__dirname, 'deal-flow-api-child.ts');
  if (code === 'ts-node') {
    return {
      script: child,
      execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
      env: { TS_NODE_PROJECT: join(root, 'tsconfig.json'), BENCH_API_ROOT: root },
    };
  }
  const dist = join(root, 'dist');
  const entry = join(dist, 'apps/api/src/create-api-app.js');
  const built = existsSync(entry) ? statSync(entry).mtimeMs : 0;
  if (built < Math.max(...SOURCES.map((d) => newestSource(join(root, d))))) {
    log('dist/ is missing or older than the sources: npm run build (before the measured boot) …');
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  }
  const out = join(dist, 'bench', 'deal-flow-api-child.js');
  mkdirSync(join(dist, 'bench'), { recursive: true });
  const { outputText } = ts.transpileModule(readFileSync(child, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  writeFileSync(out, outputText);
  return { script: out, execArgv: [], env: { BENCH_API_ROOT: dist } };
}
