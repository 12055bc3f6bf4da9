import { randomUUID } from 'node:crypto';
import { startApi, ApiHarness, ok } from '../../../test/support/api-app';
import { expectTenantIsolation } from '../../../test/support/cross-tenant';
import { Actor, registerOrg } from '../../../test/support/identity-fixtures';
import { createCompanyWithProject, money } from '../../../test/support/matching-fixtures';

/**
 * Every organizer route of an unlisted event, tried as nobody, as another organizer and as a
 * founder who is not part of it: none may act on it or read its applicants, answers or codes.
 */
describe('roadshow routes across tenants', () => {
  jest.setTimeout(120_000);
  const SECRET_ANSWER = '客户名单-机密-42';
  let api: ApiHarness;
  let organizer: Actor;
  let otherOrganizer: Actor;
  let outsiderFounder: Actor;
  let fund: Actor;
  let eventId: string;
  let sessionId: string;
  let applicationId: string;
  let invitationId: string;
  let checkInCode: string;

  beforeAll(async () => {
    api = await startApi();
    const founder = await registerOrg(api, 'startup', '内部创业公司');
    [organizer, otherOrganizer, outsiderFounder, fund] = await Promise.all([
      registerOrg(api, 'organizer', '主办方甲'),
      registerOrg(api, 'organizer', '主办方乙'),
      registerOrg(api, 'startup', '局外创业公司'),
      registerOrg(api, 'fund', '受邀基金'),
    ]);
    const { projectId } = await createCompanyWithProject(api, founder, {
      legalName: '内部创业科技有限公司',
      regionCode: '320214',
      tracks: ['robotics'],
      project: { title: '内部项目', stage: 'seed', amountSought: money.wan(300), instruments: ['equity'] },
    });
    const as = (a: Actor, path: string, method = 'GET', json?: unknown) =>
      api.request(path, { method, token: a.token, json });
    eventId = ok(
      await as(organizer, '/api/v1/events', 'POST', {
        title: '闭门路演',
        visibility: 'unlisted',
        startsAt: '2026-12-10T01:00:00.000Z',
        endsAt: '2026-12-10T09:00:00.000Z',
        questions: [{ id: 'customers', label: '客户', required: true, maxLength: 200 }],
      }),
      201,
    ).id;
    sessionId = ok(
      await as(organizer, `/api/v1/events/${eventId}/sessions`, 'POST', {
        title: '专场',
        startsAt: '2026-12-10T02:00:00.000Z',
        endsAt: '2026-12-10T04:00:00.000Z',
        maxPitches: 4,
      }),
      201,
    ).id;
    ok(await as(organizer, `/api/v1/events/${eventId}/status`, 'POST', { to: 'open' }));
    // An unlisted event is reached by its link: the founder applies through it.
    applicationId = ok(
      await as(founder, `/api/v1/events/${eventId}/applications`, 'POST', {
        projectId,
        sessionId,
        answers: { customers: SECRET_ANSWER },
      }),
      201,
    ).id;
    const inv = ok(
      await as(organizer, `/api/v1/events/${eventId}/invitations`, 'POST', {
        investorOrganizationId: fund.organizationId,
      }),
      201,
    );
    invitationId = inv.id;
    checkInCode = inv.checkInCode;
  });
  afterAll(() => api.close());

  const routes = () => [
    { method: 'PATCH' as const, path: `/api/v1/events/${eventId}`, json: { version: 1, title: '改名' } },
    { method: 'POST' as const, path: `/api/v1/events/${eventId}/status`, json: { to: 'closed' } },
    {
      method: 'POST' as const,
      path: `/api/v1/events/${eventId}/sessions`,
      json: { title: 'x', startsAt: '2026-12-10T05:00:00.000Z', endsAt: '2026-12-10T06:00:00.000Z', maxPitches: 1 },
    },
    { method: 'GET' as const, path: `/api/v1/events/${eventId}/applications` },
    { method: 'POST' as const, path: `/api/v1/applications/${applicationId}/decision`, json: { status: 'accepted' } },
    { method: 'PUT' as const, path: `/api/v1/sessions/${sessionId}/agenda`, json: { applicationIds: [applicationId] } },
    { method: 'POST' as const, path: `/api/v1/sessions/${sessionId}/agenda/publish` },
    { method: 'GET' as const, path: `/api/v1/events/${eventId}/investor-suggestions` },
    {
      method: 'POST' as const,
      path: `/api/v1/events/${eventId}/invitations`,
      json: { investorOrganizationId: fund.organizationId },
    },
    { method: 'POST' as const, path: `/api/v1/events/${eventId}/check-in`, json: { code: checkInCode } },
    {
      method: 'PUT' as const,
      path: `/api/v1/events/${eventId}/meeting-grid`,
      json: { startsAt: '2026-12-10T05:00:00.000Z', endsAt: '2026-12-10T07:00:00.000Z', slotMinutes: 20, tables: 3 },
    },
    { method: 'POST' as const, path: `/api/v1/events/${eventId}/schedule-runs`, json: {} },
  ];

  it('another organizer gets “not found” on every organizer route, and sees none of the event’s answers or codes', async () => {
    for (const route of routes())
      await expectTenantIsolation(api, {
        route,
        owner: organizer,
        stranger: otherOrganizer,
        ownerExpect: false,
        forbiddenValues: [SECRET_ANSWER, checkInCode, applicationId],
      });
  });

  it('an outsider founder reaches the unlisted event by its link only, and none of its participants’ business', async () => {
    expect(ok(await api.request(`/api/v1/events/${eventId}`, { token: outsiderFounder.token })).title).toBe('闭门路演');
    for (const path of [
      `/api/v1/events/${eventId}/meeting-requests`,
      `/api/v1/events/${eventId}/meetings`,
      `/api/v1/events/${eventId}/participants`,
    ]) {
      const res = await api.request(path, { token: outsiderFounder.token });
      expect([path, res.status, res.body.code]).toEqual([path, 404, 'EVENT_NOT_FOUND']);
    }
    // The invitations list of an outsider is its own: empty, no codes.
    const invitations = await api.request(`/api/v1/events/${eventId}/invitations`, { token: outsiderFounder.token });
    expect(invitations.body.items).toEqual([]);
    expect(invitations.text).not.toContain(checkInCode);
    expect(
      (await api.request(`/api/v1/events/${eventId}/applications`, { token: outsiderFounder.token })).body.code,
    ).toBe('EVENT_ORG_KIND_INVALID');
    const list = ok(await api.request('/api/v1/events', { token: outsiderFounder.token }));
    expect(list.items.map((e: { id: string }) => e.id)).not.toContain(eventId);
    // The invited fund sees its own invitation (with its code) and nobody's answers.
    const own = ok(await api.request(`/api/v1/events/${eventId}/invitations`, { token: fund.token }));
    expect(own.items.map((i: { id: string }) => i.id)).toEqual([invitationId]);
    expect((await api.request(`/api/v1/events/${eventId}/applications`, { token: fund.token })).body.code).toBe(
      'EVENT_ORG_KIND_INVALID',
    );
    expect((await api.request(`/api/v1/schedule-runs/${randomUUID()}`, { token: organizer.token })).body.code).toBe(
      'SCHEDULE_RUN_NOT_FOUND',
    );
  });
});
