import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DealEntity } from './deal.entity';
import type { DealStage, PassReason } from './deal-stages';

/** Append-only history: every stage change with its actor and time. */
@Entity('deal_transitions')
@Index('ix_deal_transitions_deal', ['dealId', 'at'])
export class DealTransitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  dealId: string;

  @ManyToOne(() => DealEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id' })
  deal?: DealEntity;

  @Column({ type: 'text', nullable: true })
  fromStage: DealStage | null;

  @Column({ type: 'text' })
  toStage: DealStage;

  @Column({ type: 'uuid' })
  actorUserId: string;

  @Column({ type: 'timestamptz', precision: 3 })
  at: Date;

  @Column({ type: 'jsonb', nullable: true })
  passReason: PassReason | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
