import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import {
  AuthService,
  checkCharacter,
  MembershipEntity,
  OrganizationEntity,
  UserEntity,
  PasswordHasher,
} from '@app/identity';
import { AppModule } from '../apps/api/src/app.module';
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_PLATFORM_ADMIN } from './demo-data';

const ctx = { ip: null, userAgent: 'tourong-seed', requestId: 'seed-demo' };

/**
 * Loads the demo through the same services the API uses (validation, audit, outbox included).
 * Idempotent: anything that already exists (by e-mail) is left as it is.
 */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  try {
    const ds = app.get(DataSource);
    const auth = app.get(AuthService);
    const hasher = app.get(PasswordHasher);
    const users = ds.getRepository(UserEntity);
    const rows: string[][] = [];

    for (const org of DEMO_ORGANIZATIONS) {
      let owner = await users.findOneBy({ emailNormalized: org.owner.email });
      let organizationId: string;
      if (!owner) {
        const result = await auth.register(
          {
            email: org.owner.email,
            password: DEMO_PASSWORD,
            displayName: org.owner.displayName,
            locale: org.owner.locale,
            organization: {
              kind: org.kind,
              organizerType: org.organizerType,
              name: org.name,
              creditCode: org.creditCodeBody + checkCharacter(org.creditCodeBody),
              regionCode: org.regionCode,
            },
          },
          ctx,
        );
        organizationId = result.organizationId;
        owner = await users.findOneByOrFail({ id: result.userId });
      } else {
        organizationId = (await ds.getRepository(MembershipEntity).findOneByOrFail({ userId: owner.id, role: 'owner' })).organizationId;
      }
      if (org.verified) {
        await ds.getRepository(OrganizationEntity).update(
          { id: organizationId, verificationStatus: 'unverified' },
          { verificationStatus: 'verified', verifiedAt: new Date() },
        );
      }
      rows.push([org.kind, org.owner.email, 'owner', org.name]);
      for (const m of org.members ?? []) {
        if (!(await users.findOneBy({ emailNormalized: m.email }))) {
          const user = await users.save(
            users.create({
              email: m.email,
              emailNormalized: m.email,
              displayName: m.displayName,
              passwordHash: await hasher.hash(DEMO_PASSWORD),
            }),
          );
          await ds.getRepository(MembershipEntity).insert({ userId: user.id, organizationId, role: m.role });
        }
        rows.push([org.kind, m.email, m.role, org.name]);
      }
    }

    if (!(await users.findOneBy({ emailNormalized: DEMO_PLATFORM_ADMIN.email }))) {
      const operator = DEMO_ORGANIZATIONS[0];
      const opOrgId = (
        await ds.getRepository(MembershipEntity).findOneByOrFail({
          userId: (await users.findOneByOrFail({ emailNormalized: operator.owner.email })).id,
        })
      ).organizationId;
      const admin = await users.save(
        users.create({
          email: DEMO_PLATFORM_ADMIN.email,
          emailNormalized: DEMO_PLATFORM_ADMIN.email,
          displayName: DEMO_PLATFORM_ADMIN.displayName,
          passwordHash: await hasher.hash(DEMO_PASSWORD),
          isPlatformAdmin: true,
        }),
      );
      await ds.getRepository(MembershipEntity).insert({ userId: admin.id, organizationId: opOrgId, role: 'member' });
    }
    rows.push(['platform admin', DEMO_PLATFORM_ADMIN.email, 'admin', '—']);

    console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD})`);
    console.table(rows.map(([kind, email, role, org]) => ({ kind, email, role, organization: org })));
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  console.error('demo seed failed:', err);
  process.exit(1);
});
