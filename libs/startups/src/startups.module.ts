import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { IdentityModule } from '@app/identity';
import { DecksService } from './decks/decks.service';
import { ProjectsController } from './projects/projects.controller';
import { ProjectsService } from './projects/projects.service';
import { ReferenceController } from './reference/reference.controller';
import { LocalDiskStorage, STORAGE } from './storage/storage';
import { StartupAccess } from './startups/startup-access';
import { StartupFactsService } from './startups/startup-facts.service';
import { StartupsController } from './startups/startups.controller';
import { StartupsService } from './startups/startups.service';

@Module({
  imports: [IdentityModule],
  controllers: [StartupsController, ProjectsController, ReferenceController],
  providers: [
    StartupAccess,
    StartupsService,
    StartupFactsService,
    ProjectsService,
    DecksService,
    { provide: STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalDiskStorage(config.STORAGE_DIR) },
  ],
  exports: [StartupsService, ProjectsService, StartupAccess],
})
export class StartupsModule {}
