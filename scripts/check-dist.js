// Loads the built API and worker module graphs (dist/) without starting them: a path alias that the
// TypeScript build leaves unresolvable (e.g. a `paths` entry naming a .ts file) fails here, in CI,
// instead of at `npm run demo` on a newcomer's machine.
const { join } = require('node:path');

const root = join(__dirname, '..', 'dist');
for (const entry of ['apps/api/src/app.module.js', 'apps/worker/src/worker.module.js']) {
  try {
    require(join(root, entry));
  } catch (error) {
    console.error(`✗ dist/${entry} does not load: ${error.message}`);
    process.exit(1);
  }
}
console.log('✓ dist/ loads: API and worker module graphs resolve');
