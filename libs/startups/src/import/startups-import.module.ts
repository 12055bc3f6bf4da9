import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { LocalDiskStorage, STORAGE } from '../storage/storage';
import { ImportService } from './import.service';

/** The import machinery without HTTP: the API's StartupsModule and the worker both use it. */
@Module({
  providers: [
    ImportService,
    { provide: STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalDiskStorage(config.STORAGE_DIR) },
  ],
  exports: [ImportService, STORAGE],
})
export class StartupsImportModule {}
