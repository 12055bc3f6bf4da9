/**
 * @app/db — the schema every process maps: the entity registry (every lib's entities) beside the
 * migrations generated from it. Seeds and demo stories live in db/seeds and are never imported by
 * the apps.
 */
export { ENTITIES } from './schema/entities';
