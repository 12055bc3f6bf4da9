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
import type {
  Attendance,
  OutcomeSide,
  OutcomeSideRecord,
  OutcomeStage,
  OutcomeSubject,
  OutcomeTerms,
} from '../outcomes/outcome-rules';

const money = {
  type: 'bigint' as const,
  nullable: true,
  transformer: {
    to: (v: number | null | undefined) => (v === undefined || v === null ? v : String(v)),
    from: (v: string | null) => (v === null ? null : Number(v)),
  },
};

/**
 * The outcome of one meeting (roadshows) or one deal (matching's pipeline): each side's record and
 * the shared state folded from them (kept in columns so reports sum them without unpacking JSON).
 */
@Entity('outcomes')
@Index('ux_outcomes_subject', ['subjectType', 'subjectId'], { unique: true })
@Index('ix_outcomes_event', ['eventId'])
@Index('ix_outcomes_investor', ['investorOrganizationId'])
@Index('ix_outcomes_founder', ['founderOrganizationId'])
export class OutcomeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  subjectType: OutcomeSubject;

  /** The meeting's request id, or the deal's id. */
  @Column({ type: 'uuid' })
  subjectId: string;

  /** The roadshow event of a meeting (null for a deal). */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('RoadshowEventEntity', { onDelete: 'RESTRICT' })
  eventId: string | null;

  @Column({ type: 'uuid' })
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  investorOrganizationId: string;

  @Column({ type: 'uuid' })
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  founderOrganizationId: string;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('ProjectEntity', { onDelete: 'RESTRICT' })
  projectId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  investorSide: OutcomeSideRecord | null;

  @Column({ type: 'jsonb', nullable: true })
  founderSide: OutcomeSideRecord | null;

  @Column({ type: 'text', nullable: true })
  stage: OutcomeStage | null;

  @Column({ type: 'boolean', default: false })
  confirmed: boolean;

  @Column({ type: 'text', nullable: true })
  attendance: Attendance | null;

  @Column({ type: 'jsonb', nullable: true })
  terms: OutcomeTerms | null;

  @Column({ type: 'text', nullable: true })
  instrument: string | null;

  /** 分: the signed amount of the shared state. */
  @Column(money)
  amount: number | null;

  @Column(money)
  disbursedAmount: number | null;

  @Column({ type: 'text', nullable: true })
  passReasonCode: string | null;

  @Column({ type: 'text', nullable: true })
  passedBy: OutcomeSide | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
