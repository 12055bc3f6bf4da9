import { Module } from '@nestjs/common';
import { FundsModule } from '@app/funds';
import { StartupsModule } from '@app/startups';
import { FeatureStore } from './feature-store';
import { MandateSnapshotService } from './mandate-snapshot.service';
import { SnapshotService } from './snapshot.service';

/**
 * Runs in the API: this process's snapshot of published projects' features (needs the projection
 * feed). Deal flow ranks from it; deals score a project at opening from it.
 */
@Module({
  imports: [StartupsModule, FundsModule],
  providers: [SnapshotService, FeatureStore, MandateSnapshotService],
  exports: [SnapshotService, MandateSnapshotService],
})
export class SnapshotModule {}
