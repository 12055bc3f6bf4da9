import { Column, CreateDateColumn, Entity, Generated, Index, PrimaryColumn } from 'typeorm';
import type { DomainEvent } from './events';

@Entity('outbox_events')
@Index('ix_outbox_events_pending', ['nextAttemptAt', 'createdAt'], { where: 'dispatched_at IS NULL' })
@Index('ix_outbox_events_dispatched_at', ['dispatchedAt'])
export class OutboxEventEntity {
  @PrimaryColumn('uuid')
  id: string;

  /**
   * The event's place in the outbox (allocated at insert, just before commit): jobs carry it, and a
   * reader that never saw a dispatched sequence notices the gap and catches up from this table.
   */
  @Index('ux_outbox_events_seq', { unique: true })
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq: string;

  @Column({ type: 'text' })
  type: DomainEvent['type'];

  @Column({ type: 'jsonb' })
  payload: DomainEvent;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;
}
