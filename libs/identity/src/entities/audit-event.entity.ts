import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_ACTIONS = [
  'auth.login_succeeded',
  'auth.login_failed',
  'auth.logout',
  'auth.token_family_revoked',
  'auth.registered',
  'membership.role_changed',
  'membership.removed',
  'membership.joined',
  'invitation.created',
  'invitation.revoked',
  'invitation.accepted',
  'access_grant.granted',
  'access_grant.revoked',
  'organization.updated',
  'organization.verification_changed',
  'confidential.read',
  'data.exported',
  'mandate.created',
  'mandate.updated',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

@Entity('audit_events')
@Index('ix_audit_events_org_time', ['organizationId', 'occurredAt'])
@Index('ix_audit_events_time', ['occurredAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  // Millisecond precision: keyset cursors round-trip through JS Dates without losing rows.
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  occurredAt: Date;

  @Column({ type: 'text' })
  action: AuditAction;

  /** The organization whose admins see this event (the actor's or the affected one). */
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorOrganizationId: string | null;

  @Column({ type: 'text', nullable: true })
  targetType: string | null;

  @Column({ type: 'text', nullable: true })
  targetId: string | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;
}
