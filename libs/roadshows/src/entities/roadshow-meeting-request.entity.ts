import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, ForeignKey } from 'typeorm';

export const MEETING_REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn', 'expired'] as const;
export type MeetingRequestStatus = (typeof MEETING_REQUEST_STATUSES)[number];
export const MEETING_PRIORITIES = ['must', 'would_like'] as const;
export type MeetingPriority = (typeof MEETING_PRIORITIES)[number];

/** A request for a 1:1 between two participants of an event (any participant with any other). */
@Entity('roadshow_meeting_requests')
@Index('ix_roadshow_meeting_requests_event', ['eventId', 'status'])
@Index('ix_roadshow_meeting_requests_to', ['toOrganizationId', 'status'])
@Index('ux_roadshow_meeting_requests_open_pair', ['eventId', 'fromOrganizationId', 'toOrganizationId'], {
  unique: true,
  where: "status IN ('pending', 'accepted')",
})
export class RoadshowMeetingRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('RoadshowEventEntity', { onDelete: 'CASCADE' })
  eventId: string;

  @Column({ type: 'uuid' })
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  fromOrganizationId: string;

  @Column({ type: 'uuid' })
  fromUserId: string;

  @Column({ type: 'uuid' })
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  toOrganizationId: string;

  /** The project discussed (a founder's), when there is one. */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('ProjectEntity', { onDelete: 'RESTRICT' })
  projectId: string | null;

  @Column({ type: 'text', default: '' })
  message: string;

  @Column({ type: 'text', default: 'would_like' })
  priority: MeetingPriority;

  @Column({ type: 'text', default: 'pending' })
  status: MeetingRequestStatus;

  @Column({ type: 'text', nullable: true })
  declineReason: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** Match score in [0, 1] when accepted (the investor's best mandate score for the project; else 0.5). */
  @Column({ type: 'real', nullable: true })
  score: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
