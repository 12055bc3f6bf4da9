import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, ForeignKey } from 'typeorm';
import type { Stage } from '@app/reference';
import type { FeedbackKind } from './history';

const money = {
  type: 'bigint' as const,
  nullable: true,
  transformer: {
    to: (v: number | null | undefined) => (v === undefined || v === null ? v : String(v)),
    from: (v: string | null) => (v === null ? null : Number(v)),
  },
};

/** One past investment of an investor organization, from an imported portfolio file (visible to that organization only). */
@Entity('portfolio_investments')
@Index('ix_portfolio_investments_org', ['organizationId', 'sourceRow'])
export class PortfolioInvestmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  organizationId: string;

  @Column({ type: 'text' })
  companyName: string;

  @Column({ type: 'date', nullable: true })
  investedOn: string | null;

  /** The round, as a project stage. */
  @Column({ type: 'text', nullable: true })
  round: Stage | null;

  /** 分. */
  @Column(money)
  amount: number | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  tracks: string[];

  @Column({ type: 'text', nullable: true })
  regionCode: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  keywords: string[];

  /** Row of the file it came from. */
  @Column({ type: 'int' })
  sourceRow: number;

  @Column({ type: 'uuid' })
  importedBy: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** "More like this" / "not for us" on one deal-flow item of a mandate (one mark per mandate and project). */
@Entity('deal_flow_feedback')
@Index('ux_deal_flow_feedback_mandate_project', ['mandateId', 'projectId'], { unique: true })
export class DealFlowFeedbackEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  organizationId: string;

  @Column({ type: 'uuid' })
  @ForeignKey('MandateEntity', { onDelete: 'RESTRICT' })
  mandateId: string;

  @Column({ type: 'uuid' })
  @ForeignKey('ProjectEntity', { onDelete: 'RESTRICT' })
  projectId: string;

  @Column({ type: 'text' })
  kind: FeedbackKind;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
