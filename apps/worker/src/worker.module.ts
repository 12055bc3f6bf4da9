import { Module } from '@nestjs/common';
import { OutboxRelayService, PlatformModule, PlatformProjectionBroadcastModule } from '@app/platform';
import { StartupsWorkerModule } from '@app/startups';
import { SearchSyncModule } from '@app/search';
import { EngagementWorkerModule } from '@app/engagement';
import { RoadshowsWorkerModule } from '@app/roadshows';
import { ENTITIES } from '@app/db';

/**
 * The worker composes the libs' worker modules; each brings its queue declaration and processor, and
 * the outbox relay routes to exactly the queues composed here (plus platform's projection broadcast).
 */
@Module({
  imports: [
    PlatformModule.forRoot({ applicationName: 'tourong-worker', entities: ENTITIES }),
    PlatformProjectionBroadcastModule,
    StartupsWorkerModule,
    SearchSyncModule,
    EngagementWorkerModule,
    RoadshowsWorkerModule,
  ],
  providers: [OutboxRelayService],
})
export class WorkerModule {}
