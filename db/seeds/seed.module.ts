import { Module } from '@nestjs/common';
import { PlatformModule, PlatformProjectionsModule } from '@app/platform';
import { IdentityModule } from '@app/identity';
import { StartupsModule } from '@app/startups';
import { FundsModule } from '@app/funds';
import { DealFlowModule, DealsModule } from '@app/matching';
import { RoadshowsModule, SchedulePlanner } from '@app/roadshows';
import { ENTITIES } from '../schema/entities';

/**
 * What the seeds (demo stories, benchmark cohorts) write through: the libs' own services, with
 * their validation, audit and outbox — composed here, not borrowed from the API's AppModule.
 */
@Module({
  imports: [
    PlatformModule.forRoot({ applicationName: 'tourong-seed', entities: ENTITIES }),
    PlatformProjectionsModule,
    IdentityModule,
    StartupsModule,
    FundsModule,
    DealsModule,
    DealFlowModule,
    RoadshowsModule,
  ],
  // The roadshow day's plan is computed in the seed's process (no queue consumer here).
  providers: [SchedulePlanner],
})
export class SeedModule {}
