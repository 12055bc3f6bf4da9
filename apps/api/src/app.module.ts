import { Module } from '@nestjs/common';
import {
  PlatformClockModule,
  PlatformConfigModule,
  PlatformDatabaseModule,
  PlatformHealthModule,
  PlatformLoggingModule,
  PlatformQueueModule,
  PlatformRedisModule,
} from '@app/platform';
import { ENTITIES } from '@app/db/entities';
import { IdentityModule } from '@app/identity';
import { StartupsModule } from '@app/startups';

@Module({
  imports: [
    PlatformConfigModule,
    PlatformLoggingModule,
    PlatformClockModule,
    PlatformDatabaseModule.forRoot(ENTITIES, 'tourong-api'),
    PlatformRedisModule,
    PlatformQueueModule.forRoot(),
    PlatformHealthModule,
    IdentityModule,
    StartupsModule,
  ],
})
export class AppModule {}
