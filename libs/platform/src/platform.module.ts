import { DynamicModule, Module } from '@nestjs/common';
import { PlatformClockModule } from './clock/clock';
import { PlatformConfigModule } from './config/config.module';
import { EntityList } from './database/data-source-options';
import { PlatformDatabaseModule } from './database/database.module';
import { PlatformHealthModule } from './health/health.module';
import { PlatformLoggingModule } from './logging/logging.module';
import { PlatformQueueModule } from './queue/queue.module';
import { PlatformRedisModule } from './queue/redis.module';

/** Everything a Tourong process stands on: config, logs, clock, Postgres, Redis, queues, health. */
@Module({})
export class PlatformModule {
  static forRoot(options: { applicationName: string; entities: EntityList }): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        PlatformConfigModule,
        PlatformLoggingModule,
        PlatformClockModule,
        PlatformDatabaseModule.forRoot(options.entities, options.applicationName),
        PlatformRedisModule,
        PlatformQueueModule.forRoot(),
        PlatformHealthModule,
      ],
    };
  }
}
