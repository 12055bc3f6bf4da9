import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { decodeCursor, encodeCursor, platformError } from '@app/platform';
import { AccessGrantsService, OrganizationDirectory, Principal } from '@app/identity';
import { MandateDirectory, MandatesService, type MandateEntity } from '@app/funds';
import { ProjectDirectory, startupsError } from '@app/startups';
import { SearchService } from '@app/search';
import {
  EngineInputError,
  explainMatch,
  rankMandate,
  redactForInvestor,
  SCORE_VERSION,
  type MatchResult,
  type RankFilters,
  type RankPage,
} from '../engine';
import { DealsService } from '../deals/deals.service';
import type { DealFlowQueryDto, InvestorMatchesQueryDto } from './deal-flow.dto';
import type { DealFlowPageView, InvestorMatchesView, InvestorMatchView, MatchItemView } from './deal-flow.views';
import { toEngineMandate } from '../snapshot/engine-mandate';
import { SnapshotService } from '../snapshot/snapshot.service';

/** Founders see at most this many mandates per project (discoverable ones, best first). */
const MAX_INVESTOR_MATCHES = 200;

/**
 * Explained pages of recent rankings. The key holds the mandate's terms version and the snapshot
 * version, so any change to either misses; entries are never stale, only unused. Pages are stored
 * unredacted and banded per request (grants differ between viewers of one mandate: none do today,
 * since a mandate is read by its own organization only, but the rule stays in one place).
 */
const PAGE_CACHE = { max: 500, ttl: 60_000 };

interface CachedPage {
  page: RankPage;
  /** Banded views of the items, made on first need (~35 µs an item). */
  banded: (MatchResult | undefined)[];
}

@Injectable()
export class DealFlowService {
  constructor(
    private readonly snapshots: SnapshotService,
    private readonly mandates: MandatesService,
    private readonly grants: AccessGrantsService,
    private readonly search: SearchService,
    private readonly projects: ProjectDirectory,
    private readonly mandateDirectory: MandateDirectory,
    private readonly organizations: OrganizationDirectory,
    private readonly deals: DealsService,
  ) {}

  private readonly pages = new LRUCache<string, CachedPage>(PAGE_CACHE);

  /** The mandate's ranked deal flow: one page, explained, banded where the investor has no grant. */
  async dealFlow(principal: Principal, mandateId: string, query: DealFlowQueryDto): Promise<DealFlowPageView> {
    const mandate = await this.mandates.own(principal, mandateId);
    const cursor = query.cursor ? decodeCursor(query.cursor, ['number', 'uuid']) : null;
    const filters: RankFilters = {
      tracks: query.track,
      regions: query.region,
      stages: query.stage,
      instruments: query.instrument,
      qualifications: query.qualification,
      minScore: query.minScore,
    };
    // A text query becomes a candidate set from the search port (published projects this investor
    // may see); the ranking stays the engine's. Such pages are not cached: the set depends on the index.
    const candidates = query.q ? await this.search.projectIdsMatching(principal, query.q) : null;
    if (candidates) filters.projectIds = candidates;
    const snapshot = this.snapshots.snapshot;
    const version = this.snapshots.version;
    const key = candidates
      ? null
      : JSON.stringify([mandate.id, mandate.termsVersion, version, query.limit, cursor, filters]);
    let cached = key ? this.pages.get(key) : undefined;
    if (!cached) {
      let page: RankPage;
      try {
        page = rankMandate(snapshot, toEngineMandate(mandate, mandate.terms), {
          k: query.limit,
          cursor: cursor ? { score: cursor[0] as number, projectId: cursor[1] as string } : null,
          filters,
        });
      } catch (error) {
        if (error instanceof EngineInputError)
          throw platformError('VALIDATION_FAILED', { field: 'filters', reason: error.code });
        throw error;
      }
      // A concurrent write may have moved the snapshot on mid-ranking: cache only what is still current.
      cached = { page, banded: [] };
      if (key && this.snapshots.version === version) this.pages.set(key, cached);
    }
    const page = cached.page;
    const items = await this.present(principal, cached);
    const last = page.nextCursor;
    return {
      mandateId: mandate.id,
      mandateTermsVersion: mandate.termsVersion,
      snapshotVersion: version,
      scoreVersion: page.scoreVersion,
      total: page.total,
      items,
      nextCursor: last ? encodeCursor([last.score, last.projectId]) : null,
    };
  }

  /** For founders: discoverable mandates ranked for one of their projects, with why and why not. */
  async investorMatches(
    principal: Principal,
    projectId: string,
    query: InvestorMatchesQueryDto,
  ): Promise<InvestorMatchesView> {
    // One read for the project, its company and the features (drafts included: founders check before publishing).
    const found = await this.snapshots.featuresOf(projectId);
    const owned = found && (found.project.organizationId === principal.organizationId || principal.isPlatformAdmin);
    const features = owned ? found.features : null;
    if (!features) throw startupsError('PROJECT_NOT_FOUND');
    const mandates = await this.mandateDirectory.discoverable(2000);
    const orgs = await this.organizations.names(mandates.map((m) => m.organizationId));
    const cohort = this.snapshots.snapshot.cohort;
    const scored: { m: MandateEntity; r: MatchResult }[] = [];
    for (const m of mandates) {
      try {
        scored.push({ m, r: explainMatch(features, toEngineMandate(m, m.terms), cohort) });
      } catch (error) {
        if (!(error instanceof EngineInputError)) throw error; // a mandate with a retired code is skipped
      }
    }
    scored.sort(
      (a, b) =>
        Number(b.r.eligible) - Number(a.r.eligible) ||
        (b.r.score ?? 0) - (a.r.score ?? 0) ||
        a.r.reasons.length - b.r.reasons.length ||
        (a.m.id < b.m.id ? -1 : 1),
    );
    const show = query.show ?? 'all';
    const items: InvestorMatchView[] = scored
      .filter(({ r }) => show === 'all' || (show === 'eligible') === r.eligible)
      .slice(0, MAX_INVESTOR_MATCHES)
      .map(({ m, r }) => ({
        mandateId: m.id,
        mandateTermsVersion: m.termsVersion,
        mandateName: m.name,
        kind: m.kind,
        organizationId: m.organizationId,
        organizationName: orgs.get(m.organizationId) ?? '',
        instruments: m.terms.instruments,
        ticketMin: m.terms.ticketMin,
        ticketMax: m.terms.ticketMax,
        eligible: r.eligible,
        score: r.score,
        breakdown: r.breakdown,
        reasons: r.reasons,
        hints: r.hints,
      }));
    return {
      projectId,
      snapshotVersion: this.snapshots.version,
      scoreVersion: SCORE_VERSION,
      eligibleCount: scored.filter((s) => s.r.eligible).length,
      excludedCount: scored.filter((s) => !s.r.eligible).length,
      items,
    };
  }

  private async present(principal: Principal, cached: CachedPage): Promise<MatchItemView[]> {
    const results = cached.page.items;
    if (results.length === 0) return [];
    const ids = results.map((r) => r.projectId);
    // Three independent reads, in parallel: names (startups' directory), this organization's deals, its grants.
    const [projectById, dealStage, readable] = await Promise.all([
      this.projects.labels(ids),
      this.deals.stagesOf(principal.organizationId, ids),
      this.grants.grantingOrganizations(principal),
    ]);
    const snapshot = this.snapshots.snapshot;
    return results.map((r, i) => {
      const p = projectById.get(r.projectId);
      const f = snapshot.get(r.projectId);
      const open = p !== undefined && (readable === 'all' || readable.has(p.organizationId));
      // The banded view depends on the item only; the grant decides per request which one is shown.
      const shown = open ? r : (cached.banded[i] ??= redactForInvestor(r));
      return {
        projectId: r.projectId,
        startupId: r.startupId,
        title: p?.title ?? null,
        startupName: p?.startupName ?? null,
        stage: f?.stage ?? '',
        tracks: [...(f?.tracks ?? [])],
        regionCode: f?.regionCode ?? null,
        amountSought: f?.amountSought ?? null,
        instruments: [...(f?.instruments ?? [])],
        eligible: shown.eligible,
        score: shown.score,
        breakdown: shown.breakdown,
        reasons: shown.reasons,
        hints: shown.hints,
        redacted: !open,
        dealStage: dealStage.get(r.projectId) ?? null,
      };
    });
  }
}
