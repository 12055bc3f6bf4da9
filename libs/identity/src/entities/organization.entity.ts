import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ORGANIZATION_KINDS = ['startup', 'fund', 'bank', 'organizer', 'university'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Organizers come in several shapes; the kind decides permissions, the type is descriptive. */
export const ORGANIZER_TYPES = ['government_agency', 'park', 'incubator', 'alliance'] as const;
export type OrganizerType = (typeof ORGANIZER_TYPES)[number];

export type VerificationStatus = 'unverified' | 'verified';

@Entity('organizations')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: OrganizationKind;

  @Column({ type: 'text', nullable: true })
  organizerType: OrganizerType | null;

  @Column({ type: 'text' })
  name: string;

  /** 统一社会信用代码, validated with the GB 32100-2015 check character. */
  @Index('ux_organizations_credit_code', { unique: true, where: 'credit_code IS NOT NULL' })
  @Column({ type: 'char', length: 18, nullable: true })
  creditCode: string | null;

  /** 6-digit administrative division code (GB/T 2260). */
  @Column({ type: 'char', length: 6 })
  regionCode: string;

  @Column({ type: 'text', default: 'unverified' })
  verificationStatus: VerificationStatus;

  @Column({ type: 'uuid', nullable: true })
  verifiedByOrganizationId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
