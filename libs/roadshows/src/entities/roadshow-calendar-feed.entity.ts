import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A private calendar feed URL for one organization's roadshow days (sessions it pitches in or is
 * invited to). Only the token's hash is stored; revoking ends the feed.
 */
@Entity('roadshow_calendar_feeds')
@Index('ux_roadshow_calendar_feeds_token', ['tokenHash'], { unique: true })
@Index('ix_roadshow_calendar_feeds_org', ['organizationId'])
export class RoadshowCalendarFeedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
