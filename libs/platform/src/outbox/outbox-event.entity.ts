import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DomainEvent } from './events';

@Entity('outbox_events')
@Index('ix_outbox_events_pending', ['nextAttemptAt', 'createdAt'], { where: 'dispatched_at IS NULL' })
export class OutboxEventEntity {
  @PrimaryColumn('uuid')
  id: string;

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
