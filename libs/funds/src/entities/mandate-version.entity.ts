import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { MandateTerms } from '../mandates/mandate-terms';
import { MandateEntity } from './mandate.entity';

/** Immutable history: what a mandate asked for at each terms version. */
@Entity('mandate_versions')
export class MandateVersionEntity {
  @PrimaryColumn('uuid')
  mandateId: string;

  @PrimaryColumn('int')
  termsVersion: number;

  @ManyToOne(() => MandateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mandate_id' })
  mandate?: MandateEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'jsonb' })
  terms: MandateTerms;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
