import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { platformError, RowCache } from '@app/platform';
import { can, isInvestorOrganization, Principal } from '@app/identity';
import { MandatesService, type MandateEntity } from '@app/funds';
import { bufferSource, detectFormat, ProjectDirectory, readSheet, startupsError } from '@app/startups';
import type { Stage } from '@app/reference';
import type { HistoryEntry } from '../engine';
import { DealEntity } from '../deals/deal.entity';
import type { DealStage, PassReason } from '../deals/deal-stages';
import { dealsError } from '../deals/deals.errors';
import { SnapshotService } from '../snapshot/snapshot.service';
import { dealEntry, feedbackEntry, portfolioEntry, type FeedbackKind, type HistoryFacts } from './history';
import { portfolioError } from './portfolio.errors';
import { DealFlowFeedbackEntity, PortfolioInvestmentEntity } from './portfolio.entities';
import {
  duplicateKey,
  mapHeaders,
  parsePortfolioRow,
  PORTFOLIO_MAX_ROWS,
  type PortfolioCellError,
  type PortfolioRow,
} from './portfolio-import';
import { suggestedMandate, type SuggestedMandate } from './suggested-mandate';

export const PORTFOLIO_MAX_BYTES = 10 * 1024 * 1024;

export interface PortfolioImportReport {
  format: 'xlsx' | 'csv';
  totalRows: number;
  validRows: number;
  errors: PortfolioCellError[];
}

/** A mandate's history as portfolio fit reads it, and what it was read from. */
export interface MandateHistory {
  entries: HistoryEntry[];
  /** Changes whenever any source row changes (counts and latest timestamps of the three sources). */
  fingerprint: string;
}

const HISTORY_CACHE = { max: 500, ttl: 10 * 60_000 };

/**
 * The investor's own history for portfolio fit: its imported portfolio (its organization only), its
 * deals (under the mandate, or under none) and the "more like this" / "not for us" marks on the
 * mandate's deal flow. Also the suggested mandate ("what you actually do") made from it.
 */
@Injectable()
export class PortfolioService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mandates: MandatesService,
    private readonly snapshots: SnapshotService,
    private readonly projects: ProjectDirectory,
  ) {}

  private readonly histories = new LRUCache<string, MandateHistory & { snapshotVersion: number }>(HISTORY_CACHE);
  /**
   * The fingerprint of each organization's mandate history (`org:mandate`), read once per TTL instead
   * of once per deal-flow page. Its sources change only through this service and DealsService, which
   * call `historyChanged` once they committed; another API process's changes arrive within the TTL
   * (the rule the deal stages beside it already follow).
   */
  private readonly fingerprints = new RowCache<string, string>({ max: 2_000, ttlMs: 5_000 });

  /** The organization's history changed (portfolio, deals or deal-flow marks): its next read is fresh. */
  historyChanged(organizationId: string): void {
    this.fingerprints.invalidateWhere((key) => key.startsWith(`${organizationId}:`));
  }

  async list(principal: Principal): Promise<PortfolioInvestmentEntity[]> {
    this.assertCan(principal, 'deal:read');
    return this.dataSource.getRepository(PortfolioInvestmentEntity).find({
      where: { organizationId: principal.organizationId },
      order: { sourceRow: 'ASC', id: 'ASC' },
    });
  }

  /** Every cell error of the file, and its rows when it has none. Writes nothing. */
  async dryRun(principal: Principal, body: Buffer): Promise<{ report: PortfolioImportReport; rows: PortfolioRow[] }> {
    this.assertCan(principal, 'deal:write');
    const format = detectFormat(body);
    if (format === null) throw portfolioError('PORTFOLIO_FILE_INVALID', { field: 'file', reason: 'not xlsx or csv' });
    const errors: PortfolioCellError[] = [];
    const rows: PortfolioRow[] = [];
    const seen = new Set<string>();
    let columns: ReturnType<typeof mapHeaders>['columns'] | null = null;
    let total = 0;
    try {
      for await (const item of readSheet(bufferSource(body), format)) {
        if ('headers' in item) {
          const mapped = mapHeaders(item.headers);
          columns = mapped.columns;
          errors.push(...mapped.errors);
          if (mapped.errors.length > 0) break;
          continue;
        }
        total++;
        if (total > PORTFOLIO_MAX_ROWS) {
          errors.push({ row: item.rowNumber, column: '', value: String(PORTFOLIO_MAX_ROWS), code: 'TOO_MANY_ROWS' });
          break;
        }
        const parsed = parsePortfolioRow(item.rowNumber, item.cells, columns!);
        errors.push(...parsed.errors);
        if (!parsed.row) continue;
        const key = duplicateKey(parsed.row);
        if (seen.has(key)) {
          errors.push({
            row: item.rowNumber,
            column: '公司名称',
            value: parsed.row.companyName,
            code: 'DUPLICATE_ROW',
          });
          continue;
        }
        seen.add(key);
        rows.push(parsed.row);
      }
    } catch (error) {
      if (error instanceof Error && error.name === 'DomainError') throw error;
      throw portfolioError('PORTFOLIO_FILE_INVALID', { field: 'file', reason: 'unreadable' });
    }
    if (columns === null) throw portfolioError('PORTFOLIO_FILE_INVALID', { field: 'file', reason: 'no header row' });
    return { report: { format, totalRows: total, validRows: rows.length, errors }, rows };
  }

  /**
   * Replaces the organization's imported portfolio with the file's rows, in one transaction; a file
   * with any error imports nothing (`422 PORTFOLIO_IMPORT_HAS_ERRORS` with the report).
   */
  async import(principal: Principal, body: Buffer): Promise<{ report: PortfolioImportReport; imported: number }> {
    const { report, rows } = await this.dryRun(principal, body);
    if (report.errors.length > 0) throw portfolioError('PORTFOLIO_IMPORT_HAS_ERRORS', { report });
    await this.dataSource.transaction(async (em) => {
      await em.delete(PortfolioInvestmentEntity, { organizationId: principal.organizationId });
      for (let i = 0; i < rows.length; i += 1_000) {
        await em.insert(
          PortfolioInvestmentEntity,
          rows.slice(i, i + 1_000).map((r) => ({
            organizationId: principal.organizationId,
            companyName: r.companyName,
            investedOn: r.investedOn,
            round: r.round,
            amount: r.amount,
            tracks: r.tracks,
            regionCode: r.regionCode,
            keywords: r.keywords,
            sourceRow: r.sourceRow,
            importedBy: principal.userId,
          })),
        );
      }
    });
    this.historyChanged(principal.organizationId);
    return { report, imported: rows.length };
  }

  /** Sets the mark on one item of the mandate's deal flow (a later mark replaces the earlier one). */
  async setFeedback(
    principal: Principal,
    mandateId: string,
    projectId: string,
    kind: FeedbackKind,
  ): Promise<DealFlowFeedbackEntity> {
    this.assertCan(principal, 'deal:write');
    const mandate = await this.mandates.own(principal, mandateId);
    if (!this.snapshots.snapshot.has(projectId)) throw startupsError('PROJECT_NOT_FOUND');
    await this.dataSource.query(
      `INSERT INTO deal_flow_feedback (organization_id, mandate_id, project_id, kind, created_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (mandate_id, project_id)
       DO UPDATE SET kind = EXCLUDED.kind, created_by = EXCLUDED.created_by, updated_at = now()`,
      [principal.organizationId, mandate.id, projectId, kind, principal.userId],
    );
    this.historyChanged(principal.organizationId);
    return this.dataSource.getRepository(DealFlowFeedbackEntity).findOneByOrFail({ mandateId: mandate.id, projectId });
  }

  async clearFeedback(principal: Principal, mandateId: string, projectId: string): Promise<void> {
    this.assertCan(principal, 'deal:write');
    const mandate = await this.mandates.own(principal, mandateId);
    const result = await this.dataSource
      .getRepository(DealFlowFeedbackEntity)
      .delete({ mandateId: mandate.id, projectId, organizationId: principal.organizationId });
    this.historyChanged(principal.organizationId);
    if (!result.affected) throw portfolioError('DEAL_FLOW_FEEDBACK_NOT_FOUND');
  }

  /**
   * The history portfolio fit ranks the mandate with. A fingerprint tells whether a cached copy is
   * current (counts and latest timestamps of the three sources — one small query, itself cached until
   * a write of this process or the TTL — and the snapshot version the facts were read from); otherwise
   * it is read again.
   */
  async history(organizationId: string, mandateId: string): Promise<MandateHistory> {
    const fingerprint = await this.fingerprints.get(`${organizationId}:${mandateId}`, () =>
      this.fingerprintOf(organizationId, mandateId),
    );
    const snapshotVersion = this.snapshots.version;
    const cacheKey = `${organizationId}:${mandateId}`;
    const cached = this.histories.get(cacheKey);
    if (cached && cached.fingerprint === fingerprint && cached.snapshotVersion === snapshotVersion) return cached;
    const entries = await this.readHistory(organizationId, mandateId);
    const fresh = { entries, fingerprint, snapshotVersion };
    this.histories.set(cacheKey, fresh);
    return fresh;
  }

  private async fingerprintOf(organizationId: string, mandateId: string): Promise<string> {
    const [row] = (await this.dataSource.query(
      `SELECT
         (SELECT count(*) || ':' || coalesce(max(created_at)::text, '') FROM portfolio_investments WHERE organization_id = $1) AS p,
         (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM deals
           WHERE investor_organization_id = $1 AND (mandate_id = $2 OR mandate_id IS NULL)) AS d,
         (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM deal_flow_feedback WHERE mandate_id = $2) AS f`,
      [organizationId, mandateId],
    )) as { p: string; d: string; f: string }[];
    return `${row.p}|${row.d}|${row.f}`;
  }

  /** "What you actually do" for one of the principal's mandates. */
  async suggested(
    principal: Principal,
    mandateId: string,
  ): Promise<{ mandate: MandateEntity; suggested: SuggestedMandate }> {
    const mandate = await this.mandates.own(principal, mandateId);
    return { mandate, suggested: await this.suggestedFor(mandate) };
  }

  async suggestedFor(mandate: MandateEntity): Promise<SuggestedMandate> {
    const { entries } = await this.history(mandate.organizationId, mandate.id);
    const t = mandate.terms;
    return suggestedMandate(entries, {
      stages: t.stages,
      tracks: t.tracks,
      regions: [...t.regions, ...(t.preferredRegions ?? [])],
      ticketMin: t.ticketMin,
      ticketMax: t.ticketMax,
    });
  }

  private async readHistory(organizationId: string, mandateId: string): Promise<HistoryEntry[]> {
    const [imported, deals, marks] = await Promise.all([
      this.dataSource.getRepository(PortfolioInvestmentEntity).find({
        where: { organizationId },
        order: { sourceRow: 'ASC', id: 'ASC' },
      }),
      this.dataSource
        .getRepository(DealEntity)
        .createQueryBuilder('d')
        .where('d.investor_organization_id = :org AND (d.mandate_id = :mandateId OR d.mandate_id IS NULL)', {
          org: organizationId,
          mandateId,
        })
        .orderBy('d.created_at', 'ASC')
        .addOrderBy('d.id', 'ASC')
        .getMany(),
      this.dataSource.getRepository(DealFlowFeedbackEntity).find({
        where: { mandateId, organizationId },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
    ]);
    const facts = await this.projectFacts([...deals.map((d) => d.projectId), ...marks.map((m) => m.projectId)]);
    const entries: HistoryEntry[] = imported.map((r) =>
      portfolioEntry({
        label: r.companyName,
        stage: r.round,
        tracks: r.tracks,
        amount: r.amount,
        regionCode: r.regionCode,
        keywords: r.keywords,
        qualifications: null,
      }),
    );
    for (const d of deals) {
      const f = facts.get(d.projectId);
      if (!f) continue;
      const entry = dealEntry(
        { ...f, amount: d.amount ?? f.amount },
        d.stage as DealStage,
        (d.passReason as PassReason | null)?.code ?? null,
      );
      if (entry) entries.push(entry);
    }
    for (const m of marks) {
      const f = facts.get(m.projectId);
      if (f) entries.push(feedbackEntry(f, m.kind));
    }
    return entries;
  }

  /** Facts of the projects: from the snapshot when published, else from the project directory (no region). */
  private async projectFacts(projectIds: string[]): Promise<Map<string, HistoryFacts>> {
    const out = new Map<string, HistoryFacts>();
    const missing: string[] = [];
    const snapshot = this.snapshots.snapshot;
    for (const id of new Set(projectIds)) {
      const f = snapshot.get(id);
      if (!f) {
        missing.push(id);
        continue;
      }
      out.set(id, {
        label: this.snapshots.label(id)?.startupName ?? id,
        stage: f.stage,
        tracks: f.tracks,
        amount: f.amountSought,
        regionCode: f.regionCode,
        keywords: f.keywords,
        qualifications: f.qualifications,
      });
    }
    if (missing.length > 0) {
      const labels = await this.projects.labels(missing);
      for (const [id, l] of labels)
        out.set(id, {
          label: l.startupName,
          stage: l.stage as Stage | null,
          tracks: l.tracks,
          amount: l.amountSought,
          regionCode: null,
          keywords: [],
          qualifications: null,
        });
    }
    return out;
  }

  private assertCan(principal: Principal, action: 'deal:read' | 'deal:write'): void {
    if (!isInvestorOrganization(principal.organizationKind)) throw dealsError('DEAL_ORG_KIND_INVALID');
    if (!can(principal, action, principal.organizationId)) throw platformError('FORBIDDEN', { action });
  }
}
