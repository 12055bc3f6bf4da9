import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, CLOCK, platformError, type Tx, UnitOfWork } from '@app/platform';
import { PrincipalCache } from '../auth/principal-cache';
import { AuditService } from '../audit/audit.service';
import { can, canChangeRole, canRemoveMember } from '../authz/policy';
import type { Principal, RequestContext } from '../authz/principal';
import { MembershipEntity, Role } from '../entities/membership.entity';
import { OrganizationEntity, VerificationStatus } from '../entities/organization.entity';
import { SessionEntity } from '../entities/session.entity';
import { identityError } from '../identity.errors';
import { mapUniqueViolation, requireCreditCode, requireRegionCode } from '../users/identity-input';

export interface MemberView {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  joinedAt: Date;
}

export interface OrganizationPatch {
  name?: string;
  creditCode?: string | null;
  regionCode?: string;
}

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly principals: PrincipalCache,
  ) {}

  async current(principal: Principal): Promise<OrganizationEntity> {
    return this.dataSource.getRepository(OrganizationEntity).findOneByOrFail({ id: principal.organizationId });
  }

  /** The public profile of any organization (name, kind, region, verification): visible to every signed-in user. */
  async publicProfile(id: string): Promise<OrganizationEntity> {
    const org = await this.dataSource.getRepository(OrganizationEntity).findOneBy({ id });
    if (!org) throw identityError('ORGANIZATION_NOT_FOUND');
    return org;
  }

  async update(principal: Principal, patch: OrganizationPatch, ctx: RequestContext): Promise<OrganizationEntity> {
    if (!can(principal, 'organization:update', principal.organizationId)) {
      throw platformError('FORBIDDEN', { action: 'organization:update' });
    }
    const changes: Partial<OrganizationEntity> = {};
    if (patch.name !== undefined) changes.name = patch.name.trim();
    if (patch.regionCode !== undefined) changes.regionCode = requireRegionCode(patch.regionCode, 'regionCode');
    if (patch.creditCode !== undefined) {
      changes.creditCode = patch.creditCode === null ? null : requireCreditCode(patch.creditCode, 'creditCode');
    }
    if (Object.keys(changes).length === 0) return this.current(principal);
    try {
      return await this.uow.run(async (tx) => {
        await tx.em.update(OrganizationEntity, { id: principal.organizationId }, changes);
        tx.publish({ type: 'identity.organization_updated', organizationId: principal.organizationId });
        await this.audit.record(
          {
            action: 'organization.updated',
            organizationId: principal.organizationId,
            actorUserId: principal.userId,
            actorOrganizationId: principal.organizationId,
            targetType: 'organization',
            targetId: principal.organizationId,
            details: { fields: Object.keys(changes) },
          },
          ctx,
          tx.em,
        );
        return tx.em.findOneByOrFail(OrganizationEntity, { id: principal.organizationId });
      });
    } catch (err) {
      return mapUniqueViolation(err, {
        ux_organizations_credit_code: () => identityError('CREDIT_CODE_TAKEN', { field: 'creditCode' }),
      });
    }
  }

  async setVerification(principal: Principal, organizationId: string, status: VerificationStatus, ctx: RequestContext) {
    if (!can(principal, 'organization:verify')) throw platformError('FORBIDDEN', { action: 'organization:verify' });
    return this.uow.run(async (tx) => {
      const org = await tx.em.findOneBy(OrganizationEntity, { id: organizationId });
      if (!org) throw identityError('ORGANIZATION_NOT_FOUND');
      const verified = status === 'verified';
      await tx.em.update(
        OrganizationEntity,
        { id: org.id },
        {
          verificationStatus: status,
          verifiedAt: verified ? this.clock.now() : null,
          verifiedByOrganizationId: verified ? principal.organizationId : null,
        },
      );
      for (const orgToTell of new Set([org.id, principal.organizationId])) {
        await this.audit.record(
          {
            action: 'organization.verification_changed',
            organizationId: orgToTell,
            actorUserId: principal.userId,
            actorOrganizationId: principal.organizationId,
            targetType: 'organization',
            targetId: org.id,
            details: { status },
          },
          ctx,
          tx.em,
        );
      }
      return tx.em.findOneByOrFail(OrganizationEntity, { id: org.id });
    });
  }

  async members(principal: Principal): Promise<MemberView[]> {
    if (!can(principal, 'member:list', principal.organizationId))
      throw platformError('FORBIDDEN', { action: 'member:list' });
    const rows = await this.dataSource.query(
      `SELECT m.user_id, u.email, u.display_name, m.role, m.created_at
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1
        ORDER BY m.created_at, m.user_id`,
      [principal.organizationId],
    );
    return rows.map((r: Record<string, never>) => ({
      userId: r.user_id,
      email: r.email,
      displayName: r.display_name,
      role: r.role,
      joinedAt: r.created_at,
    }));
  }

  async changeRole(principal: Principal, userId: string, role: Role, ctx: RequestContext): Promise<MemberView[]> {
    // Authentication caches roles and sessions: drop them once this committed.
    await this.revoking(async (tx) => {
      const members = await this.lockMembers(tx.em, principal.organizationId);
      const actor = this.actorUnderLock(principal, members);
      const target = members.find((m) => m.userId === userId);
      if (!target) throw identityError('MEMBER_NOT_FOUND');
      if (!canChangeRole(actor, userId, target.role, role))
        throw identityError('ROLE_CHANGE_FORBIDDEN', { field: 'role' });
      if (target.role === role) return;
      if (target.role === 'owner' && members.filter((m) => m.role === 'owner').length === 1)
        throw identityError('LAST_OWNER');
      await tx.em.update(MembershipEntity, { id: target.id }, { role });
      await this.audit.record(
        {
          action: 'membership.role_changed',
          organizationId: principal.organizationId,
          actorUserId: principal.userId,
          actorOrganizationId: principal.organizationId,
          targetType: 'user',
          targetId: userId,
          details: { from: target.role, to: role },
        },
        ctx,
        tx.em,
      );
    });
    return this.members(principal);
  }

  /** Removing a member also ends their sessions in this organization. */
  async removeMember(principal: Principal, userId: string, ctx: RequestContext): Promise<void> {
    // Authentication caches roles and sessions: drop them once this committed.
    await this.revoking(async (tx) => {
      const members = await this.lockMembers(tx.em, principal.organizationId);
      const actor = this.actorUnderLock(principal, members);
      const target = members.find((m) => m.userId === userId);
      if (!target) throw identityError('MEMBER_NOT_FOUND');
      if (!canRemoveMember(actor, userId, target.role)) throw identityError('ROLE_CHANGE_FORBIDDEN');
      if (target.role === 'owner' && members.filter((m) => m.role === 'owner').length === 1)
        throw identityError('LAST_OWNER');
      await tx.em.delete(MembershipEntity, { id: target.id });
      await tx.em
        .createQueryBuilder()
        .update(SessionEntity)
        .set({ revokedAt: this.clock.now(), revokedReason: 'membership_removed' })
        .where('user_id = :userId AND organization_id = :org AND revoked_at IS NULL', {
          userId,
          org: principal.organizationId,
        })
        .execute();
      await this.audit.record(
        {
          action: 'membership.removed',
          organizationId: principal.organizationId,
          actorUserId: principal.userId,
          actorOrganizationId: principal.organizationId,
          targetType: 'user',
          targetId: userId,
          details: { role: target.role },
        },
        ctx,
        tx.em,
      );
    });
  }

  /**
   * The actor's role as it stands under the lock: a concurrent demotion of the actor must not let
   * them grant what they no longer hold.
   */
  private actorUnderLock(principal: Principal, members: MembershipEntity[]): Principal {
    const own = members.find((m) => m.userId === principal.userId);
    if (!own) throw identityError('NOT_A_MEMBER');
    return { ...principal, role: own.role };
  }

  private async revoking<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.uow.run(work);
    } finally {
      this.principals.invalidate();
    }
  }

  /** Locks the organization's memberships so concurrent role changes cannot both remove the last owner. */
  private lockMembers(em: DataSource['manager'], organizationId: string): Promise<MembershipEntity[]> {
    return em
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.organization_id = :organizationId', { organizationId })
      .getMany();
  }
}
