import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, CLOCK, platformError, Tx, UnitOfWork } from '@app/platform';
import { AuditService } from '../audit/audit.service';
import type { Principal, RequestContext } from '../authz/principal';
import { MembershipEntity } from '../entities/membership.entity';
import { OrganizationEntity, OrganizationKind, OrganizerType } from '../entities/organization.entity';
import { RefreshTokenEntity, SessionEntity } from '../entities/session.entity';
import { UserEntity, UserLocale } from '../entities/user.entity';
import { identityError } from '../identity.errors';
import { InvitationsService } from '../invitations/invitations.service';
import { PasswordHasher } from '../users/password-hasher';
import {
  mapUniqueViolation,
  requireCreditCode,
  requireEmail,
  requirePassword,
  requireRegionCode,
} from '../users/identity-input';
import { hashToken, newOpaqueToken, TokenPair, TokenService } from './token.service';
import { PrincipalCache, type PrincipalRow } from './principal-cache';

export interface RegisterInput {
  email: string;
  password: string;
  displayName: string;
  locale?: UserLocale;
  mobile?: string;
  /** Either a new organization … */
  organization?: {
    kind: OrganizationKind;
    name: string;
    creditCode?: string;
    regionCode: string;
    organizerType?: OrganizerType;
  };
  /** … or an invitation to join an existing one. */
  invitationToken?: string;
}

export interface AuthResult {
  tokens: TokenPair;
  userId: string;
  organizationId: string;
}


@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly tokens: TokenService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly invitations: InvitationsService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly principals: PrincipalCache,
  ) {}

  /** Creates the user, their organization (or joins an invited one) and the owner membership, atomically. */
  async register(input: RegisterInput, ctx: RequestContext): Promise<AuthResult> {
    const { email, normalized } = requireEmail(input.email);
    requirePassword(input.password);
    if (!input.organization === !input.invitationToken) {
      throw platformError('VALIDATION_FAILED', {
        field: 'organization',
        fields: [{ field: 'organization', rules: ['exactlyOne'], messages: ['give either organization or invitationToken'] }],
      });
    }
    const org = input.organization;
    const creditCode = org?.creditCode ? requireCreditCode(org.creditCode, 'organization.creditCode') : null;
    if (org) requireRegionCode(org.regionCode, 'organization.regionCode');
    const passwordHash = await this.hasher.hash(input.password);

    try {
      return await this.uow.run(async (tx) => {
        const user = await tx.em.save(
          tx.em.create(UserEntity, {
            email,
            emailNormalized: normalized,
            displayName: input.displayName.trim(),
            locale: input.locale ?? 'zh-CN',
            mobile: input.mobile ?? null,
            passwordHash,
          }),
        );
        let organizationId: string;
        if (org) {
          const created = await tx.em.save(
            tx.em.create(OrganizationEntity, {
              kind: org.kind,
              organizerType: org.kind === 'organizer' ? (org.organizerType ?? null) : null,
              name: org.name.trim(),
              creditCode,
              regionCode: org.regionCode,
            }),
          );
          organizationId = created.id;
          await tx.em.insert(MembershipEntity, { userId: user.id, organizationId, role: 'owner' });
          tx.publish({ type: 'identity.organization_registered', organizationId, userId: user.id });
        } else {
          organizationId = await this.invitations.consume(tx, input.invitationToken!, user.id, normalized, ctx);
        }
        await this.audit.record(
          { action: 'auth.registered', organizationId, actorUserId: user.id, actorOrganizationId: organizationId },
          ctx,
          tx.em,
        );
        const tokens = await this.startSession(tx.em, user.id, organizationId, ctx);
        return { tokens, userId: user.id, organizationId };
      });
    } catch (err) {
      return mapUniqueViolation(err, {
        ux_users_email_normalized: () => identityError('EMAIL_TAKEN', { field: 'email' }),
        ux_organizations_credit_code: () => identityError('CREDIT_CODE_TAKEN', { field: 'organization.creditCode' }),
      });
    }
  }

  /**
   * One answer for "no such e-mail" and "wrong password", after the same amount of work. The
   * acting organization is the one asked for, else the user's oldest membership.
   */
  async login(emailInput: string, password: string, organizationId: string | undefined, ctx: RequestContext): Promise<AuthResult> {
    const parsed = requireEmail(emailInput);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ emailNormalized: parsed.normalized });
    const ok = user ? await this.hasher.verify(user.passwordHash, password) : await this.hasher.verifyAgainstDummy(password);
    const memberships = user
      ? await this.dataSource.getRepository(MembershipEntity).find({ where: { userId: user.id }, order: { createdAt: 'ASC' } })
      : [];
    if (!user || !ok) {
      await this.audit.record(
        {
          action: 'auth.login_failed',
          organizationId: memberships[0]?.organizationId ?? null,
          actorUserId: user?.id ?? null,
          details: { email: parsed.normalized, reason: user ? 'wrong_password' : 'unknown_email' },
        },
        ctx,
      );
      throw identityError('INVALID_CREDENTIALS');
    }
    if (user.status !== 'active') throw identityError('ACCOUNT_DISABLED');
    const membership = organizationId ? memberships.find((m) => m.organizationId === organizationId) : memberships[0];
    if (!membership) throw identityError('NOT_A_MEMBER', { field: 'organizationId' });
    return this.uow.run(async (tx) => {
      await this.audit.record(
        {
          action: 'auth.login_succeeded',
          organizationId: membership.organizationId,
          actorUserId: user.id,
          actorOrganizationId: membership.organizationId,
        },
        ctx,
        tx.em,
      );
      const tokens = await this.startSession(tx.em, user.id, membership.organizationId, ctx);
      return { tokens, userId: user.id, organizationId: membership.organizationId };
    });
  }

  /**
   * Rotates a refresh token. The row is locked, so two concurrent uses of one token cannot both
   * succeed; a token that was already used means it leaked, and the whole session (family) ends.
   */
  async refresh(refreshToken: string, ctx: RequestContext): Promise<AuthResult> {
    const outcome = await this.revoking(async (tx) => {
      const now = this.clock.now();
      const token = await tx.em
        .getRepository(RefreshTokenEntity)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.token_hash = :hash', { hash: hashToken(refreshToken) })
        .getOne();
      if (!token) return { error: 'REFRESH_TOKEN_INVALID' as const };
      const session = await tx.em
        .getRepository(SessionEntity)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.id = :id', { id: token.sessionId })
        .getOneOrFail();
      if (session.revokedAt) return { error: 'SESSION_REVOKED' as const };
      if (token.usedAt) {
        await this.revokeSession(tx, session, 'refresh_reuse', ctx);
        return { error: 'REFRESH_TOKEN_REUSED' as const };
      }
      if (token.expiresAt <= now || session.expiresAt <= now) return { error: 'REFRESH_TOKEN_INVALID' as const };
      const member = await tx.em.findOneBy(MembershipEntity, { userId: session.userId, organizationId: session.organizationId });
      const user = await tx.em.findOneBy(UserEntity, { id: session.userId });
      if (!member || user?.status !== 'active') {
        await this.revokeSession(tx, session, 'membership_removed', ctx);
        return { error: 'SESSION_REVOKED' as const };
      }
      await tx.em.update(RefreshTokenEntity, { id: token.id }, { usedAt: now });
      const tokens = await this.issueRefresh(tx.em, session, now);
      return { result: { tokens, userId: session.userId, organizationId: session.organizationId } };
    });
    // Revocations above must commit before the error is raised, hence the two steps.
    if ('error' in outcome) throw identityError(outcome.error!);
    return outcome.result;
  }

  /** Ends the session the refresh token belongs to (all its tokens). Unknown tokens are ignored. */
  async logout(refreshToken: string, ctx: RequestContext): Promise<void> {
    await this.revoking(async (tx) => {
      const token = await tx.em.findOneBy(RefreshTokenEntity, { tokenHash: hashToken(refreshToken) });
      if (!token) return;
      const session = await tx.em.findOneByOrFail(SessionEntity, { id: token.sessionId });
      if (!session.revokedAt) await this.revokeSession(tx, session, 'logout', ctx);
    });
  }

  async logoutSession(principal: Principal, ctx: RequestContext): Promise<void> {
    await this.revoking(async (tx) => {
      const session = await tx.em.findOneByOrFail(SessionEntity, { id: principal.sessionId });
      if (!session.revokedAt) await this.revokeSession(tx, session, 'logout', ctx);
    });
  }

  /** Acting in another organization the user belongs to starts a new session there. */
  async switchOrganization(principal: Principal, organizationId: string, ctx: RequestContext): Promise<AuthResult> {
    const member = await this.dataSource
      .getRepository(MembershipEntity)
      .findOneBy({ userId: principal.userId, organizationId });
    if (!member) throw identityError('ORGANIZATION_NOT_FOUND', { field: 'organizationId' });
    return this.uow.run(async (tx) => ({
      tokens: await this.startSession(tx.em, principal.userId, organizationId, ctx),
      userId: principal.userId,
      organizationId,
    }));
  }

  /**
   * Access token → principal. The session, user and membership row is cached (`PrincipalCache`) and
   * every command that changes one of them invalidates it on commit, so a logout, a removed
   * membership, a disabled account or a role change still takes effect at once.
   */
  async authenticate(accessToken: string): Promise<Principal> {
    const claims = await this.tokens.verify(accessToken);
    const row = await this.principals.get(`${claims.sid}:${claims.sub}:${claims.org}`, async () => {
      const rows: PrincipalRow[] = await this.dataSource.query(
        `SELECT u.status, u.is_platform_admin, u.locale, m.role, o.kind, s.revoked_at, s.expires_at
           FROM sessions s
           JOIN users u ON u.id = s.user_id
           LEFT JOIN memberships m ON m.user_id = s.user_id AND m.organization_id = s.organization_id
           LEFT JOIN organizations o ON o.id = s.organization_id
          WHERE s.id = $1 AND s.user_id = $2 AND s.organization_id = $3`,
        [claims.sid, claims.sub, claims.org],
      );
      return rows[0];
    });
    if (!row || row.revoked_at || row.expires_at <= this.clock.now()) throw identityError('SESSION_REVOKED');
    if (row.status !== 'active') throw identityError('ACCOUNT_DISABLED');
    if (!row.role || !row.kind) throw identityError('SESSION_REVOKED');
    return {
      userId: claims.sub,
      sessionId: claims.sid,
      organizationId: claims.org,
      organizationKind: row.kind,
      role: row.role,
      isPlatformAdmin: row.is_platform_admin,
      locale: row.locale,
    };
  }

  /** A command that may end sessions: the principal cache is dropped once it committed (or failed). */
  private async revoking<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.uow.run(work);
    } finally {
      this.principals.invalidate();
    }
  }

  private async startSession(em: EntityManager, userId: string, organizationId: string, ctx: RequestContext): Promise<TokenPair> {
    const now = this.clock.now();
    const session = await em.save(
      em.create(SessionEntity, {
        userId,
        organizationId,
        expiresAt: new Date(now.getTime() + this.tokens.refreshTtlMs),
        ip: ctx.ip,
        userAgent: ctx.userAgent?.slice(0, 500) ?? null,
      }),
    );
    return this.issueRefresh(em, session, now);
  }

  private async issueRefresh(em: EntityManager, session: SessionEntity, now: Date): Promise<TokenPair> {
    const refreshToken = newOpaqueToken();
    // A refresh token never outlives its session: rotation does not extend a sign-in forever.
    const expiresAt = new Date(Math.min(now.getTime() + this.tokens.refreshTtlMs, session.expiresAt.getTime()));
    await em.insert(RefreshTokenEntity, { sessionId: session.id, tokenHash: hashToken(refreshToken), expiresAt });
    return this.tokens.issue({ sub: session.userId, org: session.organizationId, sid: session.id }, refreshToken, expiresAt, now);
  }

  private async revokeSession(tx: Tx, session: SessionEntity, reason: NonNullable<SessionEntity['revokedReason']>, ctx: RequestContext) {
    await tx.em.update(SessionEntity, { id: session.id }, { revokedAt: this.clock.now(), revokedReason: reason });
    await this.audit.record(
      {
        action: reason === 'logout' ? 'auth.logout' : 'auth.token_family_revoked',
        organizationId: session.organizationId,
        actorUserId: session.userId,
        actorOrganizationId: session.organizationId,
        targetType: 'session',
        targetId: session.id,
        details: { reason },
      },
      ctx,
      tx.em,
    );
  }
}
