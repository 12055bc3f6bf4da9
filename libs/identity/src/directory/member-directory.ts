import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '../entities/membership.entity';
import type { UserLocale } from '../entities/user.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A person a notification may reach: an active member of an organization, with their language. */
export interface MemberRecipient {
  userId: string;
  organizationId: string;
  email: string;
  displayName: string;
  locale: UserLocale;
  role: Role;
}

/** The invitee of an organization invitation (they may not have an account yet). */
export interface InvitationRecipient {
  invitationId: string;
  organizationId: string;
  organizationName: string;
  email: string;
  role: Role;
  expiresAt: Date;
  /** Set when the address already belongs to an account (its locale is used). */
  userId: string | null;
  locale: UserLocale;
  pending: boolean;
}

/**
 * Identity's read port for notifications: who belongs to an organization (active accounts only) and
 * who an invitation is for. Identity keeps its tables; other libs read people through here.
 */
@Injectable()
export class MemberDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Active members of the organizations, optionally only some roles (e.g. owners and admins). */
  /** `em`: the caller's transaction, so a caller holding a connection never waits for a second one. */
  async recipientsOf(
    organizationIds: readonly string[],
    roles?: readonly Role[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<MemberRecipient[]> {
    const ids = [...new Set(organizationIds)];
    if (ids.length === 0) return [];
    const rows: {
      user_id: string;
      organization_id: string;
      email: string;
      display_name: string;
      locale: UserLocale;
      role: Role;
    }[] = await em.query(
      `SELECT m.user_id, m.organization_id, u.email, u.display_name, u.locale, m.role
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = ANY($1::uuid[]) AND u.status = 'active'
          AND ($2::text[] IS NULL OR m.role = ANY($2::text[]))
        ORDER BY m.organization_id, m.created_at, m.user_id`,
      [ids, roles ? [...roles] : null],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      organizationId: r.organization_id,
      email: r.email,
      displayName: r.display_name,
      locale: r.locale === 'en' ? 'en' : 'zh-CN',
      role: r.role,
    }));
  }

  async invitationRecipient(invitationId: string): Promise<InvitationRecipient | null> {
    if (!UUID.test(invitationId)) return null;
    const [row]: {
      id: string;
      organization_id: string;
      organization_name: string;
      email: string;
      role: Role;
      expires_at: Date;
      user_id: string | null;
      locale: UserLocale | null;
      pending: boolean;
    }[] = await this.dataSource.query(
      `SELECT i.id, i.organization_id, o.name AS organization_name, i.email, i.role, i.expires_at,
              u.id AS user_id, u.locale, (i.accepted_at IS NULL AND i.revoked_at IS NULL) AS pending
         FROM invitations i JOIN organizations o ON o.id = i.organization_id
         LEFT JOIN users u ON u.email_normalized = i.email_normalized
        WHERE i.id = $1`,
      [invitationId],
    );
    if (!row) return null;
    return {
      invitationId: row.id,
      organizationId: row.organization_id,
      organizationName: row.organization_name,
      email: row.email,
      role: row.role,
      expiresAt: new Date(row.expires_at),
      userId: row.user_id,
      locale: row.locale === 'en' ? 'en' : 'zh-CN',
      pending: row.pending,
    };
  }
}
