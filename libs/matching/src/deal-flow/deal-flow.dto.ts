import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto, QueryList } from '@app/platform';
import { INSTRUMENTS, IsRegionPrefix, QUALIFICATION_KINDS, STAGES, TRACK_CODES } from '@app/reference';

export class DealFlowQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: TRACK_CODES,
    isArray: true,
    description: 'Any of these tracks (repeat or comma-separate).',
  })
  @IsOptional()
  @QueryList()
  @IsArray()
  @ArrayMaxSize(40)
  @IsIn(TRACK_CODES, { each: true })
  track?: string[];

  @ApiPropertyOptional({ type: [String], description: '2-, 4- or 6-digit division codes.' })
  @IsOptional()
  @QueryList()
  @IsArray()
  @ArrayMaxSize(50)
  @IsRegionPrefix({ each: true })
  region?: string[];

  @ApiPropertyOptional({ enum: STAGES, isArray: true })
  @IsOptional()
  @QueryList()
  @IsArray()
  @ArrayMaxSize(8)
  @IsIn(STAGES, { each: true })
  stage?: string[];

  @ApiPropertyOptional({ enum: INSTRUMENTS, isArray: true })
  @IsOptional()
  @QueryList()
  @IsArray()
  @ArrayMaxSize(5)
  @IsIn(INSTRUMENTS, { each: true })
  instrument?: string[];

  @ApiPropertyOptional({ enum: QUALIFICATION_KINDS, isArray: true, description: 'Projects holding all of these.' })
  @IsOptional()
  @QueryList()
  @IsArray()
  @ArrayMaxSize(9)
  @IsIn(QUALIFICATION_KINDS, { each: true })
  qualification?: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(100)
  minScore?: number;

  @ApiPropertyOptional({
    maxLength: 500,
    description: 'Free text (zh/en), matched through the search index; ranking stays the mandate’s.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  q?: string;
}

export class InvestorMatchesQueryDto {
  @ApiPropertyOptional({ enum: ['all', 'eligible', 'excluded'], default: 'all' })
  @IsOptional()
  @IsIn(['all', 'eligible', 'excluded'])
  show?: 'all' | 'eligible' | 'excluded';
}
