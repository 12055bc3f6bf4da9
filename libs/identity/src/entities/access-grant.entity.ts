import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, ForeignKey } from 'typeorm';

/** A company lets one investor or organizer organization read its confidential data, until revoked or expired. */
@Entity('access_grants')
@Index('ux_access_grants_active', ['startupOrganizationId', 'granteeOrganizationId'], {
  unique: true,
  where: 'revoked_at IS NULL',
})
@Index('ix_access_grants_grantee', ['granteeOrganizationId'])
export class AccessGrantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  startupOrganizationId: string;

  @Column({ type: 'uuid' })
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  granteeOrganizationId: string;

  @Column({ type: 'uuid' })
  grantedByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revokedByUserId: string | null;
}
