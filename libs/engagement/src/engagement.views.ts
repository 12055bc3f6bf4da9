import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsOptional,
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageMetaDto } from '@app/platform';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
} from './entities/notification.entity';
import { FOLLOW_UP_KINDS, FOLLOW_UP_STATUSES } from './entities/follow-up-task.entity';

export class NotificationView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: string;
  @ApiProperty({ description: 'In the recipient’s language (zh-CN or en).' }) title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: String, nullable: true, description: 'Path in the web app.' }) link: string | null;
  @ApiProperty({ enum: ['zh-CN', 'en'] }) locale: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class NotificationPageView extends PageMetaDto {
  @ApiProperty({ type: [NotificationView] }) items: NotificationView[];
}

export class UnreadCountView {
  @ApiProperty({ type: 'integer' }) count: number;
}

export class MarkedReadView {
  @ApiProperty({ type: 'integer' }) updated: number;
}

export class NotificationPreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS }) @IsIn(NOTIFICATION_KINDS) kind: NotificationKind;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS, isArray: true, description: 'Empty: this kind is not delivered at all.' })
  @IsArray()
  @ArrayUnique()
  @IsIn(NOTIFICATION_CHANNELS, { each: true })
  channels: NotificationChannel[];
}

export class NotificationPreferencesDto {
  @ApiProperty({ type: [NotificationPreferenceDto] })
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceDto)
  items: NotificationPreferenceDto[];
}

export class NotificationPreferenceView {
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: string;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS, isArray: true }) channels: string[];
}

export class NotificationPreferencesView {
  @ApiProperty({ type: [NotificationPreferenceView] }) items: NotificationPreferenceView[];
}

export class FollowUpView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: FOLLOW_UP_KINDS }) kind: string;
  @ApiProperty({ description: 'The published meeting (its request id).' }) meetingId: string;
  @ApiProperty() eventId: string;
  @ApiProperty({ description: 'The one organization responsible (首问负责制).' }) ownerOrganizationId: string;
  @ApiProperty() counterpartOrganizationId: string;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) status: string;
  @ApiProperty({ type: 'integer' }) workingDays: number;
  @ApiProperty({ format: 'date', description: 'The meeting’s local date; the count starts the working day after.' })
  startedOn: string;
  @ApiProperty({ format: 'date', description: 'The last working day, in the event’s zone.' }) dueOn: string;
  @ApiProperty({
    format: 'date-time',
    description: 'When the deadline passes (the start of the next day in the zone).',
  })
  dueAt: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({
    description: 'The count crossed a year without a loaded holiday notice (weekdays only were used there).',
  })
  provisional: boolean;
  @ApiProperty({ type: 'integer', description: 'The acknowledge clock: working days the owner has to acknowledge.' })
  acknowledgeWorkingDays: number;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The last working day to acknowledge.' })
  acknowledgeDueOn: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) doneAt: string | null;
  @ApiProperty({ description: 'Your organization owns it.' }) mine: boolean;
}

export class FollowUpListView {
  @ApiProperty({ type: [FollowUpView] }) items: FollowUpView[];
}

export class HolidayDayDto {
  @ApiProperty({ format: 'date' }) @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/) date: string;
  @ApiProperty({
    enum: ['holiday', 'workday'],
    description: 'holiday: off (even on a weekday); workday: a make-up workday (调休).',
  })
  @IsIn(['holiday', 'workday'])
  kind: 'holiday' | 'workday';
  @ApiProperty() @IsString() @MaxLength(100) name: string;
}

export class HolidayNoticeDto {
  @ApiProperty({ type: [HolidayDayDto] })
  @IsArray()
  @ArrayMaxSize(120)
  @ValidateNested({ each: true })
  @Type(() => HolidayDayDto)
  days: HolidayDayDto[];
}

export class HolidayYearParams {
  @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}

export class HolidayYearView {
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'chinese-days@<version>, admin, or null when the year has no notice (deadlines in it are provisional).',
  })
  source: string | null;
  @ApiProperty({ type: [HolidayDayDto] }) days: HolidayDayDto[];
}

const OFFSETS_DOC =
  'Minutes before each pitch and meeting, e.g. [1440, 60] for T-24h and T-1h (1–4 values, 5 min to 30 days).';

export class EngagementSettingsSourceView {
  @ApiProperty({ enum: ['event', 'organizer', 'default'] }) reminderOffsetsMinutes: string;
  @ApiProperty({ enum: ['organizer', 'default'] }) followUpWorkingDays: string;
  @ApiProperty({ enum: ['organizer', 'default'] }) acknowledgeWorkingDays: string;
}

export class EngagementSettingsView {
  @ApiProperty({ type: 'integer', isArray: true, description: OFFSETS_DOC }) reminderOffsetsMinutes: number[];
  @ApiProperty({ type: 'integer', description: 'The reply clock: working days after the meeting.' })
  followUpWorkingDays: number;
  @ApiProperty({
    type: 'integer',
    description: 'The acknowledge clock: working days after the meeting (≤ the reply clock).',
  })
  acknowledgeWorkingDays: number;
  @ApiProperty({ type: EngagementSettingsSourceView, description: 'Where each value comes from.' })
  source: EngagementSettingsSourceView;
}

export class OrganizerSettingsDto {
  @ApiProperty({
    type: 'integer',
    isArray: true,
    nullable: true,
    required: false,
    description: `${OFFSETS_DOC} null: back to the default.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsInt({ each: true })
  reminderOffsetsMinutes?: number[] | null;

  @ApiProperty({ type: 'integer', nullable: true, required: false, minimum: 1, maximum: 60 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  followUpWorkingDays?: number | null;

  @ApiProperty({ type: 'integer', nullable: true, required: false, minimum: 1, maximum: 60 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  acknowledgeWorkingDays?: number | null;
}

export class EventReminderSettingsDto {
  @ApiProperty({
    type: 'integer',
    isArray: true,
    nullable: true,
    description: `${OFFSETS_DOC} null: the organizer’s times.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsInt({ each: true })
  reminderOffsetsMinutes: number[] | null;
}
