// npm run storage:sweep [-- --dry-run] — removes stored files (decks, import uploads) that no row
// references and that are older than the grace period (1 h; an upload stores its file before its row
// commits). The worker runs the same sweep daily (`storage-sweep` queue); this is the manual one, e.g.
// after restoring a database backup older than the files. Prints the counts as JSON.
import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, systemClock, validateEnv } from '@app/platform';
import { LocalDiskStorage, StorageSweeper } from '@app/startups';
import { ENTITIES } from '@app/db';

/** The environment wins over .env (as everywhere else). */
function loadDotEnv(): void {
  const file = join(__dirname, '..', '.env');
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m || process.env[m[1]] !== undefined) continue;
    process.env[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
}

async function main(): Promise<void> {
  // stdout carries the JSON result; Nest's console logger would write its lines there too.
  Logger.overrideLogger(['error']);
  loadDotEnv();
  const config = validateEnv(process.env);
  const dryRun = process.argv.includes('--dry-run');
  const dataSource = await new DataSource(
    buildDataSourceOptions(config.DATABASE_URL, ENTITIES, { poolSize: 2, applicationName: 'tourong-storage-sweep' }),
  ).initialize();
  try {
    const result = await new StorageSweeper(dataSource, new LocalDiskStorage(config.STORAGE_DIR), systemClock).sweep({ dryRun });
    process.stdout.write(`${JSON.stringify({ storageDir: config.STORAGE_DIR, ...result }, null, 2)}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`storage:sweep failed: ${error.message}\n`);
  process.exit(1);
});
