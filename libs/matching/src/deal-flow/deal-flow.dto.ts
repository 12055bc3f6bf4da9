import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto } from '@app/platform';
import { INSTRUMENTS, QUALIFICATION_KINDS, STAGES, TRACK_CODES } from '@app/startups';

/** `?track=a&track=b` and `?track=a,b` both become ['a', 'b']. */
const list = () =>
  Transform(({ value }: { value: unknown }) =>
    value === undefined
      ? undefined
      : (Array.isArray(value) ? value : [value])
          .flatMap((v) => String(v).split(','))
          .map((v) => v.trim())
          .filter(Boolean),
  );

export class DealFlowQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: TRACK_CODES,
    isArray: true,
    description: 'Any of these tracks (repeat or comma-separate).',
  })
  @IsOptional()
  @list()
  @IsArray()
  @ArrayMaxSize(40)
  @IsIn(TRACK_CODES, { each: true })
  track?: string[];

  @ApiPropertyOptional({ type: [String], description: '2-, 4- or 6-digit division codes.' })
  @IsOptional()
  @list()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^\d{2}(\d{2}){0,2}$/, { each: true, message: 'each region must be a 2-, 4- or 6-digit division code' })
  region?: string[];

  @ApiPropertyOptional({ enum: STAGES, isArray: true })
  @IsOptional()
  @list()
  @IsArray()
  @ArrayMaxSize(8)
  @IsIn(STAGES, { each: true })
  stage?: string[];

  @ApiPropertyOptional({ enum: INSTRUMENTS, isArray: true })
  @IsOptional()
  @list()
  @IsArray()
  @ArrayMaxSize(5)
  @IsIn(INSTRUMENTS, { each: true })
  instrument?: string[];

  @ApiPropertyOptional({ enum: QUALIFICATION_KINDS, isArray: true, description: 'Projects holding all of these.' })
  @IsOptional()
  @list()
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
