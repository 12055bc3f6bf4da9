import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, PlatformQueueModule } from '@app/platform';
import { IMPORTS_QUEUE } from '../startups.events';
import { ImportsProcessor } from './imports.processor';
import { LocalDiskStorage, STORAGE } from '../storage/storage';
import { ImportService } from './import.service';

/** The import machinery without HTTP: the API's StartupsModule and the worker both use it. */
@Module({
  imports: [PlatformQueueModule.forFeature(IMPORTS_QUEUE)],
  providers: [
    ImportService,
    { provide: STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalDiskStorage(config.STORAGE_DIR) },
  ],
  exports: [ImportService, STORAGE],
})
export class StartupsImportModule {}

/** Runs in the worker: the `imports` queue's processor over the same machinery. */
@Module({ imports: [StartupsImportModule], providers: [ImportsProcessor] })
export class StartupsWorkerModule {}
