import { Inject, Injectable, OnModuleInit, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Clock,
  CLOCK,
  platformError,
  ProjectionFeed,
  RowCache,
  Tx,
  UnitOfWork,
  type DomainEvent,
  type ProjectionConsumer,
} from '@app/platform';
import { AuditService } from '../audit/audit.service';
import { can } from '../authz/policy';
import type { Principal, RequestContext } from '../authz/principal';
import { AccessGrantEntity } from '../entities/access-grant.entity';
import { OrganizationEntity } from '../entities/organization.entity';
import { identityError } from '../identity.errors';
import { mapUniqueViolation } from '../users/identity-input';

const GRANTEE_KINDS = ['fund', 'bank', 'organizer'];
const MAX_GRANT_MS = 2 * 365 * 24 * 3600_000;

export interface AccessGrantView extends AccessGrantEntity {
  startupOrganizationName: string;
  granteeOrganizationName: string;
  active: boolean;
}

/** A grantee's active grants: the granting organization and when the grant ends (ms; null = open-ended). */
type GrantRow = { organizationId: string; expiresAt: number | null };

@Injectable()
export class AccessGrantsService implements OnModuleInit, ProjectionConsumer {
  readonly name = 'identity-access-grants';
  /**
   * Per grantee organization, its active grants (read on every deal-flow page). Grants and
   * revocations made here drop it once they committed; grants issued inside another lib's
   * transaction (consent on acceptance) and other processes' changes arrive as
   * `identity.access_grant_changed` on the projection feed. Expiry is checked on every read.
   */
  private readonly granting = new RowCache<string, GrantRow[]>({ max: 5_000, ttlMs: 60_000 });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() private readonly feed?: ProjectionFeed,
  ) {}

  onModuleInit(): void {
    this.feed?.register(this);
  }

  async apply(events: readonly DomainEvent[]): Promise<void> {
    if (events.some((e) => e.type === 'identity.access_grant_changed')) this.granting.invalidate();
  }

  async resync(): Promise<void> {
    this.granting.invalidate();
  }

  /** A command that changes grants: the cached grant lists are dropped once it committed (or failed). */
  private async changing<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.uow.run(work);
    } finally {
      this.granting.invalidate();
    }
  }

  async grant(principal: Principal, granteeOrganizationId: string, expiresAt: Date | null, ctx: RequestContext) {
    if (!can(principal, 'access_grant:manage', principal.organizationId)) {
      throw platformError('FORBIDDEN', { action: 'access_grant:manage' });
    }
    const now = this.clock.now();
    if (expiresAt && (expiresAt <= now || expiresAt.getTime() - now.getTime() > MAX_GRANT_MS)) {
      throw identityError('ACCESS_GRANT_INVALID', {
        field: 'expiresAt',
        reason: 'must be in the future and within 2 years',
      });
    }
    const grantee = await this.dataSource.getRepository(OrganizationEntity).findOneBy({ id: granteeOrganizationId });
    if (!grantee) throw identityError('ORGANIZATION_NOT_FOUND', { field: 'granteeOrganizationId' });
    if (!GRANTEE_KINDS.includes(grantee.kind) || grantee.id === principal.organizationId) {
      throw identityError('ACCESS_GRANT_INVALID', { field: 'granteeOrganizationId', granteeKind: grantee.kind });
    }
    try {
      return await this.changing(async (tx) => {
        // An expired grant still occupies the "active" slot until revoked: retire it first.
        await tx.em
          .createQueryBuilder()
          .update(AccessGrantEntity)
          .set({ revokedAt: now })
          .where(
            'startup_organization_id = :s AND grantee_organization_id = :g AND revoked_at IS NULL AND expires_at <= :now',
            {
              s: principal.organizationId,
              g: grantee.id,
              now,
            },
          )
          .execute();
        const grant = await tx.em.save(
          tx.em.create(AccessGrantEntity, {
            startupOrganizationId: principal.organizationId,
            granteeOrganizationId: grantee.id,
            grantedByUserId: principal.userId,
            expiresAt,
          }),
        );
        tx.publish({
          type: 'identity.access_grant_changed',
          grantId: grant.id,
          startupOrganizationId: principal.organizationId,
        });
        for (const organizationId of [principal.organizationId, grantee.id]) {
          await this.audit.record(
            {
              action: 'access_grant.granted',
              organizationId,
              actorUserId: principal.userId,
              actorOrganizationId: principal.organizationId,
              targetType: 'access_grant',
              targetId: grant.id,
              details: { grantee: grantee.id, expiresAt: expiresAt?.toISOString() ?? null },
            },
            ctx,
            tx.em,
          );
        }
        return grant;
      });
    } catch (err) {
      return mapUniqueViolation(err, {
        ux_access_grants_active: () => identityError('ACCESS_GRANT_EXISTS', { field: 'granteeOrganizationId' }),
      });
    }
  }

  /**
   * A grant the company consented to earlier — e.g. by applying to a roadshow with "share my data
   * with the organizer" — issued inside the caller's transaction when its condition is met (the
   * application is accepted). Audited on both sides with the consenting user as the actor; an
   * active grant to the same organization is kept as it is.
   */
  async grantByConsent(
    tx: Tx,
    input: {
      startupOrganizationId: string;
      granteeOrganizationId: string;
      consentedByUserId: string;
      expiresAt: Date;
      reason: string;
    },
  ): Promise<boolean> {
    const now = this.clock.now();
    if (input.expiresAt <= now) return false;
    await tx.em.query(
      `UPDATE access_grants SET revoked_at = $3
        WHERE startup_organization_id = $1 AND grantee_organization_id = $2 AND revoked_at IS NULL AND expires_at <= $3`,
      [input.startupOrganizationId, input.granteeOrganizationId, now],
    );
    const inserted: { id: string }[] = await tx.em.query(
      `INSERT INTO access_grants (startup_organization_id, grantee_organization_id, granted_by_user_id, expires_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (startup_organization_id, grantee_organization_id) WHERE revoked_at IS NULL DO NOTHING
       RETURNING id`,
      [input.startupOrganizationId, input.granteeOrganizationId, input.consentedByUserId, input.expiresAt],
    );
    if (inserted.length === 0) return false;
    tx.publish({
      type: 'identity.access_grant_changed',
      grantId: inserted[0].id,
      startupOrganizationId: input.startupOrganizationId,
    });
    for (const organizationId of [input.startupOrganizationId, input.granteeOrganizationId]) {
      await this.audit.record(
        {
          action: 'access_grant.granted',
          organizationId,
          actorUserId: input.consentedByUserId,
          actorOrganizationId: input.startupOrganizationId,
          targetType: 'access_grant',
          targetId: inserted[0].id,
          details: {
            grantee: input.granteeOrganizationId,
            expiresAt: input.expiresAt.toISOString(),
            reason: input.reason,
          },
        },
        null,
        tx.em,
      );
    }
    return true;
  }

  async revoke(principal: Principal, grantId: string, ctx: RequestContext): Promise<void> {
    await this.changing(async (tx) => {
      const grant = await tx.em.findOneBy(AccessGrantEntity, {
        id: grantId,
        startupOrganizationId: principal.organizationId,
      });
      if (!grant) throw identityError('ACCESS_GRANT_NOT_FOUND');
      if (!can(principal, 'access_grant:manage', grant.startupOrganizationId)) {
        throw platformError('FORBIDDEN', { action: 'access_grant:manage' });
      }
      if (grant.revokedAt) return;
      await tx.em.update(
        AccessGrantEntity,
        { id: grant.id },
        { revokedAt: this.clock.now(), revokedByUserId: principal.userId },
      );
      tx.publish({
        type: 'identity.access_grant_changed',
        grantId: grant.id,
        startupOrganizationId: grant.startupOrganizationId,
      });
      for (const organizationId of [grant.startupOrganizationId, grant.granteeOrganizationId]) {
        await this.audit.record(
          {
            action: 'access_grant.revoked',
            organizationId,
            actorUserId: principal.userId,
            actorOrganizationId: principal.organizationId,
            targetType: 'access_grant',
            targetId: grant.id,
          },
          ctx,
          tx.em,
        );
      }
    });
  }

  /** Grants given by the acting company, or received by the acting investor/organizer. */
  async list(principal: Principal): Promise<AccessGrantView[]> {
    if (!can(principal, 'access_grant:list', principal.organizationId)) {
      throw platformError('FORBIDDEN', { action: 'access_grant:list' });
    }
    const rows: Record<string, never>[] = await this.dataSource.query(
      `SELECT g.*, s.name AS startup_name, t.name AS grantee_name
         FROM access_grants g
         JOIN organizations s ON s.id = g.startup_organization_id
         JOIN organizations t ON t.id = g.grantee_organization_id
        WHERE g.startup_organization_id = $1 OR g.grantee_organization_id = $1
        ORDER BY g.created_at DESC
        LIMIT 500`,
      [principal.organizationId],
    );
    const now = this.clock.now();
    return rows.map((r) => ({
      id: r.id,
      startupOrganizationId: r.startup_organization_id,
      granteeOrganizationId: r.grantee_organization_id,
      grantedByUserId: r.granted_by_user_id,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      revokedAt: r.revoked_at,
      revokedByUserId: r.revoked_by_user_id,
      startupOrganizationName: r.startup_name,
      granteeOrganizationName: r.grantee_name,
      active: !r.revoked_at && (!r.expires_at || new Date(r.expires_at) > now),
    }));
  }

  /**
   * May the principal read this company's confidential data? Its own members, organizations it
   * granted access to (unexpired, unrevoked), and platform admins. Organizers of events the company
   * applied to join this rule when roadshows land.
   */
  /**
   * Every company organization whose confidential data the principal may read: its own, and those
   * with an active grant to it (`'all'` for platform admins). One indexed query, independent of what
   * is being shown, so it runs in parallel with the reads it filters.
   */
  async grantingOrganizations(principal: Principal): Promise<Set<string> | 'all'> {
    if (principal.isPlatformAdmin) return 'all';
    const rows = await this.granting.get(principal.organizationId, async () => {
      const found: { startup_organization_id: string; expires_at: Date | null }[] = await this.dataSource.query(
        `SELECT startup_organization_id, expires_at FROM access_grants
          WHERE grantee_organization_id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)`,
        [principal.organizationId, this.clock.now()],
      );
      return found.map((r) => ({ organizationId: r.startup_organization_id, expiresAt: r.expires_at?.getTime() ?? null }));
    });
    const now = this.clock.now().getTime();
    const readable = new Set([principal.organizationId]);
    for (const r of rows) if (r.expiresAt === null || r.expiresAt > now) readable.add(r.organizationId);
    return readable;
  }

  async canReadConfidential(principal: Principal, startupOrganizationId: string): Promise<boolean> {
    if (principal.organizationId === startupOrganizationId || principal.isPlatformAdmin) return true;
    const rows = await this.dataSource.query(
      `SELECT 1 FROM access_grants
        WHERE startup_organization_id = $1 AND grantee_organization_id = $2
          AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $3)
        LIMIT 1`,
      [startupOrganizationId, principal.organizationId, this.clock.now()],
    );
    return rows.length > 0;
  }
}
