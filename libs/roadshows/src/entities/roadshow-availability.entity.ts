import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Slots of the 1:1 grid a participant cannot meet in (besides its own pitch, which is always blocked). */
@Entity('roadshow_availability')
export class RoadshowAvailabilityEntity {
  @PrimaryColumn({ type: 'uuid' })
  eventId: string;

  @PrimaryColumn({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'int', array: true, default: () => "'{}'" })
  unavailableSlots: number[];

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
