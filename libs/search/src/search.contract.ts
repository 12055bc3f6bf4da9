import {
  PROJECT_SEARCH_SETTINGS,
  ProjectDocument,
  ProjectSearchInput,
  buildProjectDocument,
  visibilityFilter,
} from './indexes';
import { F, MAX_QUERY_CHARS, SearchEngine, SearchIndex, SearchQueryError, SearchResult } from './port';

/**
 * The one contract every SearchIndex adapter passes. Call it from a spec file:
 *   describeSearchContract('embedded', async () => new EmbeddedSearchEngine());
 * Each run uses its own index names (`contract_<random>_…`), removed in afterAll.
 */

const NOW = Date.parse('2026-03-01T00:00:00Z');
const DAY = 86_400_000;

function project(id: string, over: Partial<ProjectSearchInput>): ProjectDocument {
  return buildProjectDocument({
    id,
    startupId: `s-${id}`,
    organizationId: 'org-a',
    title: '项目',
    summary: '',
    tracks: [],
    instruments: ['equity'],
    status: 'published',
    updatedAt: new Date(NOW),
    publishedAt: new Date(NOW),
    startupName: '公司',
    ...over,
  });
}

export function contractFixtures(): ProjectDocument[] {
  return [
    project('p1', {
      title: 'KrF 光刻胶国产化项目',
      summary: '自主合成树脂和光敏剂，已进入晶圆厂验证的半导体材料企业',
      startupName: '潍坊泰星微电子材料有限公司',
      tracks: ['semiconductor_materials'],
      stage: 'a',
      regionCode: '370705',
      instruments: ['equity', 'equity_loan_package'],
      amountSought: 3_000_000_000,
      publishedAt: new Date(NOW - 10 * DAY),
      keywords: ['光刻胶', '国产替代'],
    }),
    project('p2', {
      title: '高纯电子特气产线扩建',
      summary: '纯度 6N 的电子特气，半导体材料国产替代',
      startupName: '无锡睿芯半导体材料科技',
      tracks: ['semiconductor_materials'],
      stage: 'b',
      regionCode: '320211',
      instruments: ['loan'],
      amountSought: 8_000_000_000,
      publishedAt: new Date(NOW - 5 * DAY),
    }),
    project('p3', {
      title: 'Semiconductor wafer inspection equipment',
      summary: 'Optical inspection for semiconductor fabs, replacing imported tools',
      startupName: '杭州澄光智能装备',
      tracks: ['high_end_equipment', 'integrated_circuits'],
      stage: 'angel',
      regionCode: '330106',
      instruments: ['equity'],
      amountSought: 1_500_000_000,
      publishedAt: new Date(NOW - 2 * DAY),
    }),
    project('p4', {
      title: '工业视觉质检平台',
      summary: '小样本缺陷检测算法，人工智能替代人工目检 machine vision',
      startupName: '杭州云帆智能',
      tracks: ['artificial_intelligence'],
      stage: 'seed',
      regionCode: '330106',
      instruments: ['equity', 'convertible_grant'],
      amountSought: 500_000_000,
      publishedAt: new Date(NOW - 1 * DAY),
    }),
    project('p5', {
      title: '智能农机导航系统',
      summary: '北斗导航与视觉融合的无人驾驶农机',
      startupName: '无锡星航智农',
      tracks: ['intelligent_agri_machinery'],
      stage: 'pre_a',
      regionCode: '320211',
      instruments: ['ip_pledge_loan'],
      amountSought: 900_000_000,
      publishedAt: new Date(NOW - 30 * DAY),
    }),
    project('p6', {
      title: '固态电池电解质材料',
      summary: '硫化物固态电解质，能量密度提升 40%',
      startupName: '芜湖鸿鹄新能源',
      tracks: ['energy_storage', 'new_materials'],
      stage: 'a',
      regionCode: '340202',
      instruments: ['equity'],
      amountSought: 2_000_000_000,
      publishedAt: new Date(NOW - 20 * DAY),
    }),
    project('p7', {
      title: '草稿：下一代光刻胶',
      summary: '半导体材料 draft of org b',
      organizationId: 'org-b',
      startupName: '北辰材料',
      tracks: ['semiconductor_materials'],
      stage: 'seed',
      regionCode: '330106',
      status: 'draft',
      instruments: ['equity'],
      amountSought: 100_000_000,
      publishedAt: null,
    }),
    project('p8', {
      title: 'Quote "inside" and back\\slash OR tracks = x',
      summary: 'hostile text stored as data 😀',
      startupName: 'Hostile Inc',
      tracks: ['fintech'],
      stage: 'c',
      regionCode: '210112',
      instruments: ['loan'],
      amountSought: 12_000_000_000,
      publishedAt: new Date(NOW - 3 * DAY),
    }),
  ];
}

const ids = (r: SearchResult) => r.hits.map((h) => h.id);
const sorted = (r: SearchResult) => ids(r).sort();

async function expectQueryError(promise: Promise<unknown>, code: string, field?: string): Promise<void> {
  await expect(promise).rejects.toBeInstanceOf(SearchQueryError);
  await expect(promise).rejects.toMatchObject(field === undefined ? { code } : { code, field });
}

export function describeSearchContract(adapter: string, makeEngine: () => Promise<SearchEngine>): void {
  describe(`SearchIndex contract: ${adapter}`, () => {
    let engine: SearchEngine;
    let index: SearchIndex<ProjectDocument>;
    const run = `contract_${Math.random().toString(36).slice(2, 8)}`;
    const name = `${run}_projects`;
    const docs = contractFixtures();

    beforeAll(async () => {
      engine = await makeEngine();
      index = engine.index<ProjectDocument>(name);
      await index.applySettings(PROJECT_SEARCH_SETTINGS);
      await index.upsert(docs, { batchSize: 3 });
    });

    afterAll(async () => {
      if (!engine) return;
      for (const n of await engine.listIndexes()) if (n.startsWith(run)) await engine.deleteIndex(n);
      await engine.close();
    });

    it('is healthy and counts its documents', async () => {
      expect((await engine.health()).ok).toBe(true);
      expect((await index.stats()).numberOfDocuments).toBe(docs.length);
      expect((await index.get('p1'))?.title).toBe('KrF 光刻胶国产化项目');
    });

    describe('text', () => {
      it('finds Chinese words in compounds ("半导体 材料" → 半导体材料 documents)', async () => {
        const r = await index.search('半导体 材料');
        expect(sorted(r)).toEqual(['p1', 'p2', 'p7']);
        expect(r.estimatedTotal).toBe(3);
      });

      it('finds a Chinese word inside a longer one (光刻胶)', async () => {
        expect(sorted(await index.search('光刻胶'))).toEqual(['p1', 'p7']);
      });

      it('finds English words, prefixes and typos', async () => {
        for (const q of ['semiconductor', 'semicond', 'semiconductr', 'Semiconductor WAFER']) {
          expect(ids(await index.search(q))).toContain('p3');
        }
      });

      it('ranks a title match before a body match', async () => {
        const r = await index.search('光刻胶', { filter: F.eq('status', 'published') });
        expect(ids(r)[0]).toBe('p1');
      });

      it('highlights matched words', async () => {
        const r = await index.search('semiconductor');
        const hit = r.hits.find((h) => h.id === 'p3');
        expect(Object.values(hit?.highlights ?? {}).join(' ')).toMatch(/<em>semiconductor<\/em>/i);
      });

      it('highlights a matched Chinese word whole, never split in two spans', async () => {
        const r = await index.search('半导体 材料');
        const name = r.hits.find((h) => h.id === 'p2')?.highlights.startupName ?? '';
        expect(name).toMatch(/<em>[^<]*半导体[^<]*<\/em>/);
        expect(name.replace(/<\/?em>/g, '')).toBe('无锡睿芯半导体材料科技');
      });

      it('applies synonyms (AI → 人工智能)', async () => {
        expect(ids(await index.search('AI'))).toContain('p4');
      });

      it('empty query returns every document', async () => {
        const r = await index.search('', { limit: 100 });
        expect(r.estimatedTotal).toBe(docs.length);
        expect(sorted(r)).toEqual(docs.map((d) => d.id).sort());
      });
    });

    describe('filters', () => {
      it('eq on a scalar and on an array (contains)', async () => {
        expect(sorted(await index.search('', { filter: F.eq('stage', 'a') }))).toEqual(['p1', 'p6']);
        expect(sorted(await index.search('', { filter: F.eq('tracks', 'new_materials') }))).toEqual(['p6']);
      });

      it('IN', async () => {
        expect(sorted(await index.search('', { filter: F.in('stage', ['seed', 'angel']) }))).toEqual([
          'p3',
          'p4',
          'p7',
        ]);
        expect(sorted(await index.search('', { filter: F.in('instruments', ['loan', 'ip_pledge_loan']) }))).toEqual([
          'p2',
          'p5',
          'p8',
        ]);
        expect(sorted(await index.search('', { filter: F.in('stage', []) }))).toEqual([]);
      });

      it('numeric ranges, inclusive and exclusive', async () => {
        const between = F.range('amountSought', { gte: 900_000_000, lte: 3_000_000_000 });
        expect(sorted(await index.search('', { filter: between }))).toEqual(['p1', 'p3', 'p5', 'p6']);
        const open = F.range('amountSought', { gt: 900_000_000, lt: 3_000_000_000 });
        expect(sorted(await index.search('', { filter: open }))).toEqual(['p3', 'p6']);
      });

      it('AND, OR, NOT', async () => {
        const f = F.and(
          F.eq('regionCode', '330106'),
          F.or(F.eq('stage', 'seed'), F.eq('stage', 'angel')),
          F.not(F.eq('status', 'draft')),
        );
        expect(sorted(await index.search('', { filter: f }))).toEqual(['p3', 'p4']);
        expect(sorted(await index.search('', { filter: F.or() }))).toEqual([]);
        expect((await index.search('', { filter: F.and() })).estimatedTotal).toBe(docs.length);
      });

      it('text and filters together', async () => {
        const r = await index.search('半导体 材料', {
          filter: F.and(F.eq('status', 'published'), F.range('amountSought', { gte: 5_000_000_000 })),
        });
        expect(ids(r)).toEqual(['p2']);
      });

      it('visibility: public, plus drafts of the own organization only', async () => {
        expect(ids(await index.search('光刻胶', { filter: visibilityFilter('org-a') }))).toEqual(['p1']);
        expect(sorted(await index.search('光刻胶', { filter: visibilityFilter('org-b') }))).toEqual(['p1', 'p7']);
        expect(ids(await index.search('光刻胶', { filter: visibilityFilter(null) }))).toEqual(['p1']);
      });

      it('hostile filter values are data, never syntax', async () => {
        for (const value of ['" OR 1=1', "' OR ''='", 'a\\', 'x"] OR stage = "a', 'OR', ']', '\\"', '😀', '']) {
          const r = await index.search('', { filter: F.eq('stage', value) });
          expect(r.hits).toEqual([]);
        }
        const r = await index.search('', { filter: F.in('stage', ['a', '" OR stage = "b']) });
        expect(sorted(r)).toEqual(['p1', 'p6']);
      });
    });

    describe('facets', () => {
      it('counts every match exactly, for scalar and array attributes', async () => {
        const r = await index.search('', { facets: ['stage', 'tracks'], limit: 1 });
        expect(r.facets.stage).toEqual({ a: 2, b: 1, angel: 1, seed: 2, pre_a: 1, c: 1 });
        expect(r.facets.tracks).toEqual({
          semiconductor_materials: 3,
          high_end_equipment: 1,
          integrated_circuits: 1,
          artificial_intelligence: 1,
          intelligent_agri_machinery: 1,
          energy_storage: 1,
          new_materials: 1,
          fintech: 1,
        });
      });

      it('counts only what the query and filter let through', async () => {
        const r = await index.search('半导体 材料', {
          facets: ['status', 'regionCode'],
          filter: F.eq('stage', 'seed'),
        });
        expect(r.facets).toEqual({ status: { draft: 1 }, regionCode: { '330106': 1 } });
      });
    });

    describe('sort and pages', () => {
      it('sorts numerically ascending and descending', async () => {
        const asc = await index.search('', { sort: [{ field: 'amountSought', order: 'asc' }], limit: 100 });
        expect(ids(asc)).toEqual(['p7', 'p4', 'p5', 'p3', 'p6', 'p1', 'p2', 'p8']);
        const desc = await index.search('', { sort: [{ field: 'amountSought', order: 'desc' }], limit: 100 });
        expect(ids(desc)).toEqual(['p8', 'p2', 'p1', 'p6', 'p3', 'p5', 'p4', 'p7']);
      });

      it('sorts with a text query and a filter', async () => {
        const r = await index.search('半导体', {
          sort: [{ field: 'publishedAt', order: 'desc' }],
          filter: F.eq('visibility', 'public'),
        });
        expect(ids(r)).toEqual(['p3', 'p2', 'p1']);
      });

      it('pages with estimatedTotal', async () => {
        const sort = [{ field: 'amountSought', order: 'asc' as const }];
        const page2 = await index.search('', { sort, page: 2, limit: 3 });
        expect(ids(page2)).toEqual(['p3', 'p6', 'p1']);
        expect(page2).toMatchObject({ page: 2, limit: 3, estimatedTotal: 8 });
        const beyond = await index.search('', { sort, page: 9, limit: 3 });
        expect(beyond.hits).toEqual([]);
      });
    });

    describe('many matches', () => {
      it('counts and pages past 1 000 matches (the deal-flow candidate set reads up to 5 000)', async () => {
        const many = engine.index<ProjectDocument>(`${run}_many`);
        await many.applySettings(PROJECT_SEARCH_SETTINGS);
        const n = 1_250;
        await many.upsert(
          Array.from({ length: n }, (_, i) =>
            project(`m${i}`, { title: `储能系统 ${i}`, amountSought: 1_000_000 + i, stage: i % 2 ? 'a' : 'b' }),
          ),
          { batchSize: 500 },
        );
        const all = await many.search('储能', { limit: 100, facets: ['stage'] });
        expect(all.estimatedTotal).toBe(n);
        expect(all.facets.stage).toEqual({ a: n / 2, b: n / 2 });
        const sort = [{ field: 'amountSought', order: 'asc' as const }];
        const page12 = await many.search('储能', { sort, page: 12, limit: 100 });
        expect(page12.estimatedTotal).toBe(n);
        expect(page12.hits.map((h) => h.id)).toEqual(Array.from({ length: 100 }, (_, i) => `m${1100 + i}`));
        const page13 = await many.search('储能', { sort, page: 13, limit: 100 });
        expect(page13.hits.map((h) => h.id)).toEqual(Array.from({ length: 50 }, (_, i) => `m${1200 + i}`));
        await engine.deleteIndex(`${run}_many`);
      });
    });

    describe('errors', () => {
      it('rejects filters, facets and sorts on undeclared attributes with a code and the field', async () => {
        await expectQueryError(
          index.search('', { filter: F.eq('title', 'x') }),
          'SEARCH_FILTER_ATTRIBUTE_NOT_FILTERABLE',
          'title',
        );
        await expectQueryError(
          index.search('', { facets: ['summary'] }),
          'SEARCH_FACET_ATTRIBUTE_NOT_FILTERABLE',
          'summary',
        );
        await expectQueryError(
          index.search('', { sort: [{ field: 'stage', order: 'asc' }] }),
          'SEARCH_SORT_ATTRIBUTE_NOT_SORTABLE',
          'stage',
        );
        await expectQueryError(index.search('', { limit: 0 }), 'SEARCH_PAGINATION_INVALID', 'limit');
        await expectQueryError(index.search('', { page: 1.5 }), 'SEARCH_PAGINATION_INVALID', 'page');
        await expectQueryError(
          index.search('', { filter: { eq: { field: 'stage', value: NaN } } }),
          'SEARCH_FILTER_INVALID',
          'stage',
        );
        await expectQueryError(
          index.search('', { filter: { range: { field: 'amountSought' } } }),
          'SEARCH_FILTER_INVALID',
          'amountSought',
        );
        await expectQueryError(index.search('', { filter: {} as never }), 'SEARCH_FILTER_INVALID');
      });

      it('rejects invalid document ids', async () => {
        await expectQueryError(
          index.upsert([{ ...docs[0], id: 'bad id/with slash' }]),
          'SEARCH_DOCUMENT_INVALID',
          'id',
        );
      });
    });

    describe('hostile queries get results, never a crash', () => {
      it.each([
        ['10 000 characters', '半导体'.repeat(3334).slice(0, 10_000)],
        ['filter syntax', '" OR 1=1'],
        ['attribute syntax', 'tracks = x'],
        ['emoji', '😀🚀'],
        ['brackets and quotes', `]["'\\`],
        ['only spaces', '   '],
        ['control characters', '\u0000\u0007半导体\n'],
      ])('%s', async (_label, q) => {
        const r = await index.search(q, { facets: ['stage'] });
        expect(Array.isArray(r.hits)).toBe(true);
        expect(r.query.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
        expect(typeof r.estimatedTotal).toBe('number');
      });

      it('finds hostile text stored as data', async () => {
        expect(ids(await index.search('Hostile'))).toEqual(['p8']);
      });
    });

    describe('settings', () => {
      it('applying the same settings twice changes nothing', async () => {
        const before = await index.getSettings();
        await index.applySettings(PROJECT_SEARCH_SETTINGS);
        await index.applySettings(PROJECT_SEARCH_SETTINGS);
        const after = await index.getSettings();
        expect(after).toEqual(before);
        expect(after.filterableAttributes.sort()).toEqual([...PROJECT_SEARCH_SETTINGS.filterableAttributes].sort());
        expect(after.sortableAttributes.sort()).toEqual([...PROJECT_SEARCH_SETTINGS.sortableAttributes].sort());
        expect(after.searchableAttributes).toEqual(PROJECT_SEARCH_SETTINGS.searchableAttributes);
        expect(sorted(await index.search('半导体 材料'))).toEqual(['p1', 'p2', 'p7']);
      });
    });

    describe('writes', () => {
      it('replaces a document on upsert', async () => {
        await index.upsert([{ ...docs[4], title: '智能农机 autopilot', summary: '无人驾驶' }]);
        expect(ids(await index.search('autopilot'))).toEqual(['p5']);
        expect(ids(await index.search('北斗'))).toEqual([]);
        await index.upsert([docs[4]]);
        expect((await index.stats()).numberOfDocuments).toBe(docs.length);
      });

      it('deletes', async () => {
        await index.delete(['p6', 'does-not-exist']);
        expect(await index.get('p6')).toBeUndefined();
        expect(ids(await index.search('固态电池'))).toEqual([]);
        const r = await index.search('', { facets: ['tracks'] });
        expect(r.facets.tracks.energy_storage).toBeUndefined();
        await index.upsert([docs[5]]);
        expect(ids(await index.search('固态电池'))).toEqual(['p6']);
      });
    });

    describe('rebuild', () => {
      it('builds a shadow, swaps it in, and no query fails meanwhile', async () => {
        const next = docs.map((d) => ({ ...d, title: `${d.title} rebuilt` }));
        next.push(
          project('p9', {
            title: '低空经济 eVTOL 飞行器',
            tracks: ['low_altitude_economy'],
            stage: 'a',
            amountSought: 4_000_000_000,
          }),
        );
        let queries = 0;
        const failures: unknown[] = [];
        const totals = new Set<number>();
        let running = true;
        const loop = (async () => {
          while (running) {
            try {
              const r = await index.search('', { facets: ['stage'] });
              totals.add(r.estimatedTotal);
              queries++;
            } catch (err) {
              failures.push(err);
            }
            await new Promise((resolve) => setTimeout(resolve, 2));
          }
        })();
        const result = await engine.rebuild<ProjectDocument>(name, PROJECT_SEARCH_SETTINGS, async (shadow) => {
          for (let i = 0; i < next.length; i += 3) {
            await shadow.upsert(next.slice(i, i + 3));
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
        });
        running = false;
        await loop;
        expect(failures).toEqual([]);
        expect(queries).toBeGreaterThan(0);
        // Only ever the old complete set or the new complete set: never a half-filled shadow.
        expect([...totals].every((t) => t === docs.length || t === next.length)).toBe(true);
        expect(result).toMatchObject({ index: name, documents: next.length });
        expect(ids(await index.search('eVTOL'))).toEqual(['p9']);
        expect((await index.stats()).numberOfDocuments).toBe(next.length);
        expect((await index.get('p1'))?.title).toMatch(/rebuilt$/);
        expect((await engine.listIndexes()).filter((n) => n.startsWith(run))).toEqual([name]);
        expect(await index.getSettings()).toMatchObject({
          sortableAttributes: expect.arrayContaining(['amountSought']),
        });
      });

      it('leaves the live index untouched when the fill fails', async () => {
        const before = (await index.stats()).numberOfDocuments;
        await expect(
          engine.rebuild(name, PROJECT_SEARCH_SETTINGS, async (shadow) => {
            await shadow.upsert([docs[0]]);
            throw new Error('source database went away');
          }),
        ).rejects.toThrow('source database went away');
        expect((await index.stats()).numberOfDocuments).toBe(before);
        expect((await engine.listIndexes()).filter((n) => n.startsWith(run))).toEqual([name]);
      });

      it('swap exchanges two indexes', async () => {
        const other = engine.index<ProjectDocument>(`${run}_other`);
        await other.applySettings(PROJECT_SEARCH_SETTINGS);
        await other.upsert([docs[0]]);
        const before = (await index.stats()).numberOfDocuments;
        await engine.swap(name, `${run}_other`);
        expect((await index.stats()).numberOfDocuments).toBe(1);
        expect((await other.stats()).numberOfDocuments).toBe(before);
        await engine.swap(name, `${run}_other`);
        await engine.deleteIndex(`${run}_other`);
        expect((await index.stats()).numberOfDocuments).toBe(before);
      });
    });

    it('deleteAll empties the index', async () => {
      await index.deleteAll();
      expect((await index.search('')).estimatedTotal).toBe(0);
    });
  });
}
