import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, UuidPipe } from '@app/platform';
import { CurrentPrincipal, Principal } from '@app/identity';
import { ENGAGED_STAGES } from './deal-stages';
import { DealInsightsService } from './deal-insights.service';
import { dealsMapper, StatedVsActualView } from './deals.views';

@ApiTags('mandates')
@ApiBearerAuth()
@Controller('mandates')
export class StatedVsActualController {
  constructor(private readonly insights: DealInsightsService) {}

  @Get(':id/stated-vs-actual')
  @ApiOperation({
    summary:
      'Stated vs actual for your mandate: the stages, tracks and ticket range its current terms state, next to the distribution of ' +
      'its deals that reached a meeting or beyond, plus its passes by reason, and the mandate its history suggests (`suggested`).',
  })
  @ApiOkResponse({ type: StatedVsActualView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'FORBIDDEN', 'MANDATE_NOT_FOUND', 'MANDATE_ORG_KIND_INVALID')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<StatedVsActualView> {
    const { mandate, figure, suggested } = await this.insights.statedVsActual(principal, id);
    return dealsMapper.statedVsActual(mandate, figure, ENGAGED_STAGES, suggested);
  }
}
