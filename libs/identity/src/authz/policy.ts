import type { Role } from '../entities/membership.entity';
import type { OrganizationKind } from '../entities/organization.entity';
import type { Principal } from './principal';

/**
 * The one place that answers "may this principal do this?". Guards and services call `can`;
 * nothing else compares roles. Tenant scoping (which rows a principal can see at all) is enforced
 * by the repositories taking a principal; `can` decides what a visible row permits.
 */
export type Action =
  | 'organization:read'
  | 'organization:update'
  | 'organization:verify'
  | 'member:list'
  | 'member:change_role'
  | 'member:remove'
  | 'invitation:create'
  | 'invitation:list'
  | 'invitation:revoke'
  | 'access_grant:list'
  | 'access_grant:manage'
  | 'audit:read'
  | 'audit:read_all'
  | 'mandate:read'
  | 'mandate:write'
  | 'deal:read'
  | 'deal:write'
  | 'event:manage';

/** Who counts as an investor (mandates, deal flow, the pipeline): funds and banks — the one policy. */
export const INVESTOR_KINDS: readonly OrganizationKind[] = ['fund', 'bank'];
export const isInvestorOrganization = (kind: OrganizationKind): boolean => INVESTOR_KINDS.includes(kind);

const RANK: Record<Role, number> = { member: 1, admin: 2, owner: 3 };

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

interface Rule {
  minRole?: Role;
  kinds?: readonly OrganizationKind[];
  platformAdminOnly?: boolean;
}

const RULES: Record<Action, Rule> = {
  'organization:read': { minRole: 'member' },
  'organization:update': { minRole: 'admin' },
  // Organizers vouch for the companies and investors in their programmes; platform admins for anyone.
  'organization:verify': { minRole: 'admin', kinds: ['organizer'] },
  'member:list': { minRole: 'member' },
  'member:change_role': { minRole: 'admin' },
  'member:remove': { minRole: 'admin' },
  'invitation:create': { minRole: 'admin' },
  'invitation:list': { minRole: 'admin' },
  'invitation:revoke': { minRole: 'admin' },
  'access_grant:list': { minRole: 'member' },
  'access_grant:manage': { minRole: 'admin', kinds: ['startup', 'university'] },
  'audit:read': { minRole: 'admin' },
  'audit:read_all': { platformAdminOnly: true },
  // Investment teams (partners and analysts alike) keep mandates and work their pipeline.
  'mandate:read': { minRole: 'member', kinds: INVESTOR_KINDS },
  'mandate:write': { minRole: 'member', kinds: INVESTOR_KINDS },
  'deal:read': { minRole: 'member', kinds: INVESTOR_KINDS },
  'deal:write': { minRole: 'member', kinds: INVESTOR_KINDS },
  // Organizers' staff run roadshow days (events, sessions, screening, agenda, invitations).
  'event:manage': { minRole: 'member', kinds: ['organizer'] },
};

/** `resourceOrganizationId`: the tenant that owns the resource; acting in another tenant never passes. */
export function can(principal: Principal, action: Action, resourceOrganizationId?: string): boolean {
  const rule = RULES[action];
  if (principal.isPlatformAdmin && (rule.platformAdminOnly || action === 'organization:verify')) return true;
  if (rule.platformAdminOnly) return false;
  if (resourceOrganizationId !== undefined && resourceOrganizationId !== principal.organizationId) return false;
  if (rule.kinds && !rule.kinds.includes(principal.organizationKind)) return false;
  return rule.minRole ? roleAtLeast(principal.role, rule.minRole) : true;
}

/**
 * Role changes: admins manage members and admins; only owners create, change or remove owners;
 * nobody changes their own role (ask another admin) so a lone admin cannot lock themselves out.
 */
export function canChangeRole(actor: Principal, targetUserId: string, from: Role, to: Role): boolean {
  if (!can(actor, 'member:change_role')) return false;
  if (actor.userId === targetUserId) return false;
  if (from === 'owner' || to === 'owner') return actor.role === 'owner';
  return true;
}

export function canRemoveMember(actor: Principal, targetUserId: string, targetRole: Role): boolean {
  if (actor.userId === targetUserId) return true; // leaving is always allowed (last-owner rule aside)
  if (!can(actor, 'member:remove')) return false;
  return targetRole === 'owner' ? actor.role === 'owner' : true;
}
