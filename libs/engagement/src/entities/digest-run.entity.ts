import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const DIGEST_STATUSES = ['pending', 'sent', 'empty'] as const;
export type DigestStatus = (typeof DIGEST_STATUSES)[number];

/**
 * The investors' daily digest, rows first: one row per mandate and local day, written before anything
 * is sent (unique, so a repeated or duplicated job finds it and sends nothing twice). `topProjectIds`
 * is that day's list above the threshold; `newProjectIds` those not on the previous run's list.
 */
@Entity('digest_runs')
@Index('ux_digest_runs_mandate_day', ['mandateId', 'day'], { unique: true })
export class DigestRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  mandateId: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  /** The local day (Asia/Shanghai) the digest is for. */
  @Column({ type: 'date' })
  day: string;

  @Column({ type: 'jsonb' })
  topProjectIds: string[];

  @Column({ type: 'jsonb' })
  newProjectIds: string[];

  /** Scores of the new entries (0–100), keyed by project id, for the message. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  scores: Record<string, number>;

  @Column({ type: 'text', default: 'pending' })
  status: DigestStatus;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
