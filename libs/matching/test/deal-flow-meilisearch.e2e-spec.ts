import { startApi, ApiHarness } from '../../../test/support/api-app';
import { Actor, registerOrg } from '../../../test/support/identity-fixtures';
import { createCompanyWithProject } from '../../../test/support/matching-fixtures';
import { MeiliServer, meiliBinary, meiliSkipNotice } from '../../../test/support/meilisearch-server';
import { spawnWorkerFor, SpawnedApp } from '../../../test/support/spawn-app';
import { SearchProjection } from '@app/search';
import { SnapshotService } from '../src/snapshot/snapshot.service';
import { MANDATE, SPINOUT, TEA, WUXI } from './deal-flow.fixtures';

/**
 * The deal-flow `q` parameter with SEARCH_ENGINE=meilisearch: free text goes through a private real
 * Meilisearch server (MEILI_BIN), the ranking stays the mandate's. Skipped without a server binary.
 */
const suite = meiliBinary() ? describe : describe.skip;
if (!meiliBinary()) console.info(meiliSkipNotice('deal-flow ?q= e2e (SEARCH_ENGINE=meilisearch)'));

suite('deal flow ?q= on a real Meilisearch server', () => {
  let meili: MeiliServer;
  let api: ApiHarness;
  let fund: Actor;
  let wuxi: { startupId: string; projectId: string };
  let spinout: { startupId: string; projectId: string };
  let mandateId: string;
  const dealFlow = (query = '') =>
    api.request(`/api/v1/mandates/${mandateId}/deal-flow${query}`, { token: fund.token });
  const projectIds = (b: { items: { projectId: string }[] }) => b.items.map((i) => i.projectId);

  beforeAll(async () => {
    meili = await MeiliServer.start();
    api = await startApi({ SEARCH_ENGINE: 'meilisearch', MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey });
    let wuxiFounder: Actor, spinoutFounder: Actor, teaFounder: Actor;
    [fund, wuxiFounder, spinoutFounder, teaFounder] = await Promise.all([
      registerOrg(api, 'fund', '西溪科创直投基金'),
      registerOrg(api, 'startup', '无锡星航'),
      registerOrg(api, 'startup', '苏州纳芯'),
      registerOrg(api, 'startup', '上海茶语'),
    ]);
    [wuxi, spinout] = await Promise.all([
      createCompanyWithProject(api, wuxiFounder, WUXI),
      createCompanyWithProject(api, spinoutFounder, SPINOUT),
      createCompanyWithProject(api, teaFounder, TEA),
    ]);
    const m = await api.request('/api/v1/mandates', { method: 'POST', token: fund.token, json: MANDATE });
    mandateId = m.body.id;
    await api.app.get(SnapshotService).resync();
    // The server's indexes, as `POST /search/reindex` builds them (the worker writes later changes).
    await api.app.get(SearchProjection).rebuildAll('reindex');
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await meili?.stop();
  });

  it('matches zh and en text through the server, ranked by the mandate', async () => {
    const all = await dealFlow();
    expect(all.status).toBe(200);
    expect(projectIds(all.body).sort()).toEqual([wuxi.projectId, spinout.projectId].sort());
    const beidou = await dealFlow(`?q=${encodeURIComponent('北斗')}`);
    expect(projectIds(beidou.body)).toEqual([wuxi.projectId]);
    const semis = await dealFlow('?q=semiconductor');
    expect(projectIds(semis.body)).toEqual([spinout.projectId]);
    const typo = await dealFlow('?q=semiconductr');
    expect(projectIds(typo.body)).toEqual([spinout.projectId]);
    // The tea shop matches the text, not the mandate.
    const tea = await dealFlow(`?q=${encodeURIComponent('新茶饮')}`);
    expect(tea.body).toMatchObject({ total: 0, items: [] });
    const hostile = await dealFlow(`?q=${encodeURIComponent('" OR 1=1 --')}`);
    expect(hostile.status).toBe(200);
  });

  it('answers 503 SEARCH_UNAVAILABLE for ?q= while the server is down; without q it still ranks', async () => {
    await meili.down();
    try {
      const res = await dealFlow(`?q=${encodeURIComponent('北斗')}`);
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: 'SEARCH_UNAVAILABLE' });
      const plain = await dealFlow();
      expect(plain.status).toBe(200);
      expect(plain.body.items).toHaveLength(2);
    } finally {
      await meili.up();
    }
    expect(projectIds((await dealFlow(`?q=${encodeURIComponent('北斗')}`)).body)).toEqual([wuxi.projectId]);
  });

  describe('with the real worker writing to the server', () => {
    let worker: SpawnedApp;
    beforeAll(async () => {
      worker = await spawnWorkerFor(api.db);
    });
    afterAll(async () => {
      await worker.stop();
    });

    it('a newly published project becomes findable by ?q= once the worker has synced it', async () => {
      const founder = await registerOrg(api, 'startup', '常州储能');
      const created = await createCompanyWithProject(api, founder, {
        ...SPINOUT,
        legalName: '常州新型储能材料有限公司',
        project: { ...SPINOUT.project, title: '固态电解质 种子轮 LQ57', keywords: ['固态电池'] },
      });
      const started = Date.now();
      for (;;) {
        const res = await dealFlow('?q=LQ57');
        if (res.status === 200 && projectIds(res.body).includes(created.projectId)) break;
        if (Date.now() - started > 45_000)
          throw new Error(`not findable after 45 s: ${res.text.slice(0, 300)}\n${worker.output().slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(projectIds((await dealFlow('?q=LQ57')).body)).toEqual([created.projectId]);
    }, 60_000);
  });
});
