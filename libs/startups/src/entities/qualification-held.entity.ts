import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { QualificationKind } from '@app/reference';
import { StartupEntity } from './startup.entity';

/** A certificate or recognition the company holds (高企, 科技型中小企业, 专精特新 …). */
@Entity('startup_qualifications')
@Index('ix_qualifications_startup', ['startupId'])
export class QualificationHeldEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  startupId: string;

  @ManyToOne(() => StartupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'startup_id' })
  startup?: StartupEntity;

  @Column({ type: 'text' })
  kind: QualificationKind;

  @Column({ type: 'text', nullable: true })
  certificateNumber: string | null;

  @Column({ type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ type: 'date', nullable: true })
  validUntil: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
