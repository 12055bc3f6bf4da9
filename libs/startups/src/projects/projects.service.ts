import { ProjectVisibility } from '../directory/project-visibility';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, CLOCK, decodeCursor, Page, toPage, Tx, UnitOfWork } from '@app/platform';
import { can, Principal } from '@app/identity';
import { platformError } from '@app/platform';
import { ProjectEntity } from '../entities/project.entity';
import type { ProjectStatus } from '@app/reference';
import { StartupAccess } from '../startups/startup-access';
import { Storage, STORAGE } from '../storage/storage';
import { startupsError } from '../startups.errors';
import type { ProjectInputDto, UpdateProjectDto } from './projects.dto';

export interface ProjectListQuery {
  cursor?: string;
  limit: number;
  mine: boolean;
  status?: ProjectStatus;
  stage?: string;
  startupId?: string;
}

/** What a published project needs so investors can judge it. */
export function publishProblems(p: ProjectEntity): { field: string; rule: string }[] {
  const problems: { field: string; rule: string }[] = [];
  if (p.kind === 'financing_round' && !p.amountSought) problems.push({ field: 'amountSought', rule: 'required for a financing round' });
  if (p.kind === 'financing_round' && p.instruments.length === 0) problems.push({ field: 'instruments', rule: 'at least one' });
  if (!p.pitch.problem?.trim()) problems.push({ field: 'pitch.problem', rule: 'required' });
  if (!p.pitch.product?.trim()) problems.push({ field: 'pitch.product', rule: 'required' });
  return problems;
}

@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: StartupAccess,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(STORAGE) private readonly storage: Storage,
  ) {}

  async create(principal: Principal, input: ProjectInputDto): Promise<ProjectEntity> {
    return this.uow.run(async (tx) => {
      const startup = await this.access.writable(tx.em, principal, input.startupId);
      const project = await tx.em.save(
        tx.em.create(ProjectEntity, {
          startupId: startup.id,
          organizationId: startup.organizationId,
          title: input.title.trim(),
          kind: input.kind ?? 'financing_round',
          stage: input.stage,
          amountSought: input.amountSought ?? null,
          instruments: [...new Set(input.instruments ?? [])],
          useOfFunds: input.useOfFunds ?? null,
          pitch: { ...(input.pitch ?? {}) },
          keywords: normalizeKeywords(input.keywords),
          trl: input.trl ?? null,
        }),
      );
      this.changed(tx, project);
      return project;
    });
  }

  async update(principal: Principal, id: string, input: UpdateProjectDto): Promise<ProjectEntity> {
    const { version, startupId, ...patch } = input;
    return this.uow.run(async (tx) => {
      const project = await this.writable(tx, principal, id);
      if (project.version !== version) throw startupsError('VERSION_CONFLICT', { field: 'version', currentVersion: project.version });
      if (project.status === 'archived') throw startupsError('PROJECT_STATE_INVALID', { status: project.status, action: 'update' });
      if (startupId && startupId !== project.startupId) await this.access.writable(tx.em, principal, startupId);
      const changes: Partial<ProjectEntity> = {
        ...patch,
        ...(startupId ? { startupId } : {}),
        ...(patch.title ? { title: patch.title.trim() } : {}),
        ...(patch.instruments ? { instruments: [...new Set(patch.instruments)] } : {}),
        ...(patch.keywords ? { keywords: normalizeKeywords(patch.keywords) } : {}),
        ...(patch.pitch ? { pitch: { ...project.pitch, ...patch.pitch } } : {}),
      };
      await tx.em.update(ProjectEntity, { id }, changes);
      const updated = await tx.em.findOneByOrFail(ProjectEntity, { id });
      if (updated.status === 'published' && publishProblems(updated).length) {
        throw startupsError('PROJECT_INCOMPLETE', { field: publishProblems(updated)[0].field, problems: publishProblems(updated) });
      }
      this.changed(tx, updated);
      return updated;
    });
  }

  /** draft → published → archived; archived → draft to rework. Anything else is 409 with the current status. */
  async transition(principal: Principal, id: string, to: ProjectStatus): Promise<ProjectEntity> {
    if (!can(principal, 'organization:update', principal.organizationId)) throw platformError('FORBIDDEN', { action: `project:${to}` });
    return this.uow.run(async (tx) => {
      const project = await this.writable(tx, principal, id);
      const allowed: Record<ProjectStatus, ProjectStatus[]> = {
        draft: ['published', 'archived'],
        published: ['archived'],
        archived: ['draft'],
      };
      if (!allowed[project.status].includes(to)) {
        throw startupsError('PROJECT_STATE_INVALID', { status: project.status, requested: to });
      }
      if (to === 'published') {
        const problems = publishProblems(project);
        if (problems.length) throw startupsError('PROJECT_INCOMPLETE', { field: problems[0].field, problems });
      }
      const now = this.clock.now();
      await tx.em.update(
        ProjectEntity,
        { id },
        { status: to, ...(to === 'published' ? { publishedAt: now } : {}), ...(to === 'archived' ? { archivedAt: now } : {}) },
      );
      const updated = await tx.em.findOneByOrFail(ProjectEntity, { id });
      this.changed(tx, updated);
      return updated;
    });
  }

  /** Deletes a draft or archived project, then its deck file (after commit; the storage sweep catches a crash in between). */
  async delete(principal: Principal, id: string): Promise<void> {
    const deckKey = await this.uow.run(async (tx) => {
      const project = await this.writable(tx, principal, id);
      if (project.status === 'published') throw startupsError('PROJECT_STATE_INVALID', { status: project.status, action: 'delete' });
      await tx.em.delete(ProjectEntity, { id });
      this.changed(tx, { ...project, status: 'archived' });
      return project.deckStorageKey;
    });
    if (deckKey) await this.storage.delete(deckKey).catch(() => undefined);
  }

  /** Drafts are private to their organization; published and archived projects are public (ProjectVisibility). */
  async get(principal: Principal, id: string): Promise<ProjectEntity> {
    const project = await this.dataSource.getRepository(ProjectEntity).findOneBy({ id });
    if (!project || !ProjectVisibility.readable(principal, project)) {
      throw startupsError('PROJECT_NOT_FOUND');
    }
    return project;
  }

  /**
   * Which of `projects` the caller may see the deck metadata of (file name, size, hash): the deck is
   * confidential, so only the company, organizations it granted access and platform admins.
   */
  async deckVisible(principal: Principal, projects: readonly ProjectEntity[]): Promise<Set<string>> {
    const orgs = await this.access.confidentialReadable(
      principal,
      projects.filter((p) => p.deckStorageKey).map((p) => p.organizationId),
    );
    return new Set(projects.filter((p) => orgs.has(p.organizationId)).map((p) => p.id));
  }

  async list(principal: Principal, query: ProjectListQuery): Promise<Page<ProjectEntity>> {
    const qb = this.dataSource.getRepository(ProjectEntity).createQueryBuilder('p');
    if (query.mine) {
      qb.where('p.organization_id = :org', { org: principal.organizationId });
      if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    } else {
      // Other organizations' drafts and archived projects are never listed: a status filter
      // without mine=true can only ask for published ones, so any other is refused, not ignored.
      if (query.status && query.status !== 'published') {
        throw platformError('VALIDATION_FAILED', {
          field: 'status',
          fields: [
            { field: 'status', rules: ['requiresMine'], messages: ['status other than published needs mine=true'] },
          ],
        });
      }
      qb.where("p.status = 'published'");
    }
    if (query.stage) qb.andWhere('p.stage = :stage', { stage: query.stage });
    if (query.startupId) qb.andWhere('p.startup_id = :sid', { sid: query.startupId });
    if (query.cursor) {
      const [at, cid] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
      qb.andWhere('(p.created_at, p.id) < (:at, :cid)', { at, cid });
    }
    // Pages on (created_at, id), which never change: updated_at moved with every edit, so a project
    // edited between two page reads was skipped or shown twice.
    const rows = await qb.orderBy('p.created_at', 'DESC').addOrderBy('p.id', 'DESC').take(query.limit + 1).getMany();
    return toPage(rows, query.limit, (p) => [p.createdAt.toISOString(), p.id]);
  }

  private async writable(tx: Tx, principal: Principal, id: string): Promise<ProjectEntity> {
    const project = await tx.em
      .getRepository(ProjectEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.id = :id AND p.organization_id = :org', { id, org: principal.organizationId })
      .getOne();
    if (!project) throw startupsError('PROJECT_NOT_FOUND');
    this.access.assertCanOwnStartups(principal);
    return project;
  }

  private changed(tx: Tx, project: Pick<ProjectEntity, 'id' | 'startupId' | 'status'>): void {
    tx.publish({ type: 'startups.project_changed', projectId: project.id, startupId: project.startupId, status: project.status });
  }
}

function normalizeKeywords(keywords: string[] | undefined): string[] {
  return [...new Set((keywords ?? []).map((k) => k.trim()).filter(Boolean))];
}
