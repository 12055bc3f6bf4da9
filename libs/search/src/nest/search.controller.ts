import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, RateLimited } from '@app/platform';
import { CurrentPrincipal, Principal } from '@app/identity';
import { SearchQueryDto } from './search.dto';
import './search.errors';
import { SearchService } from './search.service';
import { ReindexResultView, SearchResultView } from './search.views';

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get()
  @ApiOperation({
    summary:
      'Full-text search (Chinese and English) over projects, companies or mandates, with typed filters, facet counts, sort and highlights. ' +
      'You find public documents and your own organization’s drafts; every hit is re-checked against permissions.',
  })
  @ApiOkResponse({ type: SearchResultView })
  @ApiErrors(
    'UNAUTHENTICATED',
    'VALIDATION_FAILED',
    'SEARCH_FILTER_ATTRIBUTE_NOT_FILTERABLE',
    'SEARCH_FACET_ATTRIBUTE_NOT_FILTERABLE',
    'SEARCH_SORT_ATTRIBUTE_NOT_SORTABLE',
    'SEARCH_FILTER_INVALID',
    'SEARCH_PAGINATION_INVALID',
    'SEARCH_QUERY_INVALID',
    'SEARCH_UNAVAILABLE',
    'SEARCH_INDEX_NOT_FOUND',
    'SEARCH_TASK_TIMEOUT',
  )
  async query(@CurrentPrincipal() principal: Principal, @Query() query: SearchQueryDto): Promise<SearchResultView> {
    return this.search.search(principal, query);
  }

  @Post('reindex')
  @RateLimited('reindex')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Platform admins: rebuild every search index from Postgres into a shadow and swap it in, with no downtime ' +
      '(embedded engine: the index of the API process that answers; Meilisearch: the server’s indexes).',
  })
  @ApiOkResponse({ type: ReindexResultView })
  @ApiErrors('RATE_LIMITED', 'UNAUTHENTICATED', 'FORBIDDEN', 'SEARCH_UNAVAILABLE', 'SEARCH_TASK_TIMEOUT')
  async reindex(@CurrentPrincipal() principal: Principal): Promise<ReindexResultView> {
    return this.search.reindex(principal);
  }
}
