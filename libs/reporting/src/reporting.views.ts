import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { INSTRUMENTS } from '@app/reference';

const int = (description?: string) => ({ type: 'integer' as const, ...(description ? { description } : {}) });

export class KeyCountView {
  @ApiProperty() key: string;
  @ApiProperty(int()) count: number;
}

export class InstrumentFigureView {
  @ApiProperty({ enum: INSTRUMENTS }) instrument: string;
  @ApiProperty(int('Deals signed with this instrument.')) count: number;
  @ApiProperty(int('Signed amount, 分.')) amount: number;
  @ApiProperty(int('投贷联动: the equity parts, 分 (0 otherwise).')) equityAmount: number;
  @ApiProperty(int('投贷联动: the loan parts, 分 (0 otherwise).')) loanAmount: number;
}

export class DealFiguresView {
  @ApiProperty(int('Signed or disbursed.')) signed: number;
  @ApiProperty(int('分.')) signedAmount: number;
  @ApiProperty(int()) disbursed: number;
  @ApiProperty(int('分.')) disbursedAmount: number;
  @ApiProperty({ type: [InstrumentFigureView], description: 'Every instrument, zeros included.' })
  byInstrument: InstrumentFigureView[];
}

export class FollowUpFiguresView {
  @ApiProperty(int()) total: number;
  @ApiProperty(int('Done by the deadline.')) onTime: number;
  @ApiProperty(int('Done after the deadline, or still open past it.')) late: number;
  @ApiProperty(int('Open, not yet due.')) open: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'onTime ÷ (onTime + late), 4 decimals; null while none is decided.',
  })
  onTimeRate: number | null;
  @ApiProperty(int('Acknowledged within the acknowledge clock.')) acknowledgedOnTime: number;
}

export class FollowUpKindFiguresView extends FollowUpFiguresView {
  @ApiProperty({ enum: ['investor_replies', 'founder_sends_data_room'] }) kind: string;
}

export class EventFollowUpsView extends FollowUpFiguresView {
  @ApiProperty({ type: [FollowUpKindFiguresView] }) byKind: FollowUpKindFiguresView[];
}

export class ReportEventView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() status: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}

export class ReportApplicationsView {
  @ApiProperty(int()) total: number;
  @ApiProperty(int()) accepted: number;
  @ApiProperty({ type: [KeyCountView], description: 'pending, accepted, waitlisted, rejected, withdrawn.' })
  byStatus: KeyCountView[];
}

export class ReportSessionView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) track: string | null;
  @ApiProperty(int('On the published agenda.')) onAgenda: number;
  @ApiProperty(int()) pitched: number;
}

export class ReportInvestorsView {
  @ApiProperty(int()) invited: number;
  @ApiProperty(int('RSVP accepted.')) rsvpAccepted: number;
  @ApiProperty(int('Checked in at the desk.')) attending: number;
}

export class ReportMeetingsView {
  @ApiProperty(int('Meeting requests made.')) requested: number;
  @ApiProperty(int()) accepted: number;
  @ApiProperty(int()) declined: number;
  @ApiProperty(int('Published and not cancelled.')) scheduled: number;
  @ApiProperty(int('Reported held (or an outcome recorded without a no-show).')) held: number;
  @ApiProperty(int()) noShow: number;
  @ApiProperty(int('Scheduled; neither held nor no-show reported yet.')) unrecorded: number;
  @ApiProperty(int()) cancelled: number;
}

export class ReportOutcomesView {
  @ApiProperty(int('Meetings with an outcome recorded by either side.')) recorded: number;
  @ApiProperty(int('Both sides agree.')) confirmed: number;
  @ApiProperty({ type: [KeyCountView], description: 'Shared stage: interested … disbursed, passed.' })
  byStage: KeyCountView[];
  @ApiProperty({ type: [KeyCountView], description: 'Passes by structured reason.' }) passReasons: KeyCountView[];
}

/** `GET /events/:id/report`: the figures of one roadshow event, shaped for charts. */
export class EventReportView {
  @ApiProperty({ type: ReportEventView }) event: ReportEventView;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: ReportApplicationsView }) applications: ReportApplicationsView;
  @ApiProperty(int('Projects on a published agenda whose pitch has started (all once the event is finished).'))
  pitched: number;
  @ApiProperty({ type: [ReportSessionView] }) sessions: ReportSessionView[];
  @ApiProperty({ type: ReportInvestorsView }) investors: ReportInvestorsView;
  @ApiProperty({ type: ReportMeetingsView }) meetings: ReportMeetingsView;
  @ApiProperty({ type: EventFollowUpsView }) followUps: EventFollowUpsView;
  @ApiProperty({ type: ReportOutcomesView }) outcomes: ReportOutcomesView;
  @ApiProperty({ type: DealFiguresView }) deals: DealFiguresView;
  @ApiProperty({
    type: [KeyCountView],
    description:
      'applied, accepted, pitched, met (meetings held), interested, due_diligence, term_sheet, signed, disbursed.',
  })
  funnel: KeyCountView[];
}

export class ProgrammeQueryDto {
  @ApiProperty({ format: 'date', description: 'First day (inclusive), in Asia/Shanghai.' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  from: string;
  @ApiProperty({ format: 'date', description: 'Last day (inclusive), in Asia/Shanghai; at most 3 years after `from`.' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  to: string;
}

export class ProgrammeEventRowView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty(int()) applications: number;
  @ApiProperty(int()) accepted: number;
  @ApiProperty(int()) pitched: number;
  @ApiProperty(int()) meetingsHeld: number;
  @ApiProperty(int()) signed: number;
  @ApiProperty(int('分.')) signedAmount: number;
}

/** `GET /reports/programme`: an organizer's events in a period. */
export class ProgrammeReportView {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty(int('Events (not drafts) starting in the period.')) events: number;
  @ApiProperty(int('Sessions with a published agenda that have started.')) sessionsHeld: number;
  @ApiProperty(int('Distinct organizations that applied or were invited.')) organizationsCovered: number;
  @ApiProperty(int()) founderOrganizations: number;
  @ApiProperty(int()) investorOrganizations: number;
  @ApiProperty({ type: [KeyCountView], description: 'Accepted projects by session track (`open`: no theme).' })
  projectsByTrack: KeyCountView[];
  @ApiProperty({ type: DealFiguresView }) deals: DealFiguresView;
  @ApiProperty({ type: FollowUpFiguresView }) followUps: FollowUpFiguresView;
  @ApiProperty({ type: [KeyCountView], description: 'applied → … → disbursed, summed over the events.' })
  funnel: KeyCountView[];
  @ApiProperty({ type: [ProgrammeEventRowView] }) perEvent: ProgrammeEventRowView[];
}

export class RateView {
  @ApiProperty() key: string;
  @ApiProperty({ type: Number, nullable: true, description: '4 decimals; null when the previous step is 0.' })
  rate: number | null;
}

export class MandateFitView {
  @ApiProperty() mandateId: string;
  @ApiProperty() mandateName: string;
  @ApiProperty(int()) deals: number;
  @ApiProperty(int('Deals that reached a meeting or beyond.')) engaged: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Engaged deals inside the stated stages.' })
  stageInsideShare: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Engaged deals inside the stated tracks.' })
  trackInsideShare: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Engaged deals inside the stated ticket range.' })
  ticketInsideShare: number | null;
}

/** `GET /reports/fund`: an investor organization's deal flow, stated vs actual per mandate. */
export class FundReportView {
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty(int()) deals: number;
  @ApiProperty({ type: [KeyCountView], description: 'Where the deals are now (every stage, passed included).' })
  pipeline: KeyCountView[];
  @ApiProperty({ type: [KeyCountView], description: 'Deals that ever reached each stage, new → disbursed.' })
  funnel: KeyCountView[];
  @ApiProperty({ type: [RateView], description: 'Each stage ÷ the previous one.' }) conversion: RateView[];
  @ApiProperty({ type: [KeyCountView] }) passReasons: KeyCountView[];
  @ApiProperty({
    type: DealFiguresView,
    description: 'Outcomes recorded on the deals and the event meetings (signed, amounts by instrument).',
  })
  signed: DealFiguresView;
  @ApiProperty({ type: [MandateFitView], description: 'Stated vs actual, per mandate with deals.' })
  mandates: MandateFitView[];
}
