import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { ProjectDirectory } from './directory/project-directory';
import { DecksService } from './decks/decks.service';
import { ProjectsController } from './projects/projects.controller';
import { ProjectsService } from './projects/projects.service';
import { QualificationReportService } from './qualification-report/qualification-report.service';
import { ReferenceController } from './reference/reference.controller';
import { ImportsController } from './import/imports.controller';
import { StartupsImportModule } from './import/startups-import.module';
import { StartupAccess } from './startups/startup-access';
import { StartupFactsService } from './startups/startup-facts.service';
import { StartupsController } from './startups/startups.controller';
import { StartupsService } from './startups/startups.service';

/** Startups' read port without its routes (the worker's notifications read project owners through it). */
@Module({ providers: [ProjectDirectory], exports: [ProjectDirectory] })
export class StartupsDirectoryModule {}

@Module({
  imports: [IdentityModule, StartupsImportModule, StartupsDirectoryModule],
  controllers: [StartupsController, ProjectsController, ImportsController, ReferenceController],
  providers: [
    StartupAccess,
    StartupsService,
    StartupFactsService,
    ProjectsService,
    DecksService,
    QualificationReportService,
  ],
  exports: [StartupsService, ProjectsService, StartupAccess, QualificationReportService, StartupsDirectoryModule],
})
export class StartupsModule {}
