import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { RoadshowEventEntity } from './roadshow-event.entity';

/** A themed batch of pitches (生命健康, 物联网 …) within an event. */
@Entity('roadshow_sessions')
@Index('ix_roadshow_sessions_event', ['eventId', 'startsAt'])
export class RoadshowSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => RoadshowEventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: RoadshowEventEntity;

  @Column({ type: 'text' })
  title: string;

  /** Theme: a track code (@app/reference), or null for an open session. */
  @Column({ type: 'text', nullable: true })
  track: string | null;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'text', nullable: true })
  room: string | null;

  @Column({ type: 'int' })
  maxPitches: number;

  @Column({ type: 'int', default: 8 })
  pitchMinutes: number;

  @Column({ type: 'int', default: 5 })
  qaMinutes: number;

  /** Set when the organizer publishes the agenda: frozen from then on. */
  @Column({ type: 'timestamptz', nullable: true })
  agendaPublishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
