import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@app/identity';
import { ApiErrors, UuidPipe } from '@app/platform';
import { OutcomesService } from './outcomes.service';
import { OutcomeView, RecordOutcomeDto } from './outcomes.views';

const ERRORS = ['UNAUTHENTICATED', 'VALIDATION_FAILED', 'OUTCOME_SUBJECT_NOT_FOUND', 'OUTCOME_NOT_APPLICABLE'] as const;

@ApiTags('outcomes')
@ApiBearerAuth()
@Controller()
export class OutcomesController {
  constructor(private readonly outcomes: OutcomesService) {}

  @Get('meetings/:id/outcome')
  @ApiOperation({ summary: 'A meeting’s outcome: both sides’ records and the shared state (its two parties only).' })
  @ApiOkResponse({ type: OutcomeView })
  @ApiErrors(...ERRORS)
  meeting(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<OutcomeView> {
    return this.outcomes.get(principal, 'meeting', id) as Promise<OutcomeView>;
  }

  @Put('meetings/:id/outcome')
  @ApiOperation({ summary: 'Record your side of a meeting’s outcome (attendance, stage, terms, pass reason).' })
  @ApiOkResponse({ type: OutcomeView })
  @ApiErrors(...ERRORS, 'OUTCOME_INVALID')
  recordMeeting(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: RecordOutcomeDto,
  ): Promise<OutcomeView> {
    return this.outcomes.record(principal, 'meeting', id, dto) as Promise<OutcomeView>;
  }

  @Get('deals/:id/outcome')
  @ApiOperation({ summary: 'A deal’s outcome as both parties see it (the investor and the project’s organization).' })
  @ApiOkResponse({ type: OutcomeView })
  @ApiErrors(...ERRORS)
  deal(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<OutcomeView> {
    return this.outcomes.get(principal, 'deal', id) as Promise<OutcomeView>;
  }

  @Put('deals/:id/outcome')
  @ApiOperation({ summary: 'Record your side of a deal’s outcome; founders record theirs here too.' })
  @ApiOkResponse({ type: OutcomeView })
  @ApiErrors(...ERRORS, 'OUTCOME_INVALID')
  recordDeal(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: RecordOutcomeDto,
  ): Promise<OutcomeView> {
    return this.outcomes.record(principal, 'deal', id, dto) as Promise<OutcomeView>;
  }
}
