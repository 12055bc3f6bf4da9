import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, ForeignKey } from 'typeorm';

export const FOLLOW_UP_KINDS = ['investor_replies', 'founder_sends_data_room'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export const FOLLOW_UP_STATUSES = ['open', 'done', 'overdue', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/**
 * A follow-up after a published meeting (首问负责制: one owner organization, end to end), due at the
 * end of the N-th Chinese working day after the meeting's day in the event's zone. `provisional`:
 * the count crossed a year without a loaded holiday notice (weekdays only were used there).
 */
@Entity('follow_up_tasks')
@Index('ux_follow_up_tasks_source', ['meetingId', 'kind'], { unique: true })
@Index('ix_follow_up_tasks_owner', ['ownerOrganizationId', 'status', 'dueAt'])
export class FollowUpTaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The published meeting (its request id). */
  @Column({ type: 'uuid' })
  @ForeignKey('RoadshowMeetingEntity', { onDelete: 'RESTRICT' })
  meetingId: string;

  @Column({ type: 'uuid' })
  @ForeignKey('RoadshowEventEntity', { onDelete: 'RESTRICT' })
  eventId: string;

  @Column({ type: 'text' })
  kind: FollowUpKind;

  @Column({ type: 'uuid' })
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  ownerOrganizationId: string;

  @Column({ type: 'uuid' })
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  counterpartOrganizationId: string;

  @Column({ type: 'uuid' })
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  organizerOrganizationId: string;

  @Column({ type: 'text' })
  timeZone: string;

  /** The meeting's local date; the count starts the working day after it. */
  @Column({ type: 'date' })
  startedOn: string;

  @Column({ type: 'int' })
  workingDays: number;

  /** The last working day (local date). */
  @Column({ type: 'date' })
  dueOn: string;

  /** The instant the deadline passes: the start of the day after `dueOn`, in the zone. */
  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'boolean', default: false })
  provisional: boolean;

  @Column({ type: 'text', default: 'open' })
  status: FollowUpStatus;

  /** The acknowledge clock: the owner says "received, on it" within this many working days (then the reply clock runs). */
  @Column({ type: 'int', default: 1 })
  acknowledgeWorkingDays: number;

  @Column({ type: 'date', nullable: true })
  acknowledgeDueOn: string | null;

  /** The start of the day after `acknowledgeDueOn` in the zone. */
  @Column({ type: 'timestamptz', nullable: true })
  acknowledgeDueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acknowledgedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  doneByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
