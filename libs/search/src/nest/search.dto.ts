import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { QueryList } from '@app/platform';
import { MAX_QUERY_CHARS } from '../port';
import { SEARCH_INDEX_NAMES, SearchIndexName } from '../indexes';
import { ProjectFiltersDto } from './project-filters.dto';

export const SEARCH_SORTS = [
  'relevance',
  'newest',
  'updated',
  'amount_asc',
  'amount_desc',
  'founded_asc',
  'founded_desc',
  'ticket_asc',
  'ticket_desc',
] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

const STATUSES = ['draft', 'published', 'archived', 'active', 'paused'] as const;

/**
 * `GET /search`: typed parameters only. Filters are translated into the port's filter AST by the
 * service; nothing a user sends is ever passed to an engine as filter syntax.
 */
export class SearchQueryDto extends ProjectFiltersDto {
  @ApiProperty({ enum: SEARCH_INDEX_NAMES })
  @IsIn(SEARCH_INDEX_NAMES)
  type: SearchIndexName;

  @ApiPropertyOptional({
    maxLength: MAX_QUERY_CHARS,
    description: 'Free text (Chinese and English). Empty: browse with filters.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_QUERY_CHARS)
  q?: string;

  @ApiPropertyOptional({
    enum: STATUSES,
    isArray: true,
    description: 'projects: draft|published|archived (drafts and archived ones are your own); mandates: active|paused.',
  })
  @IsOptional()
  @QueryList()
  @IsArray()
  @ArrayMaxSize(5)
  @IsIn(STATUSES, { each: true })
  status?: string[];

  @ApiPropertyOptional({ minimum: 0, description: '分. projects: amount sought ≥; mandates: ticket max ≥.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMin?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: '分. projects: amount sought ≤; mandates: ticket min ≤.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMax?: number;

  @ApiPropertyOptional({
    type: [String],
    description:
      'Facet distributions to return. projects: tracks, stage, instruments, provinceCode, regionCode, status; ' +
      'startups: tracks, provinceCode, regionCode, qualifications, foundedYear; mandates: tracks, stages, instruments, regions, status.',
  })
  @IsOptional()
  @QueryList()
  @IsArray()
  @ArrayMaxSize(8)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  facets?: string[];

  @ApiPropertyOptional({
    enum: SEARCH_SORTS,
    default: 'relevance',
    description:
      'projects: relevance, newest (published), updated, amount_asc|desc; startups: relevance, updated, founded_asc|desc; ' +
      'mandates: relevance, updated, ticket_asc|desc.',
  })
  @IsOptional()
  @IsIn(SEARCH_SORTS)
  sort?: SearchSort;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  page?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
