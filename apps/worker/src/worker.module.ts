import { Module } from '@nestjs/common';
import { OutboxRelayService, PlatformModule } from '@app/platform';
import { StartupsImportModule } from '@app/startups';
import { ENTITIES } from '@app/db/entities';
import { ImportsProcessor } from './imports.processor';
import { NotificationsProcessor } from './notifications.processor';
import { ProjectionsProcessor } from './projections.processor';

@Module({
  imports: [PlatformModule.forRoot({ applicationName: 'tourong-worker', entities: ENTITIES }), StartupsImportModule],
  providers: [OutboxRelayService, NotificationsProcessor, ImportsProcessor, ProjectionsProcessor],
})
export class WorkerModule {}
