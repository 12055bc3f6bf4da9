import { Module } from '@nestjs/common';
import { EngagementDirectoryModule } from '@app/engagement';
import { DealsDirectoryModule, DealsModule } from '@app/matching';
import { RoadshowsDirectoryModule } from '@app/roadshows';
import { StartupsDirectoryModule } from '@app/startups';
import { ReportingController } from './reporting.controller';
import { ReportingService } from './reporting.service';

/** Runs in the API: event, programme and fund reports (JSON for charts, .xlsx exports). Owns no table. */
@Module({
  imports: [
    RoadshowsDirectoryModule,
    EngagementDirectoryModule,
    DealsDirectoryModule,
    DealsModule,
    StartupsDirectoryModule,
  ],
  controllers: [ReportingController],
  providers: [ReportingService],
  exports: [ReportingService],
})
export class ReportingModule {}
