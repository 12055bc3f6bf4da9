import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type UserStatus = 'active' | 'disabled';
export type UserLocale = 'zh-CN' | 'en';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** As typed (after trimming), for display. */
  @Column({ type: 'text' })
  email: string;

  /** NFKC + lower case: the identity used for uniqueness and login. */
  @Index('ux_users_email_normalized', { unique: true })
  @Column({ type: 'text' })
  emailNormalized: string;

  @Column({ type: 'text', nullable: true })
  mobile: string | null;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text', default: 'zh-CN' })
  locale: UserLocale;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'text', default: 'active' })
  status: UserStatus;

  @Column({ type: 'boolean', default: false })
  isPlatformAdmin: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
