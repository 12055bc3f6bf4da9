import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '@app/platform';
import {
  INSTRUMENTS,
  Instrument,
  PROJECT_KINDS,
  PROJECT_STATUSES,
  ProjectKind,
  ProjectStatus,
  STAGES,
  Stage,
} from '@app/reference';

export class PitchProfileDto {
  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @IsString() @MaxLength(4000) problem?: string;
  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @IsString() @MaxLength(4000) product?: string;
  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @IsString() @MaxLength(4000) technology?: string;
  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @IsString() @MaxLength(4000) team?: string;
  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @IsString() @MaxLength(4000) traction?: string;
  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @IsString() @MaxLength(4000) market?: string;
  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @IsString() @MaxLength(4000) competition?: string;
}

export class ProjectInputDto {
  @ApiProperty({ description: 'The company this project raises for (one of your organization’s).' })
  @IsUUID()
  startupId: string;

  @ApiProperty({ example: '北斗农机自动导航系统 A 轮 / 知识产权质押贷款' })
  @IsString()
  @Length(2, 200)
  title: string;

  @ApiPropertyOptional({ enum: PROJECT_KINDS, default: 'financing_round' })
  @IsOptional()
  @IsIn(PROJECT_KINDS)
  kind?: ProjectKind;

  @ApiProperty({ enum: STAGES })
  @IsIn(STAGES)
  stage: Stage;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Integer 分. ¥9 m = 900000000.',
    example: 900000000,
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9_000_000_000_000_000)
  amountSought?: number | null;

  @ApiPropertyOptional({ enum: INSTRUMENTS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsIn(INSTRUMENTS, { each: true })
  instruments?: Instrument[];

  @ApiPropertyOptional({ maxLength: 4000, type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  useOfFunds?: string | null;

  @ApiPropertyOptional({ type: PitchProfileDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PitchProfileDto)
  pitch?: PitchProfileDto;

  @ApiPropertyOptional({ type: [String], example: ['北斗', '自动驾驶', '农机'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  keywords?: string[];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 9,
    description: 'Technology readiness level.',
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  trl?: number | null;
}

export class UpdateProjectDto extends PartialType(ProjectInputDto) {
  @ApiProperty({ description: 'The version you edited; a stale one is 409 VERSION_CONFLICT.' })
  @IsInt()
  @Min(1)
  version: number;
}

export class ProjectListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only my organization’s projects, drafts included.' })
  @IsOptional()
  @Type(() => String)
  @IsIn(['true', 'false'])
  mine?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: PROJECT_STATUSES,
    description: 'With `mine=true`, any status; without it only `published` (others are 400 on `status`).',
  })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;

  @ApiPropertyOptional({ enum: STAGES })
  @IsOptional()
  @IsIn(STAGES)
  stage?: Stage;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  startupId?: string;
}
