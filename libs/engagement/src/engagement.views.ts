import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
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
