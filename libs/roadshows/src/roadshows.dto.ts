import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { IsInstant, PageQueryDto } from '@app/platform';
import { IsRegionPrefix, TRACK_CODES } from '@app/reference';
import {
  EVENT_STATUSES,
  EVENT_VISIBILITIES,
  type EventStatus,
  type EventVisibility,
} from './entities/roadshow-event.entity';
import { RSVP_STATUSES } from './entities/roadshow-invitation.entity';
import { MEETING_REQUEST_STATUSES, type MeetingRequestStatus } from './entities/roadshow-meeting-request.entity';

/** An IANA time zone the runtime knows (Asia/Shanghai, Asia/Hong_Kong …). */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an IANA time zone such as Asia/Shanghai', ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || value.length > 64) return false;
          try {
            new Intl.DateTimeFormat('en', { timeZone: value });
            return true;
          } catch {
            return false;
          }
        },
      },
    });
}

export class ApplicationQuestionDto {
  @ApiProperty({ description: 'Stable key of the answer (letters, digits, _ and -).', maxLength: 40 })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  id: string;

  @ApiProperty({ maxLength: 300 }) @IsString() @Length(1, 300) label: string;
  @ApiProperty() @IsBoolean() required: boolean;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 4000 }) @IsInt() @Min(1) @Max(4000) maxLength: number;
}

export class CreateEventDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200) title: string;

  @ApiPropertyOptional({ maxLength: 10000 }) @IsOptional() @IsString() @MaxLength(10000) description?: string;

  @ApiPropertyOptional({ maxLength: 300 }) @IsOptional() @IsString() @MaxLength(300) venue?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '320211',
    description: 'Where it is held: a GB/T 2260 province (2 digits), city (4) or district (6) code; null clears it.',
  })
  @IsOptional()
  @IsRegionPrefix()
  regionCode?: string | null;

  @ApiPropertyOptional({ maxLength: 500, description: 'Online link (https).' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  onlineUrl?: string;

  @ApiPropertyOptional({ default: 'Asia/Shanghai', description: 'IANA time zone of the venue.' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @ApiProperty({ format: 'date-time' }) @IsInstant() startsAt: string;
  @ApiProperty({ format: 'date-time' }) @IsInstant() endsAt: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Applications close at this instant.' })
  @IsOptional()
  @IsInstant()
  applicationDeadline?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 10000, description: 'Most applications accepted.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity?: number;

  @ApiPropertyOptional({ enum: EVENT_VISIBILITIES, default: 'public' })
  @IsOptional()
  @IsIn(EVENT_VISIBILITIES)
  visibility?: EventVisibility;

  @ApiPropertyOptional({ type: [ApplicationQuestionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ApplicationQuestionDto)
  questions?: ApplicationQuestionDto[];
}

export class UpdateEventDto extends PartialType(CreateEventDto) {
  @ApiProperty({ type: 'integer', description: 'The row version you read (optimistic concurrency).' })
  @IsInt()
  @Min(1)
  version: number;
}

export class EventStatusDto {
  @ApiProperty({ enum: EVENT_STATUSES, description: 'draft → open → closed → live → finished (open ↔ closed).' })
  @IsIn(EVENT_STATUSES)
  to: EventStatus;
}

export class EventListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only your organization’s events (organizers).' })
  @IsOptional()
  @Type(() => Boolean)
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({
    example: '32',
    description: 'Only events held in this region: a province (2 digits), city (4) or district (6) prefix.',
  })
  @IsOptional()
  @IsRegionPrefix()
  region?: string;
}

export class CreateSessionDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200) title: string;

  @ApiPropertyOptional({ enum: TRACK_CODES, description: 'Theme (a track); absent: an open session.' })
  @IsOptional()
  @IsIn(TRACK_CODES)
  track?: string;

  @ApiProperty({ format: 'date-time' }) @IsInstant() startsAt: string;
  @ApiProperty({ format: 'date-time' }) @IsInstant() endsAt: string;

  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) room?: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 100 }) @IsInt() @Min(1) @Max(100) maxPitches: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 120, default: 8 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  pitchMinutes?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 120, default: 5 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  qaMinutes?: number;
}

export class ApplyDto {
  @ApiProperty({ format: 'uuid', description: 'One of your organization’s published projects.' })
  @IsUUID()
  projectId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The themed session applied to (optional).' })
  @IsOptional()
  @IsUUID()
  sessionId?: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'Let the organizer read your confidential data (figures, IP, qualification report) from acceptance until the event ends. Needs an owner or admin; revocable any time under access grants.',
  })
  @IsOptional()
  @IsBoolean()
  shareConfidential?: boolean;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', maxLength: 4000 },
    description: 'Answers by question id.',
  })
  @IsOptional()
  @IsObject()
  answers?: Record<string, string>;
}

export const DECISIONS = ['accepted', 'waitlisted', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];

export class DecideApplicationDto {
  @ApiProperty({ enum: DECISIONS }) @IsIn(DECISIONS) status: Decision;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Shown to the founder (required for a rejection).' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Move the application to this session when accepting.' })
  @IsOptional()
  @IsUUID()
  sessionId?: string;
}

export class AgendaDto {
  @ApiProperty({ type: [String], description: 'Accepted applications of this session, in pitch order.' })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  applicationIds: string[];
}

export class InviteInvestorDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() investorOrganizationId: string;
}

export class RsvpDto {
  @ApiProperty({ enum: RSVP_STATUSES.filter((s) => s !== 'invited') })
  @IsIn(['accepted', 'declined'])
  status: 'accepted' | 'declined';
}

export class CheckInDto {
  @ApiProperty({ description: 'The attendee’s check-in code.', maxLength: 32 })
  @IsString()
  @Matches(/^[A-Z0-9]{4,32}$/)
  code: string;
}

export class MeetingGridDto {
  @ApiProperty({ format: 'date-time' }) @IsInstant() startsAt: string;
  @ApiProperty({ format: 'date-time' }) @IsInstant() endsAt: string;
  @ApiProperty({ type: 'integer', minimum: 5, maximum: 240 }) @IsInt() @Min(5) @Max(240) slotMinutes: number;

  @ApiPropertyOptional({ format: 'date-time', description: 'Lunch splits the window into morning and afternoon.' })
  @IsOptional()
  @IsInstant()
  lunchStartsAt?: string;

  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsInstant() lunchEndsAt?: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 500 }) @IsInt() @Min(1) @Max(500) tables: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', maxLength: 40 },
    description: 'Fixed booths: organization id → booth name.',
  })
  @IsOptional()
  @IsObject()
  booths?: Record<string, string>;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  minMeetings?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  maxMeetings?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 200,
    default: 20,
    description: 'Pending requests per organization.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  pendingQuota?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 720, default: 72 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(720)
  requestTtlHours?: number;
}

export class MeetingRequestDto {
  @ApiProperty({ format: 'uuid', description: 'Another participant of the event (any kind).' })
  @IsUUID()
  toOrganizationId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The founder’s project the meeting is about.' })
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) message?: string;

  @ApiPropertyOptional({ enum: ['must', 'would_like'], default: 'would_like' })
  @IsOptional()
  @IsIn(['must', 'would_like'])
  priority?: 'must' | 'would_like';
}

export class MyMeetingRequestQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['sent', 'received'],
    description: 'Only requests you sent, or only those you received.',
  })
  @IsOptional()
  @IsIn(['sent', 'received'])
  direction?: 'sent' | 'received';

  @ApiPropertyOptional({
    enum: MEETING_REQUEST_STATUSES,
    description: 'Only requests in this status (a pending one past its expiry counts as expired).',
  })
  @IsOptional()
  @IsIn(MEETING_REQUEST_STATUSES)
  status?: MeetingRequestStatus;
}

export class DeclineDto {
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class ScheduleRunDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 2147483647,
    default: 1,
    description: 'Same day + seed → same plan.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2147483647)
  seed?: number;
}

export class AvailabilityDto {
  @ApiProperty({
    type: [Number],
    description: 'Grid slot indices (0-based) you cannot meet in; your own pitch is blocked anyway.',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(199, { each: true })
  unavailableSlots: number[];
}
