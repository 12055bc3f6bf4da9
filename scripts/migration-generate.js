// npm run migration:generate -- CreateUsers  →  migrations/<epochMs>-CreateUsers.ts
const path = require('node:path');
const { root, typeorm, inScratchDatabase } = require('./lib/typeorm-cli');

const name = process.argv[2];
if (!name || !/^[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+$/.test(name)) {
  console.error('usage: npm run migration:generate -- <PascalVerbNoun>   e.g. CreateOutboxEvents');
  process.exit(2);
}

inScratchDatabase((url) => typeorm(['migration:generate', path.join(root, 'migrations', name), '--pretty'], url))
  .then((code) => process.exit(code))
  .catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
