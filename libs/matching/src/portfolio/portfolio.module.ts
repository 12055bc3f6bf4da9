import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { FundsModule } from '@app/funds';
import { StartupsModule } from '@app/startups';
import { SnapshotModule } from '../snapshot/snapshot.module';
import { PortfolioController } from './portfolio.controller';
import { PortfolioService } from './portfolio.service';

/** Runs in the API: the imported portfolio, deal-flow marks and the history portfolio fit reads. */
@Module({
  imports: [IdentityModule, StartupsModule, FundsModule, SnapshotModule],
  controllers: [PortfolioController],
  providers: [PortfolioService],
  exports: [PortfolioService],
})
export class PortfolioModule {}
