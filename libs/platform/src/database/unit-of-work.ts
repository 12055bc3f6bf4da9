import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DomainEvent } from '../outbox/events';
import { claimIdempotencyKey } from '../idempotency/idempotency-context';

export const OUTBOX_CHANNEL = 'outbox_events';

export interface Tx {
  /** The transaction's EntityManager: every write of the command goes through it. */
  readonly em: EntityManager;
  /** Records an event; it is written to the outbox in the same transaction, just before commit. */
  publish(event: DomainEvent): void;
}

/** Writes the buffered events and wakes the relay; NOTIFY is delivered only if the transaction commits. */
export async function flushEvents(em: EntityManager, events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  // One JSON parameter, not TypeORM's insert builder: a bulk command (an import chunk announces up to
  // 500 companies) otherwise allocates a VALUES tuple, parameters and a returned row per event.
  await em.query(
    // In the command's order (ORDER BY the array position), so the events' sequence numbers are too.
    `INSERT INTO outbox_events (id, type, payload)
     SELECT (a.e->>'id')::uuid, a.e->>'type', a.e->'payload'
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS a(e, n) ORDER BY a.n`,
    [JSON.stringify(events.map((payload) => ({ id: randomUUID(), type: payload.type, payload })))],
  );
  await em.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, String(events.length)]);
}

/**
 * One transaction per command: a service's rows and its outbox events commit together or not at
 * all, so a crash between "saved" and "announced" cannot happen.
 */
@Injectable()
export class UnitOfWork {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return runInTransaction(this.dataSource, work);
  }
}

export function runInTransaction<T>(dataSource: DataSource, work: (tx: Tx) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (em) => {
    const events: DomainEvent[] = [];
    const result = await work({ em, publish: (event) => void events.push(event) });
    await flushEvents(em, events);
    // A create sent with an Idempotency-Key records the key with its rows (see IdempotencyInterceptor).
    await claimIdempotencyKey(em);
    return result;
  });
}
