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

export const EVENT_STATUSES = ['draft', 'open', 'closed', 'live', 'finished'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
/** `public`: listed for every signed-in user; `unlisted`: reachable by its link only (and listed for its participants). */
export const EVENT_VISIBILITIES = ['public', 'unlisted'] as const;
export type EventVisibility = (typeof EVENT_VISIBILITIES)[number];

/** A question applicants answer (the organizer's screening form). */
export interface ApplicationQuestion {
  id: string;
  label: string;
  required: boolean;
  maxLength: number;
}

/** A roadshow day (or days) run by an organizer organization. */
@Entity('roadshow_events')
@Index('ix_roadshow_events_org', ['organizationId', 'startsAt'])
@Index('ix_roadshow_events_listed', ['status', 'visibility', 'startsAt'])
export class RoadshowEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The organizer. */
  @Column({ type: 'uuid' })
  // The organization, by name: a lib reads identity's tables only through its ports, but the
  // database may still refuse a row whose organization does not exist.
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  organizationId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text', nullable: true })
  venue: string | null;

  /** Where it is held: a GB/T 2260 city (4 digits) or district (6); founders browse roadshows by region. */
  @Column({ type: 'text', nullable: true })
  regionCode: string | null;

  @Column({ type: 'text', nullable: true })
  onlineUrl: string | null;

  /** IANA zone the day is held in; calendars carry its VTIMEZONE. */
  @Column({ type: 'text', default: 'Asia/Shanghai' })
  timeZone: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  applicationDeadline: Date | null;

  @Column({ type: 'text', default: 'draft' })
  status: EventStatus;

  /** Most applications accepted (null: no limit). */
  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  @Column({ type: 'text', default: 'public' })
  visibility: EventVisibility;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  questions: ApplicationQuestion[];

  /** Bumped on every change that calendars show (SEQUENCE). */
  @Column({ type: 'int', default: 0 })
  sequence: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
