import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '@app/platform';
import { ProjectFiltersDto } from '@app/search';

/** Deal flow takes the shared project filters (ProjectFiltersDto) with paging, a minimum score and free text. */
export class DealFlowQueryDto extends IntersectionType(PageQueryDto, ProjectFiltersDto) {
  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: 100 })
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

  @ApiPropertyOptional({
    enum: ['full', 'compact'],
    default: 'full',
    description:
      '`compact`: score per criterion, failed constraints and the first hints, for lists; the full explanation per item is `GET /mandates/:id/deal-flow/:projectId`.',
  })
  @IsOptional()
  @IsIn(['full', 'compact'])
  view?: 'full' | 'compact';
}

export class InvestorMatchesQueryDto {
  @ApiPropertyOptional({ enum: ['all', 'eligible', 'excluded'], default: 'all' })
  @IsOptional()
  @IsIn(['all', 'eligible', 'excluded'])
  show?: 'all' | 'eligible' | 'excluded';
}
