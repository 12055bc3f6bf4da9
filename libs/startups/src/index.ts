export * from './startups.module';
export * from './startups.errors';
export * from './startups.views';
export * from './entities/startup.entity';
export * from './entities/fiscal-year.entity';
export * from './entities/ip-item.entity';
export * from './entities/qualification-held.entity';
export * from './entities/project.entity';
export * from './startups/startups.service';
export * from './projects/projects.service';
export * from './storage/storage';
export * from './storage/storage-sweeper';
export * from './qualification-report/qualification-report.service';
export * from './import/startups-import.module';
export * from './import/import.service';
export * from './entities/import-job.entity';

import { FiscalYearEntity } from './entities/fiscal-year.entity';
import { ImportJobEntity } from './entities/import-job.entity';
import { IpItemEntity } from './entities/ip-item.entity';
import { ProjectEntity } from './entities/project.entity';
import { QualificationHeldEntity } from './entities/qualification-held.entity';
import { StartupEntity } from './entities/startup.entity';

export const STARTUPS_ENTITIES = [
  StartupEntity,
  FiscalYearEntity,
  IpItemEntity,
  QualificationHeldEntity,
  ProjectEntity,
  ImportJobEntity,
];
export * from './import/import-columns';
export * from './startups.events';
export { StartupsWorkerModule } from './import/startups-import.module';
export * from './directory/project-directory';
export * from './directory/project-visibility';
export { bufferSource, detectFormat, readSheet, type ImportFormat, type SheetRow } from './import/import-reader';
export type { CellValue } from './import/parse-import-row';
