import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { FundsModule } from '@app/funds';
import { SearchModule } from '@app/search';
import { DealFlowController } from './deal-flow.controller';
import { DealFlowService } from './deal-flow.service';
import { StartupsModule } from '@app/startups';
import { DealsModule } from '../deals/deals.module';
import { SnapshotModule } from '../snapshot/snapshot.module';
import { PortfolioModule } from '../portfolio/portfolio.module';

/** Runs in the API: ranked deal flow and founders' investor matches, from the snapshot. */
@Module({
  imports: [IdentityModule, StartupsModule, FundsModule, SearchModule, SnapshotModule, DealsModule, PortfolioModule],
  controllers: [DealFlowController],
  providers: [DealFlowService],
  exports: [DealFlowService],
})
export class DealFlowModule {}
