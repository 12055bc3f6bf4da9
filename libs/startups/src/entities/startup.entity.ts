import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@Entity('startups')
@Index('ix_startups_created', ['createdAt', 'id'])
@Index('ix_startups_org', ['organizationId'])
@Index('ux_startups_credit_code', ['creditCode'], { unique: true, where: 'credit_code IS NOT NULL' })
export class StartupEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The startup or university organization whose members maintain this profile. */
  @Column({ type: 'uuid' })
  // The organization, by name: a lib reads identity's tables only through its ports, but the
  // database may still refuse a row whose organization does not exist.
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  organizationId: string;

  @Column({ type: 'text' })
  legalName: string;

  @Column({ type: 'char', length: 18, nullable: true })
  creditCode: string | null;

  @Column({ type: 'date', nullable: true })
  foundedOn: string | null;

  @Column({ type: 'char', length: 6 })
  regionCode: string;

  /** Industry key of the SME size standard (工信部联企业〔2011〕300号), e.g. `industry`, `software_it`. */
  @Column({ type: 'text', nullable: true })
  industry: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tracks: string[];

  @Column({ type: 'boolean', default: false })
  universitySpinOut: boolean;

  /** Came out of a 概念验证中心 (proof-of-concept centre). */
  @Column({ type: 'boolean', default: false })
  fromPocCenter: boolean;

  /** Priced rounds raised before the current project (投早 counts them). */
  @Column({ type: 'int', nullable: true })
  priorRounds: number | null;

  /** Years the company has served its niche market (专精特新 conditions). */
  @Column({ type: 'int', nullable: true })
  yearsInNiche: number | null;

  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Column({ type: 'text', nullable: true })
  oneLiner: string | null;

  /** Milliseconds, like the page cursors that carry it. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
