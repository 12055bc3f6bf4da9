import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { FundsModule } from '@app/funds';
import { StartupsModule } from '@app/startups';
import { SnapshotModule } from '../snapshot/snapshot.module';
import { PortfolioModule } from '../portfolio/portfolio.module';
import { DealFeedbackController } from './deal-feedback.controller';
import { DealInsightsService } from './deal-insights.service';
import { DealsController } from './deals.controller';
import { DealsService } from './deals.service';
import { StatedVsActualController } from './stated-vs-actual.controller';

/** Runs in the API: the investment pipeline — deals and their transitions, founders' feedback, stated vs actual. */
@Module({
  imports: [IdentityModule, StartupsModule, FundsModule, SnapshotModule, PortfolioModule],
  controllers: [DealsController, DealFeedbackController, StatedVsActualController],
  providers: [DealsService, DealInsightsService],
  exports: [DealsService, DealInsightsService],
})
export class DealsModule {}
