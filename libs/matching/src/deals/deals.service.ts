import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, CLOCK, decodeCursor, Page, platformError, RowCache, toPage, Tx, UnitOfWork } from '@app/platform';
import { can, isInvestorOrganization, Principal } from '@app/identity';
import { MandatesService, type MandateEntity } from '@app/funds';
import { ProjectDirectory, startupsError } from '@app/startups';
import { canTransition, nextStages, type DealStage, type PassReason } from './deal-stages';
import { DealEntity } from './deal.entity';
import { DealTransitionEntity } from './deal-transition.entity';
import { dealsError } from './deals.errors';
import type { OpenDealDto, PassReasonDto, TransitionDealDto } from './deals.dto';
import { explainMatch, EngineInputError } from '../engine';
import { toEngineMandate } from '../snapshot/engine-mandate';
import { SnapshotService } from '../snapshot/snapshot.service';
import { PortfolioService } from '../portfolio/portfolio.service';

/** Stages from which the agreed amount (ticket or credit line) may be recorded. */
export const AMOUNT_STAGES: readonly DealStage[] = ['term_sheet', 'signed', 'disbursed'];

export interface DealScore {
  /** 0–100 as produced by the matching engine. */
  score: number;
  scoreVersion: string;
}

export interface DealListQuery {
  cursor?: string;
  limit: number;
  stage?: DealStage;
  mandateId?: string;
  projectId?: string;
}

export interface DealWithHistory {
  deal: DealEntity;
  transitions: DealTransitionEntity[];
}

/** Names for list rows (the project's title and the company's legal name). */
export interface DealSubject {
  projectTitle: string | null;
  startupName: string | null;
}

/**
 * The investment pipeline of fund and bank organizations. Every stage change goes through
 * `transition`, which locks the deal row (SELECT … FOR UPDATE) so concurrent moves serialize and
 * none is lost; each change appends a `deal_transitions` row with its actor and time and announces
 * `matching.deal_changed` in the same transaction.
 */
@Injectable()
export class DealsService {
  /**
   * Each investor organization's pipeline stages by project (joined into every deal-flow page). Deals
   * change only through `open` and `transition` here, which drop their organization's entry once
   * they committed (or failed); another API process's moves reach this one within the TTL.
   */
  private readonly stages = new RowCache<string, Map<string, DealStage>>({ max: 2_000, ttlMs: 5_000 });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly mandates: MandatesService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly snapshots: SnapshotService,
    private readonly projects: ProjectDirectory,
    private readonly portfolio: PortfolioService,
  ) {}

  /** The project's score under the mandate, from this process's snapshot (null if not eligible or not there). */
  private scoreUnder(mandate: MandateEntity, projectId: string): DealScore | null {
    const features = this.snapshots.snapshot.get(projectId);
    if (!features) return null;
    try {
      const r = explainMatch(features, toEngineMandate(mandate, mandate.terms), this.snapshots.snapshot.cohort);
      return r.score === null ? null : { score: r.score, scoreVersion: r.scoreVersion };
    } catch (error) {
      if (error instanceof EngineInputError) return null;
      throw error;
    }
  }

  /**
   * Opens a deal at `new` on a published project of another organization. One deal per investor
   * organization and project: a second (even a concurrent one) is 409 DEAL_EXISTS naming the first.
   * `score` is recorded as the score at opening (the deal-flow engine passes it; null otherwise).
   */
  async open(principal: Principal, input: OpenDealDto, score?: DealScore): Promise<DealWithHistory> {
    this.assertCan(principal, 'deal:write');
    return this.changing(principal.organizationId, async (tx) => {
      // Another organization's draft looks exactly like a missing project (ProjectVisibility).
      const project = await this.projects.readable(principal, input.projectId, tx.em);
      if (!project) throw startupsError('PROJECT_NOT_FOUND', { field: 'projectId' });
      const own = project.organizationId === principal.organizationId;
      if (own) throw dealsError('PROJECT_NOT_DEALABLE', { field: 'projectId', reason: 'own_project' });
      if (project.status !== 'published') {
        throw dealsError('PROJECT_NOT_DEALABLE', {
          field: 'projectId',
          reason: 'not_published',
          status: project.status,
        });
      }
      const mandate = input.mandateId ? await this.mandates.own(principal, input.mandateId, tx.em) : null;
      score ??= mandate ? (this.scoreUnder(mandate, project.id) ?? undefined) : undefined;
      const now = this.clock.now();
      // ON CONFLICT DO NOTHING waits for a concurrent insert of the same pair and then yields nothing,
      // so duplicates end as a clean 409 instead of an aborted transaction.
      const inserted = await tx.em
        .createQueryBuilder()
        .insert()
        .into(DealEntity)
        .values({
          investorOrganizationId: principal.organizationId,
          projectId: project.id,
          startupId: project.startupId,
          startupOrganizationId: project.organizationId,
          mandateId: mandate?.id ?? null,
          mandateTermsVersion: mandate?.termsVersion ?? null,
          stage: 'new',
          passReason: null,
          scoreAtOpen: score?.score ?? null,
          scoreVersion: score?.scoreVersion ?? null,
          amount: null,
          createdBy: principal.userId,
          stageChangedAt: now,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const id = (inserted.raw as { id: string }[])[0]?.id;
      if (!id) {
        const existing = await tx.em.findOneBy(DealEntity, {
          investorOrganizationId: principal.organizationId,
          projectId: project.id,
        });
        throw dealsError('DEAL_EXISTS', { field: 'projectId', dealId: existing?.id ?? null });
      }
      await tx.em.insert(DealTransitionEntity, {
        dealId: id,
        fromStage: null,
        toStage: 'new',
        actorUserId: principal.userId,
        at: now,
        passReason: null,
        note: input.note?.trim() || null,
      });
      const deal = await tx.em.findOneByOrFail(DealEntity, { id });
      this.publish(tx, deal);
      return this.withHistory(tx.em, deal);
    });
  }

  /**
   * Moves a deal one step along the state machine (or to `passed`, or back from `passed` to
   * `shortlisted`). The row is locked for the whole transaction, so two concurrent moves run one
   * after the other: the second sees the first's result and is validated against it.
   */
  async transition(principal: Principal, id: string, input: TransitionDealDto): Promise<DealWithHistory> {
    return this.changing(principal.organizationId, async (tx) => {
      const deal = await tx.em
        .getRepository(DealEntity)
        .createQueryBuilder('d')
        .setLock('pessimistic_write')
        .where('d.id = :id AND d.investor_organization_id = :org', { id, org: principal.organizationId })
        .getOne();
      if (!deal) throw dealsError('DEAL_NOT_FOUND');
      this.assertCan(principal, 'deal:write');
      const from = deal.stage;
      const to = input.to;
      if (input.expectedStage && input.expectedStage !== from) {
        throw dealsError('DEAL_VERSION_CONFLICT', {
          field: 'expectedStage',
          expectedStage: input.expectedStage,
          currentStage: from,
        });
      }
      if (!canTransition(from, to)) {
        throw dealsError('DEAL_TRANSITION_INVALID', { field: 'to', from, to, allowed: nextStages(from) });
      }
      const passReason = this.passReason(to, input.passReason);
      if (input.amount !== undefined && !AMOUNT_STAGES.includes(to)) {
        throw dealsError('DEAL_FIELD_NOT_ALLOWED', {
          field: 'amount',
          reason: 'from term_sheet on',
          allowedStages: AMOUNT_STAGES,
        });
      }
      // Strictly increasing per deal (the row lock serializes writers), so history order is its time order.
      const now = this.clock.now();
      const at = now.getTime() > deal.stageChangedAt.getTime() ? now : new Date(deal.stageChangedAt.getTime() + 1);
      await tx.em.insert(DealTransitionEntity, {
        dealId: deal.id,
        fromStage: from,
        toStage: to,
        actorUserId: principal.userId,
        at,
        passReason,
        note: input.note?.trim() || null,
      });
      deal.stage = to;
      deal.stageChangedAt = at;
      // Revisiting a passed deal clears its reason; the history keeps it.
      deal.passReason = passReason;
      if (input.amount !== undefined) deal.amount = input.amount;
      const saved = await tx.em.save(deal);
      this.publish(tx, saved);
      return this.withHistory(tx.em, saved);
    });
  }

  async get(principal: Principal, id: string): Promise<DealWithHistory> {
    const deal = await this.dataSource
      .getRepository(DealEntity)
      .findOneBy({ id, investorOrganizationId: principal.organizationId });
    if (!deal) throw dealsError('DEAL_NOT_FOUND');
    this.assertCan(principal, 'deal:read');
    return this.withHistory(this.dataSource.manager, deal);
  }

  /**
   * The organization's pipeline, newest deal first. Pages on `(created_at, id)`, which never change:
   * `stage_changed_at` moves with every transition, so paging on it skipped or repeated a deal moved
   * between two page reads.
   */
  async list(principal: Principal, query: DealListQuery): Promise<Page<DealEntity & DealSubject>> {
    this.assertCan(principal, 'deal:read');
    const qb = this.dataSource
      .getRepository(DealEntity)
      .createQueryBuilder('d')
      .where('d.investor_organization_id = :org', { org: principal.organizationId });
    if (query.stage) qb.andWhere('d.stage = :stage', { stage: query.stage });
    if (query.mandateId) qb.andWhere('d.mandate_id = :mandateId', { mandateId: query.mandateId });
    if (query.projectId) qb.andWhere('d.project_id = :projectId', { projectId: query.projectId });
    if (query.cursor) {
      const [at, cid] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
      qb.andWhere('(d.created_at, d.id) < (:at, :cid)', { at, cid });
    }
    const rows = await qb
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .take(query.limit + 1)
      .getMany();
    const page = toPage(rows, query.limit, (d) => [d.createdAt.toISOString(), d.id]);
    const subjects = await this.subjects(this.dataSource.manager, page.items);
    return {
      items: page.items.map((d) => Object.assign(d, subjects.get(d.id) ?? { projectTitle: null, startupName: null })),
      nextCursor: page.nextCursor,
    };
  }

  /** The investor organization's deal stage per project, for lists that show it (deal flow). */
  async stagesOf(investorOrganizationId: string, projectIds: readonly string[]): Promise<Map<string, DealStage>> {
    if (projectIds.length === 0) return new Map();
    const all = await this.stages.get(investorOrganizationId, async () => {
      const rows: { project_id: string; stage: DealStage }[] = await this.dataSource.query(
        'SELECT project_id, stage FROM deals WHERE investor_organization_id = $1',
        [investorOrganizationId],
      );
      return new Map(rows.map((d) => [d.project_id, d.stage]));
    });
    const out = new Map<string, DealStage>();
    for (const id of projectIds) {
      const stage = all.get(id);
      if (stage !== undefined) out.set(id, stage);
    }
    return out;
  }

  /** A command that changes the organization's deals: its cached stages are dropped once it committed. */
  private async changing<T>(investorOrganizationId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.uow.run(work);
    } finally {
      this.stages.invalidate(investorOrganizationId);
      // Deals are part of the history portfolio fit ranks with.
      this.portfolio.historyChanged(investorOrganizationId);
    }
  }

  private async subjects(em: EntityManager, deals: DealEntity[]): Promise<Map<string, DealSubject>> {
    if (deals.length === 0) return new Map();
    const labels = await this.projects.labels(
      deals.map((d) => d.projectId),
      em,
    );
    return new Map(
      deals.map((d) => {
        const label = labels.get(d.projectId);
        return [d.id, { projectTitle: label?.title ?? null, startupName: label?.startupName ?? null }];
      }),
    );
  }

  private async withHistory(em: EntityManager, deal: DealEntity): Promise<DealWithHistory> {
    const transitions = await em
      .getRepository(DealTransitionEntity)
      .find({ where: { dealId: deal.id }, order: { at: 'ASC', id: 'ASC' } });
    return { deal, transitions };
  }

  private passReason(to: DealStage, input: PassReasonDto | undefined): PassReason | null {
    if (to !== 'passed') {
      if (input) throw dealsError('DEAL_FIELD_NOT_ALLOWED', { field: 'passReason', reason: 'only when passing' });
      return null;
    }
    if (!input) throw dealsError('PASS_REASON_REQUIRED', { field: 'passReason' });
    const text = input.text?.trim() || null;
    if (input.code === 'other' && !text) throw dealsError('PASS_REASON_TEXT_REQUIRED', { field: 'passReason.text' });
    return { code: input.code, text };
  }

  private assertCan(principal: Principal, action: 'deal:read' | 'deal:write'): void {
    if (!isInvestorOrganization(principal.organizationKind)) throw dealsError('DEAL_ORG_KIND_INVALID');
    if (!can(principal, action, principal.organizationId)) throw platformError('FORBIDDEN', { action });
  }

  private publish(tx: Tx, deal: DealEntity): void {
    tx.publish({
      type: 'matching.deal_changed',
      dealId: deal.id,
      projectId: deal.projectId,
      investorOrganizationId: deal.investorOrganizationId,
      stage: deal.stage,
    });
  }
}
