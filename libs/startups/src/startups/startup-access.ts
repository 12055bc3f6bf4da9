import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { platformError } from '@app/platform';
import { AccessGrantsService, AuditService, can, Principal, RequestContext } from '@app/identity';
import { StartupEntity } from '../entities/startup.entity';
import { startupsError } from '../startups.errors';

// Organizers keep profiles of the companies in their programmes (imported registries) too.
const OWNER_KINDS = ['startup', 'university', 'organizer'];

/**
 * Visibility of company data, in one place:
 * - public (profile, published projects): every signed-in user;
 * - confidential (figures, IP detail, qualification report, deck): the company's members, organizations
 *   it granted access to, platform admins — each read by an outsider is audited;
 * - private (drafts) and every write: the owning organization only; anyone else gets 404.
 */
@Injectable()
export class StartupAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grants: AccessGrantsService,
    private readonly audit: AuditService,
  ) {}

  assertCanOwnStartups(principal: Principal): void {
    if (!OWNER_KINDS.includes(principal.organizationKind)) throw startupsError('STARTUP_ORG_KIND_INVALID');
    if (!can(principal, 'organization:read', principal.organizationId)) throw platformError('FORBIDDEN');
  }

  async readable(id: string): Promise<StartupEntity> {
    const startup = await this.dataSource.getRepository(StartupEntity).findOneBy({ id });
    if (!startup) throw startupsError('STARTUP_NOT_FOUND');
    return startup;
  }

  /** For writes inside a transaction: locks the row; another tenant's id is "not found". */
  async writable(em: EntityManager, principal: Principal, id: string): Promise<StartupEntity> {
    const startup = await em
      .getRepository(StartupEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id = :id AND s.organization_id = :org', { id, org: principal.organizationId })
      .getOne();
    if (!startup) throw startupsError('STARTUP_NOT_FOUND');
    this.assertCanOwnStartups(principal);
    return startup;
  }

  isOwner(principal: Principal, startup: { organizationId: string }): boolean {
    return principal.organizationId === startup.organizationId;
  }

  async canReadConfidential(principal: Principal, startup: StartupEntity): Promise<boolean> {
    return this.isOwner(principal, startup) || this.grants.canReadConfidential(principal, startup.organizationId);
  }

  /** Of `organizationIds` (companies' organizations), those whose confidential data `principal` may read. */
  async confidentialReadable(principal: Principal, organizationIds: Iterable<string>): Promise<Set<string>> {
    const out = new Set<string>();
    for (const id of new Set(organizationIds)) {
      if (id === principal.organizationId || (await this.grants.canReadConfidential(principal, id))) out.add(id);
    }
    return out;
  }

  /** Throws unless entitled; records the read when the reader is not the company itself. */
  async readConfidential(
    principal: Principal,
    startup: StartupEntity,
    what: string,
    ctx: RequestContext,
  ): Promise<void> {
    if (!(await this.canReadConfidential(principal, startup))) {
      throw startupsError('CONFIDENTIAL_ACCESS_REQUIRED', { startupId: startup.id });
    }
    if (this.isOwner(principal, startup)) return;
    for (const organizationId of new Set([startup.organizationId, principal.organizationId])) {
      await this.audit.record(
        {
          action: 'confidential.read',
          organizationId,
          actorUserId: principal.userId,
          actorOrganizationId: principal.organizationId,
          targetType: 'startup',
          targetId: startup.id,
          details: { what },
        },
        ctx,
      );
    }
  }
}
