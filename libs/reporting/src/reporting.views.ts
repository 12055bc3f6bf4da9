import { ApiProperty } from '@nestjs/swagger';
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
