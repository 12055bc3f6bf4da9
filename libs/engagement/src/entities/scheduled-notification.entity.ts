import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const SCHEDULED_KINDS = [
  'session_reminder',
  'meeting_reminder',
  'follow_up_due_soon',
  'follow_up_overdue',
  'follow_up_escalated',
  'follow_up_ack_overdue',
] as const;
export type ScheduledKind = (typeof SCHEDULED_KINDS)[number];
export type ScheduledStatus = 'pending' | 'sent' | 'cancelled';
export type ScheduledTargetType = 'pitch' | 'meeting' | 'follow_up';

/** What the message says, fixed when the reminder is (re)scheduled. */
export interface ScheduledPayload {
  eventId: string;
  eventTitle: string;
  timeZone: string;
  /** Session title (pitch), the other party's name (meeting) or the task's kind (follow-up). */
  subject: string;
  startsAt: string;
  endsAt?: string;
  location?: string | null;
  /** Calendar SEQUENCE and UID of the item, for the invite. */
  uid?: string;
  sequence?: number;
  /** Follow-ups: the deadline (local date) and whether it is provisional. */
  dueOn?: string;
  provisional?: boolean;
  /** Follow-ups: the last day to acknowledge (local date). */
  acknowledgeDueOn?: string | null;
  link?: string;
}

/**
 * A reminder to send at `due_at` (rule 6: scheduled work lives in Postgres first). A BullMQ delayed
 * job (jobId = this id) is the accelerator; the sweeper enqueues rows due and still pending, so a
 * Redis that lost every key still sends everything due. Sending changes `status` under the row's lock.
 */
@Entity('scheduled_notifications')
@Index('ux_scheduled_notifications_target', ['kind', 'targetId', 'recipientOrganizationId', 'label'], { unique: true })
@Index('ix_scheduled_notifications_due', ['dueAt'], { where: "status = 'pending'" })
@Index('ix_scheduled_notifications_event', ['eventId', 'kind'])
export class ScheduledNotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: ScheduledKind;

  @Column({ type: 'text' })
  targetType: ScheduledTargetType;

  /** The pitch slot's application, the meeting's request, or the follow-up task. */
  @Column({ type: 'uuid' })
  targetId: string;

  @Column({ type: 'uuid', nullable: true })
  eventId: string | null;

  @Column({ type: 'uuid' })
  recipientOrganizationId: string;

  /** Which reminder of the target: `T-24h`, `T-1h`, `overdue` … */
  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text', default: 'pending' })
  status: ScheduledStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'jsonb' })
  payload: ScheduledPayload;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
