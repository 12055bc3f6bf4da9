import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, UuidPipe } from '@app/platform';
import { CurrentPrincipal, Principal } from '@app/identity';
import { DealFlowQueryDto, InvestorMatchesQueryDto } from './deal-flow.dto';
import { DealFlowService } from './deal-flow.service';
import { DealFlowPageView, InvestorMatchesView } from './deal-flow.views';

@ApiTags('deal flow')
@ApiBearerAuth()
@Controller()
export class DealFlowController {
  constructor(private readonly dealFlow: DealFlowService) {}

  @Get('mandates/:id/deal-flow')
  @ApiOperation({
    summary:
      'Published projects ranked for your mandate: score 0–100, breakdown per criterion, constraint-checked, with distance-to-threshold hints.',
  })
  @ApiOkResponse({ type: DealFlowPageView })
  @ApiErrors(
    'UNAUTHENTICATED',
    'VALIDATION_FAILED',
    'INVALID_CURSOR',
    'MANDATE_NOT_FOUND',
    'MANDATE_ORG_KIND_INVALID',
    'FORBIDDEN',
  )
  async rank(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Query() query: DealFlowQueryDto,
  ): Promise<DealFlowPageView> {
    return this.dealFlow.dealFlow(principal, id, query);
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
