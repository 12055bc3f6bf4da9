import { Module } from '@nestjs/common';
import { PlatformQueueModule } from '@app/platform';
import { IdentityModule } from '@app/identity';
import { FundsModule } from '@app/funds';
import { SnapshotModule } from '@app/matching';
import { StartupsModule } from '@app/startups';
import { AgendaService } from './agenda/agenda.service';
import { ApplicationsService } from './applications/applications.service';
import { CalendarsService } from './calendars/calendars.service';
import { EventsService } from './events/events.service';
import { InvestorsService } from './investors/investors.service';
import { MeetingsService } from './meetings/meetings.service';
import { ScheduleProcessor } from './meetings/schedule.processor';
import { SchedulePlanner } from './meetings/schedule-planner';
import { MeetingsController } from './meetings/meetings.controller';
import { CalendarFeedController, RoadshowsController } from './roadshows.controller';
import { ROADSHOW_SCHEDULING_QUEUE } from './roadshows.events';
import { RoadshowDirectory } from './directory/roadshow-directory';

/** Roadshows' read port without its routes (engagement reads agendas and meetings through it, in either process). */
@Module({ providers: [RoadshowDirectory], exports: [RoadshowDirectory] })
export class RoadshowsDirectoryModule {}

/** Runs in the API: roadshow events, sessions, applications, agenda, investors, meetings and calendars. */
@Module({
  imports: [
    IdentityModule,
    StartupsModule,
    FundsModule,
    SnapshotModule,
    PlatformQueueModule.forFeature(ROADSHOW_SCHEDULING_QUEUE),
    RoadshowsDirectoryModule,
  ],
  controllers: [RoadshowsController, MeetingsController, CalendarFeedController],
  providers: [EventsService, ApplicationsService, AgendaService, InvestorsService, CalendarsService, MeetingsService],
  exports: [EventsService, ApplicationsService, RoadshowsDirectoryModule],
})
export class RoadshowsModule {}

/** Runs in the worker: the `roadshow-scheduling` queue (the scheduler and its HiGHS bounds). */
@Module({
  imports: [PlatformQueueModule.forFeature(ROADSHOW_SCHEDULING_QUEUE)],
  providers: [SchedulePlanner, ScheduleProcessor],
  exports: [SchedulePlanner],
})
export class RoadshowsWorkerModule {}
