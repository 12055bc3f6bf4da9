import { Inject, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { PlatformQueueModule, ReadinessRegistry } from '@app/platform';
import { IdentityDirectoryModule } from '@app/identity';
import { RoadshowsDirectoryModule } from '@app/roadshows';
import { StartupsDirectoryModule } from '@app/startups';
import { DealsDirectoryModule } from '@app/matching';
import { EngagementDirectoryModule } from './directory/engagement-directory';
import { OutcomesController } from './outcomes/outcomes.controller';
import { OutcomesService } from './outcomes/outcomes.service';
import { EngagementSettingsService } from './settings/engagement-settings.service';
import { EngagementSettingsController, FollowUpsController, NotificationsController } from './engagement.controller';
import { NOTIFICATIONS_QUEUE, REMINDERS_QUEUE } from './engagement.events';
import { FollowUpsService } from './follow-ups/follow-ups.service';
import { HolidayCalendar, PostgresHolidayCalendar } from './holidays/holiday-calendar';
import { Mailer } from './mail/mailer';
import { EventNotifier } from './notifications/event-notifier';
import { NotificationsService } from './notifications/notifications.service';
import { NotificationsProcessor } from './notifications.processor';
import { RemindersProcessor, SweeperScheduler } from './reminders/reminders.processor';
import { RemindersService } from './reminders/reminders.service';

/** `/health/ready` reports how late the oldest due-and-unsent reminder is (`reminders.oldestOverdueSeconds`). */
@Injectable()
class RemindersReadiness implements OnModuleInit {
  constructor(
    @Inject(ReadinessRegistry) private readonly registry: ReadinessRegistry,
    private readonly reminders: RemindersService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'reminders',
      // A figure, not a dependency: when Postgres is down the database check names it, not this one.
      check: async () => {
        const o = await this.reminders.overdue().catch(() => null);
        return { ok: true, info: o ? { overdue: o.count, oldestOverdueSeconds: o.oldestSeconds } : { unknown: true } };
      },
    });
  }
}

/** The services both processes share (the API for routes, the worker for delivery). */
@Module({
  imports: [
    PlatformQueueModule.forFeature(NOTIFICATIONS_QUEUE, REMINDERS_QUEUE),
    IdentityDirectoryModule,
    RoadshowsDirectoryModule,
    StartupsDirectoryModule,
    DealsDirectoryModule,
    EngagementDirectoryModule,
  ],
  providers: [
    OutcomesService,
    EngagementSettingsService,
    Mailer,
    NotificationsService,
    RemindersService,
    PostgresHolidayCalendar,
    { provide: HolidayCalendar, useExisting: PostgresHolidayCalendar },
    FollowUpsService,
    RemindersReadiness,
  ],
  exports: [
    NotificationsService,
    RemindersService,
    FollowUpsService,
    OutcomesService,
    EngagementSettingsService,
    EngagementDirectoryModule,
    HolidayCalendar,
    PostgresHolidayCalendar,
    Mailer,
    IdentityDirectoryModule,
    RoadshowsDirectoryModule,
    StartupsDirectoryModule,
  ],
})
export class EngagementCoreModule {}

/** Runs in the API: the inbox, preferences, follow-ups and holiday-calendar routes; registers the queues. */
@Module({
  imports: [EngagementCoreModule],
  controllers: [NotificationsController, FollowUpsController, OutcomesController, EngagementSettingsController],
})
export class EngagementModule {}

/** Runs in the worker: the notifications queue (events → people), the reminders queue and its sweeper. */
@Module({
  imports: [EngagementCoreModule],
  providers: [EventNotifier, NotificationsProcessor, RemindersProcessor, SweeperScheduler],
})
export class EngagementWorkerModule {}
