import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, UuidPipe } from '@app/platform';
import { CurrentPrincipal, Principal } from '@app/identity';
import './deals.errors';
import { DealListQueryDto, OpenDealDto, TransitionDealDto } from './deals.dto';
import { DealsService } from './deals.service';
import { DealDetailView, DealPageView, dealsMapper } from './deals.views';

const BASE_ERRORS = ['UNAUTHENTICATED', 'VALIDATION_FAILED', 'FORBIDDEN', 'DEAL_ORG_KIND_INVALID'];

@ApiTags('deals')
@ApiBearerAuth()
@Controller('deals')
export class DealsController {
  constructor(private readonly deals: DealsService) {}

  @Post()
  @ApiOperation({
    summary:
      'Open a deal at `new` on a published project of another organization, optionally under one of your mandates ' +
      '(its terms version is recorded). One deal per project and organization: a second is 409 DEAL_EXISTS with details.dealId.',
  })
  @ApiCreatedResponse({ type: DealDetailView })
  @ApiErrors(...BASE_ERRORS, 'PROJECT_NOT_FOUND', 'PROJECT_NOT_DEALABLE', 'MANDATE_NOT_FOUND', 'DEAL_EXISTS')
  async open(@CurrentPrincipal() principal: Principal, @Body() dto: OpenDealDto): Promise<DealDetailView> {
    return dealsMapper.detail(await this.deals.open(principal, dto));
  }

  @Get()
  @ApiOperation({
    summary: 'Your organization’s pipeline, newest deal first (pages on the creation time, which never moves).',
  })
  @ApiOkResponse({ type: DealPageView })
  @ApiErrors(...BASE_ERRORS, 'INVALID_CURSOR')
  async list(@CurrentPrincipal() principal: Principal, @Query() query: DealListQueryDto): Promise<DealPageView> {
    const page = await this.deals.list(principal, query);
    return { items: page.items.map(dealsMapper.listItem), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of your deals with its full transition history (oldest first).' })
  @ApiOkResponse({ type: DealDetailView })
  @ApiErrors(...BASE_ERRORS, 'DEAL_NOT_FOUND')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<DealDetailView> {
    return dealsMapper.detail(await this.deals.get(principal, id));
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Move the deal: one step forward (new → shortlisted → contacted → meeting → due_diligence → term_sheet → signed → disbursed), ' +
      'to `passed` (with a reason; not after signing) or from `passed` back to `shortlisted`. Send `expectedStage` to refuse a move ' +
      'if someone else moved the deal first. `amount` (分) from term_sheet on.',
  })
  @ApiOkResponse({ type: DealDetailView })
  @ApiErrors(
    ...BASE_ERRORS,
    'DEAL_NOT_FOUND',
    'DEAL_TRANSITION_INVALID',
    'DEAL_VERSION_CONFLICT',
    'DEAL_FIELD_NOT_ALLOWED',
    'PASS_REASON_REQUIRED',
    'PASS_REASON_TEXT_REQUIRED',
  )
  async transition(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: TransitionDealDto,
  ): Promise<DealDetailView> {
    return dealsMapper.detail(await this.deals.transition(principal, id, dto));
  }
}
