import type { Role } from '../entities/membership.entity';
import type { OrganizationKind } from '../entities/organization.entity';

/** Who is acting: one user in one organization, as established by the auth guard on each request. */
export interface Principal {
  userId: string;
  sessionId: string;
  organizationId: string;
  organizationKind: OrganizationKind;
  role: Role;
  isPlatformAdmin: boolean;
  locale: 'zh-CN' | 'en';
}

/** Request facts worth auditing, passed from controllers to services as plain data. */
export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}
