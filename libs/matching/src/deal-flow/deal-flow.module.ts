import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { FundsModule } from '@app/funds';
import { SearchModule } from '@app/search';
import { DealFlowController } from './deal-flow.controller';
import { DealFlowService } from './deal-flow.service';
import { SnapshotService } from './snapshot.service';

/** API-process only: holds the snapshot (needs the projection feed). */
@Module({
  imports: [IdentityModule, FundsModule, SearchModule],
  controllers: [DealFlowController],
  providers: [SnapshotService, DealFlowService],
  exports: [SnapshotService, DealFlowService],
})
export class DealFlowModule {}
