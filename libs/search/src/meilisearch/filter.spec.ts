import { F, FilterExpr } from '../port';
import { quoteMeiliValue, toMeiliFilter } from './filter';

/**
 * A reference unescaper of Meilisearch's double-quoted values (filter-parser: `\"` → `"`, then
 * standard escapes `\\` → `\`), and a scanner that finds where a quoted value ends. Together they show
 * a hostile value stays one value: the quote closes exactly at the end, and unescapes to the input.
 */
function readQuoted(source: string, start: number): { value: string; end: number } {
  expect(source[start]).toBe('"');
  let i = start + 1;
  let raw = '';
  for (; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      raw += c + source[i + 1];
      i++;
      continue;
    }
    if (c === '"') break;
    raw += c;
  }
  const value = raw.replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  return { value, end: i };
}

const HOSTILE = ['" OR 1=1', "' OR ''='", 'a\\', '\\', '\\"', 'x"] OR stage = "a', 'OR', ']', '[', 'NOT', '(', ')', 'a AND b', '😀', '', '\n', '_geoRadius(1,2,3)', 'tracks = x'];

describe('Meilisearch filter translation', () => {
  it.each(HOSTILE)('quotes %j as one value that unescapes to itself', (value) => {
    const quoted = quoteMeiliValue(value);
    const { value: back, end } = readQuoted(quoted, 0);
    expect(end).toBe(quoted.length - 1);
    expect(back).toBe(value);
  });

  it('translates eq, in, range, and, or, not', () => {
    const f = F.and(
      F.eq('stage', 'a'),
      F.in('tracks', ['ai', 'chip']),
      F.range('amountSought', { gte: 100, lt: 200 }),
      F.or(F.eq('visibility', 'public'), F.eq('organizationId', 'org-1')),
      F.not(F.eq('status', 'draft')),
    );
    expect(toMeiliFilter(f)).toEqual({
      kind: 'filter',
      filter:
        '(stage = "a") AND (tracks IN ["ai", "chip"]) AND (amountSought >= "100" AND amountSought < "200") AND ' +
        '((visibility = "public") OR (organizationId = "org-1")) AND (NOT (status = "draft"))',
    });
  });

  it('quotes numbers and booleans', () => {
    expect(toMeiliFilter(F.eq('foundedYear', 2020))).toEqual({ kind: 'filter', filter: 'foundedYear = "2020"' });
    expect(toMeiliFilter(F.eq('flag', true))).toEqual({ kind: 'filter', filter: 'flag = "true"' });
    expect(toMeiliFilter(F.range('x', { gt: 1e21 }))).toEqual({ kind: 'filter', filter: 'x > "1e+21"' });
    expect(() => toMeiliFilter(F.eq('x', Infinity))).toThrow(/finite/);
  });

  it('keeps hostile values inside their quotes', () => {
    const result = toMeiliFilter(F.eq('stage', 'x" OR stage = "a'));
    expect(result).toEqual({ kind: 'filter', filter: 'stage = "x\\" OR stage = \\"a"' });
    const inResult = toMeiliFilter(F.in('stage', ['a\\', '"]']));
    expect(inResult).toEqual({ kind: 'filter', filter: 'stage IN ["a\\\\", "\\"]"]' });
  });

  it('folds constants: empty IN and OR match nothing, empty AND everything', () => {
    expect(toMeiliFilter(undefined)).toEqual({ kind: 'all' });
    expect(toMeiliFilter(F.in('stage', []))).toEqual({ kind: 'none' });
    expect(toMeiliFilter(F.or())).toEqual({ kind: 'none' });
    expect(toMeiliFilter(F.and())).toEqual({ kind: 'all' });
    expect(toMeiliFilter(F.not(F.or()))).toEqual({ kind: 'all' });
    expect(toMeiliFilter(F.and(F.eq('a', 1), F.in('b', [])))).toEqual({ kind: 'none' });
    expect(toMeiliFilter(F.or(F.eq('a', 1), F.in('b', [])))).toEqual({ kind: 'filter', filter: 'a = "1"' });
  });

  it('rejects attribute names that are not plain identifiers or are reserved words', () => {
    for (const field of ['a b', 'a=1', 'x OR y', 'AND', 'NOT', '"x"', '_geoRadius', '']) {
      expect(() => toMeiliFilter({ eq: { field, value: 'v' } } as FilterExpr)).toThrow(/invalid filter attribute/);
    }
  });
});
