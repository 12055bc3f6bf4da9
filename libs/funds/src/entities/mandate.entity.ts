import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  ForeignKey,
} from 'typeorm';
import type { MandateStatus, MandateTerms } from '../mandates/mandate-terms';

/** The current state of a mandate; every edit also appends an immutable `mandate_versions` row. */
@Entity('mandates')
@Index('ix_mandates_org', ['organizationId', 'createdAt'])
@Index('ix_mandates_discoverable', ['status', 'discoverable'])
export class MandateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  // The organization, by name: a lib reads identity's tables only through its ports, but the
  // database may still refuse a row whose organization does not exist.
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  organizationId: string;

  /** `fund` for equity/convertible mandates, `bank_product` for credit products. */
  @Column({ type: 'text' })
  kind: 'fund' | 'bank_product';

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: 'active' })
  status: MandateStatus;

  /** Founders may see this mandate among their project's matches. */
  @Column({ type: 'boolean', default: false })
  discoverable: boolean;

  /** Founders see pass reasons without this fund's name. */
  @Column({ type: 'boolean', default: false })
  hideNameOnPass: boolean;

  @Column({ type: 'jsonb' })
  terms: MandateTerms;

  /** Terms version: 1 on create, +1 on every edit of the terms (matches and deals record it). */
  @Column({ type: 'int', default: 1 })
  termsVersion: number;

  @Column({ type: 'uuid', nullable: true })
  linkedMandateId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  /** Row version for optimistic concurrency (any change, status included). */
  @VersionColumn()
  version: number;
}
