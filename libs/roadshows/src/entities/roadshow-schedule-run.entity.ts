import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const SCHEDULE_RUN_STATUSES = ['queued', 'running', 'done', 'failed', 'published', 'superseded'] as const;
export type ScheduleRunStatus = (typeof SCHEDULE_RUN_STATUSES)[number];

/** One scheduler run for an event: queued by the organizer, run by the worker, published or superseded. */
@Entity('roadshow_schedule_runs')
@Index('ix_roadshow_schedule_runs_event', ['eventId', 'createdAt'])
export class RoadshowScheduleRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'uuid' })
  requestedByUserId: string;

  @Column({ type: 'text', default: 'queued' })
  status: ScheduleRunStatus;

  @Column({ type: 'int', default: 1 })
  seed: number;

  /** 0–100 while running. */
  @Column({ type: 'int', default: 0 })
  progress: number;

  /** Stats, bounds, ratio, unscheduled meetings with reasons, moves (see ScheduleRunView). */
  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
