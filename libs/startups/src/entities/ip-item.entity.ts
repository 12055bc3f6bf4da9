import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { IpStatus, IpType } from '@app/reference';
import { StartupEntity } from './startup.entity';

@Entity('startup_ip_items')
@Index('ux_ip_items_startup_type_number', ['startupId', 'type', 'number'], { unique: true })
export class IpItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  startupId: string;

  @ManyToOne(() => StartupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'startup_id' })
  startup?: StartupEntity;

  @Column({ type: 'text' })
  type: IpType;

  /** Patent / registration number, e.g. ZL202110123456.7. */
  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'text', default: 'valid' })
  status: IpStatus;

  @Column({ type: 'boolean', default: true })
  tiedToMainProduct: boolean;

  @Column({ type: 'date', nullable: true })
  grantedOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
