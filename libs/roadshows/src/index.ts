/** Roadshows: events, themed sessions, applications, agenda, investors, 1:1 meetings, the scheduler, calendars. */
export * from './roadshows.module';
export * from './roadshows.errors';
export * from './roadshows.events';
export * from './roadshows.views';
export * from './directory/roadshow-directory';

import { RoadshowApplicationEntity } from './entities/roadshow-application.entity';
import { RoadshowCalendarFeedEntity } from './entities/roadshow-calendar-feed.entity';
import { RoadshowEventEntity } from './entities/roadshow-event.entity';
import { RoadshowInvitationEntity } from './entities/roadshow-invitation.entity';
import { RoadshowPitchSlotEntity } from './entities/roadshow-pitch-slot.entity';
import { RoadshowSessionEntity } from './entities/roadshow-session.entity';
import { RoadshowMeetingGridEntity } from './entities/roadshow-meeting-grid.entity';
import { RoadshowMeetingRequestEntity } from './entities/roadshow-meeting-request.entity';
import { RoadshowMeetingEntity } from './entities/roadshow-meeting.entity';
import { RoadshowScheduleRunEntity } from './entities/roadshow-schedule-run.entity';
import { RoadshowAvailabilityEntity } from './entities/roadshow-availability.entity';

export const ROADSHOWS_ENTITIES = [
  RoadshowEventEntity,
  RoadshowSessionEntity,
  RoadshowApplicationEntity,
  RoadshowPitchSlotEntity,
  RoadshowInvitationEntity,
  RoadshowCalendarFeedEntity,
  RoadshowMeetingGridEntity,
  RoadshowMeetingRequestEntity,
  RoadshowMeetingEntity,
  RoadshowScheduleRunEntity,
  RoadshowAvailabilityEntity,
];

// ── Scheduler (pure: libs/roadshows/src/scheduler; HiGHS bounds: scheduler-bounds) ──────────────
export * from './scheduler';
export * from './scheduler-bounds';
// ── end Scheduler ──────────────────────────────────────────────────────────────────────────────

// ── Services (the demo seed drives a roadshow day through them, as the API does) ───────────────
export { EventsService } from './events/events.service';
export { ApplicationsService } from './applications/applications.service';
export { AgendaService } from './agenda/agenda.service';
export { InvestorsService } from './investors/investors.service';
export { MeetingsService } from './meetings/meetings.service';
export { SchedulePlanner } from './meetings/schedule-planner';
