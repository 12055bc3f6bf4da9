import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn, ForeignKey } from 'typeorm';

/**
 * A published 1:1 meeting: an accepted request placed on the grid (id = the request's id). A
 * scheduler run proposes a plan (on its run row); publishing it writes these rows, which the
 * participants and their calendars see. `locked` keeps a meeting in place when the day is re-planned.
 */
@Entity('roadshow_meetings')
@Index('ix_roadshow_meetings_event', ['eventId', 'slot'])
export class RoadshowMeetingEntity {
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey('RoadshowMeetingRequestEntity', { onDelete: 'CASCADE' })
  requestId: string;

  @Column({ type: 'uuid' })
  @ForeignKey('RoadshowEventEntity', { onDelete: 'CASCADE' })
  eventId: string;

  @Column({ type: 'int' })
  slot: number;

  @Column({ type: 'text' })
  tableName: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'boolean', default: false })
  locked: boolean;

  /**
   * Set when a publication drops the meeting or its request is withdrawn: calendars then carry it as
   * STATUS:CANCELLED (METHOD:CANCEL in its own invite) with a higher SEQUENCE, instead of it silently vanishing.
   */
  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /** Calendar SEQUENCE: bumped whenever a publication moves the meeting. */
  @Column({ type: 'int', default: 0 })
  sequence: number;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
