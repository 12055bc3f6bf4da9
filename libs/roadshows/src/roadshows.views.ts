import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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

export class EventListView {
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

export class InvitationView {
  @ApiProperty() id: string;
  @ApiProperty() eventId: string;
  @ApiProperty() investorOrganizationId: string;
  @ApiProperty() investorName: string;
  @ApiProperty({ enum: RSVP_STATUSES }) status: string;
  @ApiPropertyOptional({ description: 'Only to the invited organization and the organizer.' }) checkInCode?: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedInAt: string | null;
}

export class InvitationListView {
  @ApiProperty({ type: [InvitationView] }) items: InvitationView[];
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
