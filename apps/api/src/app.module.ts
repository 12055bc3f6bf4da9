import { Module } from '@nestjs/common';
import { PlatformModule, PlatformProjectionsModule } from '@app/platform';
import { IdentityModule } from '@app/identity';
import { StartupsModule } from '@app/startups';
import { FundsModule } from '@app/funds';
import { DealFlowModule, DealsModule } from '@app/matching';
import { SearchModule } from '@app/search';
import { EngagementModule } from '@app/engagement';
import { RoadshowsModule } from '@app/roadshows';
import { ReportingModule } from '@app/reporting';
import { ENTITIES } from '@app/db';

@Module({
  imports: [
    PlatformModule.forRoot({ applicationName: 'tourong-api', entities: ENTITIES }),
    PlatformProjectionsModule,
    IdentityModule,
    StartupsModule,
    FundsModule,
    DealsModule,
    DealFlowModule,
    SearchModule,
    EngagementModule,
    RoadshowsModule,
    ReportingModule,
  ],
})
export class AppModule {}
