import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { CurrentPrincipal, Principal } from '@app/identity';
import { ApiErrors, Public, UuidPipe } from '@app/platform';
import { AgendaService } from './agenda/agenda.service';
import { ApplicationsService } from './applications/applications.service';
import { CalendarsService } from './calendars/calendars.service';
import { EventsService, sessionView } from './events/events.service';
import { InvestorsService } from './investors/investors.service';
import { roadshowsError } from './roadshows.errors';
import {
  AgendaDto,
  ApplyDto,
  CheckInDto,
  CreateEventDto,
  CreateSessionDto,
  DecideApplicationDto,
  EventListQueryDto,
  EventStatusDto,
  InviteInvestorDto,
  RsvpDto,
  UpdateEventDto,
} from './roadshows.dto';
import {
  AgendaView,
  ApplicationListView,
  ApplicationView,
  CalendarFeedView,
  EventListView,
  EventView,
  InvestorSuggestionListView,
  InvitationListView,
  EventInvitationView,
  RankedApplicationListView,
  SessionView,
} from './roadshows.views';

class ApplicantsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this session’s applicants.' })
  @IsOptional()
  @IsUUID()
  sessionId?: string;
}

/** Only a calendar is sent as text/calendar: errors stay JSON with their code. */
function asCalendar(reply: FastifyReply, text: string): string {
  reply.type('text/calendar; charset=utf-8');
  return text;
}

const ORGANIZER_ERRORS = [
  'UNAUTHENTICATED',
  'VALIDATION_FAILED',
  'FORBIDDEN',
  'EVENT_ORG_KIND_INVALID',
  'EVENT_NOT_FOUND',
];

@ApiTags('roadshows')
@ApiBearerAuth()
@Controller()
export class RoadshowsController {
  constructor(
    private readonly events: EventsService,
    private readonly applications: ApplicationsService,
    private readonly agenda: AgendaService,
    private readonly investors: InvestorsService,
    private readonly calendars: CalendarsService,
  ) {}

  // ── events and sessions ─────────────────────────────────────────────────────────────────────
  @Post('events')
  @ApiOperation({ summary: 'Create a roadshow event (organizers). Starts as a draft.' })
  @ApiCreatedResponse({ type: EventView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'FORBIDDEN', 'EVENT_ORG_KIND_INVALID', 'EVENT_INVALID')
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateEventDto): Promise<EventView> {
    const [view] = await this.events.views(principal, [await this.events.create(principal, dto)]);
    return view;
  }

  @Get('events')
  @ApiOperation({
    summary:
      'Events you may see: public ones, yours, and those you take part in; newest first, keyset paged, by region.',
  })
  @ApiOkResponse({ type: EventListView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'INVALID_CURSOR', 'EVENT_ORG_KIND_INVALID')
  async list(@CurrentPrincipal() principal: Principal, @Query() query: EventListQueryDto): Promise<EventListView> {
    const page = await this.events.list(principal, query);
    return { items: await this.events.views(principal, page.items), nextCursor: page.nextCursor };
  }

  @Get('events/:id')
  @ApiOkResponse({ type: EventView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'EVENT_NOT_FOUND')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<EventView> {
    const [view] = await this.events.views(principal, [await this.events.readable(principal, id)]);
    return view;
  }

  @Patch('events/:id')
  @ApiOperation({ summary: 'Edit an event (send the `version` you read).' })
  @ApiOkResponse({ type: EventView })
  @ApiErrors(...ORGANIZER_ERRORS, 'EVENT_INVALID', 'EVENT_STATE_INVALID', 'EVENT_VERSION_CONFLICT')
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateEventDto,
  ): Promise<EventView> {
    const [view] = await this.events.views(principal, [await this.events.update(principal, id, dto)]);
    return view;
  }

  @Post('events/:id/status')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the event: draft → open → closed → live → finished (open ↔ closed).' })
  @ApiOkResponse({ type: EventView })
  @ApiErrors(...ORGANIZER_ERRORS, 'EVENT_INVALID', 'EVENT_STATE_INVALID')
  async status(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: EventStatusDto,
  ): Promise<EventView> {
    const [view] = await this.events.views(principal, [await this.events.transition(principal, id, dto.to)]);
    return view;
  }

  @Post('events/:id/sessions')
  @ApiOperation({ summary: 'Add a themed session (inside the event; a room holds one session at a time).' })
  @ApiCreatedResponse({ type: SessionView })
  @ApiErrors(...ORGANIZER_ERRORS, 'SESSION_INVALID', 'EVENT_STATE_INVALID')
  async addSession(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CreateSessionDto,
  ): Promise<SessionView> {
    return sessionView(await this.events.addSession(principal, id, dto));
  }

  @Get('events/:id/calendar.ics')
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: 'The event’s programme as iCalendar (its zone’s VTIMEZONE, stable UIDs, SEQUENCE).' })
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'EVENT_NOT_FOUND')
  async eventCalendar(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return asCalendar(reply, await this.calendars.eventCalendar(principal, id));
  }

  // ── applications ────────────────────────────────────────────────────────────────────────────
  @Post('events/:id/applications')
  @ApiOperation({ summary: 'Apply with one of your published projects (founders), answering the event’s questions.' })
  @ApiCreatedResponse({ type: ApplicationView })
  @ApiErrors(
    'UNAUTHENTICATED',
    'VALIDATION_FAILED',
    'EVENT_NOT_FOUND',
    'SESSION_NOT_FOUND',
    'APPLICATION_CLOSED',
    'APPLICATION_INVALID',
    'APPLICATION_EXISTS',
  )
  async apply(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: ApplyDto,
  ): Promise<ApplicationView> {
    const [view] = await this.applications.views([await this.applications.apply(principal, id, dto)]);
    return view;
  }

  @Get('events/:id/applications')
  @ApiOperation({
    summary:
      'The organizer’s applicant list, ranked by theme fit and by the invited investors’ mandates (the matching engine).',
  })
  @ApiOkResponse({ type: RankedApplicationListView })
  @ApiErrors(...ORGANIZER_ERRORS)
  applicants(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Query() query: ApplicantsQueryDto,
  ): Promise<RankedApplicationListView> {
    return this.applications.ranked(principal, id, query.sessionId);
  }

  @Get('applications')
  @ApiOperation({ summary: 'Your organization’s applications and their status (founders).' })
  @ApiOkResponse({ type: ApplicationListView })
  @ApiErrors('UNAUTHENTICATED')
  async mine(@CurrentPrincipal() principal: Principal): Promise<ApplicationListView> {
    return { items: await this.applications.mine(principal) };
  }

  @Post('applications/:id/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept, waitlist or reject (with a reason the founder sees).' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiErrors(
    ...ORGANIZER_ERRORS,
    'APPLICATION_NOT_FOUND',
    'APPLICATION_INVALID',
    'APPLICATION_STATE_INVALID',
    'EVENT_FULL',
    'AGENDA_FROZEN',
    'SESSION_NOT_FOUND',
  )
  async decide(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: DecideApplicationDto,
  ): Promise<ApplicationView> {
    const [view] = await this.applications.views([await this.applications.decide(principal, id, dto)]);
    return view;
  }

  @Post('applications/:id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationView })
  @ApiErrors(
    'UNAUTHENTICATED',
    'VALIDATION_FAILED',
    'APPLICATION_NOT_FOUND',
    'APPLICATION_STATE_INVALID',
    'AGENDA_FROZEN',
  )
  async withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<ApplicationView> {
    const [view] = await this.applications.views([await this.applications.withdraw(principal, id)]);
    return view;
  }

  // ── agenda ──────────────────────────────────────────────────────────────────────────────────
  @Get('sessions/:id/agenda')
  @ApiOkResponse({ type: AgendaView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'SESSION_NOT_FOUND')
  getAgenda(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<AgendaView> {
    return this.agenda.get(principal, id);
  }

  @Put('sessions/:id/agenda')
  @ApiOperation({
    summary: 'Set the pitch order (accepted applications of this session); times follow from the session.',
  })
  @ApiOkResponse({ type: AgendaView })
  @ApiErrors(
    'UNAUTHENTICATED',
    'VALIDATION_FAILED',
    'FORBIDDEN',
    'EVENT_ORG_KIND_INVALID',
    'SESSION_NOT_FOUND',
    'AGENDA_INVALID',
    'AGENDA_FROZEN',
  )
  setAgenda(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: AgendaDto,
  ): Promise<AgendaView> {
    return this.agenda.set(principal, id, dto.applicationIds);
  }

  @Post('sessions/:id/agenda/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish and freeze the agenda; participants are told and calendars update.' })
  @ApiOkResponse({ type: AgendaView })
  @ApiErrors(
    'UNAUTHENTICATED',
    'VALIDATION_FAILED',
    'FORBIDDEN',
    'EVENT_ORG_KIND_INVALID',
    'SESSION_NOT_FOUND',
    'AGENDA_INVALID',
    'AGENDA_FROZEN',
    'EVENT_STATE_INVALID',
  )
  publishAgenda(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<AgendaView> {
    return this.agenda.publish(principal, id);
  }

  // ── investors ───────────────────────────────────────────────────────────────────────────────
  @Get('events/:id/investor-suggestions')
  @ApiOperation({ summary: 'Funds and banks ranked by how many accepted projects match their mandates.' })
  @ApiOkResponse({ type: InvestorSuggestionListView })
  @ApiErrors(...ORGANIZER_ERRORS)
  async suggestions(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<InvestorSuggestionListView> {
    return { items: await this.investors.suggestions(principal, id) };
  }

  @Post('events/:id/invitations')
  @ApiCreatedResponse({ type: EventInvitationView })
  @ApiErrors(...ORGANIZER_ERRORS, 'INVITEE_INVALID', 'EVENT_INVITATION_EXISTS', 'EVENT_STATE_INVALID')
  invite(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: InviteInvestorDto,
  ): Promise<EventInvitationView> {
    return this.investors.invite(principal, id, dto.investorOrganizationId);
  }

  @Get('events/:id/invitations')
  @ApiOperation({
    summary: 'The organizer sees every invitation; an invited investor its own (with its check-in code).',
  })
  @ApiOkResponse({ type: InvitationListView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'EVENT_NOT_FOUND')
  async invitations(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<InvitationListView> {
    return { items: await this.investors.list(principal, id) };
  }

  @Post('invitations/:id/rsvp')
  @HttpCode(200)
  @ApiOkResponse({ type: EventInvitationView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'EVENT_INVITATION_NOT_FOUND')
  rsvp(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: RsvpDto,
  ): Promise<EventInvitationView> {
    return this.investors.rsvp(principal, id, dto.status);
  }

  @Post('events/:id/check-in')
  @HttpCode(200)
  @ApiOperation({ summary: 'The check-in desk: an attendee’s code (repeating it is harmless).' })
  @ApiOkResponse({ type: EventInvitationView })
  @ApiErrors(...ORGANIZER_ERRORS, 'CHECK_IN_CODE_INVALID')
  checkIn(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CheckInDto,
  ): Promise<EventInvitationView> {
    return this.investors.checkIn(principal, id, dto.code);
  }

  @Get('meetings/:id/invite.ics')
  @ApiProduces('text/calendar')
  @ApiOperation({
    summary:
      'One published meeting as an invite (METHOD:REQUEST; METHOD:CANCEL once cancelled), for its parties and the organizer.',
  })
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'MEETING_NOT_FOUND')
  async meetingInvite(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return asCalendar(reply, await this.calendars.meetingInvite(principal, id));
  }

  // ── calendar feeds ──────────────────────────────────────────────────────────────────────────
  @Post('calendar-feeds')
  @ApiOperation({ summary: 'A private calendar feed of your roadshow sessions and pitches (the URL is shown once).' })
  @ApiCreatedResponse({ type: CalendarFeedView })
  @ApiErrors('UNAUTHENTICATED')
  createFeed(@CurrentPrincipal() principal: Principal): Promise<CalendarFeedView> {
    return this.calendars.createFeed(principal);
  }

  @Get('calendar-feeds')
  @ApiOkResponse({ type: [CalendarFeedView] })
  @ApiErrors('UNAUTHENTICATED')
  listFeeds(@CurrentPrincipal() principal: Principal): Promise<CalendarFeedView[]> {
    return this.calendars.listFeeds(principal);
  }

  @Delete('calendar-feeds/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'CALENDAR_FEED_NOT_FOUND')
  revokeFeed(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.calendars.revokeFeed(principal, id);
  }
}

/** The feed URL itself: calendar apps send no credentials, the unguessable token is the credential. */
@ApiTags('roadshows')
@Controller('calendar-feeds')
export class CalendarFeedController {
  constructor(private readonly calendars: CalendarsService) {}

  @Public()
  @Get(':token.ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiErrors('CALENDAR_FEED_NOT_FOUND')
  async feed(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw roadshowsError('CALENDAR_FEED_NOT_FOUND');
    const text = await this.calendars.feed(token);
    reply.header('cache-control', 'private, max-age=300');
    return asCalendar(reply, text);
  }
}
