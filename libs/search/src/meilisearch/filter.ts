import { FilterExpr, FilterScalar, SearchQueryError } from '../port';

/**
 * Filter AST → Meilisearch filter string. Values are always quoted and escaped (`\` → `\\`,
 * `"` → `\"`), so user input is data, never syntax; attribute names come from the AST but are
 * checked against `^[A-Za-z_][A-Za-z0-9_]*$` and the reserved words here too.
 *
 * Constant parts fold first: `in: []` and `or: []` are FALSE, `and: []` is TRUE. A filter that folds
 * to FALSE is not sent at all (the adapter answers an empty result), one that folds to TRUE is omitted.
 */

export type MeiliFilter = { kind: 'all' } | { kind: 'none' } | { kind: 'filter'; filter: string };

const ATTRIBUTE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED = new Set(['AND', 'OR', 'IN', 'NOT', 'TO', 'EXISTS', 'IS', 'NULL', 'EMPTY', 'CONTAINS', 'STARTS', 'WITH', '_geoRadius', '_geoBoundingBox', '_geoPoint', '_geo']);

export function quoteMeiliValue(value: FilterScalar): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new SearchQueryError('SEARCH_FILTER_INVALID', 'filter numbers must be finite');
    // Quoted as well: Meilisearch compares a quoted number numerically, and `1e+21` needs no grammar of its own.
    return `"${String(value)}"`;
  }
  const text = String(value);
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function attribute(name: string): string {
  if (!ATTRIBUTE.test(name) || RESERVED.has(name) || RESERVED.has(name.toUpperCase())) {
    throw new SearchQueryError('SEARCH_FILTER_INVALID', `invalid filter attribute name: ${name}`, name);
  }
  return name;
}

type Folded = FilterExpr | boolean;

function fold(e: FilterExpr): Folded {
  if ('and' in e) {
    const items: FilterExpr[] = [];
    for (const item of e.and) {
      const f = fold(item);
      if (f === false) return false;
      if (f !== true) items.push(f);
    }
    return items.length === 0 ? true : items.length === 1 ? items[0] : { and: items };
  }
  if ('or' in e) {
    const items: FilterExpr[] = [];
    for (const item of e.or) {
      const f = fold(item);
      if (f === true) return true;
      if (f !== false) items.push(f);
    }
    return items.length === 0 ? false : items.length === 1 ? items[0] : { or: items };
  }
  if ('not' in e) {
    const f = fold(e.not);
    return typeof f === 'boolean' ? !f : { not: f };
  }
  if ('in' in e && e.in.values.length === 0) return false;
  return e;
}

function emit(e: FilterExpr): string {
  if ('and' in e) return e.and.map((x) => `(${emit(x)})`).join(' AND ');
  if ('or' in e) return e.or.map((x) => `(${emit(x)})`).join(' OR ');
  if ('not' in e) return `NOT (${emit(e.not)})`;
  if ('eq' in e) return `${attribute(e.eq.field)} = ${quoteMeiliValue(e.eq.value)}`;
  if ('in' in e) return `${attribute(e.in.field)} IN [${e.in.values.map(quoteMeiliValue).join(', ')}]`;
  const { field, gte, gt, lte, lt } = e.range;
  const name = attribute(field);
  const parts: string[] = [];
  if (gte !== undefined) parts.push(`${name} >= ${quoteMeiliValue(gte)}`);
  if (gt !== undefined) parts.push(`${name} > ${quoteMeiliValue(gt)}`);
  if (lte !== undefined) parts.push(`${name} <= ${quoteMeiliValue(lte)}`);
  if (lt !== undefined) parts.push(`${name} < ${quoteMeiliValue(lt)}`);
  return parts.join(' AND ');
}

/** Validate the AST first (`validateFilter`); this only translates. */
export function toMeiliFilter(expr: FilterExpr | undefined): MeiliFilter {
  if (expr === undefined) return { kind: 'all' };
  const folded = fold(expr);
  if (folded === true) return { kind: 'all' };
  if (folded === false) return { kind: 'none' };
  return { kind: 'filter', filter: emit(folded) };
}
