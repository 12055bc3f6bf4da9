import {
  DEFAULT_LIMIT,
  FilterExpr,
  MAX_LIMIT,
  MAX_QUERY_CHARS,
  SearchDocument,
  SearchOptions,
  SearchQueryError,
  SearchSettings,
} from './port';

/** Both adapters check a request the same way, so errors (code + field) are identical. */

const ID_PATTERN = /^[A-Za-z0-9_-]{1,511}$/;
const ATTRIBUTE_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_FILTER_NODES = 1000;
const MAX_FILTER_DEPTH = 32;

export function normalizeQuery(query: unknown): string {
  if (query === undefined || query === null) return '';
  if (typeof query !== 'string') throw new SearchQueryError('SEARCH_QUERY_INVALID', 'query must be a string', 'q');
  // Drop control characters and lone surrogates' neighbours stay as they are; trim and cap the length
  // (a 10 000-character query is truncated, not rejected).
  // eslint-disable-next-line no-control-regex
  const cleaned = query.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  if (cleaned.length <= MAX_QUERY_CHARS) return cleaned;
  let cut = cleaned.slice(0, MAX_QUERY_CHARS);
  // Never end on half a surrogate pair.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}

export function validateDocument(doc: SearchDocument): void {
  if (!doc || typeof doc !== 'object') throw new SearchQueryError('SEARCH_DOCUMENT_INVALID', 'document must be an object');
  if (typeof doc.id !== 'string' || !ID_PATTERN.test(doc.id)) {
    throw new SearchQueryError('SEARCH_DOCUMENT_INVALID', `document id must match ${ID_PATTERN.source}`, 'id');
  }
}

export function validateSettings(settings: SearchSettings): void {
  const lists: [keyof SearchSettings, string[] | undefined][] = [
    ['searchableAttributes', settings.searchableAttributes],
    ['filterableAttributes', settings.filterableAttributes],
    ['sortableAttributes', settings.sortableAttributes],
    ['displayedAttributes', settings.displayedAttributes],
  ];
  for (const [key, list] of lists) {
    if (list === undefined && key === 'displayedAttributes') continue;
    if (!Array.isArray(list)) throw new SearchQueryError('SEARCH_SETTINGS_INVALID', `${key} must be an array`, key);
    for (const attribute of list) {
      if (!ATTRIBUTE_PATTERN.test(attribute)) {
        throw new SearchQueryError('SEARCH_SETTINGS_INVALID', `invalid attribute name in ${key}: ${attribute}`, key);
      }
    }
  }
}

export interface ValidatedOptions {
  page: number;
  limit: number;
  offset: number;
}

/** Checks pagination and that every filter, facet and sort attribute is declared. */
export function validateOptions(options: SearchOptions, settings: SearchSettings): ValidatedOptions {
  const page = options.page ?? 1;
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(page) || page < 1 || page > 1_000_000) {
    throw new SearchQueryError('SEARCH_PAGINATION_INVALID', 'page must be an integer ≥ 1', 'page');
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new SearchQueryError('SEARCH_PAGINATION_INVALID', `limit must be an integer in 1..${MAX_LIMIT}`, 'limit');
  }
  const filterable = new Set(settings.filterableAttributes);
  const sortable = new Set(settings.sortableAttributes);
  for (const facet of options.facets ?? []) {
    if (typeof facet !== 'string' || !filterable.has(facet)) {
      throw new SearchQueryError('SEARCH_FACET_ATTRIBUTE_NOT_FILTERABLE', `attribute ${String(facet)} is not filterable`, String(facet));
    }
  }
  for (const s of options.sort ?? []) {
    if (!s || typeof s.field !== 'string' || !sortable.has(s.field)) {
      throw new SearchQueryError('SEARCH_SORT_ATTRIBUTE_NOT_SORTABLE', `attribute ${String(s?.field)} is not sortable`, String(s?.field));
    }
    if (s.order !== 'asc' && s.order !== 'desc') {
      throw new SearchQueryError('SEARCH_QUERY_INVALID', `sort order must be asc or desc`, s.field);
    }
  }
  if (options.filter !== undefined) validateFilter(options.filter, filterable);
  return { page, limit, offset: (page - 1) * limit };
}

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

/** Structural check of the AST: shape, declared fields, finite numbers, bounded size and depth. */
export function validateFilter(expr: FilterExpr, filterable: ReadonlySet<string>): void {
  let nodes = 0;
  const bad = (message: string, field?: string): never => {
    throw new SearchQueryError('SEARCH_FILTER_INVALID', message, field);
  };
  const field = (name: unknown): string => {
    if (typeof name !== 'string') return bad('filter field must be a string');
    if (!filterable.has(name)) {
      throw new SearchQueryError('SEARCH_FILTER_ATTRIBUTE_NOT_FILTERABLE', `attribute ${name} is not filterable`, name);
    }
    return name;
  };
  const walk = (e: FilterExpr, depth: number): void => {
    if (++nodes > MAX_FILTER_NODES) bad(`filter has more than ${MAX_FILTER_NODES} nodes`);
    if (depth > MAX_FILTER_DEPTH) bad(`filter is nested deeper than ${MAX_FILTER_DEPTH}`);
    if (!e || typeof e !== 'object') return bad('filter node must be an object');
    const keys = Object.keys(e);
    if (keys.length !== 1) return bad(`filter node must have exactly one of eq, in, range, and, or, not (got ${keys.join(', ') || 'none'})`);
    if ('eq' in e) {
      const name = field(e.eq?.field);
      if (!isScalar(e.eq.value)) bad('eq value must be a string, finite number or boolean', name);
    } else if ('in' in e) {
      const name = field(e.in?.field);
      if (!Array.isArray(e.in.values) || !e.in.values.every(isScalar)) bad('in values must be an array of scalars', name);
      if (e.in.values.length > MAX_FILTER_NODES) bad(`in has more than ${MAX_FILTER_NODES} values`, name);
    } else if ('range' in e) {
      const name = field(e.range?.field);
      const bounds = (['gte', 'gt', 'lte', 'lt'] as const).filter((k) => e.range[k] !== undefined);
      if (bounds.length === 0) bad('range needs at least one of gte, gt, lte, lt', name);
      for (const k of bounds) if (typeof e.range[k] !== 'number' || !Number.isFinite(e.range[k])) bad(`range ${k} must be a finite number`, name);
      const extra = Object.keys(e.range).filter((k) => !['field', 'gte', 'gt', 'lte', 'lt'].includes(k));
      if (extra.length) bad(`unknown range keys: ${extra.join(', ')}`, name);
    } else if ('and' in e || 'or' in e) {
      const items = 'and' in e ? e.and : (e as { or: readonly FilterExpr[] }).or;
      if (!Array.isArray(items)) bad('and/or take an array');
      for (const item of items) walk(item, depth + 1);
    } else if ('not' in e) {
      walk(e.not, depth + 1);
    } else {
      bad(`unknown filter operator ${keys[0]}`);
    }
  };
  walk(expr, 0);
}
