import { Column, CreateDateColumn, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Instrument, PitchProfile, ProjectKind, ProjectStatus, Stage } from '@app/reference';
import { moneyColumn } from './bigint-money';
import { StartupEntity } from './startup.entity';

@Entity('projects')
@Index('ix_projects_created', ['status', 'createdAt', 'id'])
@Index('ix_projects_startup', ['startupId'])
@Index('ix_projects_org', ['organizationId'])
@Index('ix_projects_published', ['status', 'updatedAt'])
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  startupId: string;

  @ManyToOne(() => StartupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'startup_id' })
  startup?: StartupEntity;

  /** Denormalized owner, so every scoped query filters on one column. */
  @Column({ type: 'uuid' })
  // The organization, by name: a lib reads identity's tables only through its ports, but the
  // database may still refuse a row whose organization does not exist.
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  organizationId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: 'financing_round' })
  kind: ProjectKind;

  @Column({ type: 'text' })
  stage: Stage;

  @Column(moneyColumn)
  amountSought: number | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  instruments: Instrument[];

  @Column({ type: 'text', nullable: true })
  useOfFunds: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  pitch: PitchProfile;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  keywords: string[];

  /** Technology readiness level 1–9. */
  @Column({ type: 'smallint', nullable: true })
  trl: number | null;

  @Column({ type: 'text', default: 'draft' })
  status: ProjectStatus;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  deckStorageKey: string | null;

  @Column({ type: 'text', nullable: true })
  deckFileName: string | null;

  @Column({ type: 'int', nullable: true })
  deckSizeBytes: number | null;

  @Column({ type: 'char', length: 64, nullable: true })
  deckSha256: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deckUploadedAt: Date | null;

  /** Milliseconds, like the page cursors that carry it. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
