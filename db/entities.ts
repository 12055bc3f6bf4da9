import { OutboxEventEntity } from '@app/platform';
import { IDENTITY_ENTITIES } from '@app/identity';
import { STARTUPS_ENTITIES } from '@app/startups';

/**
 * Every entity of every lib. The apps, the TypeORM CLI and the test template database all use
 * this list, so a migration generated from it matches what the apps map.
 */
export const ENTITIES = [OutboxEventEntity, ...IDENTITY_ENTITIES, ...STARTUPS_ENTITIES];
