import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const NOTIFICATION_KINDS = [
  'invitation',
  'application_decided',
  'investor_invited',
  'meeting_requested',
  'meeting_answered',
  'meetings_published',
  'agenda_published',
  'deal_changed',
  'session_reminder',
  'meeting_reminder',
  'follow_up_due_soon',
  'follow_up_overdue',
  'follow_up_escalated',
  'follow_up_ack_overdue',
  'outcome_recorded',
  'mandate_digest',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_CHANNELS = ['in_app', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export type EmailStatus = 'none' | 'pending' | 'sent' | 'failed';
export type NotificationLocale = 'zh-CN' | 'en';

/**
 * One message to one person, written in their language when it is created. `dedupeKey` is what
 * produced it (the outbox event id, or the scheduled reminder's id): with the recipient it is
 * unique, so a redelivered event or a retried reminder never writes a second row. The e-mail copy
 * has its own status, changed under the row's lock.
 */
@Entity('notifications')
@Index('ux_notifications_dedupe', ['dedupeKey', 'recipientKey'], { unique: true })
@Index('ix_notifications_inbox', ['recipientUserId', 'organizationId', 'createdAt'])
@Index('ix_notifications_email_pending', ['emailNextAttemptAt'], { where: "email_status = 'pending'" })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  dedupeKey: string;

  /** The user id, or `email:<address>` for someone without an account (an invitee). */
  @Column({ type: 'text' })
  recipientKey: string;

  @Column({ type: 'uuid', nullable: true })
  recipientUserId: string | null;

  /** The organization the recipient receives it as (their inbox is per organization). */
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ type: 'text', nullable: true })
  recipientEmail: string | null;

  @Column({ type: 'text' })
  locale: NotificationLocale;

  @Column({ type: 'text' })
  kind: NotificationKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** Path in the web app, e.g. `/events/<id>`. */
  @Column({ type: 'text', nullable: true })
  link: string | null;

  /** Shown in the inbox (false when the recipient turned in-app off for this kind). */
  @Column({ type: 'boolean', default: true })
  inApp: boolean;

  /** An iCalendar invite sent with the e-mail (meetings, pitch slots). */
  @Column({ type: 'text', nullable: true })
  ics: string | null;

  @Column({ type: 'text', default: 'none' })
  emailStatus: EmailStatus;

  @Column({ type: 'int', default: 0 })
  emailAttempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  emailNextAttemptAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  emailedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  emailError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
