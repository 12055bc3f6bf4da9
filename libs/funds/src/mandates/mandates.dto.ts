import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CONSTRAINT_MODES,
  DEFAULT_CONSTRAINT_MODES,
  DEFAULT_TICKET_TOLERANCE_PCT,
  type ConstraintMode,
  INSTRUMENTS,
  QUALIFICATION_KINDS,
  STAGES,
  TRACK_CODES,
  type Instrument,
  type QualificationKind,
  type Stage,
  IsRegionPrefix,
} from '@app/reference';
import { CREDIT_PRODUCTS, MANDATE_STATUSES, type CreditProduct, type MandateStatus } from './mandate-terms';

const MAX_MONEY = 9_000_000_000_000_000;

export class WeightsDto {
  @ApiProperty({ type: Number, minimum: 0, maximum: 100 }) @IsNumber() @Min(0) @Max(100) early: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 100 }) @IsNumber() @Min(0) @Max(100) small: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 100 }) @IsNumber() @Min(0) @Max(100) hardTech: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 100 }) @IsNumber() @Min(0) @Max(100) innovation: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 100 }) @IsNumber() @Min(0) @Max(100) fit: number;
}

export class ExclusionsDto {
  @ApiPropertyOptional({ enum: TRACK_CODES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @IsIn(TRACK_CODES, { each: true })
  tracks?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Projects tagged with any of these keywords are excluded.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  keywords?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Named companies (startup ids) to exclude.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  startupIds?: string[];
}

const modeProperty = (group: keyof typeof DEFAULT_CONSTRAINT_MODES, what: string) =>
  ApiPropertyOptional({ enum: CONSTRAINT_MODES, default: DEFAULT_CONSTRAINT_MODES[group], description: what });

/** Per-constraint mode: `hard` excludes a project that fails it, `soft` lowers its score (shown as a reason). */
export class ConstraintModesDto {
  @modeProperty('ticket', 'Ticket range; a soft edge turns hard beyond `ticketTolerancePct`.')
  @IsOptional()
  @IsIn(CONSTRAINT_MODES)
  ticket?: ConstraintMode;

  @modeProperty('track', 'Tracks.') @IsOptional() @IsIn(CONSTRAINT_MODES) track?: ConstraintMode;

  @modeProperty('region', 'Region limits (返投: keep hard).')
  @IsOptional()
  @IsIn(CONSTRAINT_MODES)
  region?: ConstraintMode;

  @modeProperty('stage', 'Stages.') @IsOptional() @IsIn(CONSTRAINT_MODES) stage?: ConstraintMode;

  @modeProperty('instrument', 'Instruments.') @IsOptional() @IsIn(CONSTRAINT_MODES) instrument?: ConstraintMode;

  @modeProperty('qualifications', 'Required qualifications.')
  @IsOptional()
  @IsIn(CONSTRAINT_MODES)
  qualifications?: ConstraintMode;

  @modeProperty('hardTechMinimums', 'R&D intensity, class-Ⅰ IP, tech-staff share, TRL and pledgeable-patent minimums.')
  @IsOptional()
  @IsIn(CONSTRAINT_MODES)
  hardTechMinimums?: ConstraintMode;
}

export class ConstraintTermsDto {
  @ApiPropertyOptional({ type: ConstraintModesDto, description: 'Modes given are merged over the current ones.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConstraintModesDto)
  modes?: ConstraintModesDto;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 500,
    default: DEFAULT_TICKET_TOLERANCE_PCT,
    description: 'A soft ticket edge is soft up to this % beyond the edge, hard further out.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(500)
  ticketTolerancePct?: number;
}

export class MandateTermsDto {
  @ApiProperty({ enum: INSTRUMENTS, isArray: true })
  @IsArray()
  @ArrayMaxSize(5)
  @IsIn(INSTRUMENTS, { each: true })
  instruments: Instrument[];

  @ApiPropertyOptional({ enum: STAGES, isArray: true, description: 'Empty = any stage.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(8)
  @IsIn(STAGES, { each: true })
  stages?: Stage[];

  @ApiProperty({
    type: 'integer',
    description: 'Integer 分 (¥1 = 100). For a credit product: the credit line.',
    example: 300_000_000,
  })
  @IsInt()
  @Min(0)
  @Max(MAX_MONEY)
  ticketMin: number;

  @ApiProperty({ type: 'integer', example: 3_000_000_000 })
  @IsInt()
  @Min(0)
  @Max(MAX_MONEY)
  ticketMax: number;

  @ApiPropertyOptional({ enum: TRACK_CODES, isArray: true, description: 'Empty = any track.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @IsIn(TRACK_CODES, { each: true })
  tracks?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Hard region limits (返投): 2-, 4- or 6-digit division codes.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsRegionPrefix({ each: true })
  regions?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Preferred regions (soft, part of fit).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsRegionPrefix({ each: true })
  preferredRegions?: string[];

  @ApiPropertyOptional({ enum: QUALIFICATION_KINDS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsIn(QUALIFICATION_KINDS, { each: true })
  requiredQualifications?: QualificationKind[];

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Minimum R&D ÷ revenue in basis points (500 = 5 %).',
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  minRdIntensityBp?: number | null;

  @ApiPropertyOptional({ type: 'integer', description: 'Minimum Ⅰ类 IP items.', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  minClassIIp?: number | null;

  @ApiPropertyOptional({ type: 'integer', description: 'Minimum tech staff ÷ staff in basis points.', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  minTechStaffShareBp?: number | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 9, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  minTrl?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'IP-pledge loans: valid, unpledged invention patents.',
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  minPledgeableInventionPatents?: number | null;

  @ApiPropertyOptional({
    type: Number,
    description: 'Innovation-points loans: minimum 创新积分 estimate (0–100).',
    nullable: true,
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  minInnovationScore?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  maxCompanyAgeYears?: number | null;

  @ApiPropertyOptional({ type: ExclusionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExclusionsDto)
  exclusions?: ExclusionsDto;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  thesis?: string;

  @ApiPropertyOptional({ type: [String], description: 'Thesis keywords matched against project tags (fit).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  thesisKeywords?: string[];

  @ApiPropertyOptional({ type: WeightsDto, description: 'Criterion weights; normalised to sum 1.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WeightsDto)
  weights?: WeightsDto;

  @ApiPropertyOptional({ enum: CREDIT_PRODUCTS, nullable: true })
  @IsOptional()
  @IsIn(CREDIT_PRODUCTS)
  creditProduct?: CreditProduct | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: '投贷联动: the partner bank’s credit mandate.',
    nullable: true,
  })
  @IsOptional()
  @IsUUID()
  linkedMandateId?: string | null;

  @ApiPropertyOptional({
    type: ConstraintTermsDto,
    description:
      'Hard / soft per constraint. Defaults: ticket, track and stage soft (ticket within 50 %); region, instrument, qualifications and hard-tech minimums hard. Unknown figures are a data_missing penalty.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConstraintTermsDto)
  constraints?: ConstraintTermsDto;
}

export class CreateMandateDto extends MandateTermsDto {
  @ApiProperty({ example: '科创直投 · 高校成果转化早期基金' })
  @IsString()
  @Length(2, 120)
  name: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  discoverable?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Founders see pass reasons without your name.' })
  @IsOptional()
  @IsBoolean()
  hideNameOnPass?: boolean;
}

export class UpdateMandateDto extends PartialType(CreateMandateDto) {
  @ApiProperty({ type: 'integer', description: 'The row version you read (optimistic concurrency).' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ enum: MANDATE_STATUSES })
  @IsOptional()
  @IsIn(MANDATE_STATUSES)
  status?: MandateStatus;
}
