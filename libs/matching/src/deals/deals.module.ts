import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { FundsModule } from '@app/funds';
import { DealFlowModule } from '../deal-flow/deal-flow.module';
import { DealFeedbackController } from './deal-feedback.controller';
import { DealInsightsService } from './deal-insights.service';
import { DealsController } from './deals.controller';
import { DealsService } from './deals.service';
import { StatedVsActualController } from './stated-vs-actual.controller';

/** The investment pipeline: deals and their transitions, founders' feedback, stated vs actual. */
@Module({
  imports: [IdentityModule, FundsModule, DealFlowModule],
  controllers: [DealsController, DealFeedbackController, StatedVsActualController],
  providers: [DealsService, DealInsightsService],
  exports: [DealsService, DealInsightsService],
})
export class DealsModule {}
