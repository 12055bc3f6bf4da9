import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { CurrentPrincipal, type Principal } from '@app/identity';
import { ApiErrors, PageQueryDto, platformError, UuidPipe } from '@app/platform';
import { engagementError } from './engagement.errors';
import {
  EngagementSettingsView,
  EventReminderSettingsDto,
  OrganizerSettingsDto,
  FollowUpListView,
  FollowUpView,
  HolidayNoticeDto,
  HolidayYearParams,
  HolidayYearView,
  MarkedReadView,
  NotificationPageView,
  NotificationPreferencesDto,
  NotificationPreferencesView,
  NotificationView,
  UnreadCountView,
} from './engagement.views';
import { FollowUpsService } from './follow-ups/follow-ups.service';
import { EngagementSettingsService } from './settings/engagement-settings.service';
import { PostgresHolidayCalendar } from './holidays/holiday-calendar';
import { NotificationsService } from './notifications/notifications.service';

class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only unread notifications.' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  unread?: boolean;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @ApiOperation({ summary: 'Your inbox in this organization (newest first), in your language.' })
  @ApiOkResponse({ type: NotificationPageView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'INVALID_CURSOR')
  list(@CurrentPrincipal() principal: Principal, @Query() q: NotificationQueryDto): Promise<NotificationPageView> {
    return this.notifications.list(principal, q);
  }

  @Get('notifications/unread-count')
  @ApiOkResponse({ type: UnreadCountView })
  @ApiErrors('UNAUTHENTICATED')
  async unread(@CurrentPrincipal() principal: Principal): Promise<UnreadCountView> {
    return { count: await this.notifications.unreadCount(principal) };
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'NOTIFICATION_NOT_FOUND')
  read(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<NotificationView> {
    return this.notifications.markRead(principal, id);
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: MarkedReadView })
  @ApiErrors('UNAUTHENTICATED')
  async readAll(@CurrentPrincipal() principal: Principal): Promise<MarkedReadView> {
    return { updated: await this.notifications.markAllRead(principal) };
  }

  @Get('notification-preferences')
  @ApiOperation({ summary: 'Your channels per kind (in_app, email); a kind you never set has both.' })
  @ApiOkResponse({ type: NotificationPreferencesView })
  @ApiErrors('UNAUTHENTICATED')
  async preferences(@CurrentPrincipal() principal: Principal): Promise<NotificationPreferencesView> {
    return { items: await this.notifications.preferences(principal) };
  }

  @Put('notification-preferences')
  @ApiOkResponse({ type: NotificationPreferencesView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'NOTIFICATION_PREFERENCES_INVALID')
  async setPreferences(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: NotificationPreferencesDto,
  ): Promise<NotificationPreferencesView> {
    return { items: await this.notifications.setPreferences(principal, dto.items) };
  }
}

@ApiTags('engagement-settings')
@ApiBearerAuth()
@Controller()
export class EngagementSettingsController {
  constructor(private readonly settings: EngagementSettingsService) {}

  @Get('engagement-settings')
  @ApiOperation({ summary: 'Your organizer defaults: follow-up reply and acknowledge clocks, reminder times.' })
  @ApiOkResponse({ type: EngagementSettingsView })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN')
  organizer(@CurrentPrincipal() principal: Principal): Promise<EngagementSettingsView> {
    return this.settings.organizer(principal);
  }

  @Put('engagement-settings')
  @ApiOperation({ summary: 'Set your organizer defaults (applies to follow-ups planned from now on).' })
  @ApiOkResponse({ type: EngagementSettingsView })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'FOLLOW_UP_SETTINGS_INVALID')
  setOrganizer(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: OrganizerSettingsDto,
  ): Promise<EngagementSettingsView> {
    return this.settings.setOrganizer(principal, dto);
  }

  @Get('events/:id/reminder-settings')
  @ApiOperation({
    summary: 'What applies to the event (its own reminder times, else the organizer’s, else T-24h/T-1h).',
  })
  @ApiOkResponse({ type: EngagementSettingsView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'EVENT_NOT_FOUND')
  event(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<EngagementSettingsView> {
    return this.settings.event(principal, id);
  }

  @Put('events/:id/reminder-settings')
  @ApiOperation({ summary: 'Set the event’s reminder times; reminders already planned move to them.' })
  @ApiOkResponse({ type: EngagementSettingsView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'EVENT_NOT_FOUND', 'FOLLOW_UP_SETTINGS_INVALID')
  setEvent(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: EventReminderSettingsDto,
  ): Promise<EngagementSettingsView> {
    return this.settings.setEvent(principal, id, dto.reminderOffsetsMinutes ?? null);
  }
}

@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller()
export class FollowUpsController {
  constructor(
    private readonly followUps: FollowUpsService,
    private readonly calendar: PostgresHolidayCalendar,
  ) {}

  @Get('follow-ups')
  @ApiOperation({
    summary:
      'Follow-ups your organization owns after meetings, those owed to it, and (organizers) those after your events.',
  })
  @ApiOkResponse({ type: FollowUpListView })
  @ApiErrors('UNAUTHENTICATED')
  async list(@CurrentPrincipal() principal: Principal): Promise<FollowUpListView> {
    return { items: await this.followUps.list(principal) };
  }

  @Post('follow-ups/:id/done')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The owner marks its follow-up done; the reminders and escalations still pending are cancelled.',
  })
  @ApiOkResponse({ type: FollowUpView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'FOLLOW_UP_NOT_FOUND', 'FOLLOW_UP_STATE_INVALID')
  done(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<FollowUpView> {
    return this.followUps.markDone(principal, id);
  }

  @Post('follow-ups/:id/acknowledge')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The owner acknowledges (首问负责制): the acknowledge clock stops; the reply clock keeps running.',
  })
  @ApiOkResponse({ type: FollowUpView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'FOLLOW_UP_NOT_FOUND', 'FOLLOW_UP_STATE_INVALID')
  acknowledge(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<FollowUpView> {
    return this.followUps.acknowledge(principal, id);
  }

  @Get('holiday-calendar/:year')
  @ApiOperation({
    summary: 'A year’s holidays and make-up workdays; `source: null` means no notice (deadlines provisional).',
  })
  @ApiOkResponse({ type: HolidayYearView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED')
  year(@Param() p: HolidayYearParams): Promise<HolidayYearView> {
    return this.calendar.year(p.year);
  }

  @Put('holiday-calendar/:year')
  @ApiOperation({ summary: 'Platform admins enter a year’s State Council notice (replaces that year).' })
  @ApiOkResponse({ type: HolidayYearView })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'HOLIDAY_NOTICE_INVALID')
  async setYear(
    @CurrentPrincipal() principal: Principal,
    @Param() p: HolidayYearParams,
    @Body() dto: HolidayNoticeDto,
  ): Promise<HolidayYearView> {
    if (!principal.isPlatformAdmin) throw platformError('FORBIDDEN', { action: 'holiday-calendar:write' });
    const seen = new Set<string>();
    for (const [i, d] of dto.days.entries()) {
      if (!d.date.startsWith(`${p.year}-`) || Number.isNaN(Date.parse(d.date)) || seen.has(d.date))
        throw engagementError('HOLIDAY_NOTICE_INVALID', { field: `days[${i}].date` });
      seen.add(d.date);
    }
    await this.calendar.replaceYear(p.year, dto.days);
    return this.calendar.year(p.year);
  }
}
