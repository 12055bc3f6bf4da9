import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiErrors, UuidPipe } from '@app/platform';
import { CurrentPrincipal, Principal } from '@app/identity';
import { DealFlowQueryDto, InvestorMatchesQueryDto } from './deal-flow.dto';
import { DealFlowService } from './deal-flow.service';
import { DealFlowCompactPageView, DealFlowItemView, DealFlowPageView, InvestorMatchesView } from './deal-flow.views';

@ApiTags('deal flow')
@ApiBearerAuth()
@ApiExtraModels(DealFlowPageView, DealFlowCompactPageView)
@Controller()
export class DealFlowController {
  constructor(private readonly dealFlow: DealFlowService) {}

  @Get('mandates/:id/deal-flow')
  @ApiOperation({
    summary:
      'Published projects ranked for your mandate: score 0–100, breakdown per criterion, constraint-checked, with distance-to-threshold hints. `view=compact` answers `DealFlowCompactPageView` (score per criterion, failed constraints, first hints).',
  })
  @ApiOkResponse({
    description: '`DealFlowPageView` (default, `view=full`) or `DealFlowCompactPageView` (`view=compact`).',
    schema: { oneOf: [{ $ref: getSchemaPath(DealFlowPageView) }, { $ref: getSchemaPath(DealFlowCompactPageView) }] },
  })
  @ApiErrors(
    'UNAUTHENTICATED',
    'VALIDATION_FAILED',
    'INVALID_CURSOR',
    'MANDATE_NOT_FOUND',
    'MANDATE_ORG_KIND_INVALID',
    'FORBIDDEN',
  )
  // The page is assembled from cached UTF-8 JSON fragments: sent as bytes, not serialized again.
  @Header('content-type', 'application/json; charset=utf-8')
  async rank(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Query() query: DealFlowQueryDto,
  ): Promise<Buffer> {
    return this.dealFlow.dealFlowJson(principal, id, query);
  }

  @Get('mandates/:id/deal-flow/:projectId')
  @ApiOperation({
    summary:
      'One published project’s full explanation for your mandate (breakdown with inputs and sentences, reasons, every hint): what a compact list item opens.',
  })
  @ApiOkResponse({ type: DealFlowItemView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'MANDATE_NOT_FOUND', 'PROJECT_NOT_FOUND', 'FORBIDDEN')
  async item(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('projectId', UuidPipe) projectId: string,
  ): Promise<DealFlowItemView> {
    return this.dealFlow.item(principal, id, projectId);
  }

  @Get('projects/:id/investor-matches')
  @ApiOperation({
    summary: 'For founders: discoverable mandates and credit products ranked for your project, with why and why not.',
  })
  @ApiOkResponse({ type: InvestorMatchesView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'PROJECT_NOT_FOUND')
  async investorMatches(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Query() query: InvestorMatchesQueryDto,
  ): Promise<InvestorMatchesView> {
    return this.dealFlow.investorMatches(principal, id, query);
  }
}
