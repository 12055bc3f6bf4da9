export * from './startups.module';
export * from './startups.errors';
export * from './startups.views';
export * from './reference/project-enums';
export * from './reference/tracks';
export * from './reference/industries';
export * from './entities/startup.entity';
export * from './entities/fiscal-year.entity';
export * from './entities/ip-item.entity';
export * from './entities/qualification-held.entity';
export * from './entities/project.entity';
export * from './startups/startups.service';
export * from './projects/projects.service';
export * from './storage/storage';
// The engine is namespaced: its IpType/QualificationKind mirror the enums above.
export * as Qualification from './qualification';
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

export const STARTUPS_ENTITIES = [StartupEntity, FiscalYearEntity, IpItemEntity, QualificationHeldEntity, ProjectEntity, ImportJobEntity];
