/** Funds: mandates of funds and bank credit products, with immutable terms versions. */
export * from './funds.module';
export * from './funds.errors';
export * from './funds.views';
export * from './mandates/mandate-terms';
export * from './mandates/mandates.service';
export * from './mandates/mandates.dto';
export * from './entities/mandate.entity';
export * from './entities/mandate-version.entity';

import { MandateEntity } from './entities/mandate.entity';
import { MandateVersionEntity } from './entities/mandate-version.entity';

export const FUNDS_ENTITIES = [MandateEntity, MandateVersionEntity];
export * from './funds.events';
export * from './directory/mandate-directory';
