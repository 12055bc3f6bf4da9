import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const SETTINGS_SCOPES = ['organization', 'event'] as const;
export type SettingsScope = (typeof SETTINGS_SCOPES)[number];

/**
 * Engagement's settings per organizer organization (follow-up clocks, default reminder times) and per
 * event (its own reminder times). A null column falls back: event → its organizer → the env default.
 */
@Entity('engagement_settings')
export class EngagementSettingsEntity {
  @PrimaryColumn({ type: 'text' })
  scopeType: SettingsScope;

  @PrimaryColumn({ type: 'uuid' })
  scopeId: string;

  /** Minutes before a pitch or meeting, e.g. [1440, 60] for T-24h and T-1h. */
  @Column({ type: 'int', array: true, nullable: true })
  reminderOffsetsMinutes: number[] | null;

  /** The reply clock (working days after the meeting). */
  @Column({ type: 'int', nullable: true })
  followUpWorkingDays: number | null;

  /** The acknowledge clock (working days after the meeting). */
  @Column({ type: 'int', nullable: true })
  acknowledgeWorkingDays: number | null;

  @Column({ type: 'uuid', nullable: true })
  updatedByUserId: string | null;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
