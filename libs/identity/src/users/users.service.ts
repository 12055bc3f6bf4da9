import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PrincipalCache } from '../auth/principal-cache';
import type { Principal } from '../authz/principal';
import { OrganizationEntity } from '../entities/organization.entity';
import { UserEntity, UserLocale } from '../entities/user.entity';
import { identityMapper, MeView } from '../identity.views';

export interface ProfilePatch {
  displayName?: string;
  locale?: UserLocale;
  mobile?: string | null;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly principals: PrincipalCache,
  ) {}

  async me(principal: Principal): Promise<MeView> {
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: principal.userId });
    const memberships: { organization_id: string; name: string; kind: string; role: MeView['role'] }[] =
      await this.dataSource.query(
        `SELECT m.organization_id, o.name, o.kind, m.role
           FROM memberships m JOIN organizations o ON o.id = m.organization_id
          WHERE m.user_id = $1 ORDER BY m.created_at`,
        [principal.userId],
      );
    const acting = await this.dataSource.getRepository(OrganizationEntity).findOneByOrFail({ id: principal.organizationId });
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      mobile: user.mobile,
      locale: user.locale,
      isPlatformAdmin: user.isPlatformAdmin,
      actingOrganization: identityMapper.organization(acting),
      role: principal.role,
      memberships: memberships.map((m) => ({
        organizationId: m.organization_id,
        organizationName: m.name,
        organizationKind: m.kind,
        role: m.role,
      })),
    };
  }

  async updateProfile(principal: Principal, patch: ProfilePatch): Promise<MeView> {
    const changes: Partial<UserEntity> = {};
    if (patch.displayName !== undefined) changes.displayName = patch.displayName.trim();
    if (patch.locale !== undefined) changes.locale = patch.locale;
    if (patch.mobile !== undefined) changes.mobile = patch.mobile;
    if (Object.keys(changes).length) {
      await this.dataSource.getRepository(UserEntity).update({ id: principal.userId }, changes);
      this.principals.invalidate(); // the locale is part of the cached principal
    }
    return this.me(principal);
  }
}
