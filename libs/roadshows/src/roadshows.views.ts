import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageMetaDto } from '@app/platform';
import { APPLICATION_STATUSES } from './entities/roadshow-application.entity';
import { EVENT_STATUSES, EVENT_VISIBILITIES } from './entities/roadshow-event.entity';
import { RSVP_STATUSES } from './entities/roadshow-invitation.entity';
import { ApplicationQuestionDto } from './roadshows.dto';

export class SessionView {
  @ApiProperty() id: string;
  @ApiProperty() eventId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) track: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: String, nullable: true }) room: string | null;
  @ApiProperty({ type: 'integer' }) maxPitches: number;
  @ApiProperty({ type: 'integer' }) pitchMinutes: number;
  @ApiProperty({ type: 'integer' }) qaMinutes: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) agendaPublishedAt: string | null;
}

export class EventView {
  @ApiProperty() id: string;
  @ApiProperty() organizationId: string;
  @ApiProperty() organizerName: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: String, nullable: true }) venue: string | null;
  @ApiProperty({ type: String, nullable: true }) onlineUrl: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'GB/T 2260 province, city or district code.' })
  regionCode: string | null;
  @ApiProperty() timeZone: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) applicationDeadline: string | null;
  @ApiProperty({ enum: EVENT_STATUSES }) status: string;
  @ApiProperty({ type: 'integer', nullable: true }) capacity: number | null;
  @ApiProperty({ enum: EVENT_VISIBILITIES }) visibility: string;
  @ApiProperty({ type: [ApplicationQuestionDto] }) questions: ApplicationQuestionDto[];
  @ApiProperty({ type: [SessionView] }) sessions: SessionView[];
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ description: 'You run this event.' }) mine: boolean;
}

export class EventListView extends PageMetaDto {
  @ApiProperty({ type: [EventView] }) items: EventView[];
}

export class ApplicationView {
  @ApiProperty() id: string;
  @ApiProperty() eventId: string;
  @ApiProperty() eventTitle: string;
  @ApiProperty({ type: String, nullable: true }) sessionId: string | null;
  @ApiProperty() projectId: string;
  @ApiProperty({ type: String, nullable: true }) projectTitle: string | null;
  @ApiProperty({ type: String, nullable: true }) startupName: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) answers: Record<string, string>;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: string;
  @ApiProperty({ type: String, nullable: true, description: 'The organizer’s reason (waitlist, rejection).' })
  decisionReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** Why an applicant ranks where it does: theme fit, the invited investors' mandates, qualifications. */
export class ApplicantFitView {
  @ApiProperty({ description: 'The project’s tracks include the session’s theme (true for an open session).' })
  themeMatch: boolean;
  @ApiProperty({
    type: 'integer',
    description: 'Invited investors’ discoverable mandates this project is eligible for.',
  })
  eligibleMandates: number;
  @ApiProperty({ type: 'integer', description: 'Invited investors’ discoverable mandates considered.' })
  mandatesConsidered: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Best score (0–100) among them.' }) bestScore:
    number | null;
  @ApiProperty({ type: [String], description: 'Qualifications held and valid today (高新技术企业, 专精特新 …).' })
  qualifications: string[];
  @ApiProperty({ enum: ['pass', 'fail', 'unknown'], description: '科技型中小企业 evaluation verdict.' })
  techSmeVerdict: string;
  @ApiProperty({ type: Number, nullable: true }) techSmePoints: number | null;
  @ApiProperty({ type: [String] }) tracks: string[];
  @ApiProperty({ type: String, nullable: true }) stage: string | null;
}

export class RankedApplicationView extends ApplicationView {
  @ApiProperty({ type: 'integer', description: '1 = best fit.' }) rank: number;
  @ApiProperty({
    type: ApplicantFitView,
    nullable: true,
    description: 'Null when the project has no features (deleted).',
  })
  fit: ApplicantFitView | null;
}

export class RankedApplicationListView {
  @ApiProperty({ type: [RankedApplicationView] }) items: RankedApplicationView[];
  @ApiProperty({ type: 'integer' }) accepted: number;
  @ApiProperty({ type: 'integer', nullable: true }) capacity: number | null;
}

export class ApplicationListView {
  @ApiProperty({ type: [ApplicationView] }) items: ApplicationView[];
}

export class PitchSlotView {
  @ApiProperty({ type: 'integer', description: '1-based order.' }) position: number;
  @ApiProperty() applicationId: string;
  @ApiProperty() projectId: string;
  @ApiProperty({ type: String, nullable: true }) projectTitle: string | null;
  @ApiProperty({ type: String, nullable: true }) startupName: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}

export class AgendaView {
  @ApiProperty() sessionId: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: [PitchSlotView] }) slots: PitchSlotView[];
}

export class EventInvitationView {
  @ApiProperty() id: string;
  @ApiProperty() eventId: string;
  @ApiProperty() investorOrganizationId: string;
  @ApiProperty() investorName: string;
  @ApiProperty({ enum: RSVP_STATUSES }) status: string;
  @ApiPropertyOptional({ description: 'Only to the invited organization and the organizer.' }) checkInCode?: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedInAt: string | null;
}

export class InvitationListView {
  @ApiProperty({ type: [EventInvitationView] }) items: EventInvitationView[];
}

export class InvestorSuggestionView {
  @ApiProperty() organizationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['fund', 'bank'] }) kind: string;
  @ApiProperty({ type: 'integer', description: 'Accepted projects eligible under at least one of its mandates.' })
  matchingProjects: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Best score among them.' }) bestScore: number | null;
  @ApiProperty({ description: 'Already invited.' }) invited: boolean;
}

export class InvestorSuggestionListView {
  @ApiProperty({ type: [InvestorSuggestionView] }) items: InvestorSuggestionView[];
}

export class CalendarFeedView {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ description: 'The private feed path (shown once, at creation).' }) url?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
}

export class GridSlotView {
  @ApiProperty({ type: 'integer' }) index: number;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ enum: ['morning', 'afternoon'] }) session: string;
}

export class MeetingGridView {
  @ApiProperty() eventId: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: 'integer' }) slotMinutes: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lunchStartsAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lunchEndsAt: string | null;
  @ApiProperty({ type: 'integer' }) tables: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) booths: Record<string, string>;
  @ApiProperty({ type: 'integer' }) minMeetings: number;
  @ApiProperty({ type: 'integer', nullable: true }) maxMeetings: number | null;
  @ApiProperty({ type: 'integer' }) pendingQuota: number;
  @ApiProperty({ type: 'integer' }) requestTtlHours: number;
  @ApiProperty({ type: [GridSlotView] }) slots: GridSlotView[];
}

export class ParticipantProjectView {
  @ApiProperty() projectId: string;
  @ApiProperty() title: string;
}

export class ParticipantView {
  @ApiProperty() organizationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['founder', 'investor'] }) role: string;
  @ApiProperty({ type: [ParticipantProjectView] }) projects: ParticipantProjectView[];
}

export class ParticipantListView {
  @ApiProperty({ type: [ParticipantView] }) items: ParticipantView[];
}

export class MeetingRequestView {
  @ApiProperty() id: string;
  @ApiProperty() eventId: string;
  @ApiProperty() fromOrganizationId: string;
  @ApiProperty() fromName: string;
  @ApiProperty() toOrganizationId: string;
  @ApiProperty() toName: string;
  @ApiProperty({ type: String, nullable: true }) projectId: string | null;
  @ApiProperty() message: string;
  @ApiProperty({ enum: ['must', 'would_like'] }) priority: string;
  @ApiProperty({ enum: ['pending', 'accepted', 'declined', 'withdrawn', 'expired'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) declineReason: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Match score in [0, 1] once accepted (the scheduler weighs by it).',
  })
  score: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MeetingRequestListView {
  @ApiProperty({ type: [MeetingRequestView] }) items: MeetingRequestView[];
}

export class MyMeetingSlotView {
  @ApiProperty({ type: 'integer', description: 'Grid slot index.' }) slot: number;
  @ApiProperty() table: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}

/** A request the acting organization sent or received, with its event, project and published slot. */
export class MyMeetingRequestView extends MeetingRequestView {
  @ApiProperty({ enum: ['sent', 'received'] }) direction: 'sent' | 'received';
  @ApiProperty() eventTitle: string;
  @ApiProperty({ format: 'date-time' }) eventStartsAt: string;
  @ApiProperty({ description: 'IANA zone the event is held in.' }) eventTimeZone: string;
  @ApiProperty({ description: 'The other party (the sender for a received request, else the recipient).' })
  counterpartName: string;
  @ApiProperty({ type: String, nullable: true }) projectTitle: string | null;
  @ApiProperty({ type: MyMeetingSlotView, nullable: true, description: 'The published meeting, once scheduled.' })
  meeting: MyMeetingSlotView | null;
}

export class MyMeetingRequestPageView extends PageMetaDto {
  @ApiProperty({ type: [MyMeetingRequestView] }) items: MyMeetingRequestView[];
}

export class MeetingView {
  @ApiProperty() requestId: string;
  @ApiProperty() eventId: string;
  @ApiProperty({ type: 'integer' }) slot: number;
  @ApiProperty() table: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ description: 'Kept in place when the day is re-planned.' }) locked: boolean;
  @ApiProperty() fromOrganizationId: string;
  @ApiProperty() fromName: string;
  @ApiProperty() toOrganizationId: string;
  @ApiProperty() toName: string;
  @ApiProperty({ type: String, nullable: true }) projectId: string | null;
  @ApiProperty({ type: String, nullable: true }) projectTitle: string | null;
  @ApiProperty({ enum: ['must', 'would_like'] }) priority: string;
}

export class MeetingListView {
  @ApiProperty({ type: [MeetingView] }) items: MeetingView[];
}

export class ScheduleFiguresView {
  @ApiProperty({ type: 'integer' }) meetings: number;
  @ApiProperty({ type: Number }) weight: number;
}

export class ScheduleBoundsView {
  @ApiProperty({ type: ScheduleFiguresView, description: 'LP relaxation: no schedule holds more.' })
  lp: ScheduleFiguresView;
  @ApiPropertyOptional({ type: ScheduleFiguresView, description: 'The proven optimum (small days).' })
  mip?: ScheduleFiguresView;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Fewest breaks at the optimum, when proven.' })
  breaksLowerBound: number | null;
}

export class UnscheduledMeetingView {
  @ApiProperty() requestId: string;
  @ApiProperty({ enum: ['NO_COMMON_SLOT', 'PARTICIPANT_FULL', 'PARTICIPANT_BUSY', 'NO_TABLE'] }) reason: string;
}

export class MovedMeetingView {
  @ApiProperty() requestId: string;
  @ApiProperty({ type: 'integer' }) fromSlot: number;
  @ApiProperty() fromTable: string;
  @ApiProperty({ type: 'integer' }) toSlot: number;
  @ApiProperty() toTable: string;
}

export class PlannedMeetingView {
  @ApiProperty() requestId: string;
  @ApiProperty({ type: 'integer' }) slot: number;
  @ApiProperty() table: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}

export class ScheduleResultView {
  @ApiProperty({ type: [PlannedMeetingView], description: 'The proposed plan (provisional until published).' })
  assignments: PlannedMeetingView[];
  @ApiProperty({ type: 'integer' }) requests: number;
  @ApiProperty({ type: 'integer' }) meetings: number;
  @ApiProperty({ type: Number }) weight: number;
  @ApiProperty({ type: 'integer', description: 'Idle gaps between two meetings of one participant (lunch excluded).' })
  breaks: number;
  @ApiProperty({ type: 'integer' }) maxBreaksPerParticipant: number;
  @ApiProperty({ type: ScheduleBoundsView }) bounds: ScheduleBoundsView;
  @ApiProperty({ type: ScheduleFiguresView, description: 'Achieved ÷ best proven bound.' }) ratio: ScheduleFiguresView;
  @ApiProperty({ type: [UnscheduledMeetingView] }) unscheduled: UnscheduledMeetingView[];
  @ApiProperty({ type: [MovedMeetingView], description: 'Published meetings this plan moves.' })
  moved: MovedMeetingView[];
  @ApiProperty({ type: [String], description: 'Participants below their minimum number of meetings.' })
  belowMin: string[];
  @ApiProperty({ type: 'integer' }) ms: number;
}

export class ScheduleRunView {
  @ApiProperty() id: string;
  @ApiProperty() eventId: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed', 'published', 'superseded'] }) status: string;
  @ApiProperty({ type: 'integer' }) seed: number;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty({ type: ScheduleResultView, nullable: true }) result: ScheduleResultView | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why a run failed (a SCHEDULE_INPUT_INVALID code and field).',
  })
  error: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
}

export class AvailabilityView {
  @ApiProperty() eventId: string;
  @ApiProperty() organizationId: string;
  @ApiProperty({ type: [Number], description: 'Slots you marked unavailable.' }) unavailableSlots: number[];
  @ApiProperty({ type: [Number], description: 'Slots blocked by your own pitch.' }) pitchSlots: number[];
}
