import { Injectable } from '@nestjs/common';
import { RowCache } from '@app/platform';
import type { Role } from '../entities/membership.entity';
import type { OrganizationKind } from '../entities/organization.entity';

/** What authentication reads of a session, its user, membership and organization (one row). */
export interface PrincipalRow {
  status: string;
  is_platform_admin: boolean;
  locale: 'zh-CN' | 'en';
  role: Role | null;
  kind: OrganizationKind | null;
  revoked_at: Date | null;
  expires_at: Date;
}

/**
 * The principal rows behind recent access tokens, so a request does not re-read the session, user,
 * membership and organization. Every identity command that changes one of them (logout, refresh
 * reuse, role change, member removal, profile edit, joining through an invitation) invalidates the
 * whole cache after its transaction commits — these are rare — so the next request reads the new row
 * and the change takes effect at once. Only valid rows are cached (a revoked session reads Postgres
 * every time, and keeps failing). `ttlMs` bounds what a change made outside the product (SQL by an
 * operator, another API process) can leave behind.
 */
@Injectable()
export class PrincipalCache {
  private readonly rows = new RowCache<string, PrincipalRow | undefined>({ max: 20_000, ttlMs: 30_000 });

  get(key: string, load: () => Promise<PrincipalRow | undefined>): Promise<PrincipalRow | undefined> {
    return this.rows.get(key, load, (r) => !!r && !r.revoked_at && r.status === 'active' && !!r.role && !!r.kind);
  }

  /** After any commit that touched sessions, users, memberships or organizations. */
  invalidate(): void {
    this.rows.invalidate();
  }
}
