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

export const APPLICATION_STATUSES = ['pending', 'accepted', 'waitlisted', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** A project applying to an event (optionally to one session), with the answers to its questions. */
@Entity('roadshow_applications')
@Index('ux_roadshow_applications_project', ['eventId', 'projectId'], { unique: true })
@Index('ix_roadshow_applications_org', ['startupOrganizationId', 'createdAt'])
export class RoadshowApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => RoadshowEventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: RoadshowEventEntity;

  @Column({ type: 'uuid', nullable: true })
  sessionId: string | null;

  /** The project (startups owns it; read through ProjectDirectory). */
  @Column({ type: 'uuid' })
  @ForeignKey('ProjectEntity', { onDelete: 'RESTRICT' })
  projectId: string;

  @Column({ type: 'uuid' })
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  startupOrganizationId: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  answers: Record<string, string>;

  @Column({ type: 'text', default: 'pending' })
  status: ApplicationStatus;

  /**
   * The founder consents, by applying, that the organizer reads its confidential data (figures, IP,
   * report) from acceptance until the event ends (an audited access grant, revocable by the founder).
   */
  @Column({ type: 'boolean', default: false })
  shareConfidential: boolean;

  /** The user who applied (the consent's actor in the audit log). */
  @Column({ type: 'uuid', nullable: true })
  appliedByUserId: string | null;

  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
