import { Module } from '@nestjs/common';
import { PlatformModule, PlatformProjectionsModule } from '@app/platform';
import { IdentityModule } from '@app/identity';
import { StartupsModule } from '@app/startups';
import { ENTITIES } from '@app/db/entities';

@Module({
  imports: [
    PlatformModule.forRoot({ applicationName: 'tourong-api', entities: ENTITIES }),
    PlatformProjectionsModule,
    IdentityModule,
    StartupsModule,
  ],
})
export class AppModule {}
