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
  type OrganizationKind,
  type Principal,
} from '@app/identity';
import { SeedModule } from './seed.module';
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_PLATFORM_ADMIN } from './demo-data';
import { DEMO_SEED, generateDemo } from './demo/generate';
import { DEMO_SENTINEL_CREDIT_CODE } from './demo/stories';
import { insertCompanies, type WriteCounts } from './demo/write';
import { DEMO_MANDATES } from './demo/mandates';
import { seedRoadshow } from './demo/roadshow';
import { MandateEntity, MandatesService } from '@app/funds';
import {
  DealEntity,
  DealsService,
  rankMandate,
  SnapshotService,
  toEngineMandate,
  type DealStage,
  type PassReasonCode,
} from '@app/matching';

const ctx = { ip: null, userAgent: 'tourong-seed', requestId: 'seed-demo' };

/** Any constant works; it only has to be the same for every process that seeds the demo. */
const DEMO_COMPANIES_LOCK = 72_030_214;

/**
 * Loads the demo: organizations and users through the same services the API uses (validation,
 * audit, outbox included), then ≈ 200 companies and ≈ 300 projects from the deterministic
 * generator (db/demo), written in one transaction with their outbox events.
 * Idempotent: accounts that exist (by e-mail) are left as they are, and the companies are written
 * only if the demo's sentinel company is absent — a second run changes nothing.
 */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const ds = app.get(DataSource);
    const auth = app.get(AuthService);
    const hasher = app.get(PasswordHasher);
    const users = ds.getRepository(UserEntity);
    const rows: string[][] = [];
    const orgIdByKey = new Map<string, string>();

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
        organizationId = (await ds.getRepository(MembershipEntity).findOneByOrFail({ userId: owner.id, role: 'owner' }))
          .organizationId;
      }
      orgIdByKey.set(org.key, organizationId);
      if (org.verified) {
        await ds
          .getRepository(OrganizationEntity)
          .update(
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

    const written = await seedCompanies(ds, orgIdByKey);
    if (written) {
      console.log(
        `\nDemo companies written: ${written.startups} startups, ${written.projects} projects, ${written.fiscalYears} fiscal years, ` +
          `${written.ipItems} IP items, ${written.qualifications} qualifications, ${written.outboxEvents} outbox events.`,
      );
    } else {
      console.log('\nDemo companies already present (sentinel credit code found): nothing written.');
    }

    const mandates = await seedMandates(app.get(MandatesService), ds, orgIdByKey);
    console.log(
      `Demo mandates and credit products: ${mandates.created} created, ${mandates.existing} already present.`,
    );
    const deals = await seedDeals(app.get(DealsService), app.get(SnapshotService), ds);
    console.log(`Demo pipeline (科创直投): ${deals ? `${deals} deals opened` : 'already present'}.`);
    await app.get(SnapshotService).resync();
    const roadshow = await seedRoadshow(app, ds);
    console.log(
      `Demo roadshow (滨科 金兔): ${roadshow ? 'event, applications, agenda, invitations and a published 1:1 schedule written' : 'already present'}.`,
    );

    console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD})`);
    console.table(rows.map(([kind, email, role, org]) => ({ kind, email, role, organization: org })));
  } finally {
    await app.close();
  }
}

/**
 * All companies in one transaction: ≈ 2 000 rows is small, and all-or-nothing is what makes the
 * sentinel check sound — a crashed run leaves nothing behind, so the next run writes everything.
 * The advisory lock serialises two seeds started at once (the second then sees the sentinel).
 */
async function seedCompanies(ds: DataSource, orgIdByKey: Map<string, string>): Promise<WriteCounts | null> {
  const companies = generateDemo(DEMO_SEED);
  return ds.transaction(async (em) => {
    await em.query('SELECT pg_advisory_xact_lock($1)', [DEMO_COMPANIES_LOCK]);
    const [present] = await em.query('SELECT 1 FROM startups WHERE credit_code = $1', [DEMO_SENTINEL_CREDIT_CODE]);
    if (present) return null;
    return insertCompanies(em, companies, (key) => {
      const id = orgIdByKey.get(key);
      if (!id) throw new Error(`demo company owned by unknown organization ${key}`);
      return id;
    });
  });
}

/** The seed acts as each demo organization's owner, through the same services the API calls. */
function ownerPrincipal(userId: string, organizationId: string, organizationKind: OrganizationKind): Principal {
  return {
    userId,
    sessionId: 'seed',
    organizationId,
    organizationKind,
    role: 'owner',
    isPlatformAdmin: false,
    locale: 'zh-CN',
  };
}

/** Through the service (validation, versions, audit, events); a mandate whose name exists in its organization is kept. */
async function seedMandates(
  service: MandatesService,
  ds: DataSource,
  orgIdByKey: Map<string, string>,
): Promise<{ created: number; existing: number }> {
  const idByName = new Map<string, string>();
  let created = 0;
  let existing = 0;
  for (const demo of DEMO_MANDATES) {
    const organizationId = orgIdByKey.get(demo.orgKey);
    const org = DEMO_ORGANIZATIONS.find((o) => o.key === demo.orgKey);
    if (!organizationId || !org) throw new Error(`demo mandate for unknown organization ${demo.orgKey}`);
    const found = await ds.getRepository(MandateEntity).findOneBy({ organizationId, name: demo.dto.name });
    if (found) {
      idByName.set(found.name, found.id);
      existing++;
      continue;
    }
    const owner = await ds.getRepository(UserEntity).findOneByOrFail({ emailNormalized: org.owner.email });
    const principal = ownerPrincipal(owner.id, organizationId, org.kind);
    const linkedMandateId = demo.linkTo ? idByName.get(demo.linkTo) : undefined;
    const mandate = await service.create(
      principal,
      { ...demo.dto, ...(linkedMandateId ? { linkedMandateId } : {}) },
      ctx,
    );
    idByName.set(mandate.name, mandate.id);
    created++;
  }
  return { created, existing };
}

/**
 * The 科创直投 fund's pipeline over its own top-ranked projects: some in diligence, one signed, some
 * passed with structured reasons — so stated-vs-actual and founders' feedback have something to show.
 */
const DEMO_PIPELINE: { to: DealStage[]; pass?: { code: PassReasonCode; text?: string }; amountWan?: number }[] = [
  { to: ['shortlisted', 'contacted', 'meeting', 'due_diligence', 'term_sheet', 'signed'], amountWan: 800 },
  { to: ['shortlisted', 'contacted', 'meeting', 'due_diligence'] },
  { to: ['shortlisted', 'contacted', 'meeting'] },
  {
    to: ['shortlisted', 'contacted', 'meeting', 'passed'],
    pass: { code: 'valuation', text: '估值预期高于同阶段可比项目' },
  },
  { to: ['shortlisted', 'passed'], pass: { code: 'too_early', text: '待中试数据后再评估' } },
  { to: ['shortlisted', 'contacted'] },
  { to: ['shortlisted'] },
  { to: ['passed'], pass: { code: 'competition' } },
];

async function seedDeals(deals: DealsService, snapshots: SnapshotService, ds: DataSource): Promise<number> {
  const org = DEMO_ORGANIZATIONS.find((o) => o.key === 'xihu-fund')!;
  const owner = await ds.getRepository(UserEntity).findOneByOrFail({ emailNormalized: org.owner.email });
  const { organizationId } = await ds
    .getRepository(MembershipEntity)
    .findOneByOrFail({ userId: owner.id, role: 'owner' });
  if (await ds.getRepository(DealEntity).existsBy({ investorOrganizationId: organizationId })) return 0;
  const mandate = await ds
    .getRepository(MandateEntity)
    .findOneByOrFail({ organizationId, name: '科创直投 · 高校成果转化早期专项' });
  await snapshots.resync(); // the companies were written after this process's snapshot was built
  const ranked = rankMandate(snapshots.snapshot, toEngineMandate(mandate, mandate.terms), { k: DEMO_PIPELINE.length });
  const principal = ownerPrincipal(owner.id, organizationId, org.kind);
  let opened = 0;
  for (const [i, item] of ranked.items.entries()) {
    const plan = DEMO_PIPELINE[i];
    const { deal } = await deals.open(principal, {
      projectId: item.projectId,
      mandateId: mandate.id,
      note: '来自科创直投推荐排序',
    });
    for (const to of plan.to) {
      await deals.transition(principal, deal.id, {
        to,
        ...(to === 'passed' ? { passReason: plan.pass } : {}),
        ...(to === 'term_sheet' && plan.amountWan ? { amount: plan.amountWan * 1_000_000 } : {}),
      });
    }
    opened++;
  }
  return opened;
}

main().catch((err) => {
  console.error('demo seed failed:', err);
  process.exit(1);
});
