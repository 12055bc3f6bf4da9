import { Module } from '@nestjs/common';
import { OutboxRelayService, PlatformModule } from '@app/platform';
import { StartupsImportModule } from '@app/startups';
import { SearchSyncModule } from '@app/search';
import { ENTITIES } from '@app/db/entities';
import { ImportsProcessor } from './imports.processor';
import { NotificationsProcessor } from './notifications.processor';
import { ProjectionsProcessor } from './projections.processor';
import { SearchSyncProcessor } from './search-sync.processor';

@Module({
  imports: [
    PlatformModule.forRoot({ applicationName: 'tourong-worker', entities: ENTITIES }),
    StartupsImportModule,
    SearchSyncModule,
  ],
  providers: [OutboxRelayService, NotificationsProcessor, ImportsProcessor, ProjectionsProcessor, SearchSyncProcessor],
})
export class WorkerModule {}
