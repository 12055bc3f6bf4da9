import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { buildDataSourceOptions, EntityList } from './data-source-options';
import { UnitOfWork } from './unit-of-work';

@Global()
@Module({})
export class PlatformDatabaseModule {
  static forRoot(entities: EntityList, applicationName: string): DynamicModule {
    return {
      module: PlatformDatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...buildDataSourceOptions(config.DATABASE_URL, entities, {
              poolSize: config.DATABASE_POOL_SIZE,
              applicationName,
            }),
            // Fail fast at boot instead of retrying for half a minute: the supervisor restarts us.
            retryAttempts: 2,
            retryDelay: 500,
          }),
        }),
      ],
      providers: [UnitOfWork],
      exports: [UnitOfWork],
    };
  }
}
