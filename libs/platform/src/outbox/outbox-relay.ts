import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { DomainEvent, EventJob } from './events';

/** The queues an event of this type goes to (the registry of the relaying process). */
export type EventRoutes = (type: string) => readonly string[];

interface PendingRow {
  id: string;
  seq: string;
  payload: DomainEvent;
  created_at: Date;
  attempts: number;
}

export interface RelayResult {
  dispatched: number;
  failed: number;
  /** Why the failed rows could not be enqueued (the queue's error), when some failed. */
  error?: string;
}

export interface OutboxRelayOptions {
  batchSize?: number;
  /** Delay before retrying a batch that could not be enqueued: base·2^attempts, capped. */
  retryBaseMs?: number;
  retryMaxMs?: number;
}

/** The key whose absence tells the worker that Redis lost every key (FLUSHALL, restart). */
export const redisSentinelKey = (queuePrefix: string) => `${queuePrefix}:outbox:sentinel`;

export function retryDelayMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(attempts, 20));
}

/**
 * Moves committed outbox rows into BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED, so any
 * number of relays can run; a row is marked dispatched only after every queue accepted its job, and
 * jobIds are deterministic, so a pass that dies between "enqueued" and "marked" re-adds nothing new.
 * When Redis is down the rows stay pending with a growing retry delay; nothing is dropped.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: ReadonlyMap<string, Queue>,
    private readonly routes: EventRoutes,
    options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.retryBaseMs = options.retryBaseMs ?? 500;
    this.retryMaxMs = options.retryMaxMs ?? 60_000;
  }

  /** One pass over due rows. Returns how many were dispatched and how many must be retried. */
  relayOnce(): Promise<RelayResult> {
    return this.dataSource.transaction(async (em) => {
      const rows: PendingRow[] = await em.query(
        `SELECT id, seq, payload, created_at, attempts FROM outbox_events
          WHERE dispatched_at IS NULL AND next_attempt_at <= now()
          ORDER BY created_at, id
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      if (rows.length === 0) return { dispatched: 0, failed: 0 };
      const ids = rows.map((r) => r.id);
      try {
        await this.enqueue(rows);
      } catch (err) {
        const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
        const delay = retryDelayMs(attempts - 1, this.retryBaseMs, this.retryMaxMs);
        const reason = String((err as Error)?.message ?? err).slice(0, 1000);
        await em.query(
          `UPDATE outbox_events
              SET attempts = attempts + 1,
                  last_error = $2,
                  next_attempt_at = now() + make_interval(secs => $3::float / 1000)
            WHERE id = ANY($1::uuid[])`,
          [ids, reason, delay],
        );
        return { dispatched: 0, failed: rows.length, error: reason };
      }
      await em.query(
        `UPDATE outbox_events SET dispatched_at = now(), attempts = attempts + 1, last_error = NULL
          WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      return { dispatched: rows.length, failed: 0 };
    });
  }

  /**
   * Redis lost its keys (a FLUSHALL, a restart without persistence): every job it held is gone, so
   * the rows dispatched within `windowMs` are made pending again and the next passes re-add their
   * jobs (same jobIds: a job Redis still holds is not added twice; consumers are idempotent by
   * event id). Returns how many rows will be re-delivered.
   */
  async redeliverSince(windowMs: number): Promise<number> {
    const [, affected] = (await this.dataSource.query(
      `UPDATE outbox_events SET dispatched_at = NULL, next_attempt_at = now()
        WHERE dispatched_at >= now() - make_interval(secs => $1::float / 1000)`,
      [windowMs],
    )) as [unknown, number];
    return affected;
  }

  /** Events committed but not yet in Redis: how many, and how old the oldest is (readiness). */
  async backlog(): Promise<{ pending: number; oldestSeconds: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS pending,
              COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float AS oldest
         FROM outbox_events WHERE dispatched_at IS NULL`,
    )) as { pending: number; oldest: number }[];
    return { pending: row.pending, oldestSeconds: Math.round(row.oldest * 10) / 10 };
  }

  /** Relays until no due row is left (or a pass fails). */
  async drain(): Promise<RelayResult> {
    const total: RelayResult = { dispatched: 0, failed: 0 };
    for (;;) {
      const pass = await this.relayOnce();
      total.dispatched += pass.dispatched;
      total.failed += pass.failed;
      if (pass.error) total.error = pass.error;
      if (pass.failed > 0 || pass.dispatched < this.batchSize) return total;
    }
  }

  private async enqueue(rows: PendingRow[]): Promise<void> {
    const perQueue = new Map<string, { name: string; data: EventJob; opts: { jobId: string } }[]>();
    for (const row of rows) {
      for (const queueName of this.routes(row.payload.type)) {
        const jobs = perQueue.get(queueName) ?? [];
        jobs.push({
          name: row.payload.type,
          data: { eventId: row.id, seq: Number(row.seq), occurredAt: new Date(row.created_at).toISOString(), event: row.payload },
          opts: { jobId: row.id },
        });
        perQueue.set(queueName, jobs);
      }
    }
    for (const [queueName, jobs] of perQueue) {
      const queue = this.queues.get(queueName);
      if (!queue) throw new Error(`no producer for queue ${queueName}`);
      await queue.addBulk(jobs);
    }
  }
}
