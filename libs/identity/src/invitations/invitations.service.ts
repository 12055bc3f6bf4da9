import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, Clock, CLOCK, platformError, Tx, UnitOfWork } from '@app/platform';
import { AuditService } from '../audit/audit.service';
import { hashToken, newOpaqueToken } from '../auth/token.service';
import { can } from '../authz/policy';
import type { Principal, RequestContext } from '../authz/principal';
import { InvitationEntity } from '../entities/invitation.entity';
import { MembershipEntity, Role } from '../entities/membership.entity';
import { OrganizationEntity } from '../entities/organization.entity';
import { identityError } from '../identity.errors';
import { mapUniqueViolation, requireEmail } from '../users/identity-input';

export interface CreatedInvitation {
  invitation: InvitationEntity;
  /** Returned once, to the inviting admin, until e-mail delivery exists. */
  token: string;
}

@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(principal: Principal, emailInput: string, role: Role, ctx: RequestContext): Promise<CreatedInvitation> {
    if (!can(principal, 'invitation:create')) throw platformError('FORBIDDEN', { action: 'invitation:create' });
    if (role === 'owner' && principal.role !== 'owner') throw identityError('ROLE_CHANGE_FORBIDDEN', { field: 'role' });
    const { email, normalized } = requireEmail(emailInput);
    const alreadyMember = await this.dataSource.query(
      `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1 AND u.email_normalized = $2`,
      [principal.organizationId, normalized],
    );
    if (alreadyMember.length) throw identityError('ALREADY_MEMBER', { field: 'email' });
    const token = newOpaqueToken();
    const now = this.clock.now();
    try {
      return await this.uow.run(async (tx) => {
        // An expired pending invitation must not block a fresh one.
        await tx.em
          .createQueryBuilder()
          .update(InvitationEntity)
          .set({ revokedAt: now })
          .where('organization_id = :org AND email_normalized = :email AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at <= :now', {
            org: principal.organizationId,
            email: normalized,
            now,
          })
          .execute();
        const invitation = await tx.em.save(
          tx.em.create(InvitationEntity, {
            organizationId: principal.organizationId,
            email,
            emailNormalized: normalized,
            role,
            tokenHash: hashToken(token),
            invitedByUserId: principal.userId,
            expiresAt: new Date(now.getTime() + this.config.INVITATION_TTL_HOURS * 3600_000),
          }),
        );
        tx.publish({ type: 'identity.invitation_created', invitationId: invitation.id, organizationId: principal.organizationId });
        await this.audit.record(
          {
            action: 'invitation.created',
            organizationId: principal.organizationId,
            actorUserId: principal.userId,
            actorOrganizationId: principal.organizationId,
            targetType: 'invitation',
            targetId: invitation.id,
            details: { email: normalized, role },
          },
          ctx,
          tx.em,
        );
        return { invitation, token };
      });
    } catch (err) {
      return mapUniqueViolation(err, { ux_invitations_pending: () => identityError('INVITATION_PENDING', { field: 'email' }) });
    }
  }

  async list(principal: Principal): Promise<InvitationEntity[]> {
    if (!can(principal, 'invitation:list')) throw platformError('FORBIDDEN', { action: 'invitation:list' });
    return this.dataSource.getRepository(InvitationEntity).find({
      where: { organizationId: principal.organizationId },
      order: { createdAt: 'DESC' },
      take: 500,
    });
  }

  async revoke(principal: Principal, invitationId: string, ctx: RequestContext): Promise<void> {
    await this.uow.run(async (tx) => {
      // Scoped by the acting organization: another tenant's id is simply "not found".
      const invitation = await tx.em.findOneBy(InvitationEntity, { id: invitationId, organizationId: principal.organizationId });
      if (!invitation) throw identityError('INVITATION_NOT_FOUND');
      if (!can(principal, 'invitation:revoke', invitation.organizationId)) {
        throw platformError('FORBIDDEN', { action: 'invitation:revoke' });
      }
      if (invitation.acceptedAt || invitation.revokedAt) throw identityError('INVITATION_USED');
      await tx.em.update(InvitationEntity, { id: invitation.id }, { revokedAt: this.clock.now() });
      await this.audit.record(
        {
          action: 'invitation.revoked',
          organizationId: invitation.organizationId,
          actorUserId: principal.userId,
          actorOrganizationId: principal.organizationId,
          targetType: 'invitation',
          targetId: invitation.id,
        },
        ctx,
        tx.em,
      );
    });
  }

  /** What an invitee sees before signing in: which organization, which role, for which e-mail. */
  async preview(token: string): Promise<{ organizationName: string; organizationKind: string; role: Role; email: string; expiresAt: Date }> {
    const invitation = await this.dataSource.getRepository(InvitationEntity).findOneBy({ tokenHash: hashToken(token) });
    if (!invitation) throw identityError('INVITATION_NOT_FOUND');
    this.assertUsable(invitation);
    const org = await this.dataSource.getRepository(OrganizationEntity).findOneByOrFail({ id: invitation.organizationId });
    return { organizationName: org.name, organizationKind: org.kind, role: invitation.role, email: invitation.email, expiresAt: invitation.expiresAt };
  }

  /** A signed-in user accepts: the membership is created and the invitation is spent. */
  async accept(principal: Principal, token: string, ctx: RequestContext): Promise<{ organizationId: string }> {
    return this.uow.run(async (tx) => {
      const me = await tx.em.query('SELECT email_normalized FROM users WHERE id = $1', [principal.userId]);
      const organizationId = await this.consume(tx, token, principal.userId, me[0].email_normalized, ctx);
      return { organizationId };
    });
  }

  /** Spends an invitation inside the caller's transaction (also used by registration). */
  async consume(tx: Tx, token: string, userId: string, emailNormalized: string, ctx: RequestContext): Promise<string> {
    const invitation = await tx.em
      .getRepository(InvitationEntity)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.token_hash = :hash', { hash: hashToken(token) })
      .getOne();
    if (!invitation) throw identityError('INVITATION_NOT_FOUND', { field: 'invitationToken' });
    this.assertUsable(invitation);
    if (invitation.emailNormalized !== emailNormalized) throw identityError('INVITATION_EMAIL_MISMATCH');
    const existing = await tx.em.findOneBy(MembershipEntity, { userId, organizationId: invitation.organizationId });
    if (existing) throw identityError('ALREADY_MEMBER');
    await tx.em.insert(MembershipEntity, { userId, organizationId: invitation.organizationId, role: invitation.role });
    await tx.em.update(InvitationEntity, { id: invitation.id }, { acceptedAt: this.clock.now(), acceptedByUserId: userId });
    await this.audit.record(
      {
        action: 'invitation.accepted',
        organizationId: invitation.organizationId,
        actorUserId: userId,
        targetType: 'invitation',
        targetId: invitation.id,
        details: { role: invitation.role },
      },
      ctx,
      tx.em,
    );
    return invitation.organizationId;
  }

  private assertUsable(invitation: InvitationEntity): void {
    if (invitation.acceptedAt || invitation.revokedAt) throw identityError('INVITATION_USED');
    if (invitation.expiresAt <= this.clock.now()) throw identityError('INVITATION_EXPIRED');
  }
}
