/** Matching: the pure engine, the deal-flow snapshot service and the investment pipeline. */
export * from './engine';
export * from './deals/deal-stages';
export * from './deals/deal.entity';
export * from './deals/deal-transition.entity';
export * from './deals/deals.service';
export * from './deals/deals.module';
export * from './deals/deal-directory';

import { DealEntity } from './deals/deal.entity';
import { DealTransitionEntity } from './deals/deal-transition.entity';

export const MATCHING_ENTITIES = [DealEntity, DealTransitionEntity];
export * from './features/project-features';
export * from './snapshot/engine-mandate';
export * from './snapshot/snapshot.service';
export * from './snapshot/snapshot.module';
export * from './deal-flow/deal-flow.service';
export * from './deal-flow/deal-flow.module';
export * from './matching.events';
