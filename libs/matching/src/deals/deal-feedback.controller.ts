import { Controller, Get, Headers, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, localeFromAcceptLanguage, UuidPipe } from '@app/platform';
import { CurrentPrincipal, Principal } from '@app/identity';
import { DealInsightsService } from './deal-insights.service';
import { DealFeedbackListView, dealsMapper } from './deals.views';

@ApiTags('deals')
@ApiBearerAuth()
@Controller('projects')
export class DealFeedbackController {
  constructor(private readonly insights: DealInsightsService) {}

  @Get(':id/deal-feedback')
  @ApiOperation({
    summary:
      'For the project’s own organization: every investor’s deal on it — stage, when it moved, pass reasons with labels — ' +
      'with the investor’s name unless it passed under a mandate that hides names on passes. Never notes, scores or mandates; ' +
      'the agreed amount only from term sheet on.',
  })
  @ApiOkResponse({ type: DealFeedbackListView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'PROJECT_NOT_FOUND')
  async feedback(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<DealFeedbackListView> {
    // The label follows Accept-Language like error messages do; without the header, the user's own locale.
    const locale = acceptLanguage ? localeFromAcceptLanguage(acceptLanguage) : principal.locale;
    const items = await this.insights.feedback(principal, id);
    return { items: items.map((f) => dealsMapper.feedback(f, locale)) };
  }
}
