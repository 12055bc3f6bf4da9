import { IdempotencyKeyEntity, OutboxEventEntity } from '@app/platform';
import { IDENTITY_ENTITIES } from '@app/identity';
import { STARTUPS_ENTITIES } from '@app/startups';
import { FUNDS_ENTITIES } from '@app/funds';
import { MATCHING_ENTITIES } from '@app/matching';
import { ROADSHOWS_ENTITIES } from '@app/roadshows';
import { ENGAGEMENT_ENTITIES } from '@app/engagement';

/**
 * Every entity of every lib. The apps, the TypeORM CLI and the test template database all use
 * this list, so a migration generated from it matches what the apps map.
 */
export const ENTITIES = [
  OutboxEventEntity,
  IdempotencyKeyEntity,
  ...IDENTITY_ENTITIES,
  ...STARTUPS_ENTITIES,
  ...FUNDS_ENTITIES,
  ...MATCHING_ENTITIES,
  ...ROADSHOWS_ENTITIES,
  ...ENGAGEMENT_ENTITIES,
];
