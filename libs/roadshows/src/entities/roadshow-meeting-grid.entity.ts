import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The 1:1 meeting window of an event: split into equal slots, optionally in two sessions (morning /
 * afternoon, lunch between), at N shared tables (or fixed booths per investor).
 */
@Entity('roadshow_meeting_grids')
export class RoadshowMeetingGridEntity {
  @PrimaryColumn({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'int' })
  slotMinutes: number;

  /** Lunch (no meetings; not counted as a break): splits the window into morning and afternoon. */
  @Column({ type: 'timestamptz', nullable: true })
  lunchStartsAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lunchEndsAt: Date | null;

  @Column({ type: 'int' })
  tables: number;

  /** Fixed booths: organization id → booth name (all its meetings take place there). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  booths: Record<string, string>;

  @Column({ type: 'int', default: 0 })
  minMeetings: number;

  @Column({ type: 'int', nullable: true })
  maxMeetings: number | null;

  /** Pending requests one organization may have open at once. */
  @Column({ type: 'int', default: 20 })
  pendingQuota: number;

  /** Pending requests expire after this many hours, so they stop blocking slots. */
  @Column({ type: 'int', default: 72 })
  requestTtlHours: number;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
