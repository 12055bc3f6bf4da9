import { Module } from '@nestjs/common';
import { PlatformQueueModule } from '@app/platform';
import { NOTIFICATIONS_QUEUE } from './engagement.events';
import { NotificationsProcessor } from './notifications.processor';

/** Runs in the API: registers the notifications queue (the admin board lists it). */
@Module({ imports: [PlatformQueueModule.forFeature(NOTIFICATIONS_QUEUE)] })
export class EngagementModule {}

/** Runs in the worker: consumes the notifications queue. */
@Module({ imports: [PlatformQueueModule.forFeature(NOTIFICATIONS_QUEUE)], providers: [NotificationsProcessor] })
export class EngagementWorkerModule {}
