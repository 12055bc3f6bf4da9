import { join } from 'node:path';
import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function | string | EntitySchema>;

/** Migrations live at the repository root; the glob covers ts (dev, CLI) and js (built). */
export const MIGRATIONS_GLOB = join(__dirname, '..', '..', '..', '..', 'migrations', '*.{ts,js}');

/**
 * The one place that says how we talk to Postgres. The Nest apps, the TypeORM CLI and the
 * tests all build their DataSource from it, so they cannot drift apart.
 */
export function buildDataSourceOptions(
  url: string,
  entities: EntityList,
  overrides: Partial<{ poolSize: number; applicationName: string }> = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: false,
    poolSize: overrides.poolSize ?? 10,
    applicationName: overrides.applicationName ?? 'tourong',
    extra: { connectionTimeoutMillis: 3000, statement_timeout: 30_000 },
  };
}
