import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { decodeCursor, encodeCursor, platformError } from '@app/platform';
import { AccessGrantsService, OrganizationDirectory, Principal } from '@app/identity';
import { MandatesService, type MandateEntity } from '@app/funds';
import { startupsError } from '@app/startups';
import { SearchService } from '@app/search';
import {
  EngineInputError,
  explainMatch,
  explainPair,
  rankMandate,
  redactForInvestor,
  SCORE_VERSION,
  type MatchResult,
  type RankFilters,
  type RankPage,
} from '../engine';
import { DealsService } from '../deals/deals.service';
import type { DealFlowQueryDto, InvestorMatchesQueryDto } from './deal-flow.dto';
import type {
  DealFlowItemView,
  DealFlowPageView,
  InvestorMatchesView,
  InvestorMatchView,
  MatchItemCompactView,
  MatchItemView,
} from './deal-flow.views';
import { toEngineMandate } from '../snapshot/engine-mandate';
import { SnapshotService } from '../snapshot/snapshot.service';
import { MandateSnapshotService } from '../snapshot/mandate-snapshot.service';
import { PortfolioService, type MandateHistory } from '../portfolio/portfolio.service';

/** Founders see at most this many mandates per project (discoverable ones, best first). */
const MAX_INVESTOR_MATCHES = 200;

/**
 * Explained pages of recent rankings. The key holds the mandate's terms version and the snapshot
 * version, so any change to either misses; entries are never stale, only unused. Pages are stored
 * unredacted and banded per request (grants differ between viewers of one mandate: none do today,
 * since a mandate is read by its own organization only, but the rule stays in one place).
 */
const PAGE_CACHE = { max: 500, ttl: 60_000 };

/** The compact view shows this many hints (the engine orders them: the first ones matter most). */
const COMPACT_HINTS = 3;

type View = 'full' | 'compact';

/** What an item shows beside its explanation, captured from the snapshot version that ranked it. */
interface ItemBase {
  organizationId: string | null;
  head: Record<string, unknown>;
}

interface CachedPage {
  page: RankPage;
  bases: ItemBase[];
  /** Banded views of the items, made on first need (~35 µs an item). */
  banded: (MatchResult | undefined)[];
  /**
   * Each item's JSON without its deal stage and closing brace, UTF-8 encoded, per view and banding,
   * made on first need: a page is then a concatenation of bytes (the deal stage is per organization).
   * Bytes, not strings: writing a joined string made the socket write encode the page again on every
   * request (with the garbage of the join, a third of a cached page's CPU).
   */
  fragments: Record<string, (Buffer | undefined)[]>;
}

/**
 * Whole answers of cached pages, per variant (view, each item's banding and deal stage): a viewer
 * polling its list gets the same bytes again instead of joining 50 fragments (a tenth of a cached
 * page's CPU). Bounded by bytes, beside the fragments they are made of; same versions in the key.
 */
const BODY_CACHE = { maxSize: 32 * 1024 * 1024, ttl: PAGE_CACHE.ttl };

/** `,"dealStage":<stage>}` closing an item fragment, per stage (null: no deal). */
const DEAL_STAGE_TAIL = new Map<string | null, Buffer>();
function dealStageTail(stage: string | null): Buffer {
  let tail = DEAL_STAGE_TAIL.get(stage);
  if (!tail) DEAL_STAGE_TAIL.set(stage, (tail = Buffer.from(`,"dealStage":${JSON.stringify(stage)}}`)));
  return tail;
}
const COMMA = Buffer.from(',');

@Injectable()
export class DealFlowService {
  constructor(
    private readonly snapshots: SnapshotService,
    private readonly mandates: MandatesService,
    private readonly grants: AccessGrantsService,
    private readonly search: SearchService,
    private readonly mandateSnapshot: MandateSnapshotService,
    private readonly organizations: OrganizationDirectory,
    private readonly deals: DealsService,
    private readonly portfolio: PortfolioService,
  ) {}

  private readonly pages = new LRUCache<string, CachedPage>(PAGE_CACHE);
  private readonly bodies = new LRUCache<string, Buffer>({ ...BODY_CACHE, sizeCalculation: (b) => b.length });
  /** The snapshot version the cached pages were ranked at. */
  private pagesVersion = -1;

  /**
   * A mandate's top list from this process's snapshot, for the investors' digest (no principal: the
   * caller sends it to the mandate's own organization). Eligible projects scoring at least `minScore`.
   */
  async topList(
    mandate: MandateEntity,
    k: number,
    minScore: number,
  ): Promise<{ projectId: string; title: string; score: number }[]> {
    // Ranked as the investor sees it: with its own history (portfolio fit).
    const history = await this.portfolio.history(mandate.organizationId, mandate.id);
    const page = this.rank(mandate, history, k, null, { minScore }).page;
    return page.items
      .filter((r) => r.eligible && r.score !== null && r.score >= minScore)
      .map((r) => ({ projectId: r.projectId, title: this.snapshots.label(r.projectId)?.title ?? '', score: r.score! }));
  }

  /** The page as an object (tests, other callers): the same bytes the route sends, parsed. */
  async dealFlow(principal: Principal, mandateId: string, query: DealFlowQueryDto): Promise<DealFlowPageView> {
    return JSON.parse((await this.dealFlowJson(principal, mandateId, query)).toString('utf8')) as DealFlowPageView;
  }

  /**
   * The mandate's ranked deal flow: one page, explained, banded where the investor has no grant, as
   * UTF-8 JSON. Ranked and presented from one captured snapshot version (the awaits come before the
   * ranking or read nothing of the snapshot); items are cached JSON fragments.
   */
  async dealFlowJson(principal: Principal, mandateId: string, query: DealFlowQueryDto): Promise<Buffer> {
    const view: View = query.view ?? 'full';
    // The mandate check decides the answer; the grants read and the history (the caller's own
    // organization's rows only) reveal nothing, so all go in parallel.
    const [mandate, readable, history] = await Promise.all([
      this.mandates.ownForRead(principal, mandateId),
      this.grants.grantingOrganizations(principal),
      this.portfolio.history(principal.organizationId, mandateId),
    ]);
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
    // From here to the fragments nothing awaits: ranking and presentation read one snapshot version.
    const version = this.snapshots.version;
    const key = candidates
      ? null
      : JSON.stringify([mandate.id, mandate.termsVersion, version, history.fingerprint, query.limit, cursor, filters]);
    // A page of an older snapshot version is never read again: drop them all when the version moves
    // (under a stream of writes they were up to 500 pages of ~300 kB of fragments each, held for 60 s).
    if (this.pagesVersion !== version) {
      this.pages.clear();
      this.bodies.clear();
      this.pagesVersion = version;
    }
    let cached = key ? this.pages.get(key) : undefined;
    if (!cached) {
      cached = this.rank(mandate, history, query.limit, cursor, filters);
      if (key) this.pages.set(key, cached);
    }
    const page = cached.page;
    const fragments = this.fragments(cached, view, readable);
    // The organization's pipeline stages: not part of the snapshot, joined in last.
    const dealStage =
      page.items.length > 0
        ? await this.deals.stagesOf(
            principal.organizationId,
            page.items.map((r) => r.projectId),
          )
        : new Map<string, string>();
    const stages = page.items.map((r) => dealStage.get(r.projectId) ?? null);
    const variant = key && `${key}|${JSON.stringify([view, fragments.map((f) => f.banded), stages])}`;
    const known = variant ? this.bodies.get(variant) : undefined;
    if (known) return known;
    const body = this.body(mandate, version, page, fragments, stages);
    if (variant) this.bodies.set(variant, body);
    return body;
  }

  private body(
    mandate: Readonly<MandateEntity>,
    version: number,
    page: RankPage,
    fragments: { json: Buffer }[],
    stages: (string | null)[],
  ): Buffer {
    const last = page.nextCursor;
    const parts: Buffer[] = [
      Buffer.from(
        `{"mandateId":${JSON.stringify(mandate.id)},"mandateTermsVersion":${mandate.termsVersion},` +
          `"snapshotVersion":${version},"scoreVersion":${JSON.stringify(page.scoreVersion)},"total":${page.total},` +
          `"items":[`,
      ),
    ];
    fragments.forEach((f, i) => {
      if (i > 0) parts.push(COMMA);
      parts.push(f.json, dealStageTail(stages[i]));
    });
    parts.push(
      Buffer.from(`],"nextCursor":${last ? JSON.stringify(encodeCursor([last.score, last.projectId])) : 'null'}}`),
    );
    return Buffer.concat(parts);
  }

  /** One project's full explanation for the mandate (the compact list's "why"), from the current snapshot. */
  async item(principal: Principal, mandateId: string, projectId: string): Promise<DealFlowItemView> {
    const mandate = await this.mandates.ownForRead(principal, mandateId);
    const [readable, dealStage, history] = await Promise.all([
      this.grants.grantingOrganizations(principal),
      this.deals.stagesOf(principal.organizationId, [projectId]),
      this.portfolio.history(principal.organizationId, mandateId),
    ]);
    const version = this.snapshots.version;
    const snapshot = this.snapshots.snapshot;
    const features = snapshot.get(projectId);
    if (!features) throw startupsError('PROJECT_NOT_FOUND');
    let result: MatchResult;
    try {
      result = explainMatch(
        features,
        { ...toEngineMandate(mandate, mandate.terms), history: history.entries },
        snapshot.cohort,
      );
    } catch (error) {
      if (error instanceof EngineInputError)
        throw platformError('VALIDATION_FAILED', { field: 'mandate', reason: error.code });
      throw error;
    }
    const base = this.base(result);
    const open = base.organizationId !== null && (readable === 'all' || readable.has(base.organizationId));
    const shown = open ? result : redactForInvestor(result);
    return {
      mandateId: mandate.id,
      mandateTermsVersion: mandate.termsVersion,
      snapshotVersion: version,
      scoreVersion: SCORE_VERSION,
      item: { ...this.fullItem(base, shown, open), dealStage: dealStage.get(projectId) ?? null } as MatchItemView,
    };
  }

  private rank(
    mandate: Readonly<MandateEntity>,
    history: MandateHistory,
    k: number,
    cursor: unknown[] | null,
    filters: RankFilters,
  ): CachedPage {
    let page: RankPage;
    try {
      // The investor's own history (portfolio fit); founders' views never carry it.
      const engineMandate = { ...toEngineMandate(mandate, mandate.terms), history: history.entries };
      page = rankMandate(this.snapshots.snapshot, engineMandate, {
        k,
        cursor: cursor ? { score: cursor[0] as number, projectId: cursor[1] as string } : null,
        filters,
      });
    } catch (error) {
      if (error instanceof EngineInputError)
        throw platformError('VALIDATION_FAILED', { field: 'filters', reason: error.code });
      throw error;
    }
    return { page, bases: page.items.map((r) => this.base(r)), banded: [], fragments: {} };
  }

  /** Labels and public facts of a ranked project, from the snapshot (same version as its score). */
  private base(r: MatchResult): ItemBase {
    const p = this.snapshots.label(r.projectId);
    const f = this.snapshots.snapshot.get(r.projectId);
    return {
      organizationId: p?.organizationId ?? null,
      head: {
        projectId: r.projectId,
        startupId: r.startupId,
        title: p?.title ?? null,
        startupName: p?.startupName ?? null,
        stage: f?.stage ?? '',
        tracks: [...(f?.tracks ?? [])],
        regionCode: f?.regionCode ?? null,
        amountSought: f?.amountSought ?? null,
        instruments: [...(f?.instruments ?? [])],
      },
    };
  }

  private fullItem(base: ItemBase, shown: MatchResult, open: boolean): Omit<MatchItemView, 'dealStage'> {
    return {
      ...(base.head as Omit<MatchItemView, 'dealStage'>),
      eligible: shown.eligible,
      score: shown.score,
      breakdown: shown.breakdown,
      reasons: shown.reasons,
      hints: shown.hints,
      redacted: !open,
    };
  }

  private compactItem(base: ItemBase, shown: MatchResult, open: boolean): Omit<MatchItemCompactView, 'dealStage'> {
    return {
      ...(base.head as Omit<MatchItemCompactView, 'dealStage'>),
      eligible: shown.eligible,
      score: shown.score,
      criteria: shown.breakdown.map((c) => ({
        key: c.key,
        value: c.value,
        contribution: c.contribution,
        ...(c.estimate ? { estimate: c.estimate } : {}),
      })),
      reasons: shown.reasons,
      hints: shown.hints.slice(0, COMPACT_HINTS),
      redacted: !open,
    };
  }

  /** Each item's JSON up to (not including) its deal stage and closing brace, for this viewer. */
  private fragments(
    cached: CachedPage,
    view: View,
    readable: Set<string> | 'all',
  ): { json: Buffer; banded: boolean }[] {
    const results = cached.page.items;
    return results.map((r, i) => {
      const base = cached.bases[i];
      const open = base.organizationId !== null && (readable === 'all' || readable.has(base.organizationId));
      const slot = (cached.fragments[`${view}:${open ? 'open' : 'banded'}`] ??= []);
      let text = slot[i];
      if (text === undefined) {
        // The banded view depends on the item only; the grant decides per request which one is shown.
        const shown = open ? r : (cached.banded[i] ??= redactForInvestor(r));
        const item = view === 'full' ? this.fullItem(base, shown, open) : this.compactItem(base, shown, open);
        const json = JSON.stringify(item);
        slot[i] = text = Buffer.from(json.slice(0, -1));
      }
      return { json: text, banded: !open };
    });
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
    // Every discoverable mandate, from this process's mandate snapshot (compiled once; no cap).
    const mandates = await this.mandateSnapshot.all();
    const cohort = this.snapshots.snapshot.cohort;
    const version = this.snapshots.version;
    const scored: { m: Readonly<MandateEntity>; r: MatchResult }[] = [];
    for (const { mandate, compiled } of mandates) {
      try {
        scored.push({ m: mandate, r: explainPair(features, compiled, cohort) });
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
    const shown = scored
      .filter(({ r }) => show === 'all' || (show === 'eligible') === r.eligible)
      .slice(0, MAX_INVESTOR_MATCHES);
    const orgs = await this.organizations.names(shown.map(({ m }) => m.organizationId));
    const items: InvestorMatchView[] = shown.map(({ m, r }) => ({
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
      snapshotVersion: version,
      scoreVersion: SCORE_VERSION,
      eligibleCount: scored.filter((s) => s.r.eligible).length,
      excludedCount: scored.filter((s) => !s.r.eligible).length,
      items,
    };
  }
}
