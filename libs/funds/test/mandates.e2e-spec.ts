import { startApi, ApiHarness } from '../../../test/support/api-app';
import { expectTenantIsolation } from '../../../test/support/cross-tenant';
import { Actor, addMember, registerOrg } from '../../../test/support/identity-fixtures';

const WAN = 1_000_000;

const earlyFund = {
  name: '科创直投 · 高校成果转化早期基金',
  instruments: ['equity', 'convertible_grant'],
  stages: ['seed', 'angel', 'pre_a'],
  ticketMin: 300 * WAN,
  ticketMax: 3000 * WAN,
  tracks: ['semiconductor_materials', 'intelligent_agri_machinery'],
  regions: ['32'],
  thesis: '投早投小投硬科技',
  thesisKeywords: ['高校成果转化', '北斗导航'],
  exclusions: { startupIds: ['6f1c2a52-8f1e-4d55-9a43-1d6c8a2e9b10'] },
  weights: { early: 3, small: 2, hardTech: 3, innovation: 1, fit: 1 },
  discoverable: true,
};

describe('mandates: versions, validation, visibility', () => {
  let api: ApiHarness;
  let fund: Actor;
  let analyst: Actor;
  let bank: Actor;
  let otherFund: Actor;
  let founder: Actor;

  beforeAll(async () => {
    api = await startApi();
    fund = await registerOrg(api, 'fund', '西溪科创直投基金');
    analyst = await addMember(api, fund, 'member');
    bank = await registerOrg(api, 'bank', '江南科技银行');
    otherFund = await registerOrg(api, 'fund', '太湖天使');
    founder = await registerOrg(api, 'startup', '无锡星航');
  });
  afterAll(() => api.close());

  it('creates version 1, and every terms edit appends a version while status edits do not', async () => {
    const created = await api.request('/api/v1/mandates', { method: 'POST', token: analyst.token, json: earlyFund });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'fund',
      status: 'active',
      termsVersion: 1,
      version: 1,
      ticketMin: 300 * WAN,
      thesisKeywords: ['高校成果转化', '北斗导航'],
      minRdIntensityBp: null,
      creditProduct: null,
    });
    const id = created.body.id;

    const edited = await api.request(`/api/v1/mandates/${id}`, {
      method: 'PATCH',
      token: fund.token,
      json: { version: 1, ticketMax: 5000 * WAN, minRdIntensityBp: 500 },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      termsVersion: 2,
      version: 2,
      ticketMax: 5000 * WAN,
      ticketMin: 300 * WAN,
      minRdIntensityBp: 500,
    });

    const paused = await api.request(`/api/v1/mandates/${id}`, {
      method: 'PATCH',
      token: fund.token,
      json: { version: 2, status: 'paused' },
    });
    expect(paused.body).toMatchObject({ status: 'paused', termsVersion: 2, version: 3 });

    const stale = await api.request(`/api/v1/mandates/${id}`, {
      method: 'PATCH',
      token: fund.token,
      json: { version: 2, ticketMin: 0 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'MANDATE_VERSION_CONFLICT',
      details: { field: 'version', currentVersion: 3 },
    });

    const versions = await api.request(`/api/v1/mandates/${id}/versions`, { token: fund.token });
    expect(
      versions.body.map((v: { termsVersion: number; ticketMax: number }) => [v.termsVersion, v.ticketMax]),
    ).toEqual([
      [2, 5000 * WAN],
      [1, 3000 * WAN],
    ]);
  });

  it('rejects contradictory terms with a code and the offending field', async () => {
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ ticketMin: 5000 * WAN, ticketMax: 100 * WAN }, 422, 'MANDATE_INVALID', 'ticketMin'],
      [{ weights: { early: 0, small: 0, hardTech: 0, innovation: 0, fit: 0 } }, 422, 'MANDATE_INVALID', 'weights'],
      [
        { weights: { early: -1, small: 0, hardTech: 0, innovation: 0, fit: 1 } },
        400,
        'VALIDATION_FAILED',
        'weights.early',
      ],
      [{ tracks: ['crypto_mining'] }, 400, 'VALIDATION_FAILED', 'tracks'],
      [{ regions: ['3202x'] }, 400, 'VALIDATION_FAILED', 'regions'],
      [{ exclusions: { tracks: ['semiconductor_materials'] } }, 422, 'MANDATE_INVALID', 'exclusions.tracks'],
      [{ creditProduct: 'ip_pledge_loan' }, 422, 'MANDATE_INVALID', 'creditProduct'],
      [{ ticketMax: 1e30 }, 400, 'VALIDATION_FAILED', 'ticketMax'],
    ];
    for (const [patch, status, code, field] of cases) {
      const res = await api.request('/api/v1/mandates', {
        method: 'POST',
        token: fund.token,
        json: { ...earlyFund, ...patch },
      });
      expect({ patch, status: res.status, code: res.body.code }).toEqual({ patch, status, code });
      expect(res.body.details.field).toBe(field);
    }
    const list = await api.request('/api/v1/mandates', { token: fund.token });
    expect(list.body.items).toHaveLength(1); // nothing half-written
  });

  it('bank products: credit instruments only, and an IP-pledge loan needs a patent minimum', async () => {
    const equity = await api.request('/api/v1/mandates', {
      method: 'POST',
      token: bank.token,
      json: { ...earlyFund, name: '股权？', creditProduct: 'tech_credit_loan' },
    });
    expect(equity.status).toBe(422);
    expect(equity.body.details.problems).toContainEqual({
      field: 'instruments',
      rule: expect.stringContaining('loan'),
    });
    const noMinimum = await api.request('/api/v1/mandates', {
      method: 'POST',
      token: bank.token,
      json: {
        name: '知识产权质押贷',
        instruments: ['ip_pledge_loan'],
        ticketMin: 100 * WAN,
        ticketMax: 3000 * WAN,
        creditProduct: 'ip_pledge_loan',
      },
    });
    expect(noMinimum.status).toBe(422);
    expect(noMinimum.body.details.field).toBe('minPledgeableInventionPatents');
    const product = await api.request('/api/v1/mandates', {
      method: 'POST',
      token: bank.token,
      json: {
        name: '知识产权质押贷',
        instruments: ['ip_pledge_loan'],
        ticketMin: 100 * WAN,
        ticketMax: 3000 * WAN,
        creditProduct: 'ip_pledge_loan',
        minPledgeableInventionPatents: 5,
        discoverable: true,
      },
    });
    expect(product.status).toBe(201);
    expect(product.body).toMatchObject({ kind: 'bank_product', creditProduct: 'ip_pledge_loan' });

    // 投贷联动: an equity mandate packaged with the bank's credit product.
    const linked = await api.request('/api/v1/mandates', {
      method: 'POST',
      token: otherFund.token,
      json: { ...earlyFund, name: '投贷联动', instruments: ['equity_loan_package'], linkedMandateId: product.body.id },
    });
    expect(linked.status).toBe(201);
    expect(linked.body.linkedMandateId).toBe(product.body.id);
    const selfLink = await api.request('/api/v1/mandates', {
      method: 'POST',
      token: otherFund.token,
      json: { ...earlyFund, name: '投贷联动 2', instruments: ['equity_loan_package'], linkedMandateId: linked.body.id },
    });
    expect(selfLink.status).toBe(422);
    expect(selfLink.body).toMatchObject({ code: 'MANDATE_LINK_INVALID', details: { field: 'linkedMandateId' } });
  });

  it('only funds and banks keep mandates; others see active discoverable ones without named exclusions', async () => {
    const byFounder = await api.request('/api/v1/mandates', { method: 'POST', token: founder.token, json: earlyFund });
    expect(byFounder.status).toBe(403);
    expect(byFounder.body.code).toBe('MANDATE_ORG_KIND_INVALID');

    const open = await api.request('/api/v1/mandates', {
      method: 'POST',
      token: fund.token,
      json: { ...earlyFund, name: '公开策略' },
    });
    const seen = await api.request(`/api/v1/mandates/${open.body.id}`, { token: founder.token });
    expect(seen.status).toBe(200);
    expect(seen.body.exclusions.startupIds).toEqual([]);
    expect(seen.text).not.toContain('6f1c2a52-8f1e-4d55-9a43-1d6c8a2e9b10');
  });

  it('isolates private mandates between tenants', async () => {
    const hidden = await api.request('/api/v1/mandates', {
      method: 'POST',
      token: fund.token,
      json: { ...earlyFund, name: '内部策略', discoverable: false, thesis: '机密投资逻辑 XJ-42' },
    });
    await expectTenantIsolation(api, {
      route: { method: 'GET', path: `/api/v1/mandates/${hidden.body.id}` },
      owner: fund,
      stranger: otherFund,
      forbiddenValues: ['机密投资逻辑 XJ-42'],
    });
    await expectTenantIsolation(api, {
      route: { method: 'GET', path: `/api/v1/mandates/${hidden.body.id}/versions` },
      owner: fund,
      stranger: otherFund,
      forbiddenValues: ['机密投资逻辑 XJ-42'],
    });
    const edit = await api.request(`/api/v1/mandates/${hidden.body.id}`, {
      method: 'PATCH',
      token: otherFund.token,
      json: { version: 1, name: 'mine now' },
    });
    expect(edit.status).toBe(404);
  });
});
