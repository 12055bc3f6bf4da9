import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto, IsCalendarDate } from '@app/platform';
import { IP_STATUSES, IP_TYPES, IpStatus, IpType, QUALIFICATION_KINDS, QualificationKind } from '@app/reference';

const MONEY_MAX = 9_000_000_000_000_000; // 分; below 2^53

export class StartupInputDto {
  @ApiProperty({ example: '无锡星航智农导航科技有限公司' })
  @IsString()
  @Length(2, 200)
  legalName: string;

  @ApiPropertyOptional({ description: '统一社会信用代码 (GB 32100-2015).', example: '91320211MA2B00005K' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  creditCode?: string;

  @ApiPropertyOptional({ example: '2019-06-18', type: String, nullable: true, description: '`null` clears it.' })
  @IsOptional()
  @IsCalendarDate()
  foundedOn?: string | null;

  @ApiProperty({ example: '320211' })
  @Matches(/^\d{6}$/, { message: 'regionCode must be 6 digits' })
  regionCode: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Industry key of the 2011 SME size standard (see GET /reference/industries); `null` clears it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  industry?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Track codes (GET /reference/tracks).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  tracks?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  universitySpinOut?: boolean;

  @ApiPropertyOptional({ description: 'Came out of a 概念验证中心.' })
  @IsOptional()
  @IsBoolean()
  fromPocCenter?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 30, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30)
  priorRounds?: number | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  yearsInNiche?: number | null;

  @ApiPropertyOptional({ example: 'https://example.com', type: String, nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(300)
  website?: string | null;

  @ApiPropertyOptional({ example: '北斗高精度农机自动导航，让拖拉机自己走直线', type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(140)
  oneLiner?: string | null;
}

export class UpdateStartupDto extends PartialType(StartupInputDto) {
  @ApiProperty({ description: 'The version you edited (from the last read); a stale one is 409 VERSION_CONFLICT.' })
  @IsInt()
  @Min(1)
  version: number;
}

function MoneyField() {
  return (target: object, key: string) => {
    ApiPropertyOptional({ description: 'Integer 分 (¥0.01).', type: Number, nullable: true })(target, key);
    IsOptional()(target, key);
    IsInt()(target, key);
    Min(0)(target, key);
    Max(MONEY_MAX)(target, key);
  };
}

function CountField() {
  return (target: object, key: string) => {
    ApiPropertyOptional({ type: Number, nullable: true })(target, key);
    IsOptional()(target, key);
    IsInt()(target, key);
    Min(0)(target, key);
    Max(10_000_000)(target, key);
  };
}

/** PUT /startups/:id/fiscal-years/:year — the whole year, replacing what was there. */
export class FiscalYearDto {
  @CountField() headcount?: number | null;
  @CountField() techStaff?: number | null;
  @CountField() rdStaff?: number | null;
  @MoneyField() revenue?: number | null;
  @MoneyField() mainBusinessRevenue?: number | null;
  @MoneyField() highTechRevenue?: number | null;
  @MoneyField() totalCosts?: number | null;
  @MoneyField() rdSpend?: number | null;
  @MoneyField() rdSpendInChina?: number | null;
  @MoneyField() totalAssets?: number | null;
  @MoneyField() liabilities?: number | null;
  @MoneyField() newEquityRaised?: number | null;
}

export class IpItemDto {
  @ApiProperty({ enum: IP_TYPES })
  @IsIn(IP_TYPES)
  type: IpType;

  @ApiProperty({ example: 'ZL202110123456.7' })
  @IsString()
  @Length(3, 60)
  number: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '`null` clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  title?: string | null;

  @ApiPropertyOptional({ enum: IP_STATUSES, default: 'valid' })
  @IsOptional()
  @IsIn(IP_STATUSES)
  status?: IpStatus;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  tiedToMainProduct?: boolean;

  @ApiPropertyOptional({ example: '2022-03-01', type: String, nullable: true })
  @IsOptional()
  @IsCalendarDate()
  grantedOn?: string | null;
}

export class UpdateIpItemDto extends PartialType(IpItemDto) {}

export class QualificationDto {
  @ApiProperty({ enum: QUALIFICATION_KINDS })
  @IsIn(QUALIFICATION_KINDS)
  kind: QualificationKind;

  @ApiPropertyOptional({ example: 'GR202332001234', type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  certificateNumber?: string | null;

  @ApiPropertyOptional({ example: '2023-11-06', type: String, nullable: true })
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string | null;

  @ApiPropertyOptional({ example: '2026-11-05', type: String, nullable: true })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string | null;
}

export class StartupListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only your organization’s companies.' })
  @IsOptional()
  @IsIn(['true', 'false'])
  mine?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Track code.' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  track?: string;

  @ApiPropertyOptional({ description: 'Region code prefix, e.g. 3202 for 无锡.' })
  @IsOptional()
  @Matches(/^\d{2,6}$/, { message: 'region must be 2 to 6 digits' })
  region?: string;
}
