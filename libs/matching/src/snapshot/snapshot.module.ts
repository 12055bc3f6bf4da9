import { Module } from '@nestjs/common';
import { StartupsModule } from '@app/startups';
import { SnapshotService } from './snapshot.service';

/**
 * Runs in the API: this process's snapshot of published projects' features (needs the projection
 * feed). Deal flow ranks from it; deals score a project at opening from it.
 */
@Module({ imports: [StartupsModule], providers: [SnapshotService], exports: [SnapshotService] })
export class SnapshotModule {}
