// Fails when the entities and the committed migrations disagree (CI runs this).
const { typeorm, inScratchDatabase } = require('./lib/typeorm-cli');

inScratchDatabase((url) => {
  const code = typeorm(['migration:generate', 'migrations/Drift', '--check', '--dryrun'], url);
  if (code !== 0) console.error('\nmigration:check: entities changed without a migration. Run `npm run migration:generate -- <Name>`.');
  else console.log('migration:check: migrations match the entities.');
  return code;
})
  .then((code) => process.exit(code))
  .catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
