import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startApi, ApiHarness } from '../../../test/support/api-app';
import { expectNoForbiddenValues, expectTenantIsolation } from '../../../test/support/cross-tenant';
import { Actor, registerOrg, promoteToPlatformAdmin } from '../../../test/support/identity-fixtures';
import { createCompanyWithProject, money } from '../../../test/support/matching-fixtures';
import { MeiliServer } from '../../../test/support/meilisearch-server';
import { spawnWorkerFor, SpawnedApp } from '../../../test/support/spawn-app';
import type { SearchEngine, SearchEngineKind } from '../src/port';
import { SEARCH_ENGINE } from '../src/nest/search.constants';
import { SearchProjection } from '../src/nest/search-projection.service';
import { SearchService } from '../src/nest/search.service';

const { wan } = money;
/** A parsed JSON response body, as the e2e specs read them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

/** 苏州 university spin-out: 电子特气 (semiconductor materials), seed. */
const SPINOUT = {
  legalName: '苏州纳芯半导体材料有限公司',
  regionCode: '320506',
  tracks: ['semiconductor_materials'],
  universitySpinOut: true,
  qualifications: [{ kind: 'tech_sme', validFrom: '2025-01-01', validUntil: '2030-12-31' }],
  project: {
    title: '电子特气提纯 种子轮',
    stage: 'seed',
    amountSought: wan(500),
    instruments: ['equity', 'convertible_grant'],
    keywords: ['电子特气', '高校成果转化'],
  },
};

/** 杭州 photoresist: semiconductor materials, angel. */
const PHOTORESIST = {
  legalName: '杭州光刻新材科技有限公司',
  regionCode: '330106',
  tracks: ['semiconductor_materials'],
  project: {
    title: 'KrF 光刻胶国产化 天使轮',
    stage: 'angel',
    amountSought: wan(1500),
    instruments: ['equity'],
    keywords: ['光刻胶'],
  },
};

/** 无锡 automotive MCU: integrated circuits — a chip, but not a semiconductor-materials project. */
const MCU = {
  legalName: '无锡芯驰车规电子有限公司',
  regionCode: '320214',
  tracks: ['integrated_circuits'],
  project: {
    title: '车规级 MCU 芯片 A 轮',
    stage: 'a',
    amountSought: wan(3000),
    instruments: ['equity'],
    keywords: ['车规级'],
  },
};

const TEA = {
  legalName: '上海茶语新消费品牌有限公司',
  regionCode: '310104',
  tracks: ['consumer'],
  project: { title: '新茶饮连锁 天使轮', stage: 'angel', amountSought: wan(1000), instruments: ['equity'] },
};

/** A draft whose title must never reach another organization. */
const DRAFT_TITLE = '绝密草稿 XJ7781 半导体材料 光刻胶 扩产';
const DRAFT = {
  legalName: '宁波绝密材料有限公司',
  regionCode: '330203',
  tracks: ['semiconductor_materials'],
  project: {
    title: DRAFT_TITLE,
    stage: 'pre_a',
    amountSought: wan(2500),
    instruments: ['equity'],
    keywords: ['XJ7781'],
  },
  publish: false,
};

/**
 * The search API end to end, on either engine: `search.e2e-spec.ts` (embedded) and
 * `search-meilisearch.e2e-spec.ts` (a private real Meilisearch server; skipped without MEILI_BIN).
 * With Meilisearch the API only queries: the fixtures reach the server by the same rebuild as
 * `POST /search/reindex`, and later changes through the real worker's `search-sync` queue.
 */
export function describeSearchE2e(engine: SearchEngineKind): void {
  describe(`search: GET /api/v1/search (${engine})`, () => {
    let meili: MeiliServer | undefined;
    let api: ApiHarness;
    let fund: Actor;
    let spinoutFounder: Actor;
    let draftFounder: Actor;
    let spinout: { startupId: string; projectId: string };
    let photoresist: { startupId: string; projectId: string };
    let mcu: { startupId: string; projectId: string };
    let draft: { startupId: string; projectId: string };
    let discoverableMandateId: string;
    let hiddenMandateId: string;

    const search = (query: string, token = fund.token) => api.request(`/api/v1/search?${query}`, { token });
    const ids = (body: { hits: { id: string }[] }) => body.hits.map((h) => h.id).sort();

    beforeAll(async () => {
      if (engine === 'meilisearch') meili = await MeiliServer.start();
      api = await startApi(
        meili ? { SEARCH_ENGINE: 'meilisearch', MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey } : {},
      );
      let photoFounder: Actor, mcuFounder: Actor, teaFounder: Actor;
      [fund, spinoutFounder, photoFounder, mcuFounder, teaFounder, draftFounder] = await Promise.all([
        registerOrg(api, 'fund', '西溪科创直投基金'),
        registerOrg(api, 'startup', '苏州纳芯'),
        registerOrg(api, 'startup', '杭州光刻'),
        registerOrg(api, 'startup', '无锡芯驰'),
        registerOrg(api, 'startup', '上海茶语'),
        registerOrg(api, 'startup', '宁波绝密'),
      ]);
      [spinout, photoresist, mcu, , draft] = await Promise.all([
        createCompanyWithProject(api, spinoutFounder, SPINOUT),
        createCompanyWithProject(api, photoFounder, PHOTORESIST),
        createCompanyWithProject(api, mcuFounder, MCU),
        createCompanyWithProject(api, teaFounder, TEA),
        createCompanyWithProject(api, draftFounder, DRAFT),
      ]);
      const mandate = (name: string, discoverable: boolean) =>
        api.request('/api/v1/mandates', {
          method: 'POST',
          token: fund.token,
          json: {
            name,
            instruments: ['equity'],
            stages: ['seed', 'angel'],
            ticketMin: wan(300),
            ticketMax: wan(3000),
            tracks: ['semiconductor_materials'],
            regions: ['32'],
            thesis: '半导体材料国产替代',
            discoverable,
          },
        });
      const [m1, m2] = await Promise.all([mandate('科创直投 · 半导体材料', true), mandate('内部 · 光刻胶专项', false)]);
      expect([m1.status, m2.status]).toEqual([201, 201]);
      discoverableMandateId = m1.body.id;
      hiddenMandateId = m2.body.id;
      // No worker runs here yet. Embedded: rebuild the in-process index as the feed does after a gap;
      // Meilisearch: rebuild the server's indexes as `POST /search/reindex` does.
      if (engine === 'embedded') await api.app.get(SearchProjection).resync();
      else await api.app.get(SearchProjection).rebuildAll('reindex');
    });
    afterAll(async () => {
      await api?.close();
      await meili?.stop();
    });

    it('finds the semiconductor-materials projects for "半导体 材料", with exact facet counts and highlights', async () => {
      const res = await search(
        `type=projects&q=${encodeURIComponent('半导体 材料')}&facets=tracks,stage,provinceCode,status`,
      );
      expect(res.status).toBe(200);
      expect(ids(res.body)).toEqual([spinout.projectId, photoresist.projectId].sort());
      expect(res.body).toMatchObject({
        type: 'projects',
        query: '半导体 材料',
        estimatedTotal: 2,
        page: 1,
        limit: 20,
        engine,
        facets: {
          tracks: { semiconductor_materials: 2 },
          stage: { seed: 1, angel: 1 },
          provinceCode: { '32': 1, '33': 1 },
          status: { published: 2 },
        },
      });
      expect(typeof res.body.processingMs).toBe('number');
      const hit = res.body.hits.find((h: { id: string }) => h.id === spinout.projectId);
      expect(hit.document).toMatchObject({
        title: SPINOUT.project.title,
        startupName: SPINOUT.legalName,
        stage: 'seed',
      });
      expect(JSON.stringify(hit.highlights)).toContain('<em>');
      expect(hit.highlights.startupName).toMatch(/<em>半导体<\/em>|<em>半导体材料<\/em>/);
    });

    it('finds the same projects for "semiconductor" (English track names and synonyms)', async () => {
      const res = await search('type=projects&q=semiconductor&facets=tracks');
      expect(res.status).toBe(200);
      expect(ids(res.body)).toEqual([spinout.projectId, photoresist.projectId].sort());
      expect(res.body.facets).toEqual({ tracks: { semiconductor_materials: 2 } });
      const chips = await search(`type=projects&q=${encodeURIComponent('芯片')}`);
      expect(ids(chips.body)).toEqual([mcu.projectId]);
    });

    it('filters by region, stage, instrument and amount; sorts; pages', async () => {
      const zj = await search('type=projects&track=semiconductor_materials&region=33');
      expect(ids(zj.body)).toEqual([photoresist.projectId]);
      const district = await search('type=projects&region=320506,320214');
      expect(ids(district.body)).toEqual([spinout.projectId, mcu.projectId].sort());
      const grants = await search('type=projects&instrument=convertible_grant');
      expect(ids(grants.body)).toEqual([spinout.projectId]);
      const mid = await search(`type=projects&amountMin=${wan(1000)}&amountMax=${wan(2000)}&facets=stage`);
      expect(mid.body.hits.map((h: { document: { title: string } }) => h.document.title).sort()).toEqual(
        [PHOTORESIST.project.title, TEA.project.title].sort(),
      );
      expect(mid.body.facets).toEqual({ stage: { angel: 2 } });
      const seed = await search('type=projects&stage=seed,a');
      expect(ids(seed.body)).toEqual([spinout.projectId, mcu.projectId].sort());
      const sorted = await search('type=projects&sort=amount_desc');
      expect(sorted.body.hits.map((h: { document: { amountSought: number } }) => h.document.amountSought)).toEqual([
        wan(3000),
        wan(1500),
        wan(1000),
        wan(500),
      ]);
      const page2 = await search('type=projects&sort=amount_desc&limit=3&page=2');
      expect(page2.body).toMatchObject({ page: 2, limit: 3, estimatedTotal: 4 });
      expect(page2.body.hits.map((h: { document: { amountSought: number } }) => h.document.amountSought)).toEqual([
        wan(500),
      ]);
    });

    it('searches companies and mandates; a hidden mandate is its fund’s only', async () => {
      const companies = await search(`type=startups&q=${encodeURIComponent('纳芯')}&facets=qualifications,tracks`);
      expect(companies.status).toBe(200);
      expect(ids(companies.body)).toEqual([spinout.startupId]);
      expect(companies.body.facets).toEqual({
        qualifications: { tech_sme: 1 },
        tracks: { semiconductor_materials: 1 },
      });
      const byFounder = await search(`type=mandates&q=${encodeURIComponent('半导体材料')}`, spinoutFounder.token);
      expect(ids(byFounder.body)).toEqual([discoverableMandateId]);
      expectNoForbiddenValues(byFounder.body, [hiddenMandateId, '光刻胶专项']);
      const byFund = await search(`type=mandates&q=${encodeURIComponent('半导体材料')}&facets=status,stages`);
      expect(ids(byFund.body)).toEqual([discoverableMandateId, hiddenMandateId].sort());
      expect(byFund.body.facets).toEqual({ status: { active: 2 }, stages: { seed: 2, angel: 2 } });
      const inJiangsu = await search('type=mandates&region=320506&amountMin=' + wan(2000), spinoutFounder.token);
      expect(ids(inJiangsu.body)).toEqual([discoverableMandateId]);
    });

    it('a draft is found by its own organization and never by another, in no field', async () => {
      const own = await search(`type=projects&q=XJ7781&facets=status`, draftFounder.token);
      expect(ids(own.body)).toEqual([draft.projectId]);
      expect(own.body.facets).toEqual({ status: { draft: 1 } });
      const ownAll = await search(
        `type=projects&q=${encodeURIComponent('半导体 材料')}&facets=status`,
        draftFounder.token,
      );
      expect(ids(ownAll.body)).toEqual([spinout.projectId, photoresist.projectId, draft.projectId].sort());
      expect(ownAll.body.facets.status).toEqual({ published: 2, draft: 1 });

      const forbidden = [draft.projectId, DRAFT_TITLE, 'XJ7781', '绝密草稿'];
      for (const who of [fund, spinoutFounder]) {
        for (const q of ['XJ7781', '绝密草稿', '半导体 材料', '光刻胶', '', 'xj7781']) {
          for (const extra of ['', '&status=draft', '&facets=status,tracks,stage', '&sort=amount_desc&limit=100']) {
            const res = await search(`type=projects&q=${encodeURIComponent(q)}${extra}`, who.token);
            expect(res.status).toBe(200);
            // `query` echoes what this caller typed; everything else must hold nothing of the draft.
            expectNoForbiddenValues({ ...res.body, query: undefined }, forbidden, [], `search q=${q}${extra}`);
            expect(res.body.facets.status?.draft).toBeUndefined();
          }
        }
      }
      await expectTenantIsolation(api, {
        route: {
          method: 'GET',
          path: `/api/v1/search?type=projects&q=${encodeURIComponent('光刻胶 扩产')}&facets=status`,
        },
        owner: draftFounder,
        stranger: fund,
        strangerExpect: { status: 200 },
        forbiddenValues: forbidden,
      });
      // The deal-flow candidate set follows the same rules (and only published projects).
      const service = api.app.get(SearchService);
      expect(await service.projectIdsMatching({ organizationId: fund.organizationId }, 'XJ7781')).toEqual(new Set());
      expect(await service.projectIdsMatching({ organizationId: draftFounder.organizationId }, 'XJ7781')).toEqual(
        new Set(),
      );
    });

    it('turns a text query into the deal-flow candidate set', async () => {
      const service = api.app.get(SearchService);
      expect(await service.projectIdsMatching({ organizationId: fund.organizationId }, '半导体 材料')).toEqual(
        new Set([spinout.projectId, photoresist.projectId]),
      );
      expect(await service.projectIdsMatching({ organizationId: fund.organizationId }, '  ')).toBeNull();
      expect(
        (await service.projectIdsMatching({ organizationId: fund.organizationId }, 'semiconductor', 1))!.size,
      ).toBe(1);
    });

    it('answers hostile queries with results or a clear 400, never a 500', async () => {
      const cases: [string, number, string?, string?][] = [
        [`type=projects&q=${'a'.repeat(10_000)}`, 400, 'VALIDATION_FAILED', 'q'],
        [`type=projects&q=${encodeURIComponent('" OR 1=1 --')}`, 200],
        [`type=projects&q=${encodeURIComponent('track = x AND')}`, 200],
        [`type=projects&q=${encodeURIComponent('tracks = semiconductor_materials OR visibility = organization')}`, 200],
        [`type=projects&q=${encodeURIComponent('🚀💡 半导体 👩‍🔬')}`, 200],
        [`type=projects&q=${encodeURIComponent('🚀')}`, 200],
        [`type=projects&q=`, 200],
        [`type=projects&q=${encodeURIComponent('   ')}`, 200],
        [`type=projects&q=${encodeURIComponent('<script>alert(1)</script> 半导体')}`, 200],
        [`type=projects&q=${encodeURIComponent('script 光刻胶')}`, 200],
        // The platform's text rule: no value holds U+0000 (other control and bidi characters are text).
        [`type=projects&q=${encodeURIComponent('\u0000\u0007 半导体 \u202e')}`, 400, 'VALIDATION_FAILED', 'q'],
        [`type=projects&q=${encodeURIComponent('\u0007 半导体 \u202e')}`, 200],
        [`type=projects&q=%ED%A0%80`, 200],
        [`type=projects&q=${encodeURIComponent('*'.repeat(500))}`, 200],
        [`type=projects&q=${encodeURIComponent('半'.repeat(500))}`, 200],
        [`type=projects&facets=title`, 400, 'SEARCH_FACET_ATTRIBUTE_NOT_FILTERABLE', 'facets'],
        [`type=projects&facets=organizationId`, 400, 'SEARCH_FACET_ATTRIBUTE_NOT_FILTERABLE', 'facets'],
        [
          `type=projects&facets=${encodeURIComponent('tracks = x')}`,
          400,
          'SEARCH_FACET_ATTRIBUTE_NOT_FILTERABLE',
          'facets',
        ],
        [`type=projects&sort=founded_asc`, 400, 'SEARCH_SORT_ATTRIBUTE_NOT_SORTABLE', 'sort'],
        [`type=projects&sort=${encodeURIComponent('title:asc')}`, 400, 'VALIDATION_FAILED', 'sort'],
        [`type=startups&stage=seed`, 400, 'SEARCH_FILTER_ATTRIBUTE_NOT_FILTERABLE', 'stage'],
        [`type=projects&qualification=tech_sme`, 400, 'SEARCH_FILTER_ATTRIBUTE_NOT_FILTERABLE', 'qualification'],
        [`type=projects&status=active`, 400, 'SEARCH_FILTER_INVALID', 'status'],
        [`type=projects&amountMin=5&amountMax=1`, 400, 'SEARCH_FILTER_INVALID', 'amountMin'],
        [`type=projects&amountMin=-1`, 400, 'VALIDATION_FAILED', 'amountMin'],
        [`type=projects&amountMin=1e400`, 400, 'VALIDATION_FAILED', 'amountMin'],
        [`type=projects&filter=${encodeURIComponent('visibility = organization')}`, 400, 'VALIDATION_FAILED', 'filter'],
        [`type=projects&track=${encodeURIComponent("x' OR '1'='1")}`, 400, 'VALIDATION_FAILED', 'track'],
        [`type=projects&region=320`, 400, 'VALIDATION_FAILED', 'region'],
        [`type=projects&region=9901`, 400, 'VALIDATION_FAILED', 'region'],
        [`type=projects&region=3202`, 200],
        [`type=users&q=x`, 400, 'VALIDATION_FAILED', 'type'],
        [`q=x`, 400, 'VALIDATION_FAILED', 'type'],
        [`type=projects&limit=0`, 400, 'VALIDATION_FAILED', 'limit'],
        [`type=projects&limit=101`, 400, 'VALIDATION_FAILED', 'limit'],
        [`type=projects&page=abc`, 400, 'VALIDATION_FAILED', 'page'],
        [`type=projects&page=501`, 400, 'VALIDATION_FAILED', 'page'],
        [`type=projects&q=a&q=b`, 400, 'VALIDATION_FAILED', 'q'],
      ];
      const problems: string[] = [];
      for (const [query, status, code, field] of cases) {
        const res = await search(query);
        const ok =
          res.status === status &&
          (code === undefined || res.body?.code === code) &&
          (field === undefined || res.body?.details?.field === field);
        if (!ok)
          problems.push(
            `${query.slice(0, 80)}: expected ${status} ${code ?? ''} ${field ?? ''}, got ${res.status} ${res.text.slice(0, 200)}`,
          );
        // Highlights are HTML (escaped text + <em>); `query` is the caller's own text, as JSON.
        if (res.status === 200) expect(JSON.stringify(res.body.hits)).not.toContain('<script>');
      }
      expect(problems).toEqual([]);
      const anonymous = await api.request('/api/v1/search?type=projects&q=x');
      expect(anonymous.status).toBe(401);
    });

    it('is in the OpenAPI document with bearer auth and every error code', async () => {
      const doc = await api.request('/api/docs-json');
      const get = doc.body.paths['/api/v1/search']?.get;
      const post = doc.body.paths['/api/v1/search/reindex']?.post;
      for (const op of [get, post]) {
        expect(op?.summary).toBeTruthy();
        expect(op.security?.some((s: Record<string, unknown>) => 'bearer' in s)).toBe(true);
        for (const status of Object.keys(op.responses).filter((s) => Number(s) >= 400))
          expect(op.responses[status].content['application/json'].schema.$ref).toBe('#/components/schemas/ErrorBody');
      }
      expect(Object.keys(get.responses).sort()).toEqual(['200', '400', '401', '503']);
      expect(get.responses['400'].description).toContain('SEARCH_FACET_ATTRIBUTE_NOT_FILTERABLE');
      expect(get.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining([
          'type',
          'q',
          'track',
          'region',
          'stage',
          'instrument',
          'status',
          'amountMin',
          'amountMax',
          'facets',
          'sort',
          'page',
          'limit',
        ]),
      );
    });

    it('reindexes (platform admins only) while queries keep answering', async () => {
      const refused = await api.request('/api/v1/search/reindex', { method: 'POST', token: fund.token });
      expect(refused.status).toBe(403);
      const admin = await registerOrg(api, 'organizer', '平台运营');
      await promoteToPlatformAdmin(api, admin.userId);

      let stop = false;
      const failures: string[] = [];
      let queries = 0;
      const loop = (async () => {
        while (!stop) {
          const res = await search(`type=projects&q=${encodeURIComponent('半导体 材料')}&facets=tracks`);
          queries++;
          const got = res.status === 200 ? ids(res.body).join(',') : '';
          if (res.status !== 200 || got !== [spinout.projectId, photoresist.projectId].sort().join(','))
            failures.push(`${res.status} ${res.text.slice(0, 200)}`);
        }
      })();
      for (let i = 0; i < 3; i++) {
        const res = await api.request('/api/v1/search/reindex', { method: 'POST', token: admin.token });
        expect(res.status).toBe(200);
        expect(res.body.engine).toBe(engine);
        expect(
          Object.fromEntries(res.body.indexes.map((r: { index: string; documents: number }) => [r.index, r.documents])),
        ).toEqual({
          projects: 5,
          startups: 5,
          mandates: 2,
        });
      }
      stop = true;
      await loop;
      expect(queries).toBeGreaterThan(3);
      expect(failures).toEqual([]);
    });

    const onMeili = engine === 'meilisearch' ? it : it.skip;

    /** Runs `npm run search:reindex` as an operator would, against this test's database and server. */
    function runReindexScript(): Promise<{ code: number | null; out: string }> {
      return new Promise((resolve) => {
        let out = '';
        const proc = spawn('npm', ['run', '--silent', 'search:reindex'], {
          cwd: join(__dirname, '..', '..', '..'),
          env: { ...process.env, DATABASE_URL: api.db.url },
          stdio: 'pipe',
        });
        proc.stdout.on('data', (d) => (out += d));
        proc.stderr.on('data', (d) => (out += d));
        proc.on('exit', (code) => resolve({ code, out }));
      });
    }

    onMeili(
      'npm run search:reindex rebuilds the server into shadows and swaps, while queries keep answering',
      async () => {
        const expected = [spinout.projectId, photoresist.projectId].sort().join(',');
        let stop = false;
        const failures: string[] = [];
        let queries = 0;
        const loop = (async () => {
          while (!stop) {
            const [projects, mandates] = await Promise.all([
              search(`type=projects&q=${encodeURIComponent('半导体 材料')}&facets=tracks`),
              search(`type=mandates&q=${encodeURIComponent('半导体材料')}`),
            ]);
            queries++;
            if (projects.status !== 200 || ids(projects.body).join(',') !== expected)
              failures.push(`projects ${projects.status} ${projects.text.slice(0, 200)}`);
            if (mandates.status !== 200 || mandates.body.hits.length !== 2)
              failures.push(`mandates ${mandates.status} ${mandates.text.slice(0, 200)}`);
          }
        })();
        const runs = [await runReindexScript()];
        stop = true;
        await loop;
        for (const run of runs) {
          expect({ code: run.code, out: run.code === 0 ? '' : run.out }).toEqual({ code: 0, out: '' });
          const result = JSON.parse(run.out);
          expect(result.engine).toBe('meilisearch');
          expect(
            Object.fromEntries(result.indexes.map((r: { index: string; documents: number }) => [r.index, r.documents])),
          ).toEqual({ projects: 5, startups: 5, mandates: 2 });
        }
        expect(queries).toBeGreaterThan(3);
        expect(failures).toEqual([]);
        // No shadow left behind on the server.
        const engineNames = await api.app.get<SearchEngine>(SEARCH_ENGINE).listIndexes();
        expect(engineNames.sort()).toEqual(['mandates', 'projects', 'startups']);
      },
    );

    onMeili('with the server down: not ready, search 503 SEARCH_UNAVAILABLE (never 500); back when it is', async () => {
      await meili!.down();
      const ready = await api.request('/api/v1/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { failing: ['search'] } });
      expect(ready.body.details.checks).toMatchObject({ database: { status: 'up' }, search: { status: 'down' } });
      for (const query of [
        `type=projects&q=${encodeURIComponent('半导体 材料')}&facets=tracks`,
        'type=startups&q=x',
        'type=mandates',
      ]) {
        const res = await search(query);
        expect({ query, status: res.status, code: res.body?.code }).toEqual({
          query,
          status: 503,
          code: 'SEARCH_UNAVAILABLE',
        });
        expect(res.text).not.toContain(meili!.url);
        expect(res.text).not.toContain(String(meili!.port));
      }
      const service = api.app.get(SearchService);
      await expect(service.projectIdsMatching({ organizationId: fund.organizationId }, '北斗')).rejects.toMatchObject({
        code: 'SEARCH_UNAVAILABLE',
      });
      // Invalid input is still a 400: it is checked before the engine is asked.
      const bad = await search('type=projects&facets=title');
      expect(bad.status).toBe(400);

      await meili!.up();
      expect((await api.request('/api/v1/health/ready')).status).toBe(200);
      const back = await search(`type=projects&q=${encodeURIComponent('半导体 材料')}`);
      expect(back.status).toBe(200);
      expect(ids(back.body)).toEqual([spinout.projectId, photoresist.projectId].sort());
    });

    describe('with the real worker relaying events', () => {
      let worker: SpawnedApp;
      beforeAll(async () => {
        worker = await spawnWorkerFor(api.db);
      });
      afterAll(async () => {
        await worker.stop();
      });

      /** Polls the search as `who` until `done(body)` holds; returns how long it took. */
      async function until(query: string, done: (body: Body) => boolean, who = fund, timeoutMs = 45_000) {
        const started = Date.now();
        for (;;) {
          const res = await search(query, who.token);
          if (res.status === 200 && done(res.body)) return Date.now() - started;
          if (Date.now() - started > timeoutMs)
            throw new Error(
              `not reflected after ${timeoutMs} ms: ${res.text.slice(0, 300)}\n${worker.output().slice(-2000)}`,
            );
          await new Promise((r) => setTimeout(r, 25));
        }
      }

      it('follows publish, edit, company rename and archive through outbox → worker → Redis → this index', async () => {
        const has = (id: string) => (b: { hits: { id: string }[] }) => b.hits.some((h) => h.id === id);
        const founder = await registerOrg(api, 'startup', '常州储能');
        const created = await createCompanyWithProject(api, founder, {
          ...SPINOUT,
          legalName: '常州新型储能材料有限公司',
          tracks: ['energy_storage'],
          project: { ...SPINOUT.project, title: '固态电解质 种子轮 QX42', keywords: ['固态电池'] },
        });
        await until('type=projects&q=QX42', has(created.projectId));

        // An edit: the new title is searchable, the old one is gone.
        const current = await api.request(`/api/v1/projects/${created.projectId}`, { token: founder.token });
        const edit = await api.request(`/api/v1/projects/${created.projectId}`, {
          method: 'PATCH',
          token: founder.token,
          json: { version: current.body.version, title: '硫化物固态电解质 种子轮 ZR88' },
        });
        expect(edit.status).toBe(200);
        await until('type=projects&q=ZR88', has(created.projectId));
        await until('type=projects&q=QX42', (b) => !has(created.projectId)(b));

        // A company rename re-indexes its projects (they carry the company name).
        const company = await api.request(`/api/v1/startups/${created.startupId}`, { token: founder.token });
        const rename = await api.request(`/api/v1/startups/${created.startupId}`, {
          method: 'PATCH',
          token: founder.token,
          json: { version: company.body.version, legalName: '常州锂固新能源有限公司' },
        });
        expect(rename.status).toBe(200);
        await until(`type=projects&q=${encodeURIComponent('锂固')}`, has(created.projectId));
        await until(`type=startups&q=${encodeURIComponent('锂固')}`, has(created.startupId));

        // A fund rename re-indexes its mandates (their documents carry the fund's name).
        const renamedFund = await api.request('/api/v1/organizations/current', {
          method: 'PATCH',
          token: fund.token,
          json: { name: '西溪硬科技母基金 KV7' },
        });
        expect(renamedFund.status).toBe(200);
        await until(
          'type=mandates&q=KV7',
          (b) =>
            b.hits.length === 2 &&
            b.hits.every((h: { document: { orgName: string } }) => h.document.orgName === '西溪硬科技母基金 KV7'),
        );

        // Archive: gone for everybody else at once (the permission re-check on Postgres drops a stale
        // hit), and the index follows: its organization sees it archived.
        const archive = await api.request(`/api/v1/projects/${created.projectId}/archive`, {
          method: 'POST',
          token: founder.token,
        });
        expect(archive.status).toBe(200);
        const strangerView = await search('type=projects&q=ZR88&facets=status');
        expect(ids(strangerView.body)).toEqual([]);
        await until('type=projects&q=ZR88&facets=status', (b) => b.facets.status?.archived === 1, founder);
        await until(
          'type=projects&q=ZR88&facets=status',
          (b) => b.estimatedTotal === 0 && Object.keys(b.facets.status ?? {}).length === 0,
        );
      }, 90_000);
    });
  });
}
