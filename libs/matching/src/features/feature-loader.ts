import { EntityManager, In } from 'typeorm';
import { FiscalYearEntity, IpItemEntity, ProjectEntity, QualificationHeldEntity, StartupEntity } from '@app/startups';
import type { FeatureRows } from './project-features';

export type FeatureSelection =
  | { kind: 'page'; afterProjectId: string | null; limit: number }
  | { kind: 'projects'; projectIds: readonly string[] }
  | { kind: 'startups'; startupIds: readonly string[] };

/**
 * Reads published projects with everything their features need, in four queries per batch
 * (projects, then their companies' rows by `startup_id = ANY`). Boot streams pages of `limit`; events
 * read the few projects or companies they name.
 */
export async function loadFeatureRows(
  em: EntityManager,
  selection: FeatureSelection,
  includeDrafts = false,
): Promise<FeatureRows[]> {
  const qb = em.getRepository(ProjectEntity).createQueryBuilder('p');
  if (!includeDrafts) qb.where("p.status = 'published'");
  else qb.where('1 = 1');
  if (selection.kind === 'page') {
    if (selection.afterProjectId) qb.andWhere('p.id > :after', { after: selection.afterProjectId });
    qb.orderBy('p.id', 'ASC').take(selection.limit);
  } else if (selection.kind === 'projects') {
    if (selection.projectIds.length === 0) return [];
    qb.andWhere('p.id = ANY(:ids)', { ids: selection.projectIds });
  } else {
    if (selection.startupIds.length === 0) return [];
    qb.andWhere('p.startup_id = ANY(:ids)', { ids: selection.startupIds });
  }
  const projects = await qb.getMany();
  if (projects.length === 0) return [];
  const startupIds = [...new Set(projects.map((p) => p.startupId))];
  const where = { startupId: In(startupIds) };
  const [startups, fiscalYears, ipItems, qualifications] = await Promise.all([
    em.getRepository(StartupEntity).findBy({ id: In(startupIds) }),
    em.getRepository(FiscalYearEntity).find({ where, order: { year: 'ASC' } }),
    em.getRepository(IpItemEntity).findBy(where),
    em.getRepository(QualificationHeldEntity).findBy(where),
  ]);
  const group = <T extends { startupId: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) (m.get(r.startupId) ?? m.set(r.startupId, []).get(r.startupId)!).push(r);
    return m;
  };
  const byId = new Map(startups.map((s) => [s.id, s]));
  const fy = group(fiscalYears);
  const ip = group(ipItems);
  const q = group(qualifications);
  return projects
    .filter((p) => byId.has(p.startupId))
    .map((project) => ({
      project,
      startup: byId.get(project.startupId)!,
      fiscalYears: fy.get(project.startupId) ?? [],
      ipItems: ip.get(project.startupId) ?? [],
      qualifications: q.get(project.startupId) ?? [],
    }));
}
