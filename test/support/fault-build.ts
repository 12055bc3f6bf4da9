import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..', '..');

/**
 * Where the fault tier's transpiled copy of the apps lives: inside the checkout, so the compiled
 * files resolve the checkout's node_modules — and named after the checkout, because worktrees may
 * share one node_modules (a symlink), and one checkout's run must not delete or overwrite another's.
 */
export const FAULT_BUILD_DIR = join(
  root,
  'node_modules',
  '.cache',
  `tourong-fault-build-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`,
);

const SOURCES = ['apps/api/src', 'apps/worker/src', 'libs', 'db'];
const SKIP = /(\.spec|\.int-spec|\.e2e-spec|\.fault-spec)\.ts$|\.d\.ts$/;

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name === 'test' || name === 'node_modules') continue;
      walk(path, out);
    } else if (name.endsWith('.ts') && !SKIP.test(name)) out.push(path);
  }
}

/**
 * Transpiles the api and worker (with the libs and db they import) once per fault run, exactly as
 * ts-node's transpile-only mode would on every start: the fault tests start and kill these
 * processes many times, and transpiling on each start is most of a start on a busy machine.
 */
export function buildForFaults(): string {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), (p) => readFileSync(p, 'utf8')).config;
  const compilerOptions = ts.convertCompilerOptionsFromJson(config.compilerOptions, root).options;
  rmSync(FAULT_BUILD_DIR, { recursive: true, force: true });
  const files: string[] = [];
  for (const dir of SOURCES) walk(join(root, dir), files);
  for (const file of files) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: { ...compilerOptions, module: ts.ModuleKind.CommonJS, sourceMap: false, declaration: false },
    });
    const out = join(FAULT_BUILD_DIR, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
  // tsconfig-paths resolves @app/* against this folder, with the checkout's own mapping (a target
  // naming a .ts file names the .js one here).
  const paths = Object.fromEntries(
    Object.entries(config.compilerOptions.paths as Record<string, string[]>).map(([k, v]) => [
      k,
      v.map((target) => target.replace(/\.ts$/, '')),
    ]),
  );
  writeFileSync(join(FAULT_BUILD_DIR, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths } }));
  return FAULT_BUILD_DIR;
}
