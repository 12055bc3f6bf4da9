import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  ForeignKey,
} from 'typeorm';
import type { DealStage, PassReason } from './deal-stages';

const money = {
  type: 'bigint' as const,
  nullable: true,
  transformer: {
    to: (v: number | null | undefined) => (v === undefined || v === null ? v : String(v)),
    from: (v: string | null) => (v === null ? null : Number(v)),
  },
};

/** One investor organization's pipeline entry for one project. */
@Entity('deals')
@Index('ux_deals_investor_project', ['investorOrganizationId', 'projectId'], { unique: true })
@Index('ix_deals_project', ['projectId'])
@Index('ix_deals_mandate', ['mandateId', 'stage'])
@Index('ix_deals_investor_created', ['investorOrganizationId', 'createdAt', 'id'])
export class DealEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  // The organization, by name: a lib reads identity's tables only through its ports, but the
  // database may still refuse a row whose organization does not exist.
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  investorOrganizationId: string;

  @Column({ type: 'uuid' })
  @ForeignKey('ProjectEntity', { onDelete: 'RESTRICT' })
  projectId: string;

  @Column({ type: 'uuid' })
  @ForeignKey('StartupEntity', { onDelete: 'RESTRICT' })
  startupId: string;

  /** The company's organization (founders read their deals' pass reasons through it). */
  @Column({ type: 'uuid' })
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  startupOrganizationId: string;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('MandateEntity', { onDelete: 'RESTRICT' })
  mandateId: string | null;

  /** Terms version of the mandate the deal was opened under. */
  @Column({ type: 'int', nullable: true })
  mandateTermsVersion: number | null;

  @Column({ type: 'text', default: 'new' })
  stage: DealStage;

  @Column({ type: 'jsonb', nullable: true })
  passReason: PassReason | null;

  /** Score and engine version when the deal was opened (null without a mandate). */
  @Column({
    type: 'numeric',
    precision: 5,
    scale: 2,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  scoreAtOpen: number | null;

  @Column({ type: 'text', nullable: true })
  scoreVersion: string | null;

  /** What the deal reached: the ticket (or credit line) agreed, in 分, set from term sheet on. */
  @Column(money)
  amount: number | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @Column({ type: 'timestamptz', precision: 3 })
  stageChangedAt: Date;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
