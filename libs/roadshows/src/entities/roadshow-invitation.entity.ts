import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  ForeignKey,
} from 'typeorm';
import { RoadshowEventEntity } from './roadshow-event.entity';

export const RSVP_STATUSES = ['invited', 'accepted', 'declined'] as const;
export type RsvpStatus = (typeof RSVP_STATUSES)[number];

/** An investor organization invited to an event: RSVP and check-in with a per-attendee code. */
@Entity('roadshow_invitations')
@Index('ux_roadshow_invitations_org', ['eventId', 'investorOrganizationId'], { unique: true })
@Index('ux_roadshow_invitations_code', ['checkInCode'], { unique: true })
export class RoadshowInvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => RoadshowEventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: RoadshowEventEntity;

  @Column({ type: 'uuid' })
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  investorOrganizationId: string;

  @Column({ type: 'text', default: 'invited' })
  status: RsvpStatus;

  /** Shown to the attendee (QR at the desk); unique across events. */
  @Column({ type: 'text' })
  checkInCode: string;

  @Column({ type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
