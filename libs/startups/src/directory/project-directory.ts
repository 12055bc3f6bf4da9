import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Principal } from '@app/identity';
import { isEmptySelection, selectionSql, type RowSelection } from '@app/platform';
import type { ProjectStatus } from '@app/reference';
import { FiscalYearEntity } from '../entities/fiscal-year.entity';
import { IpItemEntity } from '../entities/ip-item.entity';
import { ProjectEntity } from '../entities/project.entity';
import { QualificationHeldEntity } from '../entities/qualification-held.entity';
import { StartupEntity } from '../entities/startup.entity';
import { ProjectVisibility } from './project-visibility';

/** Everything a project's matching features are computed from. */
export interface ProjectFeatureRows {
  project: ProjectEntity;
  startup: StartupEntity;
  fiscalYears: FiscalYearEntity[];
  ipItems: IpItemEntity[];
  qualifications: QualificationHeldEntity[];
}

export type FeatureSelection =
  | { kind: 'page'; afterProjectId: string | null; limit: number }
  | { kind: 'projects'; projectIds: readonly string[] }
  | { kind: 'startups'; startupIds: readonly string[] };

/** Rows selected by id, page or watermark — or every project of these companies. */
export type ProjectSelection = RowSelection | { by: 'startups'; startupIds: readonly string[] };

/** A project's public columns and its company's name, tracks and region (a project has none of its own). */
export interface ProjectSearchRow {
  id: string;
  startupId: string;
  organizationId: string;
  title: string;
  pitch: Record<string, string> | null;
  keywords: string[];
  stage: string | null;
  instruments: string[];
  amountSought: number | null;
  status: ProjectStatus;
  publishedAt: Date | null;
  updatedAt: Date;
  startupName: string;
  tracks: string[];
  regionCode: string | null;
}

/** A company's public profile with the certificates valid today (published by the issuing authorities). */
export interface StartupSearchRow {
  id: string;
  organizationId: string;
  name: string;
  oneLiner: string | null;
  tracks: string[];
  regionCode: string | null;
  foundedYear: number | null;
  qualifications: string[];
  updatedAt: Date;
}

export interface ProjectLabel {
  title: string;
  organizationId: string;
  startupId: string;
  startupName: string;
  stage: string | null;
  amountSought: number | null;
  /** The company's tracks. */
  tracks: string[];
}

export type ProjectSummary = Pick<ProjectEntity, 'id' | 'startupId' | 'organizationId' | 'status' | 'title'>;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * Startups' read port for other libs: what matching, search and deals may read of projects and
 * companies, batched by ids or keyset-paged, one query where one will do. Figures, IP detail, decks
 * and reports have no field here unless a consumer needs them for its computation (features).
 */
@Injectable()
export class ProjectDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Published projects (or any status) with every row their features need, in four queries per batch. */
  async featureRows(selection: FeatureSelection, options: { includeDrafts?: boolean; em?: EntityManager } = {}): Promise<ProjectFeatureRows[]> {
    const em = options.em ?? this.dataSource.manager;
    const qb = em.getRepository(ProjectEntity).createQueryBuilder('p');
    if (!options.includeDrafts) qb.where("p.status = 'published'");
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

  /**
   * Per published project, a stamp that changes whenever a row its features are read from changes
   * (the project, its company — whose `updated_at` every fact edit bumps — and the company's fiscal
   * years). Read it before `featureRows`: features stored with the stamp read first can only look
   * older than they are, never fresher.
   */
  async featureStamps(
    selection: { kind: 'all' } | { kind: 'projects'; projectIds: readonly string[] } | { kind: 'startups'; startupIds: readonly string[] },
  ): Promise<Map<string, string>> {
    const where =
      selection.kind === 'all' ? '' : selection.kind === 'projects' ? 'AND p.id = ANY($1::uuid[])' : 'AND p.startup_id = ANY($1::uuid[])';
    const params = selection.kind === 'all' ? [] : [selection.kind === 'projects' ? [...selection.projectIds] : [...selection.startupIds]];
    if (params.length > 0 && (params[0] as string[]).length === 0) return new Map();
    const rows: { id: string; stamp: string }[] = await this.dataSource.query(
      `SELECT p.id, concat_ws(':', p.version, (extract(epoch FROM p.updated_at) * 1000000)::bigint,
                s.version, (extract(epoch FROM s.updated_at) * 1000000)::bigint,
                coalesce((extract(epoch FROM f.at) * 1000000)::bigint, 0), f.n) AS stamp
         FROM projects p
         JOIN startups s ON s.id = p.startup_id
         LEFT JOIN LATERAL (SELECT max(updated_at) AS at, count(*) AS n FROM startup_fiscal_years WHERE startup_id = p.startup_id) f ON true
        WHERE p.status = 'published' ${where}`,
      params,
    );
    return new Map(rows.map((r) => [r.id, r.stamp]));
  }

  /** Projects in any status with their company's public columns (the search index's source). */
  async searchRows(sel: ProjectSelection): Promise<ProjectSearchRow[]> {
    if (isEmptySelection(sel) || (sel.by === 'startups' && sel.startupIds.length === 0)) return [];
    const w =
      sel.by === 'startups'
        ? { where: 'p.startup_id = ANY($1::uuid[])', params: [[...sel.startupIds]], order: 'p.id', limit: '' }
        : selectionSql('p', sel);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT p.id, p.startup_id, p.organization_id, p.title, p.pitch, p.keywords, p.stage, p.instruments,
              p.amount_sought, p.status, p.published_at, p.updated_at,
              s.legal_name AS startup_name, s.tracks, s.region_code
         FROM projects p JOIN startups s ON s.id = p.startup_id
        WHERE ${w.where} ORDER BY ${w.order} ${w.limit}`,
      w.params,
    );
    return rows.map((r) => ({
      id: r.id as string,
      startupId: r.startup_id as string,
      organizationId: r.organization_id as string,
      title: r.title as string,
      pitch: (r.pitch as Record<string, string> | null) ?? null,
      keywords: strings(r.keywords),
      stage: (r.stage as string | null) ?? null,
      instruments: strings(r.instruments),
      amountSought: num(r.amount_sought),
      status: r.status as ProjectStatus,
      publishedAt: (r.published_at as Date | null) ?? null,
      updatedAt: r.updated_at as Date,
      startupName: r.startup_name as string,
      tracks: strings(r.tracks),
      regionCode: (r.region_code as string | null)?.trim() || null,
    }));
  }

  /** Company profiles (public: StartupAccess) with the certificates valid today. */
  async startupSearchRows(sel: RowSelection): Promise<StartupSearchRow[]> {
    if (isEmptySelection(sel)) return [];
    const w = selectionSql('s', sel);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT s.id, s.organization_id, s.legal_name, s.one_liner, s.tracks, s.region_code, s.updated_at,
              EXTRACT(YEAR FROM s.founded_on)::int AS founded_year,
              ARRAY(SELECT DISTINCT q.kind FROM startup_qualifications q
                     WHERE q.startup_id = s.id AND (q.valid_until IS NULL OR q.valid_until >= CURRENT_DATE)
                     ORDER BY q.kind) AS qualifications
         FROM startups s
        WHERE ${w.where} ORDER BY ${w.order} ${w.limit}`,
      w.params,
    );
    return rows.map((r) => ({
      id: r.id as string,
      organizationId: r.organization_id as string,
      name: r.legal_name as string,
      oneLiner: (r.one_liner as string | null) ?? null,
      tracks: strings(r.tracks),
      regionCode: (r.region_code as string | null)?.trim() || null,
      foundedYear: (r.founded_year as number | null) ?? null,
      qualifications: strings(r.qualifications),
      updatedAt: r.updated_at as Date,
    }));
  }

  /** The ids among these that name a company (profiles are public). */
  async existingStartupIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM startups WHERE id = ANY($1::uuid[])', [[...ids]]);
    return new Set(rows.map((r) => r.id));
  }

  /** Titles, company names and the facts lists show (deal flow, pipeline, stated vs actual), one query. */
  async labels(projectIds: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, ProjectLabel>> {
    if (projectIds.length === 0) return new Map();
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT p.id, p.title, p.organization_id, p.startup_id, p.stage, p.amount_sought, s.legal_name, s.tracks
         FROM projects p JOIN startups s ON s.id = p.startup_id
        WHERE p.id = ANY($1::uuid[])`,
      [[...new Set(projectIds)]],
    );
    return new Map(
      rows.map((r) => [
        r.id as string,
        {
          title: r.title as string,
          organizationId: r.organization_id as string,
          startupId: r.startup_id as string,
          startupName: r.legal_name as string,
          stage: (r.stage as string | null) ?? null,
          amountSought: num(r.amount_sought),
          tracks: strings(r.tracks),
        },
      ]),
    );
  }

  /** The ids among these that the principal may discover (ProjectVisibility.discoverable). */
  async discoverableIds(principal: Principal, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT p.id FROM projects p WHERE p.id = ANY($1::uuid[]) AND ${ProjectVisibility.discoverableSql(principal, 'p', 2)}`,
      principal.isPlatformAdmin ? [[...ids]] : [[...ids], principal.organizationId],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** One project, if the principal may read it (ProjectVisibility.readable); null looks like "not found". */
  async readable(principal: Principal, id: string, em: EntityManager = this.dataSource.manager): Promise<ProjectSummary | null> {
    const project = await em.getRepository(ProjectEntity).findOne({
      where: { id },
      select: { id: true, startupId: true, organizationId: true, status: true, title: true },
    });
    return project && ProjectVisibility.readable(principal, project) ? project : null;
  }
}
