import { ApiProperty, ApiPropertyOptional, OmitType, type ApiPropertyOptions } from '@nestjs/swagger';
import { AUDIT_ACTIONS, AuditEventEntity } from './entities/audit-event.entity';
import { InvitationEntity } from './entities/invitation.entity';
import { ROLES, Role } from './entities/membership.entity';
import { ORGANIZATION_KINDS, OrganizationEntity } from './entities/organization.entity';
import type { AccessGrantView } from './access-grants/access-grants.service';

/** API shapes of the identity aggregates, and the one mapper from entities to them. */
export class OrganizationView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) kind: string;
  @ApiPropertyOptional({ nullable: true, type: String }) organizerType: string | null;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) creditCode: string | null;
  @ApiProperty() regionCode: string;
  @ApiProperty({ enum: ['unverified', 'verified'] }) verificationStatus: string;
  @ApiPropertyOptional({ nullable: true, type: String }) verifiedAt: string | null;
  @ApiProperty() createdAt: string;
}

/** What any signed-in user may see of another organization: no credit code. */
export class PublicOrganizationView extends OmitType(OrganizationView, ['creditCode'] as const) {}

export class MembershipView {
  @ApiProperty() organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) organizationKind: string;
  @ApiProperty({ enum: ROLES }) role: Role;
}

export class MeView {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiPropertyOptional({ nullable: true, type: String }) mobile: string | null;
  @ApiProperty({ enum: ['zh-CN', 'en'] }) locale: string;
  @ApiProperty() isPlatformAdmin: boolean;
  @ApiProperty({ type: OrganizationView, description: 'The organization this session acts in.' }) actingOrganization: OrganizationView;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: [MembershipView] }) memberships: MembershipView[];
}

export class MemberViewDto {
  @ApiProperty() userId: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() joinedAt: string;
}

export class InvitationView {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ enum: ['pending', 'accepted', 'revoked', 'expired'] }) status: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty() createdAt: string;
}

export class CreatedInvitationView {
  @ApiProperty({ type: InvitationView }) invitation: InvitationView;
  @ApiProperty({ description: 'Single-use token, shown once. Until e-mail delivery exists, pass it to the invitee.' })
  token: string;
  @ApiProperty({ description: 'Path the invitee opens to accept.' }) acceptPath: string;
}

export class AccessGrantViewDto {
  @ApiProperty() id: string;
  @ApiProperty() startupOrganizationId: string;
  @ApiProperty() startupOrganizationName: string;
  @ApiProperty() granteeOrganizationId: string;
  @ApiProperty() granteeOrganizationName: string;
  @ApiPropertyOptional({ nullable: true, type: String }) expiresAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: string;
}

export class AuditEventView {
  @ApiProperty() id: string;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action: string;
  @ApiPropertyOptional({ nullable: true, type: String }) actorUserId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) actorOrganizationId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) targetType: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) targetId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) ip: string | null;
  /** Per action (what changed): free-form on purpose. */
  @ApiProperty({ type: 'object', additionalProperties: true, 'x-free-form': true } as ApiPropertyOptions)
  details: Record<string, unknown>;
}

export class AuditPageView {
  @ApiProperty({ type: [AuditEventView] }) items: AuditEventView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export const identityMapper = {
  organization(o: OrganizationEntity): OrganizationView {
    return {
      id: o.id,
      kind: o.kind,
      organizerType: o.organizerType,
      name: o.name,
      creditCode: o.creditCode,
      regionCode: o.regionCode,
      verificationStatus: o.verificationStatus,
      verifiedAt: iso(o.verifiedAt),
      createdAt: iso(o.createdAt)!,
    };
  },
  publicOrganization(o: OrganizationEntity): PublicOrganizationView {
    const { creditCode: _notPublic, ...profile } = identityMapper.organization(o);
    return profile;
  },
  invitation(i: InvitationEntity, now: Date): InvitationView {
    const status = i.acceptedAt ? 'accepted' : i.revokedAt ? 'revoked' : i.expiresAt <= now ? 'expired' : 'pending';
    return { id: i.id, email: i.email, role: i.role, status, expiresAt: iso(i.expiresAt)!, createdAt: iso(i.createdAt)! };
  },
  grant(g: AccessGrantView): AccessGrantViewDto {
    return {
      id: g.id,
      startupOrganizationId: g.startupOrganizationId,
      startupOrganizationName: g.startupOrganizationName,
      granteeOrganizationId: g.granteeOrganizationId,
      granteeOrganizationName: g.granteeOrganizationName,
      expiresAt: iso(g.expiresAt),
      revokedAt: iso(g.revokedAt),
      active: g.active,
      createdAt: iso(g.createdAt)!,
    };
  },
  audit(e: AuditEventEntity): AuditEventView {
    return {
      id: e.id,
      occurredAt: iso(e.occurredAt)!,
      action: e.action,
      actorUserId: e.actorUserId,
      actorOrganizationId: e.actorOrganizationId,
      targetType: e.targetType,
      targetId: e.targetId,
      ip: e.ip,
      details: e.details,
    };
  },
};
