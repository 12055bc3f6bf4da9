import { Column, Entity, PrimaryColumn, UpdateDateColumn, ForeignKey } from 'typeorm';

/** Slots of the 1:1 grid a participant cannot meet in (besides its own pitch, which is always blocked). */
@Entity('roadshow_availability')
export class RoadshowAvailabilityEntity {
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey('RoadshowEventEntity', { onDelete: 'CASCADE' })
  eventId: string;

  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  organizationId: string;

  @Column({ type: 'int', array: true, default: () => "'{}'" })
  unavailableSlots: number[];

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
