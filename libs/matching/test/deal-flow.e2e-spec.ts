import { startApi, ApiHarness } from '../../../test/support/api-app';
import { expectTenantIsolation } from '../../../test/support/cross-tenant';
import { Actor, registerOrg } from '../../../test/support/identity-fixtures';
import { createCompanyWithProject, money } from '../../../test/support/matching-fixtures';
import { spawnWorkerFor, SpawnedApp } from '../../../test/support/spawn-app';
import { SearchProjection } from '@app/search';
import { SnapshotService } from '../src/snapshot/snapshot.service';
import { MANDATE, SPINOUT, TEA, WUXI } from './deal-flow.fixtures';

const { wan } = money;

describe('ranked, explained deal flow', () => {
  let api: ApiHarness;
  let fund: Actor;
  let otherFund: Actor;
  let bank: Actor;
  let wuxiFounder: Actor;
  let spinoutFounder: Actor;
  let teaFounder: Actor;
  let wuxi: { startupId: string; projectId: string };
  let spinout: { startupId: string; projectId: string };
  let tea: { startupId: string; projectId: string };
  let mandateId: string;
  let bankProductId: string;

  const dealFlow = (query = '', token = fund.token) =>
    api.request(`/api/v1/mandates/${mandateId}/deal-flow${query}`, { token });

  beforeAll(async () => {
    api = await startApi();
    [fund, otherFund, bank, wuxiFounder, spinoutFounder, teaFounder] = await Promise.all([
      registerOrg(api, 'fund', '西溪科创直投基金'),
      registerOrg(api, 'fund', '太湖天使'),
      registerOrg(api, 'bank', '江南科技银行'),
      registerOrg(api, 'startup', '无锡星航'),
      registerOrg(api, 'startup', '苏州纳芯'),
      registerOrg(api, 'startup', '上海茶语'),
    ]);
    wuxi = await createCompanyWithProject(api, wuxiFounder, WUXI);
    spinout = await createCompanyWithProject(api, spinoutFounder, SPINOUT);
    tea = await createCompanyWithProject(api, teaFounder, TEA);
    const m = await api.request('/api/v1/mandates', { method: 'POST', token: fund.token, json: MANDATE });
    mandateId = m.body.id;
    const p = await api.request('/api/v1/mandates', {
      method: 'POST',
      token: bank.token,
      json: {
        name: '知识产权质押贷',
        instruments: ['ip_pledge_loan'],
        ticketMin: wan(100),
        ticketMax: wan(3000),
        creditProduct: 'ip_pledge_loan',
        minPledgeableInventionPatents: 5,
        discoverable: true,
      },
    });
    bankProductId = p.body.id;
    // No worker runs in this process: rebuild the snapshot as the feed would after a gap.
    await api.app.get(SnapshotService).resync();
    await api.app.get(SearchProjection).resync();
  });
  afterAll(() => api.close());

  it('ranks eligible projects with a breakdown that adds up, and leaves the off-thesis one out', async () => {
    const res = await dealFlow();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mandateId, mandateTermsVersion: 1, total: 2, nextCursor: null });
    expect(res.body.scoreVersion).toMatch(/^matching@\d+\+tech-sme/);
    expect(res.body.snapshotVersion).toBeGreaterThan(0);
    const ids = res.body.items.map((i: { projectId: string }) => i.projectId);
    expect(ids.sort()).toEqual([wuxi.projectId, spinout.projectId].sort());
    expect(ids).not.toContain(tea.projectId);
    for (const item of res.body.items) {
      expect(item.eligible).toBe(true);
      expect(item.breakdown.map((c: { key: string }) => c.key)).toEqual([
        'early',
        'small',
        'hardTech',
        'innovation',
        'fit',
        'portfolio',
      ]);
      // No history yet (no deals, marks or imported portfolio): portfolio fit is there, with weight 0.
      expect(item.breakdown.find((c: { key: string }) => c.key === 'portfolio')).toMatchObject({
        weight: 0,
        contribution: 0,
      });
      const sum = item.breakdown.reduce((s: number, c: { contribution: number }) => s + c.contribution, 0);
      expect(Math.abs(sum - item.score)).toBeLessThan(0.06);
      expect(item.breakdown.find((c: { key: string }) => c.key === 'innovation').estimate).toBe(true);
    }
    const scores = res.body.items.map((i: { score: number }) => i.score);
    expect(scores[0]).toBeGreaterThanOrEqual(scores[1]);
    const first = res.body.items.find((i: { projectId: string }) => i.projectId === wuxi.projectId);
    expect(first).toMatchObject({
      title: WUXI.project.title,
      startupName: WUXI.legalName,
      stage: 'a',
      regionCode: '320214',
      amountSought: wan(2000),
    });
  });

  it('shows bands, not confidential figures, until the company grants access', async () => {
    const before = await dealFlow();
    const item = before.body.items.find((i: { projectId: string }) => i.projectId === wuxi.projectId);
    expect(item.redacted).toBe(true);
    const hardTech = item.breakdown.find((c: { key: string }) => c.key === 'hardTech');
    expect(typeof hardTech.inputs.rdIntensityBp).toBe('string'); // a band such as "≥ 5 %"
    expect(before.text).not.toContain(String(wan(4800)));
    expect(before.text).not.toContain(String(wan(420)));

    const grant = await api.request('/api/v1/access-grants', {
      method: 'POST',
      token: wuxiFounder.token,
      json: { granteeOrganizationId: fund.organizationId },
    });
    expect(grant.status).toBe(201);
    const after = await dealFlow();
    const open = after.body.items.find((i: { projectId: string }) => i.projectId === wuxi.projectId);
    expect(open.redacted).toBe(false);
    expect(open.breakdown.find((c: { key: string }) => c.key === 'hardTech').inputs.rdIntensityBp).toBe(875);
    const other = after.body.items.find((i: { projectId: string }) => i.projectId === spinout.projectId);
    expect(other.redacted).toBe(true); // a grant covers one company only
  });

  it('answers a compact list (view=compact) whose items open to the same full explanation', async () => {
    const full = await dealFlow();
    const compact = await dealFlow('?view=compact');
    expect(compact.status).toBe(200);
    expect(compact.headers.get('content-type')).toMatch(/^application\/json/);
    expect(compact.text.length).toBeLessThan(full.text.length);
    const { items: fullItems, ...fullPage } = full.body;
    const { items: compactItems, ...compactPage } = compact.body;
    expect(compactPage).toEqual(fullPage);
    expect(compactItems.map((i: { projectId: string }) => i.projectId)).toEqual(
      fullItems.map((i: { projectId: string }) => i.projectId),
    );
    for (const [i, c] of compactItems.entries()) {
      const f = fullItems[i];
      const { breakdown, hints, ...rest } = f;
      expect(c).toEqual({
        ...rest,
        criteria: breakdown.map((b: { key: string; value: number; contribution: number; estimate?: true }) => ({
          key: b.key,
          value: b.value,
          contribution: b.contribution,
          ...(b.estimate ? { estimate: true } : {}),
        })),
        hints: hints.slice(0, 3),
      });
      expect(c).not.toHaveProperty('breakdown');
      // On demand: the item's full explanation, from the same snapshot version.
      const one = await api.request(`/api/v1/mandates/${mandateId}/deal-flow/${c.projectId}`, { token: fund.token });
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ mandateId, snapshotVersion: full.body.snapshotVersion });
      expect(one.body.item).toEqual(f);
    }
    const missing = await api.request(`/api/v1/mandates/${mandateId}/deal-flow/${tea.startupId}`, {
      token: fund.token,
    });
    expect(missing.status).toBe(404);
    const foreign = await api.request(`/api/v1/mandates/${mandateId}/deal-flow/${wuxi.projectId}`, {
      token: otherFund.token,
    });
    expect(foreign.status).toBe(404);
  });

  it('reorders when the weights change, and records the new terms version', async () => {
    const current = await api.request(`/api/v1/mandates/${mandateId}`, { token: fund.token });
    const hardTechOnly = await api.request(`/api/v1/mandates/${mandateId}`, {
      method: 'PATCH',
      token: fund.token,
      json: { version: current.body.version, weights: { early: 0, small: 0, hardTech: 1, innovation: 0, fit: 0 } },
    });
    expect(hardTechOnly.body.termsVersion).toBe(2);
    const byHardTech = await dealFlow();
    expect(byHardTech.body.mandateTermsVersion).toBe(2);
    expect(byHardTech.body.items.map((i: { projectId: string }) => i.projectId)).toEqual([
      wuxi.projectId,
      spinout.projectId,
    ]);
    for (const item of byHardTech.body.items) {
      const hardTech = item.breakdown.find((c: { key: string }) => c.key === 'hardTech');
      expect(hardTech.weight).toBe(1);
      expect(item.score).toBeCloseTo(hardTech.value * 100, 1);
    }

    const earlyOnly = await api.request(`/api/v1/mandates/${mandateId}`, {
      method: 'PATCH',
      token: fund.token,
      json: { version: hardTechOnly.body.version, weights: { early: 1, small: 0, hardTech: 0, innovation: 0, fit: 0 } },
    });
    expect(earlyOnly.status).toBe(200);
    const byEarly = await dealFlow();
    expect(byEarly.body.items.map((i: { projectId: string }) => i.projectId)).toEqual([
      spinout.projectId,
      wuxi.projectId,
    ]);
  });

  it('pages with a stable cursor, filters, and rejects bad input with 400', async () => {
    const page1 = await dealFlow('?limit=1');
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.total).toBe(2);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await dealFlow(`?limit=1&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.nextCursor).toBeNull();
    expect(page2.body.items[0].projectId).not.toBe(page1.body.items[0].projectId);

    const onlySemis = await dealFlow('?track=semiconductor_materials');
    expect(onlySemis.body.items.map((i: { projectId: string }) => i.projectId)).toEqual([spinout.projectId]);
    const wuxiOnly = await dealFlow('?region=3202&stage=a,b');
    expect(wuxiOnly.body.items.map((i: { projectId: string }) => i.projectId)).toEqual([wuxi.projectId]);
    // Free text goes through the search port (zh and en), the ranking stays the mandate's.
    const beidou = await dealFlow(`?q=${encodeURIComponent('北斗')}`);
    expect(beidou.body.items.map((i: { projectId: string }) => i.projectId)).toEqual([wuxi.projectId]);
    const semis = await dealFlow(`?q=semiconductor`);
    expect(semis.body.items.map((i: { projectId: string }) => i.projectId)).toEqual([spinout.projectId]);
    const nothing = await dealFlow(`?q=${encodeURIComponent('新茶饮')}`);
    expect(nothing.body).toMatchObject({ total: 0, items: [] }); // the tea shop matches the text, not the mandate
    const none = await dealFlow('?minScore=100');
    expect(none.body).toMatchObject({ total: 0, items: [] });

    for (const [query, field] of [
      ['?track=crypto', 'track'],
      ['?region=北京', 'region'],
      ['?minScore=101', 'minScore'],
      ['?limit=1000', 'limit'],
      ['?cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['?unknown=1', 'unknown'],
    ]) {
      const res = await dealFlow(query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.details.field).toBe(field);
    }
  });

  it('tells founders which mandates match their project and why not', async () => {
    const forWuxi = await api.request(`/api/v1/projects/${wuxi.projectId}/investor-matches`, {
      token: wuxiFounder.token,
    });
    expect(forWuxi.status).toBe(200);
    const byId = new Map(forWuxi.body.items.map((i: { mandateId: string }) => [i.mandateId, i]));
    expect(byId.get(bankProductId)).toMatchObject({
      eligible: true,
      kind: 'bank_product',
      organizationName: '江南科技银行',
    });
    expect(byId.get(mandateId)).toMatchObject({ eligible: true, organizationName: '西溪科创直投基金' });

    const forSpinout = await api.request(`/api/v1/projects/${spinout.projectId}/investor-matches`, {
      token: spinoutFounder.token,
    });
    const loan = forSpinout.body.items.find((i: { mandateId: string }) => i.mandateId === bankProductId);
    expect(loan.eligible).toBe(false);
    expect(loan.reasons.map((r: { code: string }) => r.code).sort()).toEqual(['INSTRUMENT', 'MIN_PLEDGEABLE_PATENTS']);
    const patents = loan.reasons.find((r: { code: string }) => r.code === 'MIN_PLEDGEABLE_PATENTS');
    expect(patents).toMatchObject({ kind: 'violated', expected: 5, actual: 2 });
    expect(forSpinout.body.items[0].eligible).toBe(true); // eligible ones first

    // An innovation-points loan: eligible only from a 创新积分 estimate threshold.
    const innovationLoan = await api.request('/api/v1/mandates', {
      method: 'POST',
      token: bank.token,
      json: {
        name: '创新积分贷',
        instruments: ['ip_pledge_loan'],
        ticketMin: wan(100),
        ticketMax: wan(3000),
        creditProduct: 'innovation_points_loan',
        minInnovationScore: 99.5,
        discoverable: true,
      },
    });
    expect(innovationLoan.status).toBe(201);
    const again = await api.request(`/api/v1/projects/${wuxi.projectId}/investor-matches`, {
      token: wuxiFounder.token,
    });
    const points = again.body.items.find((i: { mandateId: string }) => i.mandateId === innovationLoan.body.id);
    expect(points.eligible).toBe(false);
    expect(points.reasons).toEqual([
      expect.objectContaining({
        code: 'MIN_INNOVATION_SCORE',
        kind: 'violated',
        expected: 99.5,
        actual: expect.any(Number),
      }),
    ]);
    expect(points.reasons[0].actual).toBeLessThan(99.5);

    const forTea = await api.request(`/api/v1/projects/${tea.projectId}/investor-matches?show=excluded`, {
      token: teaFounder.token,
    });
    const fundView = forTea.body.items.find((i: { mandateId: string }) => i.mandateId === mandateId);
    expect(fundView.reasons.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['TRACK', 'REGION']));
    expect(forTea.body.eligibleCount).toBe(0);
  });

  it('opening a deal from the deal flow records the score and terms version, and the item shows the stage', async () => {
    const before = await dealFlow();
    const item = before.body.items.find((i: { projectId: string }) => i.projectId === wuxi.projectId);
    expect(item.dealStage).toBeNull();
    const opened = await api.request('/api/v1/deals', {
      method: 'POST',
      token: fund.token,
      json: { projectId: wuxi.projectId, mandateId },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      stage: 'new',
      mandateTermsVersion: before.body.mandateTermsVersion,
      scoreAtOpen: item.score,
    });
    expect(opened.body.scoreVersion).toBe(before.body.scoreVersion);
    const after = await dealFlow();
    expect(after.body.items.find((i: { projectId: string }) => i.projectId === wuxi.projectId).dealStage).toBe('new');
  });

  it('keeps deal flow and investor matches inside their organizations', async () => {
    await expectTenantIsolation(api, {
      route: { method: 'GET', path: `/api/v1/mandates/${mandateId}/deal-flow` },
      owner: fund,
      stranger: otherFund,
      forbiddenValues: [wuxi.projectId, spinout.projectId],
      missingPath: '/api/v1/mandates/00000000-0000-4000-8000-000000000000/deal-flow',
    });
    await expectTenantIsolation(api, {
      route: { method: 'GET', path: `/api/v1/projects/${wuxi.projectId}/investor-matches` },
      owner: wuxiFounder,
      stranger: spinoutFounder,
      forbiddenValues: [String(wan(4800))],
      missingPath: '/api/v1/projects/00000000-0000-4000-8000-000000000000/investor-matches',
    });
    const byFounder = await dealFlow('', wuxiFounder.token);
    expect(byFounder.status).toBe(403);
    expect(byFounder.body.code).toBe('MANDATE_ORG_KIND_INVALID');
  });

  it('boots from stored feature rows, and recomputes only what changed behind its back', async () => {
    const snapshots = api.app.get(SnapshotService);
    const ranked = async () =>
      ((await dealFlow('?limit=10')).body.items as { projectId: string; score: number }[]).map(
        (i): [string, number] => [i.projectId, i.score],
      );
    const snapshotInfo = async () => (await api.request('/api/v1/health/ready')).body.info.matchingSnapshot;
    const before = await ranked();
    const rdSpend = () => snapshots.snapshot.get(wuxi.projectId)?.rdSpend;
    const rdBefore = rdSpend();
    expect(rdBefore).toEqual(expect.any(Number));
    const stored: { project_id: string }[] = await api.db.dataSource.query(
      'SELECT project_id FROM matching_project_features',
    );
    expect(stored.map((r) => r.project_id)).toEqual(
      expect.arrayContaining([wuxi.projectId, spinout.projectId, tea.projectId]),
    );

    // Every project's features and label, as the snapshot holds them (built through the rubrics at boot here).
    const held = () =>
      snapshots.snapshot.features
        .map((f) => ({ features: f, label: snapshots.label(f.projectId) }))
        .sort((a, b) => a.features.projectId.localeCompare(b.features.projectId));
    const computed = held();

    // A restart with nothing changed reads every row and runs no rubric.
    await snapshots.resync();
    const warm = await snapshotInfo();
    expect(warm).toMatchObject({ status: 'up', phase: 'built', computed: 0 });
    expect(warm.fromStore).toBe(warm.total);
    expect(await ranked()).toEqual(before);
    // The stored rows (parsed, their strings interned in place) are the computed features, value for value.
    expect(held()).toEqual(computed);

    // Figures edited without an event reaching this process: the source stamp moved, so that one
    // project is computed again from its new figures.
    await api.db.dataSource.query(
      'UPDATE startup_fiscal_years SET rd_spend = rd_spend * 3, updated_at = now() WHERE startup_id = $1',
      [wuxi.startupId],
    );
    await snapshots.resync();
    expect(await snapshotInfo()).toMatchObject({ phase: 'built', computed: 1, fromStore: warm.total - 1 });
    expect(rdSpend()).toBe(rdBefore! * 3);

    await api.db.dataSource.query(
      'UPDATE startup_fiscal_years SET rd_spend = rd_spend / 3, updated_at = now() WHERE startup_id = $1',
      [wuxi.startupId],
    );
    await snapshots.resync();
    expect(rdSpend()).toBe(rdBefore);
    expect(await ranked()).toEqual(before);
  });

  describe('with the real worker relaying events', () => {
    let worker: SpawnedApp;
    beforeAll(async () => {
      worker = await spawnWorkerFor(api.db);
    });
    afterAll(async () => {
      await worker.stop();
    });

    /** Polls until `done(body)` holds; returns the body and how long it took. */
    async function until(done: (body: any) => boolean, timeoutMs = 30_000) {
      const started = Date.now();
      for (;;) {
        const res = await dealFlow('?limit=50');
        if (done(res.body)) return { body: res.body, ms: Date.now() - started };
        if (Date.now() - started > timeoutMs)
          throw new Error(
            `not reflected after ${timeoutMs} ms: ${res.text.slice(0, 300)}\n${worker.output().slice(-2000)}`,
          );
        await new Promise((r) => setTimeout(r, 25));
      }
    }

    it('follows publish, edit and archive through outbox → worker → Redis → this process', async () => {
      const ids = (b: { items: { projectId: string }[] }) => b.items.map((i) => i.projectId);
      const before = await dealFlow('?limit=50');
      const newFounder = await registerOrg(api, 'startup', '常州储能');
      const newcomer = await createCompanyWithProject(api, newFounder, {
        ...SPINOUT,
        legalName: '常州新型储能材料有限公司',
        project: { ...SPINOUT.project, title: '固态电解质 种子轮' },
      });
      const published = await until((b) => ids(b).includes(newcomer.projectId));
      expect(published.body.snapshotVersion).toBeGreaterThan(before.body.snapshotVersion);

      const archive = await api.request(`/api/v1/projects/${spinout.projectId}/archive`, {
        method: 'POST',
        token: spinoutFounder.token,
      });
      expect(archive.status).toBe(200);
      const archived = await until((b) => !ids(b).includes(spinout.projectId));
      expect(ids(archived.body)).toContain(wuxi.projectId);

      // A company-level edit re-scores its projects: no longer a university spin-out → less 投早.
      const scoreOf = (b: { items: { projectId: string; score: number }[] }) =>
        b.items.find((i) => i.projectId === newcomer.projectId)?.score;
      const oldScore = scoreOf(archived.body)!;
      const company = await api.request(`/api/v1/startups/${newcomer.startupId}`, { token: newFounder.token });
      const edit = await api.request(`/api/v1/startups/${newcomer.startupId}`, {
        method: 'PATCH',
        token: newFounder.token,
        json: { version: company.body.version, universitySpinOut: false },
      });
      expect(edit.status).toBe(200);
      const rescored = await until((b) => scoreOf(b) !== oldScore);
      expect(scoreOf(rescored.body)).toBeLessThan(oldScore);
    }, 90_000);
  });
});
