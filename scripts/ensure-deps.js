// `pretest` and `demo` call this: install from the lockfile when node_modules is missing or stale.
const { existsSync, statSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const lock = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules', '.package-lock.json');

if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.log('Installing dependencies from package-lock.json …');
  // `npm install`, not `npm ci`: see .ci/run (npm 11 here rejects its own lockfile in `ci`).
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// The web app is its own npm package (apps/web): its tests, build and browser journey need its deps.
const web = path.join(root, 'apps', 'web');
const webLock = path.join(web, 'package-lock.json');
const webInstalled = path.join(web, 'node_modules', '.package-lock.json');
if (existsSync(webLock) && (!existsSync(webInstalled) || statSync(webInstalled).mtimeMs < statSync(webLock).mtimeMs)) {
  console.log('Installing apps/web dependencies from apps/web/package-lock.json …');
  const r = spawnSync('npm', ['--prefix', web, 'install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
