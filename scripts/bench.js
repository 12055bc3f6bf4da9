// `npm run bench -- <name> [args…]` runs bench/<name>.bench.ts from source and exits with its code;
// `npm run bench` lists the benches. Sources, not dist/: a bench must measure the code as it is now,
// without a build step that could silently be stale.
const { spawn } = require('node:child_process');
const { constants } = require('node:os');
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const benchDir = path.join(root, 'bench');
const SUFFIX = '.bench.ts';

function benches() {
  return readdirSync(benchDir)
    .filter((f) => f.endsWith(SUFFIX))
    .map((f) => f.slice(0, -SUFFIX.length))
    .sort();
}

/** The first `//` line of a bench file says what it measures. */
function describe(name) {
  const first = readFileSync(path.join(benchDir, `${name}${SUFFIX}`), 'utf8').split('\n')[0];
  return first.startsWith('//') ? first.replace(/^\/\/\s*/, '') : '';
}

function list(stream) {
  const names = benches();
  stream.write('usage: npm run bench -- <name> [args…]\n\n');
  if (names.length === 0) stream.write('no benches yet (add bench/<name>.bench.ts)\n');
  const width = Math.max(0, ...names.map((n) => n.length));
  for (const n of names) stream.write(`  ${n.padEnd(width)}  ${describe(n)}\n`);
}

const [name, ...args] = process.argv.slice(2);

if (!name || name === '--list' || name === '--help' || name === '-h') {
  list(process.stdout);
  process.exit(0);
}

if (!benches().includes(name)) {
  process.stderr.write(`unknown bench "${name}"\n\n`);
  list(process.stderr);
  process.exit(2);
}

const child = spawn(
  process.execPath,
  [
    '-r',
    'ts-node/register/transpile-only',
    '-r',
    'tsconfig-paths/register',
    path.join(benchDir, `${name}${SUFFIX}`),
    ...args,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'tsconfig.json') } },
);

// Pass signals on instead of dying first: the bench cleans up its scratch database and Redis keys,
// and its exit code is the one to report.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));

child.on('error', (err) => {
  process.stderr.write(`could not run bench ${name}: ${err.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1)));
