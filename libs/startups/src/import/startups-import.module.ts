import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, PlatformQueueModule } from '@app/platform';
import { IMPORTS_QUEUE, STORAGE_SWEEP_QUEUE } from '../startups.events';
import { ImportsProcessor } from './imports.processor';
import { LocalDiskStorage, STORAGE } from '../storage/storage';
import { ImportService } from './import.service';
import { StorageSweeper } from '../storage/storage-sweeper';
import { StorageSweepProcessor, StorageSweepScheduler } from '../storage/storage-sweep.processor';

/** The import machinery without HTTP: the API's StartupsModule and the worker both use it. */
@Module({
  imports: [PlatformQueueModule.forFeature(IMPORTS_QUEUE)],
  providers: [
    ImportService,
    StorageSweeper,
    { provide: STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalDiskStorage(config.STORAGE_DIR) },
  ],
  exports: [ImportService, StorageSweeper, STORAGE],
})
export class StartupsImportModule {}

/** Runs in the worker: the `imports` queue's processor over the same machinery, and the daily storage sweep. */
@Module({
  imports: [StartupsImportModule, PlatformQueueModule.forFeature(STORAGE_SWEEP_QUEUE)],
  providers: [ImportsProcessor, StorageSweepProcessor, StorageSweepScheduler],
})
export class StartupsWorkerModule {}
