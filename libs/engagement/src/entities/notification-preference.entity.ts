import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { NotificationChannel, NotificationKind } from './notification.entity';

/** A user's channels for one kind of notification; no row = every channel. */
@Entity('notification_preferences')
export class NotificationPreferenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'text' })
  kind: NotificationKind;

  @Column({ type: 'text', array: true })
  channels: NotificationChannel[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
