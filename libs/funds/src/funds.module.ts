import { MandateDirectory } from './directory/mandate-directory';
import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { MandatesController } from './mandates/mandates.controller';
import { MandatesService } from './mandates/mandates.service';

@Module({
  imports: [IdentityModule],
  controllers: [MandatesController],
  providers: [MandatesService, MandateDirectory],
  exports: [MandatesService, MandateDirectory],
})
export class FundsModule {}
