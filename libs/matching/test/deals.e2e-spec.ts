import { randomUUID } from 'node:crypto';
import { startApi, ApiHarness, ApiResponse } from '../../../test/support/api-app';
import { expectNoForbiddenValues, expectTenantIsolation } from '../../../test/support/cross-tenant';
import { Actor, addMember, registerOrg } from '../../../test/support/identity-fixtures';
import { createCompanyWithProject, type CompanySpec } from '../../../test/support/matching-fixtures';

const WAN = 1_000_000; // ¥10 000 in 分
const FLOW = ['shortlisted', 'contacted', 'meeting', 'due_diligence', 'term_sheet', 'signed', 'disbursed'] as const;

interface Transition {
  fromStage: string | null;
  toStage: string;
  actorUserId: string;
  at: string;
  passReason: { code: string; text: string | null; label: { zh: string; en: string } } | null;
  note: string | null;
}

/** Each history row starts where the previous one ended, times strictly increase, and it ends at the deal's stage. */
function expectConsistentHistory(deal: { stage: string; stageChangedAt: string; transitions: Transition[] }) {
  const t = deal.transitions;
  expect(t[0].fromStage).toBeNull();
  expect(t[0].toStage).toBe('new');
  for (let i = 1; i < t.length; i++) {
    expect(t[i].fromStage).toBe(t[i - 1].toStage);
    expect(Date.parse(t[i].at)).toBeGreaterThan(Date.parse(t[i - 1].at));
  }
  expect(t[t.length - 1].toStage).toBe(deal.stage);
  expect(t[t.length - 1].at).toBe(deal.stageChangedAt);
}

describe('deal pipeline', () => {
  let api: ApiHarness;
  let fund: Actor;
  let analyst: Actor;
  let otherFund: Actor;
  let shyFund: Actor;
  let founder: Actor;
  let otherFounder: Actor;
  let mandateId: string;
  let shyMandateId: string;
  let otherMandateId: string;
  let seq = 0;

  const company = (over: Partial<CompanySpec> & { stage?: string; amountSought?: number } = {}): CompanySpec => ({
    legalName: `测试科技${++seq}有限公司`,
    regionCode: '320211',
    tracks: over.tracks ?? ['robotics'],
    project: {
      title: `项目${seq}`,
      stage: over.stage ?? 'seed',
      amountSought: over.amountSought ?? 200 * WAN,
      instruments: ['equity'],
    },
    publish: over.publish,
  });
  const newProject = async (over: Parameters<typeof company>[0] = {}, owner = founder) =>
    (await createCompanyWithProject(api, owner, company(over))).projectId;

  const open = (actor: Actor, projectId: string, extra: Record<string, unknown> = {}) =>
    api.request('/api/v1/deals', { method: 'POST', token: actor.token, json: { projectId, ...extra } });
  const move = (actor: Actor, dealId: string, to: string, extra: Record<string, unknown> = {}) =>
    api.request(`/api/v1/deals/${dealId}/transitions`, { method: 'POST', token: actor.token, json: { to, ...extra } });
  const ok = (res: ApiResponse, status = 200) => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${res.text}`);
    return res.body;
  };
  const openDeal = async (actor: Actor, projectId: string, extra: Record<string, unknown> = {}): Promise<string> =>
    ok(await open(actor, projectId, extra), 201).id;
  const walk = async (actor: Actor, dealId: string, stages: readonly string[]) => {
    for (const s of stages) ok(await move(actor, dealId, s));
  };
  const createMandate = async (actor: Actor, body: Record<string, unknown>): Promise<string> =>
    ok(
      await api.request('/api/v1/mandates', {
        method: 'POST',
        token: actor.token,
        json: { instruments: ['equity'], ticketMin: 100 * WAN, ticketMax: 500 * WAN, ...body },
      }),
      201,
    ).id;

  beforeAll(async () => {
    api = await startApi();
    fund = await registerOrg(api, 'fund', '西溪科创直投基金');
    analyst = await addMember(api, fund, 'member');
    otherFund = await registerOrg(api, 'fund', '太湖天使投资');
    shyFund = await registerOrg(api, 'fund', '隐名资本管理');
    founder = await registerOrg(api, 'startup', '无锡星航智农');
    otherFounder = await registerOrg(api, 'startup', '潍坊泰星');
    mandateId = await createMandate(fund, {
      name: '早期硬科技',
      stages: ['seed', 'angel'],
      tracks: ['robotics', 'quantum'],
    });
    shyMandateId = await createMandate(shyFund, { name: '隐名策略', hideNameOnPass: true });
    otherMandateId = await createMandate(otherFund, { name: '太湖天使一期' });
  }, 60_000);
  afterAll(() => api.close());

  it('walks new → … → disbursed with every transition timestamped with its actor', async () => {
    const projectId = await newProject();
    const opened = await open(analyst, projectId, { mandateId, note: '园区推荐' });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      projectId,
      investorOrganizationId: fund.organizationId,
      startupOrganizationId: founder.organizationId,
      mandateId,
      mandateTermsVersion: 1,
      stage: 'new',
      allowedNext: ['shortlisted', 'passed'],
      passReason: null,
      scoreAtOpen: null,
      amount: null,
      createdBy: analyst.userId,
    });
    expect(opened.body.transitions).toEqual([
      expect.objectContaining({ fromStage: null, toStage: 'new', actorUserId: analyst.userId, note: '园区推荐' }),
    ]);
    const id = opened.body.id;

    const actors = [fund, analyst];
    let last: any;
    for (const [i, to] of FLOW.entries()) {
      const extra = to === 'term_sheet' ? { amount: 1500 * WAN, expectedStage: 'due_diligence' } : {};
      last = ok(await move(actors[i % 2], id, to, extra));
      expect(last.stage).toBe(to);
    }
    expect(last).toMatchObject({ stage: 'disbursed', allowedNext: [], amount: 1500 * WAN });
    expect(last.version).toBeGreaterThan(opened.body.version);

    const detail = ok(await api.request(`/api/v1/deals/${id}`, { token: analyst.token }));
    expect(detail.transitions.map((t: Transition) => [t.fromStage, t.toStage, t.actorUserId])).toEqual([
      [null, 'new', analyst.userId],
      ['new', 'shortlisted', fund.userId],
      ['shortlisted', 'contacted', analyst.userId],
      ['contacted', 'meeting', fund.userId],
      ['meeting', 'due_diligence', analyst.userId],
      ['due_diligence', 'term_sheet', fund.userId],
      ['term_sheet', 'signed', analyst.userId],
      ['signed', 'disbursed', fund.userId],
    ]);
    expectConsistentHistory(detail);

    // Every change announced in its own transaction: opening plus seven moves.
    const events = await api.db.dataSource.query(
      "SELECT payload FROM outbox_events WHERE type = 'matching.deal_changed' AND payload->>'dealId' = $1 ORDER BY created_at, id",
      [id],
    );
    expect(events.map((e: { payload: { stage: string } }) => e.payload.stage)).toEqual(['new', ...FLOW]);
    expect(events[0].payload).toEqual({
      type: 'matching.deal_changed',
      dealId: id,
      projectId,
      investorOrganizationId: fund.organizationId,
      stage: 'new',
    });

    const signedAgain = await move(fund, id, 'passed', { passReason: { code: 'valuation' } });
    expect(signedAgain.status).toBe(409);
    expect(signedAgain.body).toMatchObject({
      code: 'DEAL_TRANSITION_INVALID',
      details: { from: 'disbursed', to: 'passed', allowed: [] },
    });
  });

  it('opens deals only on published projects of other organizations, under one’s own mandates', async () => {
    const draftId = await newProject({ publish: false });
    const draft = await open(fund, draftId);
    expect(draft.status).toBe(404);
    expect(draft.body.code).toBe('PROJECT_NOT_FOUND');

    const archivedId = await newProject();
    ok(await api.request(`/api/v1/projects/${archivedId}/archive`, { method: 'POST', token: founder.token }));
    const archived = await open(fund, archivedId);
    expect(archived.status).toBe(422);
    expect(archived.body).toMatchObject({
      code: 'PROJECT_NOT_DEALABLE',
      details: { field: 'projectId', reason: 'not_published' },
    });

    const missing = await open(fund, randomUUID());
    expect(missing.body.code).toBe('PROJECT_NOT_FOUND');

    const projectId = await newProject();
    const strangersMandate = await open(fund, projectId, { mandateId: otherMandateId });
    expect(strangersMandate.status).toBe(404);
    expect(strangersMandate.body.code).toBe('MANDATE_NOT_FOUND');

    const byFounder = await open(founder, projectId);
    expect(byFounder.status).toBe(403);
    expect(byFounder.body.code).toBe('DEAL_ORG_KIND_INVALID');

    const unknownField = await open(fund, projectId, { stage: 'meeting' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.code).toBe('VALIDATION_FAILED');

    // A fund cannot own companies through the API; make one of its projects its own in the database.
    const ownId = await newProject();
    await api.db.dataSource.query('UPDATE projects SET organization_id = $1 WHERE id = $2', [
      fund.organizationId,
      ownId,
    ]);
    const own = await open(fund, ownId);
    expect(own.status).toBe(422);
    expect(own.body).toMatchObject({ code: 'PROJECT_NOT_DEALABLE', details: { reason: 'own_project' } });

    const first = await open(fund, projectId);
    expect(first.status).toBe(201);
    const again = await open(analyst, projectId, { mandateId });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'DEAL_EXISTS', details: { dealId: first.body.id } });
    // Another investor may track the same project.
    expect((await open(otherFund, projectId)).status).toBe(201);
  });

  it('refuses invalid transitions with 409 and the allowed list, and stale moves with DEAL_VERSION_CONFLICT', async () => {
    const id = await openDeal(fund, await newProject());
    const skip = await move(fund, id, 'meeting');
    expect(skip.status).toBe(409);
    expect(skip.body).toMatchObject({
      code: 'DEAL_TRANSITION_INVALID',
      details: { from: 'new', to: 'meeting', allowed: ['shortlisted', 'passed'] },
    });
    const same = await move(fund, id, 'new');
    expect(same.body).toMatchObject({ code: 'DEAL_TRANSITION_INVALID', details: { from: 'new', to: 'new' } });
    const stale = await move(fund, id, 'contacted', { expectedStage: 'shortlisted' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'DEAL_VERSION_CONFLICT',
      details: { expectedStage: 'shortlisted', currentStage: 'new' },
    });
    const early = await move(fund, id, 'shortlisted', { amount: 100 * WAN });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'DEAL_FIELD_NOT_ALLOWED', details: { field: 'amount' } });
    const reasonNoPass = await move(fund, id, 'shortlisted', { passReason: { code: 'team' } });
    expect(reasonNoPass.status).toBe(422);
    expect(reasonNoPass.body).toMatchObject({ code: 'DEAL_FIELD_NOT_ALLOWED', details: { field: 'passReason' } });
    const badStage = await move(fund, id, 'won');
    expect(badStage.status).toBe(400);
    const unknownReason = await move(fund, id, 'passed', { passReason: { code: 'bored' } });
    expect(unknownReason.status).toBe(400);
    expect(unknownReason.body.details.field).toBe('passReason.code');

    const detail = ok(await api.request(`/api/v1/deals/${id}`, { token: fund.token }));
    expect(detail.stage).toBe('new');
    expect(detail.transitions).toHaveLength(1);
  });

  it('requires a structured reason to pass, text for “other”, and clears it on revisit', async () => {
    const id = await openDeal(fund, await newProject());
    await walk(fund, id, ['shortlisted', 'contacted']);

    const noReason = await move(fund, id, 'passed');
    expect(noReason.status).toBe(422);
    expect(noReason.body).toMatchObject({ code: 'PASS_REASON_REQUIRED', details: { field: 'passReason' } });
    const otherNoText = await move(fund, id, 'passed', { passReason: { code: 'other' } });
    expect(otherNoText.status).toBe(422);
    expect(otherNoText.body).toMatchObject({
      code: 'PASS_REASON_TEXT_REQUIRED',
      details: { field: 'passReason.text' },
    });
    const otherBlank = await move(fund, id, 'passed', { passReason: { code: 'other', text: '   ' } });
    expect(otherBlank.body.code).toBe('PASS_REASON_TEXT_REQUIRED');

    const passed = ok(
      await move(fund, id, 'passed', {
        passReason: { code: 'other', text: '基金存续期不匹配' },
        note: '内部：LP 反对',
      }),
    );
    expect(passed).toMatchObject({
      stage: 'passed',
      allowedNext: ['shortlisted'],
      passReason: { code: 'other', text: '基金存续期不匹配', label: { zh: '其他', en: 'Other' } },
    });
    const revisited = ok(await move(analyst, id, 'shortlisted'));
    expect(revisited.passReason).toBeNull();
    expect(revisited.transitions.map((t: Transition) => [t.toStage, t.passReason?.code ?? null])).toEqual([
      ['new', null],
      ['shortlisted', null],
      ['contacted', null],
      ['passed', 'other'],
      ['shortlisted', null],
    ]);
    expectConsistentHistory(revisited);
  });

  it('shows founders every deal on their project with pass reasons, hiding the name where the fund chooses', async () => {
    const projectId = await newProject();
    const open1 = await openDeal(fund, projectId, { mandateId, note: 'NOTE-SECRET-1' });
    await walk(fund, open1, ['shortlisted', 'contacted']);
    ok(
      await move(fund, open1, 'passed', {
        passReason: { code: 'off_thesis_ticket', text: '金额超出区间' },
        note: 'NOTE-SECRET-2',
      }),
    );
    const shy = await openDeal(shyFund, projectId, { mandateId: shyMandateId });
    await walk(shyFund, shy, ['shortlisted', 'contacted']);

    // Before the pass the shy fund is a named counterpart (the founder has been contacted by it).
    const before = ok(await api.request(`/api/v1/projects/${projectId}/deal-feedback`, { token: founder.token }));
    expect(before.items.find((i: any) => i.stage === 'contacted')).toMatchObject({
      investorName: '隐名资本管理',
      investorNameHidden: false,
    });

    ok(
      await move(shyFund, shy, 'passed', {
        passReason: { code: 'team', text: '团队需补强商业化' },
        note: 'NOTE-SECRET-3',
      }),
    );
    const other = await openDeal(otherFund, projectId, { mandateId: otherMandateId });
    await walk(otherFund, other, ['shortlisted', 'contacted', 'meeting', 'due_diligence']);
    ok(await move(otherFund, other, 'term_sheet', { amount: 300 * WAN }));

    const res = await api.request(`/api/v1/projects/${projectId}/deal-feedback`, { token: founder.token });
    expect(res.status).toBe(200);
    const items = res.body.items;
    expect(items).toHaveLength(3);
    const named = items.find((i: any) => i.investorOrganizationId === fund.organizationId);
    expect(named).toMatchObject({
      stage: 'passed',
      investorName: '西溪科创直投基金',
      investorLabel: '西溪科创直投基金',
      investorNameHidden: false,
      passReason: {
        code: 'off_thesis_ticket',
        text: '金额超出区间',
        label: { zh: '融资金额不在投资区间', en: 'Off thesis: ticket size' },
      },
      amount: null,
    });
    const hidden = items.find((i: any) => i.investorNameHidden);
    expect(hidden).toMatchObject({
      stage: 'passed',
      investorOrganizationId: null,
      investorName: null,
      investorLabel: '一家投资机构',
      passReason: { code: 'team', text: '团队需补强商业化', label: { zh: '团队', en: 'Team' } },
    });
    expect(items.find((i: any) => i.stage === 'term_sheet')).toMatchObject({
      investorName: '太湖天使投资',
      amount: 300 * WAN,
      passReason: null,
    });
    // Notes, deal ids, mandates, scores and investors' members never reach founders; nor the hidden fund.
    expectNoForbiddenValues(
      res.body,
      [
        'NOTE-SECRET',
        '隐名资本',
        shyFund.organizationId,
        shyMandateId,
        mandateId,
        open1,
        shy,
        other,
        fund.userId,
        shyFund.userId,
      ],
      ['note', 'mandateId', 'scoreAtOpen', 'actorUserId', 'transitions', 'id'],
    );

    const en = await api.request(`/api/v1/projects/${projectId}/deal-feedback`, {
      token: founder.token,
      headers: { 'accept-language': 'en' },
    });
    expect(en.body.items.find((i: any) => i.investorNameHidden).investorLabel).toBe('An investor');
  });

  it('serializes 10 identical concurrent moves: exactly one wins, one history row', async () => {
    const id = await openDeal(fund, await newProject());
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => move(i % 2 ? fund : analyst, id, 'shortlisted')),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(409)]);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body).toMatchObject({
        code: 'DEAL_TRANSITION_INVALID',
        details: { from: 'shortlisted', to: 'shortlisted' },
      });
    }
    const detail = ok(await api.request(`/api/v1/deals/${id}`, { token: fund.token }));
    expect(detail.transitions.filter((t: Transition) => t.toStage === 'shortlisted')).toHaveLength(1);
    expect(detail.transitions).toHaveLength(2);
    expectConsistentHistory(detail);

    // With expectedStage the losers are told someone moved the deal first.
    const guarded = await Promise.all(
      Array.from({ length: 10 }, () => move(analyst, id, 'contacted', { expectedStage: 'shortlisted' })),
    );
    expect(guarded.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    expect(guarded.filter((r) => r.status === 409).every((r) => r.body.code === 'DEAL_VERSION_CONFLICT')).toBe(true);
  });

  it('never loses one of two concurrent different moves', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await openDeal(fund, await newProject());
      await walk(fund, id, ['shortlisted', 'contacted']);
      const [meet, pass] = await Promise.all([
        move(fund, id, 'meeting'),
        move(analyst, id, 'passed', { passReason: { code: 'traction' } }),
      ]);
      const detail = ok(await api.request(`/api/v1/deals/${id}`, { token: fund.token }));
      expectConsistentHistory(detail);
      const succeeded = [meet, pass].filter((r) => r.status === 200).length;
      expect(detail.transitions).toHaveLength(3 + succeeded);
      expect(pass.status).toBe(200); // passing is valid from contacted and from meeting
      expect(detail.stage).toBe('passed');
      if (meet.status === 200) {
        expect(detail.transitions.slice(3).map((t: Transition) => t.toStage)).toEqual(['meeting', 'passed']);
      } else {
        expect(meet.body).toMatchObject({
          code: 'DEAL_TRANSITION_INVALID',
          details: { from: 'passed', allowed: ['shortlisted'] },
        });
      }
    }
  });

  it('opens exactly one deal under duplicate concurrent submissions', async () => {
    const projectId = await newProject();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => open(i % 2 ? fund : analyst, projectId)));
    const created = results.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    const conflicts = results.filter((r) => r.status === 409);
    expect(conflicts).toHaveLength(7);
    for (const c of conflicts)
      expect(c.body).toMatchObject({ code: 'DEAL_EXISTS', details: { dealId: created[0].body.id } });
    const list = ok(await api.request(`/api/v1/deals?projectId=${projectId}`, { token: fund.token }));
    expect(list.items.map((d: { id: string }) => d.id)).toEqual([created[0].body.id]);
    expect(created[0].body.transitions).toHaveLength(1);
  });

  it('lists the organization’s pipeline with filters and cursor pages', async () => {
    const bank = await registerOrg(api, 'bank', '江南科技银行');
    const bankMandate = await createMandate(bank, {
      name: '知识产权质押贷',
      instruments: ['ip_pledge_loan'],
      creditProduct: 'ip_pledge_loan',
      minPledgeableInventionPatents: 2,
    });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(await openDeal(bank, await newProject(), i < 3 ? { mandateId: bankMandate } : {}));
    await walk(bank, ids[0], ['shortlisted']);
    await walk(bank, ids[4], ['shortlisted']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const qs: string = `limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = ok(await api.request(`/api/v1/deals?${qs}`, { token: bank.token }));
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((d: { id: string }) => d.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect([...seen].sort()).toEqual([...ids].sort());
    // Newest deal first, whatever moved since: the pages key on the creation time, which never changes.
    expect(seen).toEqual([...ids].reverse());

    const shortlisted = ok(await api.request('/api/v1/deals?stage=shortlisted', { token: bank.token }));
    expect(shortlisted.items.map((d: { id: string }) => d.id).sort()).toEqual([ids[0], ids[4]].sort());
    const underMandate = ok(await api.request(`/api/v1/deals?mandateId=${bankMandate}`, { token: bank.token }));
    expect(underMandate.items.map((d: { id: string }) => d.id).sort()).toEqual(ids.slice(0, 3).sort());
    expect(underMandate.items[0]).toMatchObject({
      projectTitle: expect.stringMatching(/^项目/),
      startupName: expect.stringMatching(/^测试科技/),
    });

    const badCursor = await api.request('/api/v1/deals?cursor=garbage', { token: bank.token });
    expect(badCursor.body.code).toBe('INVALID_CURSOR');
    const badStage = await api.request('/api/v1/deals?stage=won', { token: bank.token });
    expect(badStage.status).toBe(400);
    const asFounder = await api.request('/api/v1/deals', { token: founder.token });
    expect(asFounder.status).toBe(403);
    expect(asFounder.body.code).toBe('DEAL_ORG_KIND_INVALID');
  });

  it('keeps deals, transitions, feedback and stated-vs-actual inside their tenants', async () => {
    const projectId = await newProject();
    const id = await openDeal(fund, projectId, { mandateId, note: 'ISOLATION-NOTE' });
    const forbiddenValues = [id, 'ISOLATION-NOTE', fund.userId];

    await expectTenantIsolation(api, {
      route: { method: 'GET', path: `/api/v1/deals/${id}` },
      owner: fund,
      stranger: otherFund,
      lowerRole: analyst,
      lowerRoleExpect: { status: 200 },
      strangerExpect: { status: 404, code: 'DEAL_NOT_FOUND' },
      forbiddenValues,
      missingPath: `/api/v1/deals/${randomUUID()}`,
    });
    // The founder of the project is a stranger to the fund's deal record, too.
    await expectTenantIsolation(api, {
      route: { method: 'GET', path: `/api/v1/deals/${id}` },
      owner: fund,
      stranger: founder,
      ownerExpect: false,
      strangerExpect: { status: 404, code: 'DEAL_NOT_FOUND' },
      forbiddenValues,
    });
    await expectTenantIsolation(api, {
      route: { method: 'POST', path: `/api/v1/deals/${id}/transitions`, json: { to: 'shortlisted' } },
      owner: fund,
      stranger: otherFund,
      strangerExpect: { status: 404, code: 'DEAL_NOT_FOUND' },
      forbiddenValues,
      missingPath: `/api/v1/deals/${randomUUID()}/transitions`,
    });
    await expectTenantIsolation(api, {
      route: { method: 'GET', path: '/api/v1/deals' },
      owner: fund,
      stranger: otherFund,
      strangerExpect: { status: 200 },
      forbiddenValues,
    });
    await expectTenantIsolation(api, {
      route: { method: 'GET', path: `/api/v1/mandates/${mandateId}/stated-vs-actual` },
      owner: analyst,
      stranger: otherFund,
      strangerExpect: { status: 404, code: 'MANDATE_NOT_FOUND' },
      forbiddenValues: [mandateId, '早期硬科技'],
      missingPath: `/api/v1/mandates/${randomUUID()}/stated-vs-actual`,
    });
    // Investors (even one with a deal on it) and other founders do not read a project's feedback.
    for (const stranger of [otherFounder, otherFund, fund]) {
      await expectTenantIsolation(api, {
        route: { method: 'GET', path: `/api/v1/projects/${projectId}/deal-feedback` },
        owner: founder,
        stranger,
        strangerExpect: { status: 404, code: 'PROJECT_NOT_FOUND' },
        forbiddenValues: ['西溪科创直投基金', projectId],
        missingPath: `/api/v1/projects/${randomUUID()}/deal-feedback`,
      });
    }
  });

  it('computes stated vs actual on a constructed set', async () => {
    const calib = await registerOrg(api, 'fund', '校准基金');
    const m = await createMandate(calib, {
      name: '校准策略',
      stages: ['seed', 'angel'],
      tracks: ['robotics', 'quantum'],
      ticketMin: 100 * WAN, // ¥1 m
      ticketMax: 500 * WAN, // ¥5 m
    });
    // A: seed · robotics · ¥2 m sought → meeting (engaged; inside on all three)
    const projectA = await newProject({ stage: 'seed', tracks: ['robotics'], amountSought: 200 * WAN });
    const a = await openDeal(calib, projectA, { mandateId: m });
    await walk(calib, a, ['shortlisted', 'contacted', 'meeting']);
    // B: a · consumer+quantum · ¥20 m sought, ¥8 m agreed → term sheet (stage outside, track inside, ticket above)
    const b = await openDeal(
      calib,
      await newProject({ stage: 'a', tracks: ['consumer', 'quantum'], amountSought: 2000 * WAN }),
      {
        mandateId: m,
      },
    );
    await walk(calib, b, ['shortlisted', 'contacted', 'meeting', 'due_diligence']);
    ok(await move(calib, b, 'term_sheet', { amount: 800 * WAN }));
    // C: b · consumer · ¥0.5 m → met, then passed on valuation (engaged through its history; all outside)
    const c = await openDeal(calib, await newProject({ stage: 'b', tracks: ['consumer'], amountSought: 50 * WAN }), {
      mandateId: m,
    });
    await walk(calib, c, ['shortlisted', 'contacted', 'meeting']);
    ok(await move(calib, c, 'passed', { passReason: { code: 'valuation' } }));
    // D: passed at new on team (not engaged)
    const d = await openDeal(calib, await newProject({ stage: 'c', tracks: ['robotics'], amountSought: 300 * WAN }), {
      mandateId: m,
    });
    ok(await move(calib, d, 'passed', { passReason: { code: 'team' } }));
    // The terms change (thesis only): E is opened under version 2; the stated side is the current terms.
    const current = ok(await api.request(`/api/v1/mandates/${m}`, { token: calib.token }));
    ok(
      await api.request(`/api/v1/mandates/${m}`, {
        method: 'PATCH',
        token: calib.token,
        json: { version: current.version, thesis: '新论点' },
      }),
    );
    const e = ok(await open(calib, await newProject({ stage: 'seed', tracks: ['quantum'] }), { mandateId: m }), 201);
    expect(e.mandateTermsVersion).toBe(2);
    // Not counted: a deal of the same fund without the mandate, and another fund's deal on A's project.
    await walk(calib, await openDeal(calib, await newProject({ stage: 'seed' })), [
      'shortlisted',
      'contacted',
      'meeting',
    ]);
    await walk(otherFund, await openDeal(otherFund, projectA, { mandateId: otherMandateId }), [
      'shortlisted',
      'contacted',
      'meeting',
    ]);

    const res = await api.request(`/api/v1/mandates/${m}/stated-vs-actual`, { token: calib.token });
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r).toMatchObject({
      mandateId: m,
      mandateName: '校准策略',
      termsVersion: 2,
      totals: { deals: 5, engaged: 3, passed: 2 },
    });
    expect(r.engagedStages).toEqual(['meeting', 'due_diligence', 'term_sheet', 'signed', 'disbursed']);
    expect(r.byTermsVersion).toEqual([
      { termsVersion: 2, deals: 1 },
      { termsVersion: 1, deals: 4 },
    ]);
    expect(Object.fromEntries(r.pipeline.filter((p: any) => p.count > 0).map((p: any) => [p.stage, p.count]))).toEqual({
      new: 1,
      meeting: 1,
      term_sheet: 1,
      passed: 2,
    });
    expect(r.stage).toMatchObject({
      stated: ['seed', 'angel'],
      statesAny: false,
      inside: 1,
      outside: 2,
      unknown: 0,
      insideShare: 0.3333,
    });
    expect(r.stage.distribution.filter((x: any) => x.count > 0)).toEqual([
      { value: 'seed', count: 1, share: 0.3333, stated: true },
      { value: 'a', count: 1, share: 0.3333, stated: false },
      { value: 'b', count: 1, share: 0.3333, stated: false },
    ]);
    expect(r.track).toMatchObject({ inside: 2, outside: 1, unknown: 0, insideShare: 0.6667 });
    expect(r.track.distribution).toEqual([
      { value: 'consumer', count: 2, share: 0.6667, stated: false },
      { value: 'quantum', count: 1, share: 0.3333, stated: true },
      { value: 'robotics', count: 1, share: 0.3333, stated: true },
    ]);
    expect(r.ticket).toMatchObject({
      statedMin: 100 * WAN,
      statedMax: 500 * WAN,
      inside: 1,
      below: 1,
      above: 1,
      outside: 2,
      unknown: 0,
      fromAmount: 1,
      fromAmountSought: 2,
    });
    expect(r.ticket.buckets.filter((x: any) => x.count > 0).map((x: any) => [x.key, x.count])).toEqual([
      ['<1m', 1],
      ['1m-5m', 1],
      ['5m-10m', 1],
    ]);
    expect(r.passReasons.total).toBe(2);
    expect(
      Object.fromEntries(r.passReasons.byReason.filter((x: any) => x.count > 0).map((x: any) => [x.code, x.count])),
    ).toEqual({
      valuation: 1,
      team: 1,
    });
    expect(r.passReasons.byReason).toHaveLength(10);
  });

  it('documents every pipeline route in the OpenAPI document with bearer auth and its error codes', async () => {
    const doc = await api.request('/api/docs-json');
    expect(doc.status).toBe(200);
    const routes: [string, string, string[]][] = [
      ['post', '/api/v1/deals', ['409', '422', '404']],
      ['get', '/api/v1/deals', ['400', '403']],
      ['get', '/api/v1/deals/{id}', ['404']],
      ['post', '/api/v1/deals/{id}/transitions', ['404', '409', '422']],
      ['get', '/api/v1/projects/{id}/deal-feedback', ['404']],
      ['get', '/api/v1/mandates/{id}/stated-vs-actual', ['404', '403']],
    ];
    for (const [method, path, statuses] of routes) {
      const op = doc.body.paths[path]?.[method];
      expect(op).toBeDefined();
      expect(op.summary).toBeTruthy();
      expect(op.security).toEqual(expect.arrayContaining([expect.objectContaining({ bearer: [] })]));
      for (const s of [...statuses, '401']) {
        expect(op.responses[s]?.content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/ErrorBody');
      }
    }
    const transitions = doc.body.paths['/api/v1/deals/{id}/transitions'].post.responses;
    expect(transitions['409'].description).toContain('DEAL_TRANSITION_INVALID');
    expect(transitions['422'].description).toContain('PASS_REASON_REQUIRED');
  });
});
