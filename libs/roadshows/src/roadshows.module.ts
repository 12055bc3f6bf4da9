import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { FundsModule } from '@app/funds';
import { SnapshotModule } from '@app/matching';
import { StartupsModule } from '@app/startups';
import { AgendaService } from './agenda/agenda.service';
import { ApplicationsService } from './applications/applications.service';
import { CalendarsService } from './calendars/calendars.service';
import { EventsService } from './events/events.service';
import { InvestorsService } from './investors/investors.service';
import { CalendarFeedController, RoadshowsController } from './roadshows.controller';

/** Runs in the API: roadshow events, sessions, applications, agenda, investors and calendars. */
@Module({
  imports: [IdentityModule, StartupsModule, FundsModule, SnapshotModule],
  controllers: [RoadshowsController, CalendarFeedController],
  providers: [EventsService, ApplicationsService, AgendaService, InvestorsService, CalendarsService],
  exports: [EventsService, ApplicationsService],
})
export class RoadshowsModule {}
