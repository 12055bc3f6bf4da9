import { Module } from '@nestjs/common';
import {
  OutboxRelayService,
  PlatformClockModule,
  PlatformConfigModule,
  PlatformDatabaseModule,
  PlatformHealthModule,
  PlatformLoggingModule,
  PlatformQueueModule,
  PlatformRedisModule,
} from '@app/platform';
import { ENTITIES } from '@app/db/entities';
import { StartupsImportModule } from '@app/startups';
import { ImportsProcessor } from './imports.processor';
import { NotificationsProcessor } from './notifications.processor';

@Module({
  imports: [
    PlatformConfigModule,
    PlatformLoggingModule,
    PlatformClockModule,
    PlatformDatabaseModule.forRoot(ENTITIES, 'tourong-worker'),
    PlatformRedisModule,
    PlatformQueueModule.forRoot(),
    PlatformHealthModule,
    StartupsImportModule,
  ],
  providers: [OutboxRelayService, NotificationsProcessor, ImportsProcessor],
})
export class WorkerModule {}
