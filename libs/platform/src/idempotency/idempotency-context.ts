import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import { platformError } from '../errors/platform.errors';

/** The `Idempotency-Key` of the create being handled, for the unit of work to claim on commit. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  fingerprint: string;
  /** Set once a transaction of this request wrote the key. */
  claimed: boolean;
}

export const idempotencyContext = new AsyncLocalStorage<IdempotencyClaim>();

const UNIQUE_VIOLATION = '23505';

/**
 * Called by the unit of work just before its commit: records the request's key in the same
 * transaction as the created rows. A concurrent request with the same key blocks on the primary
 * key until the first commits, then fails here and rolls back: one resource, never two.
 */
export async function claimIdempotencyKey(em: EntityManager): Promise<void> {
  const claim = idempotencyContext.getStore();
  if (!claim || claim.claimed) return;
  try {
    await em.query('INSERT INTO idempotency_keys (scope, key, fingerprint, created_at) VALUES ($1, $2, $3, now())', [
      claim.scope,
      claim.key,
      claim.fingerprint,
    ]);
  } catch (err) {
    if ((err as { code?: string }).code === UNIQUE_VIOLATION) {
      throw platformError('IDEMPOTENCY_KEY_IN_PROGRESS', { field: 'Idempotency-Key' });
    }
    throw err;
  }
  claim.claimed = true;
}
