import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { CurrentPrincipal, Principal } from '@app/identity';
import { ApiErrors, UuidPipe, RateLimited } from '@app/platform';
import {
  AvailabilityDto,
  DeclineDto,
  MeetingGridDto,
  MeetingRequestDto,
  MyMeetingRequestQueryDto,
  ScheduleRunDto,
} from '../roadshows.dto';
import {
  AvailabilityView,
  MeetingGridView,
  MeetingListView,
  MeetingRequestListView,
  MeetingRequestView,
  MeetingView,
  MyMeetingRequestPageView,
  ParticipantListView,
  ScheduleRunView,
} from '../roadshows.views';
import { MeetingsService } from './meetings.service';

class LockDto {
  @ApiProperty() @IsBoolean() locked: boolean;
}

class MoveMeetingDto {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 199, description: 'Grid slot index.' })
  @IsInt()
  @Min(0)
  @Max(199)
  slot: number;
  @ApiPropertyOptional({
    description: 'A shared table (T1 … Tn); by default the current one if free, else the lowest free.',
  })
  @IsOptional()
  @IsString()
  @Matches(/^T\d{1,3}$/)
  table?: string;
}

const ORGANIZER = ['UNAUTHENTICATED', 'VALIDATION_FAILED', 'FORBIDDEN', 'EVENT_ORG_KIND_INVALID', 'EVENT_NOT_FOUND'];

@ApiTags('roadshows')
@ApiBearerAuth()
@Controller()
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Put('events/:id/meeting-grid')
  @ApiOperation({
    summary: 'The 1:1 window: equal slots, optional lunch (morning / afternoon), tables or booths, limits.',
  })
  @ApiOkResponse({ type: MeetingGridView })
  @ApiErrors(...ORGANIZER, 'GRID_INVALID', 'EVENT_STATE_INVALID')
  setGrid(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: MeetingGridDto,
  ): Promise<MeetingGridView> {
    return this.meetings.setGrid(principal, id, dto);
  }

  @Get('events/:id/meeting-grid')
  @ApiOkResponse({ type: MeetingGridView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'EVENT_NOT_FOUND', 'GRID_MISSING')
  grid(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<MeetingGridView> {
    return this.meetings.grid(principal, id);
  }

  @Get('events/:id/participants')
  @ApiOperation({
    summary: 'Who takes part (accepted founders, invited investors): the people you can request a meeting with.',
  })
  @ApiOkResponse({ type: ParticipantListView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'EVENT_NOT_FOUND')
  async participants(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<ParticipantListView> {
    return { items: await this.meetings.participants(principal, id) };
  }

  @Put('events/:id/availability')
  @ApiOperation({ summary: 'Your unavailable slots on the 1:1 grid (participants); your own pitch is blocked anyway.' })
  @ApiOkResponse({ type: AvailabilityView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'EVENT_NOT_FOUND', 'GRID_MISSING', 'GRID_INVALID')
  setAvailability(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: AvailabilityDto,
  ): Promise<AvailabilityView> {
    return this.meetings.setAvailability(principal, id, dto.unavailableSlots);
  }

  @Get('events/:id/availability')
  @ApiOkResponse({ type: AvailabilityView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'EVENT_NOT_FOUND', 'GRID_MISSING')
  availability(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<AvailabilityView> {
    return this.meetings.availability(principal, id);
  }

  @Post('events/:id/meeting-requests')
  @ApiOperation({
    summary: 'Request a 1:1 with another participant (any kind), within your quota of pending requests.',
  })
  @ApiCreatedResponse({ type: MeetingRequestView })
  @ApiErrors(
    'UNAUTHENTICATED',
    'VALIDATION_FAILED',
    'EVENT_NOT_FOUND',
    'GRID_MISSING',
    'EVENT_STATE_INVALID',
    'MEETING_REQUEST_INVALID',
    'MEETING_REQUEST_EXISTS',
    'MEETING_REQUEST_QUOTA',
  )
  request(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: MeetingRequestDto,
  ): Promise<MeetingRequestView> {
    return this.meetings.request(principal, id, dto);
  }

  @Get('events/:id/meeting-requests')
  @ApiOperation({ summary: 'Requests you sent or received (the organizer sees all).' })
  @ApiOkResponse({ type: MeetingRequestListView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'EVENT_NOT_FOUND')
  async requests(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<MeetingRequestListView> {
    return { items: await this.meetings.requests(principal, id) };
  }

  @Get('meeting-requests')
  @ApiOperation({
    summary:
      'Requests your organization sent or received across every event, newest first, with the event, the project and the published slot.',
  })
  @ApiOkResponse({ type: MyMeetingRequestPageView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'INVALID_CURSOR')
  mine(
    @CurrentPrincipal() principal: Principal,
    @Query() query: MyMeetingRequestQueryDto,
  ): Promise<MyMeetingRequestPageView> {
    return this.meetings.myRequests(principal, query);
  }

  @Post('meeting-requests/:id/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: MeetingRequestView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'MEETING_REQUEST_NOT_FOUND', 'MEETING_REQUEST_STATE_INVALID')
  accept(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<MeetingRequestView> {
    return this.meetings.answer(principal, id, true);
  }

  @Post('meeting-requests/:id/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: MeetingRequestView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'MEETING_REQUEST_NOT_FOUND', 'MEETING_REQUEST_STATE_INVALID')
  decline(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: DeclineDto,
  ): Promise<MeetingRequestView> {
    return this.meetings.answer(principal, id, false, dto.reason);
  }

  @Post('meeting-requests/:id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: MeetingRequestView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'MEETING_REQUEST_NOT_FOUND', 'MEETING_REQUEST_STATE_INVALID')
  withdraw(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<MeetingRequestView> {
    return this.meetings.withdraw(principal, id);
  }

  @Post('events/:id/schedule-runs')
  @RateLimited('schedule-runs')
  @HttpCode(202)
  @ApiOperation({ summary: 'Run the scheduler (in the worker); poll the run for progress, the plan and its bounds.' })
  @ApiAcceptedResponse({ type: ScheduleRunView })
  @ApiErrors('RATE_LIMITED', ...ORGANIZER, 'GRID_MISSING')
  startRun(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: ScheduleRunDto,
  ): Promise<ScheduleRunView> {
    return this.meetings.startRun(principal, id, dto.seed);
  }

  @Get('schedule-runs/:id')
  @ApiOkResponse({ type: ScheduleRunView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'SCHEDULE_RUN_NOT_FOUND')
  run(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<ScheduleRunView> {
    return this.meetings.run(principal, id);
  }

  @Post('schedule-runs/:id/publish')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish the latest finished plan: meetings become final, participants and calendars see them.',
  })
  @ApiOkResponse({ type: ScheduleRunView })
  @ApiErrors(
    'UNAUTHENTICATED',
    'VALIDATION_FAILED',
    'FORBIDDEN',
    'EVENT_ORG_KIND_INVALID',
    'SCHEDULE_RUN_NOT_FOUND',
    'SCHEDULE_RUN_STATE_INVALID',
  )
  publish(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<ScheduleRunView> {
    return this.meetings.publishRun(principal, id);
  }

  @Get('events/:id/meetings')
  @ApiOperation({ summary: 'Published meetings: all for the organizer, your own for a participant.' })
  @ApiOkResponse({ type: MeetingListView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'EVENT_NOT_FOUND')
  async list(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<MeetingListView> {
    return { items: await this.meetings.meetings(principal, id) };
  }

  @Put('meetings/:id/lock')
  @ApiOperation({ summary: 'Lock a published meeting in place (re-planning keeps it), or unlock it.' })
  @ApiOkResponse({ type: MeetingView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'MEETING_NOT_FOUND')
  lock(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: LockDto,
  ): Promise<MeetingView> {
    return this.meetings.lock(principal, id, dto.locked);
  }

  @Put('meetings/:id/slot')
  @ApiOperation({
    summary: 'Move a published meeting to another slot (organizers): both parties free there; it is locked afterwards.',
  })
  @ApiOkResponse({ type: MeetingView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'MEETING_NOT_FOUND', 'GRID_MISSING', 'MEETING_MOVE_INVALID')
  move(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: MoveMeetingDto,
  ): Promise<MeetingView> {
    return this.meetings.move(principal, id, dto.slot, dto.table);
  }
}
