import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@app/platform';
import { ENTITIES } from './entities';

/** The DataSource the TypeORM CLI uses (migration:generate, run, revert). */
export default new DataSource(
  buildDataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tourong', ENTITIES, {
    applicationName: 'tourong-cli',
  }),
);
