// Applies pending migrations with the BUILT data source (no ts-node): used by `npm run demo` and the Docker image.
const path = require('node:path');

const built = path.resolve(__dirname, '..', 'dist', 'db', 'schema', 'data-source.js');

async function main() {
  const dataSource = require(built).default;
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'database is up to date');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err) => {
  console.error('migration failed:', err.message);
  process.exit(1);
});
