import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RoadshowSessionEntity } from './roadshow-session.entity';

/** One pitch on a session's agenda: position, and the times computed from the session's lengths. */
@Entity('roadshow_pitch_slots')
@Index('ux_roadshow_pitch_slots_position', ['sessionId', 'position'], { unique: true })
@Index('ux_roadshow_pitch_slots_application', ['applicationId'], { unique: true })
export class RoadshowPitchSlotEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => RoadshowSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: RoadshowSessionEntity;

  @Column({ type: 'uuid' })
  applicationId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;
}
