import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, platformError } from '@app/platform';
import type { Principal } from '@app/identity';
import { MandateDirectory } from '@app/funds';
import { ProjectDirectory } from '@app/startups';
import { SearchIndexName, visibilityFilter } from '../indexes';
import { F, FilterExpr, SearchEngine, SearchError, SearchQueryError, SearchUnavailableError, SortSpec } from '../port';
import { regionPrefixesOf } from '@app/reference';
import { normalizeQuery } from '../validate';
import { SEARCH_ENGINE } from './search.constants';
import type { SearchQueryDto, SearchSort } from './search.dto';
import { searchError } from './search.errors';
import { SearchProjection } from './search-projection.service';
import type { ReindexResultView, SearchHitView, SearchResultView } from './search.views';

/** The facets a caller may ask for, per index (a subset of the filterable attributes: never ids or visibility). */
export const SEARCH_FACETS: Readonly<Record<SearchIndexName, readonly string[]>> = {
  projects: ['tracks', 'stage', 'instruments', 'provinceCode', 'regionCode', 'status'],
  startups: ['tracks', 'provinceCode', 'regionCode', 'qualifications', 'foundedYear'],
  mandates: ['tracks', 'stages', 'instruments', 'regions', 'status'],
};

const SORTS: Readonly<Record<SearchIndexName, Partial<Record<SearchSort, SortSpec>>>> = {
  projects: {
    newest: { field: 'publishedAt', order: 'desc' },
    updated: { field: 'updatedAt', order: 'desc' },
    amount_asc: { field: 'amountSought', order: 'asc' },
    amount_desc: { field: 'amountSought', order: 'desc' },
  },
  startups: {
    updated: { field: 'updatedAt', order: 'desc' },
    founded_asc: { field: 'foundedYear', order: 'asc' },
    founded_desc: { field: 'foundedYear', order: 'desc' },
  },
  mandates: {
    newest: { field: 'updatedAt', order: 'desc' },
    updated: { field: 'updatedAt', order: 'desc' },
    ticket_asc: { field: 'ticketMin', order: 'asc' },
    ticket_desc: { field: 'ticketMax', order: 'desc' },
  },
};

const STATUS_VALUES: Readonly<Record<SearchIndexName, readonly string[]>> = {
  projects: ['draft', 'published', 'archived'],
  startups: [],
  mandates: ['active', 'paused'],
};

// Private-use characters as highlight tags: the text is HTML-escaped first, then they become <em>.
const PRE = '\uE000';
const POST = '\uE001';
const CANDIDATE_PAGE = 1000;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function highlight(s: string): string {
  return escapeHtml(s).replaceAll(PRE, '<em>').replaceAll(POST, '</em>');
}

/** Engine errors as API errors: query problems 400 with the request field, engine trouble 503. */
export function toApiError(error: unknown, field?: string): unknown {
  if (error instanceof SearchQueryError) return searchError(error.code, { field: field ?? error.field ?? null });
  if (error instanceof SearchUnavailableError) return searchError(error.code, {});
  if (error instanceof SearchError) return searchError('SEARCH_UNAVAILABLE', {});
  return error;
}

/** Every region code and its prefixes (a mandate limited to `32` or `3202` covers `320214`). */
function regionPrefixes(codes: readonly string[]): string[] {
  return [...new Set(codes.flatMap(regionPrefixesOf))];
}

/** A region filter on a located document: each prefix against the field of its length. */
const REGION_FIELD_BY_LENGTH: Record<number, string> = { 2: 'provinceCode', 4: 'cityCode', 6: 'regionCode' };

@Injectable()
export class SearchService {
  private readonly logger = new Logger(SearchService.name);

  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly projection: SearchProjection,
    private readonly projects: ProjectDirectory,
    private readonly mandates: MandateDirectory,
  ) {}

  get engineKind(): SearchEngine['kind'] {
    return this.engine.kind;
  }

  async search(principal: Principal, query: SearchQueryDto): Promise<SearchResultView> {
    const type = query.type;
    const facets = [...new Set(query.facets ?? [])];
    for (const facet of facets) {
      if (!SEARCH_FACETS[type].includes(facet)) {
        throw searchError('SEARCH_FACET_ATTRIBUTE_NOT_FILTERABLE', {
          field: 'facets',
          value: facet,
          allowed: SEARCH_FACETS[type],
        });
      }
    }
    const sortKey = query.sort ?? 'relevance';
    const sort = sortKey === 'relevance' ? undefined : SORTS[type][sortKey];
    if (sortKey !== 'relevance' && !sort) {
      throw searchError('SEARCH_SORT_ATTRIBUTE_NOT_SORTABLE', {
        field: 'sort',
        value: sortKey,
        allowed: ['relevance', ...Object.keys(SORTS[type])],
      });
    }
    const filter = F.and(visibilityFilter(principal.organizationId), ...this.filters(type, query));
    const page = query.page ?? 1;
    const limit = query.limit ?? 20;
    let result;
    try {
      result = await this.engine.index(type).search(query.q ?? '', {
        filter,
        facets,
        sort: sort ? [sort] : undefined,
        page,
        limit,
        highlightPreTag: PRE,
        highlightPostTag: POST,
      });
    } catch (error) {
      throw toApiError(error);
    }
    // The index is a projection: re-check every returned id against Postgres before answering.
    const allowed = await this.permitted(
      type,
      principal,
      result.hits.map((h) => h.id),
    );
    const dropped = result.hits.length - allowed.size;
    if (dropped > 0) this.logger.warn({ type, dropped }, 'search hits failed the permission re-check (stale index)');
    const hits: SearchHitView[] = result.hits
      .filter((h) => allowed.has(h.id))
      .map((h) => ({
        id: h.id,
        kind: String(h.document.kind),
        // The engine stores what this index's builder wrote (indexes.ts), so the shape follows `type`.
        document: h.document as unknown as SearchHitView['document'],
        highlights: Object.fromEntries(Object.entries(h.highlights).map(([k, v]) => [k, highlight(v)])),
        ...(h.score !== undefined ? { score: h.score } : {}),
      }));
    return {
      type,
      query: result.query,
      hits,
      facets: result.facets,
      estimatedTotal: Math.max(0, result.estimatedTotal - dropped),
      page: result.page,
      limit: result.limit,
      engine: this.engine.kind,
      processingMs: result.processingMs,
    };
  }

  /**
   * The deal-flow candidate set for a free-text `q`: ids of published projects (visible to the
   * principal) matching it, at most `limit`; null when `q` is blank (no text filter). Errors as the
   * search endpoint's (400 / 503).
   */
  async projectIdsMatching(
    principal: Pick<Principal, 'organizationId'>,
    q: string,
    limit = 5000,
  ): Promise<Set<string> | null> {
    let text: string;
    try {
      text = normalizeQuery(q);
    } catch (error) {
      throw toApiError(error, 'q');
    }
    if (!text) return null;
    const ids = new Set<string>();
    const filter = F.and(visibilityFilter(principal.organizationId), F.eq('status', 'published'));
    try {
      for (let page = 1; ids.size < limit; page++) {
        const res = await this.engine.index('projects').search(text, { filter, page, limit: CANDIDATE_PAGE });
        for (const h of res.hits) if (ids.size < limit) ids.add(h.id);
        if (res.hits.length < CANDIDATE_PAGE) break;
      }
    } catch (error) {
      throw toApiError(error, 'q');
    }
    return ids;
  }

  /** Platform admins: rebuild every index into a shadow and swap (this process's, or the Meilisearch server's). */
  async reindex(principal: Principal): Promise<ReindexResultView> {
    if (!principal.isPlatformAdmin) throw platformError('FORBIDDEN');
    const started = performance.now();
    try {
      const results = await this.projection.rebuildAll('reindex');
      return {
        engine: this.engine.kind,
        indexes: results.map((r) => ({ index: r.index, documents: r.documents, tookMs: r.tookMs })),
        tookMs: Math.round(performance.now() - started),
      };
    } catch (error) {
      const mapped = toApiError(error);
      if (mapped instanceof DomainError) throw mapped;
      throw error;
    }
  }

  private filters(type: SearchIndexName, q: SearchQueryDto): FilterExpr[] {
    const out: FilterExpr[] = [];
    const notHere = (field: string): never => {
      throw searchError('SEARCH_FILTER_ATTRIBUTE_NOT_FILTERABLE', { field, type });
    };
    const has = (v: readonly unknown[] | undefined): v is string[] => Array.isArray(v) && v.length > 0;
    if (has(q.track)) out.push(F.in('tracks', q.track));
    if (has(q.region)) {
      if (type === 'mandates') out.push(F.in('regions', regionPrefixes(q.region)));
      else {
        const parts: FilterExpr[] = [];
        for (const [length, field] of Object.entries(REGION_FIELD_BY_LENGTH)) {
          const codes = q.region.filter((r) => r.length === Number(length));
          if (codes.length) parts.push(F.in(field, codes));
        }
        out.push(parts.length === 1 ? parts[0] : F.or(...parts));
      }
    }
    if (has(q.stage)) {
      if (type === 'startups') notHere('stage');
      out.push(F.in(type === 'mandates' ? 'stages' : 'stage', q.stage));
    }
    if (has(q.instrument)) {
      if (type === 'startups') notHere('instrument');
      out.push(F.in('instruments', q.instrument));
    }
    if (has(q.status)) {
      if (type === 'startups') notHere('status');
      const bad = q.status.find((s) => !STATUS_VALUES[type].includes(s));
      if (bad)
        throw searchError('SEARCH_FILTER_INVALID', { field: 'status', value: bad, allowed: STATUS_VALUES[type] });
      out.push(F.in('status', q.status));
    }
    if (has(q.qualification)) {
      if (type !== 'startups') notHere('qualification');
      out.push(F.in('qualifications', q.qualification));
    }
    if (q.amountMin !== undefined || q.amountMax !== undefined) {
      if (type === 'startups') notHere(q.amountMin !== undefined ? 'amountMin' : 'amountMax');
      if (q.amountMin !== undefined && q.amountMax !== undefined && q.amountMin > q.amountMax) {
        throw searchError('SEARCH_FILTER_INVALID', { field: 'amountMin', rule: 'must be ≤ amountMax' });
      }
      if (type === 'projects') {
        out.push(F.range('amountSought', { gte: q.amountMin, lte: q.amountMax }));
      } else {
        // A mandate fits an amount range when its ticket range overlaps it.
        if (q.amountMin !== undefined) out.push(F.range('ticketMax', { gte: q.amountMin }));
        if (q.amountMax !== undefined) out.push(F.range('ticketMin', { lte: q.amountMax }));
      }
    }
    return out;
  }

  private async permitted(type: SearchIndexName, principal: Principal, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    // The owners' own policies: drafts and archived projects, and hidden mandates, only for their
    // organization (ProjectVisibility, MandateVisibility); company profiles are public.
    switch (type) {
      case 'projects':
        return this.projects.discoverableIds(principal, ids);
      case 'mandates':
        return this.mandates.visibleIds(principal, ids);
      case 'startups':
        return this.projects.existingStartupIds(ids);
    }
  }
}
