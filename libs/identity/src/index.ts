export * from './identity.module';
export * from './identity.errors';
export * from './identity.views';
export * from './authz/principal';
export * from './authz/policy';
export * from './authz/decorators';
export * from './auth/auth.service';
export * from './auth/principal-cache';
export * from './audit/audit.service';
export * from './access-grants/access-grants.service';
export * from './organizations/organizations.service';
export * from './organizations/credit-code';
export * from './entities/user.entity';
export * from './entities/organization.entity';
export * from './entities/membership.entity';
export * from './entities/session.entity';
export * from './entities/invitation.entity';
export * from './entities/access-grant.entity';
export * from './entities/audit-event.entity';
export * from './users/password-hasher';

import { AccessGrantEntity } from './entities/access-grant.entity';
import { AuditEventEntity } from './entities/audit-event.entity';
import { InvitationEntity } from './entities/invitation.entity';
import { MembershipEntity } from './entities/membership.entity';
import { OrganizationEntity } from './entities/organization.entity';
import { RefreshTokenEntity, SessionEntity } from './entities/session.entity';
import { UserEntity } from './entities/user.entity';

export const IDENTITY_ENTITIES = [
  UserEntity,
  OrganizationEntity,
  MembershipEntity,
  SessionEntity,
  RefreshTokenEntity,
  InvitationEntity,
  AccessGrantEntity,
  AuditEventEntity,
];
export { mapUniqueViolation } from './users/identity-input';
export * from './identity.events';
export * from './directory/organization-directory';
export * from './directory/member-directory';
