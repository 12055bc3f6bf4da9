import { Module } from '@nestjs/common';
import { EngagementDirectoryModule } from '@app/engagement';
import { RoadshowsDirectoryModule } from '@app/roadshows';
import { ReportingController } from './reporting.controller';
import { ReportingService } from './reporting.service';

/** Runs in the API: event, programme and fund reports (JSON for charts, .xlsx exports). Owns no table. */
@Module({
  imports: [RoadshowsDirectoryModule, EngagementDirectoryModule],
  controllers: [ReportingController],
  providers: [ReportingService],
  exports: [ReportingService],
})
export class ReportingModule {}
