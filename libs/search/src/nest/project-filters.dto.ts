import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { QueryList } from '@app/platform';
import {
  INSTRUMENTS,
  IsRegionPrefix,
  QUALIFICATION_KINDS,
  STAGES,
  TRACK_CODES,
  type Instrument,
  type QualificationKind,
  type Stage,
} from '@app/reference';

/**
 * The project filters shared by `GET /search` and `GET /mandates/:id/deal-flow`: one vocabulary,
 * one region rule, one set of limits. Lists may repeat the parameter or comma-separate it.
 */
export class ProjectFiltersDto {
  @ApiPropertyOptional({ enum: TRACK_CODES, isArray: true, description: 'Any of these tracks.' })
  @IsOptional()
  @QueryList()
  @IsArray()
  @ArrayMaxSize(40)
  @IsIn(TRACK_CODES, { each: true })
  track?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Province (2), city (4) or division (6 digits) codes (any of them).',
  })
  @IsOptional()
  @QueryList()
  @IsArray()
  @ArrayMaxSize(50)
  @IsRegionPrefix({ each: true })
  region?: string[];

  @ApiPropertyOptional({
    enum: STAGES,
    isArray: true,
    description: 'projects: the stage; mandates: stages invested in.',
  })
  @IsOptional()
  @QueryList()
  @IsArray()
  @ArrayMaxSize(8)
  @IsIn(STAGES, { each: true })
  stage?: Stage[];

  @ApiPropertyOptional({ enum: INSTRUMENTS, isArray: true })
  @IsOptional()
  @QueryList()
  @IsArray()
  @ArrayMaxSize(5)
  @IsIn(INSTRUMENTS, { each: true })
  instrument?: Instrument[];

  @ApiPropertyOptional({
    enum: QUALIFICATION_KINDS,
    isArray: true,
    description: 'Certificates held: search (startups) any of these; deal flow all of these.',
  })
  @IsOptional()
  @QueryList()
  @IsArray()
  @ArrayMaxSize(9)
  @IsIn(QUALIFICATION_KINDS, { each: true })
  qualification?: QualificationKind[];
}
