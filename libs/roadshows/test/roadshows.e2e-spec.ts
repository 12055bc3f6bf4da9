import ICAL from 'ical.js';
import { randomUUID } from 'node:crypto';
import { SnapshotService } from '@app/matching';
import { startApi, ApiHarness, ok } from '../../../test/support/api-app';
import { Actor, registerOrg } from '../../../test/support/identity-fixtures';
import { createCompanyWithProject, money } from '../../../test/support/matching-fixtures';

/** Parses an iCalendar text with ical.js, registering its VTIMEZONEs, and returns its events. */
function parseCalendar(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return root.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      sequence: Number(v.getFirstPropertyValue('sequence')),
      startUtc: e.startDate.toJSDate().toISOString(),
      tzid: v.getFirstProperty('dtstart')?.getParameter('tzid'),
      local: e.startDate.toString(),
    };
  });
}

describe('roadshow day: event, themed sessions, ranked applicants, agenda, investors, calendars', () => {
  jest.setTimeout(120_000);
  let api: ApiHarness;
  let organizer: Actor;
  let otherOrganizer: Actor;
  let fund: Actor;
  let bank: Actor;
  let founderA: Actor;
  let founderB: Actor;
  let founderC: Actor;
  let projectA: string;
  let startupA: string;
  let projectB: string;
  let projectC: string;
  let eventId: string;
  let lifeSession: string;
  let iotSession: string;

  // 2026-12-10 in Asia/Shanghai (UTC+8): sessions at 14:00 and 16:00 local.
  const day = { startsAt: '2026-12-10T01:00:00.000Z', endsAt: '2026-12-10T10:00:00.000Z' };

  beforeAll(async () => {
    api = await startApi();
    [organizer, otherOrganizer, fund, bank, founderA, founderB, founderC] = await Promise.all([
      registerOrg(api, 'organizer', '创投无锡'),
      registerOrg(api, 'organizer', '西湖投融荟'),
      registerOrg(api, 'fund', '金兔生命健康基金'),
      registerOrg(api, 'bank', '无锡科技支行'),
      registerOrg(api, 'startup', '无锡康源生物'),
      registerOrg(api, 'startup', '无锡物联智造'),
      registerOrg(api, 'startup', '无锡星航智农'),
    ]);
    const company = (legalName: string, tracks: string[], stage: string) => ({
      legalName,
      regionCode: '320214',
      tracks,
      project: { title: `${legalName}A轮`, stage, amountSought: 800 * money.wan(1), instruments: ['equity'] },
    });
    ({ projectId: projectA, startupId: startupA } = await createCompanyWithProject(
      api,
      founderA,
      company('无锡康源生物科技有限公司', ['life_health', 'biomedicine'], 'seed'),
    ));
    ({ projectId: projectB } = await createCompanyWithProject(
      api,
      founderB,
      company('无锡物联智造科技有限公司', ['internet_of_things'], 'seed'),
    ));
    ({ projectId: projectC } = await createCompanyWithProject(
      api,
      founderC,
      company('无锡星航智农科技有限公司', ['life_health'], 'b'),
    ));
    // The fund invests early in 生命健康; discoverable so organizers can rank against it.
    ok(
      await api.request('/api/v1/mandates', {
        method: 'POST',
        token: fund.token,
        json: {
          name: '生命健康早期',
          instruments: ['equity'],
          stages: ['seed', 'angel'],
          tracks: ['life_health', 'biomedicine'],
          ticketMin: 100 * money.wan(1),
          ticketMax: 2000 * money.wan(1),
          discoverable: true,
          // This fund's stages and tracks are rules, not preferences (the default would make them soft).
          constraints: { modes: { stage: 'hard', track: 'hard' } },
        },
      }),
      201,
    );
    await api.app.get(SnapshotService).resync();
  });
  afterAll(() => api.close());

  it('an organizer builds the event: draft, two themed sessions that must fit, then open', async () => {
    const created = ok(
      await api.request('/api/v1/events', {
        method: 'POST',
        token: organizer.token,
        json: {
          title: '金兔路演·生命健康与物联网专场',
          venue: '无锡国家软件园',
          ...day,
          applicationDeadline: '2026-12-09T10:00:00.000Z',
          capacity: 2,
          questions: [{ id: 'traction', label: '核心客户与收入', required: true, maxLength: 500 }],
        },
      }),
      201,
    );
    eventId = created.id;
    expect(created).toMatchObject({
      status: 'draft',
      timeZone: 'Asia/Shanghai',
      sessions: [],
      mine: true,
      organizerName: '创投无锡',
    });

    const session = (json: Record<string, unknown>) =>
      api.request(`/api/v1/events/${eventId}/sessions`, { method: 'POST', token: organizer.token, json });
    // Opening needs a session; a session outside the day or too short for its pitches is refused.
    expect(
      (
        await api.request(`/api/v1/events/${eventId}/status`, {
          method: 'POST',
          token: organizer.token,
          json: { to: 'open' },
        })
      ).body,
    ).toMatchObject({
      code: 'EVENT_INVALID',
      details: { field: 'sessions' },
    });
    expect(
      (
        await session({
          title: '太早',
          startsAt: '2026-12-09T23:00:00.000Z',
          endsAt: '2026-12-10T02:00:00.000Z',
          maxPitches: 3,
        })
      ).body,
    ).toMatchObject({ code: 'SESSION_INVALID', details: { reason: 'outside_event' } });
    expect(
      (
        await session({
          title: '太挤',
          startsAt: '2026-12-10T06:00:00.000Z',
          endsAt: '2026-12-10T06:30:00.000Z',
          maxPitches: 5,
        })
      ).body,
    ).toMatchObject({ code: 'SESSION_INVALID', details: { field: 'maxPitches', reason: 'does_not_fit', fits: 2 } });

    lifeSession = ok(
      await session({
        title: '生命健康专场',
        track: 'life_health',
        startsAt: '2026-12-10T06:00:00.000Z',
        endsAt: '2026-12-10T07:30:00.000Z',
        room: 'A厅',
        maxPitches: 5,
      }),
      201,
    ).id;
    iotSession = ok(
      await session({
        title: '物联网专场',
        track: 'internet_of_things',
        startsAt: '2026-12-10T08:00:00.000Z',
        endsAt: '2026-12-10T09:30:00.000Z',
        room: 'A厅',
        maxPitches: 5,
      }),
      201,
    ).id;
    expect(
      (
        await session({
          title: '撞厅',
          startsAt: '2026-12-10T07:00:00.000Z',
          endsAt: '2026-12-10T08:30:00.000Z',
          room: 'A厅',
          maxPitches: 2,
        })
      ).body,
    ).toMatchObject({
      code: 'SESSION_INVALID',
      details: { field: 'room', reason: 'room_taken', sessionId: lifeSession },
    });

    // Founders cannot see a draft; another organizer cannot touch it.
    expect((await api.request(`/api/v1/events/${eventId}`, { token: founderA.token })).status).toBe(404);
    expect(
      (
        await api.request(`/api/v1/events/${eventId}/status`, {
          method: 'POST',
          token: otherOrganizer.token,
          json: { to: 'open' },
        })
      ).body.code,
    ).toBe('EVENT_NOT_FOUND');
    expect(
      (await api.request('/api/v1/events', { method: 'POST', token: fund.token, json: { title: 'x', ...day } })).body
        .code,
    ).toBe('EVENT_ORG_KIND_INVALID');

    const opened = ok(
      await api.request(`/api/v1/events/${eventId}/status`, {
        method: 'POST',
        token: organizer.token,
        json: { to: 'open' },
      }),
    );
    expect(opened.status).toBe('open');
    expect(opened.sessions.map((s: { title: string }) => s.title)).toEqual(['生命健康专场', '物联网专场']);
    expect(
      (
        await api.request(`/api/v1/events/${eventId}/status`, {
          method: 'POST',
          token: organizer.token,
          json: { to: 'finished' },
        })
      ).body,
    ).toMatchObject({
      code: 'EVENT_STATE_INVALID',
      details: { status: 'open', allowed: ['closed', 'live'] },
    });
  });

  it('founders apply with answers; duplicates, missing answers and strangers’ projects are refused', async () => {
    const apply = (actor: Actor, json: Record<string, unknown>) =>
      api.request(`/api/v1/events/${eventId}/applications`, { method: 'POST', token: actor.token, json });
    expect((await apply(founderA, { projectId: projectA, sessionId: lifeSession })).body).toMatchObject({
      code: 'APPLICATION_INVALID',
      details: { field: 'answers.traction', reason: 'required' },
    });
    expect((await apply(founderA, { projectId: projectB, answers: { traction: '三甲医院' } })).body).toMatchObject({
      code: 'APPLICATION_INVALID',
      details: { field: 'projectId', reason: 'not_your_project' },
    });
    const a = ok(
      await apply(founderA, {
        projectId: projectA,
        sessionId: lifeSession,
        answers: { traction: '三家三甲医院试点' },
        shareConfidential: true,
      }),
      201,
    );
    expect(a).toMatchObject({
      status: 'pending',
      projectTitle: '无锡康源生物科技有限公司A轮',
      eventTitle: '金兔路演·生命健康与物联网专场',
    });
    const again = await apply(founderA, { projectId: projectA, answers: { traction: '重复' } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'APPLICATION_EXISTS', details: { applicationId: a.id } });
    ok(
      await apply(founderB, { projectId: projectB, sessionId: lifeSession, answers: { traction: '智能工厂订单' } }),
      201,
    );
    ok(await apply(founderC, { projectId: projectC, sessionId: lifeSession, answers: { traction: '种植基地' } }), 201);

    // A founder sees only its own applications, and never the applicant list.
    const mine = ok(await api.request('/api/v1/applications', { token: founderA.token }));
    expect(mine.items.map((x: { projectId: string }) => x.projectId)).toEqual([projectA]);
    expect((await api.request(`/api/v1/events/${eventId}/applications`, { token: founderA.token })).body.code).toBe(
      'EVENT_ORG_KIND_INVALID',
    );
    expect(
      (await api.request(`/api/v1/events/${eventId}/applications`, { token: otherOrganizer.token })).body.code,
    ).toBe('EVENT_NOT_FOUND');
  });

  it('ranks applicants by theme fit and by the invited investors’ mandates, with the qualification verdicts beside', async () => {
    ok(
      await api.request(`/api/v1/events/${eventId}/invitations`, {
        method: 'POST',
        token: organizer.token,
        json: { investorOrganizationId: fund.organizationId },
      }),
      201,
    );
    const ranked = ok(
      await api.request(`/api/v1/events/${eventId}/applications?sessionId=${lifeSession}`, { token: organizer.token }),
    );
    const order = ranked.items.map((x: { projectId: string }) => x.projectId);
    // A: theme + eligible for the fund's seed mandate; C: theme but a B round (not eligible); B: off-theme.
    expect(order).toEqual([projectA, projectC, projectB]);
    expect(ranked.items[0]).toMatchObject({
      rank: 1,
      fit: { themeMatch: true, eligibleMandates: 1, mandatesConsidered: 1 },
    });
    expect(ranked.items[0].fit.bestScore).toBeGreaterThan(0);
    expect(ranked.items[1].fit).toMatchObject({ themeMatch: true, eligibleMandates: 0, stage: 'b' });
    expect(ranked.items[2].fit).toMatchObject({ themeMatch: false, tracks: ['internet_of_things'] });
    expect(ranked.items[0].fit.techSmeVerdict).toMatch(/^(pass|fail|unknown)$/);
    expect(ranked).toMatchObject({ accepted: 0, capacity: 2 });
  });

  it('accepts within capacity, rejects only with a reason, and the founder sees the decision', async () => {
    const ranked = ok(await api.request(`/api/v1/events/${eventId}/applications`, { token: organizer.token }));
    const id = (projectId: string) => ranked.items.find((x: { projectId: string }) => x.projectId === projectId).id;
    const decide = (applicationId: string, json: Record<string, unknown>) =>
      api.request(`/api/v1/applications/${applicationId}/decision`, { method: 'POST', token: organizer.token, json });
    expect((await decide(id(projectC), { status: 'rejected' })).body).toMatchObject({
      code: 'APPLICATION_INVALID',
      details: { field: 'reason' },
    });
    // 甲 consented to share its figures with the organizer once accepted: not before.
    const figures = () => api.request(`/api/v1/startups/${startupA}/fiscal-years`, { token: organizer.token });
    expect((await figures()).status).toBe(403);
    ok(await decide(id(projectA), { status: 'accepted' }));
    expect((await figures()).status).toBe(200);
    const grants = JSON.stringify(ok(await api.request('/api/v1/access-grants', { token: founderA.token })));
    expect(grants).toContain(organizer.organizationId);
    expect(grants).toContain(day.endsAt.slice(0, 19));
    ok(await decide(id(projectB), { status: 'accepted', sessionId: iotSession }));
    const full = await decide(id(projectC), { status: 'accepted' });
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ code: 'EVENT_FULL', details: { capacity: 2, accepted: 2 } });
    ok(await decide(id(projectC), { status: 'waitlisted', reason: '名额已满，候补第一位' }));
    const seen = ok(await api.request('/api/v1/applications', { token: founderC.token })).items[0];
    expect(seen).toMatchObject({ status: 'waitlisted', decisionReason: '名额已满，候补第一位' });
    // A founder cannot decide, even on its own application: to it, the decision route does not exist.
    const byFounder = await api.request(`/api/v1/applications/${id(projectA)}/decision`, {
      method: 'POST',
      token: founderA.token,
      json: { status: 'accepted' },
    });
    expect(byFounder.body.code).toBe('APPLICATION_NOT_FOUND');
  });

  it('sets the agenda with computed times, refuses conflicts with a reason, and freezes it on publish', async () => {
    const ranked = ok(await api.request(`/api/v1/events/${eventId}/applications`, { token: organizer.token }));
    const id = (projectId: string) => ranked.items.find((x: { projectId: string }) => x.projectId === projectId).id;
    const put = (sessionId: string, applicationIds: string[]) =>
      api.request(`/api/v1/sessions/${sessionId}/agenda`, {
        method: 'PUT',
        token: organizer.token,
        json: { applicationIds },
      });
    expect((await put(lifeSession, [id(projectA), id(projectC)])).body).toMatchObject({
      code: 'AGENDA_INVALID',
      details: { reason: 'not_accepted', applicationId: id(projectC), status: 'waitlisted' },
    });
    expect((await put(lifeSession, [id(projectB)])).body).toMatchObject({
      code: 'AGENDA_INVALID',
      details: { reason: 'other_session' },
    });
    expect((await put(lifeSession, [randomUUID()])).body).toMatchObject({
      code: 'AGENDA_INVALID',
      details: { reason: 'unknown_application' },
    });
    const agenda = ok(await put(lifeSession, [id(projectA)]));
    // 14:00 Shanghai = 06:00 UTC; an 8-minute pitch.
    expect(agenda.slots).toEqual([
      expect.objectContaining({
        position: 1,
        projectId: projectA,
        startsAt: '2026-12-10T06:00:00.000Z',
        endsAt: '2026-12-10T06:08:00.000Z',
      }),
    ]);
    ok(await put(iotSession, [id(projectB)]));
    const published = ok(
      await api.request(`/api/v1/sessions/${lifeSession}/agenda/publish`, { method: 'POST', token: organizer.token }),
    );
    expect(published.publishedAt).not.toBeNull();
    expect((await put(lifeSession, [])).body.code).toBe('AGENDA_FROZEN');
    expect(
      (await api.request(`/api/v1/applications/${id(projectA)}/withdraw`, { method: 'POST', token: founderA.token }))
        .body.code,
    ).toBe('AGENDA_FROZEN');
    // Participants read the published agenda.
    expect(
      ok(await api.request(`/api/v1/sessions/${lifeSession}/agenda`, { token: founderA.token })).slots[0].startupName,
    ).toBe('无锡康源生物科技有限公司');
    // The outbox holds the decisions and the publication for the notification channel.
    const types = (
      await api.db.dataSource.query(`SELECT payload->>'type' AS t FROM outbox_events WHERE payload->>'eventId' = $1`, [
        eventId,
      ])
    ).map((r: { t: string }) => r.t);
    expect(types).toEqual(
      expect.arrayContaining([
        'roadshows.application_decided',
        'roadshows.agenda_published',
        'roadshows.investor_invited',
      ]),
    );
  });

  it('suggests matching investors, invites funds and banks only, and checks attendees in by code', async () => {
    const suggestions = ok(
      await api.request(`/api/v1/events/${eventId}/investor-suggestions`, { token: organizer.token }),
    ).items;
    expect(suggestions[0]).toMatchObject({
      organizationId: fund.organizationId,
      name: '金兔生命健康基金',
      matchingProjects: 1,
      invited: true,
    });
    const invite = (investorOrganizationId: string) =>
      api.request(`/api/v1/events/${eventId}/invitations`, {
        method: 'POST',
        token: organizer.token,
        json: { investorOrganizationId },
      });
    expect((await invite(founderA.organizationId)).body).toMatchObject({
      code: 'INVITEE_INVALID',
      details: { kind: 'startup' },
    });
    expect((await invite(fund.organizationId)).body.code).toBe('EVENT_INVITATION_EXISTS');
    const bankInvite = ok(await invite(bank.organizationId), 201);
    expect(bankInvite.checkInCode).toMatch(/^[A-Z2-9]{8}$/);

    // The bank sees only its own invitation; it RSVPs; the desk checks it in (twice is harmless).
    const own = ok(await api.request(`/api/v1/events/${eventId}/invitations`, { token: bank.token })).items;
    expect(own.map((i: { investorOrganizationId: string }) => i.investorOrganizationId)).toEqual([bank.organizationId]);
    ok(
      await api.request(`/api/v1/invitations/${bankInvite.id}/rsvp`, {
        method: 'POST',
        token: bank.token,
        json: { status: 'accepted' },
      }),
    );
    expect(
      (
        await api.request(`/api/v1/invitations/${bankInvite.id}/rsvp`, {
          method: 'POST',
          token: fund.token,
          json: { status: 'declined' },
        })
      ).status,
    ).toBe(404);
    const checkIn = (code: string) =>
      api.request(`/api/v1/events/${eventId}/check-in`, { method: 'POST', token: organizer.token, json: { code } });
    const first = ok(await checkIn(bankInvite.checkInCode));
    expect(first.checkedInAt).not.toBeNull();
    expect(ok(await checkIn(bankInvite.checkInCode)).checkedInAt).toBe(first.checkedInAt);
    expect((await checkIn('ZZZZ9999')).body.code).toBe('CHECK_IN_CODE_INVALID');
  });

  it('serves calendars in the event’s zone: 14:00 Asia/Shanghai is 06:00 UTC, stable UIDs, SEQUENCE grows on change', async () => {
    const res = await api.request(`/api/v1/events/${eventId}/calendar.ics`, { token: founderA.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(res.text).toContain('BEGIN:VTIMEZONE');
    // A stranger to an invite-only event gets a coded JSON 404, not a calendar.
    const missing = await api.request(`/api/v1/events/${randomUUID()}/calendar.ics`, { token: founderA.token });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('EVENT_NOT_FOUND');
    const before = parseCalendar(res.text);
    const life = before.find((e) => e.summary.includes('生命健康专场'))!;
    expect(life).toMatchObject({
      uid: `session-${lifeSession}@tourong.roadshows`,
      tzid: 'Asia/Shanghai',
      startUtc: '2026-12-10T06:00:00.000Z',
    });
    expect(life.local).toBe('2026-12-10T14:00:00');

    const current = ok(await api.request(`/api/v1/events/${eventId}`, { token: organizer.token }));
    ok(
      await api.request(`/api/v1/events/${eventId}`, {
        method: 'PATCH',
        token: organizer.token,
        json: { version: current.version, venue: '无锡国家软件园 B座' },
      }),
    );
    const after = parseCalendar(
      (await api.request(`/api/v1/events/${eventId}/calendar.ics`, { token: founderA.token })).text,
    );
    const lifeAfter = after.find((e) => e.uid === life.uid)!;
    expect(lifeAfter.sequence).toBeGreaterThan(life.sequence);
  });

  it('gives each organization a private, revocable feed with its own pitch and nobody else’s', async () => {
    const feedA = ok(await api.request('/api/v1/calendar-feeds', { method: 'POST', token: founderA.token }), 201);
    const feedB = ok(await api.request('/api/v1/calendar-feeds', { method: 'POST', token: founderB.token }), 201);
    const eventsA = parseCalendar((await api.request(feedA.url)).text);
    expect(eventsA.map((e) => e.summary)).toEqual([expect.stringContaining('无锡康源生物科技有限公司A轮')]);
    expect(eventsA[0].startUtc).toBe('2026-12-10T06:00:00.000Z');
    // B's agenda is not published yet: its feed holds nothing.
    expect(parseCalendar((await api.request(feedB.url)).text)).toEqual([]);
    // The invited fund sees every session of the event.
    const feedFund = ok(await api.request('/api/v1/calendar-feeds', { method: 'POST', token: fund.token }), 201);
    expect(
      parseCalendar((await api.request(feedFund.url)).text)
        .map((e) => e.uid)
        .sort(),
    ).toEqual([`session-${lifeSession}@tourong.roadshows`, `session-${iotSession}@tourong.roadshows`].sort());
    expect(
      (await api.request(`/api/v1/calendar-feeds/${feedA.id}`, { method: 'DELETE', token: founderB.token })).status,
    ).toBe(404);
    expect(
      (await api.request(`/api/v1/calendar-feeds/${feedA.id}`, { method: 'DELETE', token: founderA.token })).status,
    ).toBe(204);
    const revoked = await api.request(feedA.url);
    expect(revoked.status).toBe(404);
    expect(revoked.body.code).toBe('CALENDAR_FEED_NOT_FOUND');
    expect((await api.request('/api/v1/calendar-feeds/not-a-token.ics')).status).toBe(404);
  });
  it('places events in a region, lists them by province, city or district, and pages them without a silent cap', async () => {
    const create = (title: string, regionCode: string | null, startsAt: string, endsAt: string) =>
      api.request('/api/v1/events', {
        method: 'POST',
        token: otherOrganizer.token,
        json: { title, ...(regionCode ? { regionCode } : {}), startsAt, endsAt },
      });
    const binhu = ok(
      await create('滨湖区科创路演', '320211', '2027-03-03T01:00:00.000Z', '2027-03-03T09:00:00.000Z'),
      201,
    );
    expect(binhu.regionCode).toBe('320211');
    const suzhou = ok(
      await create('苏州工业园区路演', '3205', '2027-03-02T01:00:00.000Z', '2027-03-02T09:00:00.000Z'),
      201,
    );
    const online = ok(await create('线上路演', null, '2027-03-01T01:00:00.000Z', '2027-03-01T09:00:00.000Z'), 201);
    expect(online.regionCode).toBeNull();
    const bad = await create('x', '9902', '2027-03-01T01:00:00.000Z', '2027-03-01T09:00:00.000Z');
    expect([bad.status, bad.body.code, JSON.stringify(bad.body.details)]).toEqual([
      400,
      'VALIDATION_FAILED',
      expect.stringContaining('regionCode'),
    ]);

    const titles = async (query: string) =>
      (
        ok(await api.request(`/api/v1/events?mine=true&${query}`, { token: otherOrganizer.token })).items as {
          title: string;
        }[]
      ).map((e) => e.title);
    expect(await titles('region=32')).toEqual(['滨湖区科创路演', '苏州工业园区路演']);
    expect(await titles('region=3202')).toEqual(['滨湖区科创路演']);
    expect(await titles('region=320211')).toEqual(['滨湖区科创路演']);
    expect(await titles('region=11')).toEqual([]);
    // Without `mine`, its own events (any status) stand beside the public ones, and the region still applies.
    const visible = ok(await api.request('/api/v1/events?region=3202&limit=100', { token: otherOrganizer.token }));
    expect(visible.items.map((e: { title: string }) => e.title)).toEqual(['滨湖区科创路演']);
    const badRegion = await api.request('/api/v1/events?region=32a', { token: otherOrganizer.token });
    expect([badRegion.status, badRegion.body.code]).toEqual([400, 'VALIDATION_FAILED']);

    // Pages of 2, newest first, every event once.
    const first = ok(await api.request('/api/v1/events?mine=true&limit=2', { token: otherOrganizer.token }));
    expect(first.items.map((e: { id: string }) => e.id)).toEqual([binhu.id, suzhou.id]);
    expect(typeof first.nextCursor).toBe('string');
    const rest: { id: string }[] = [];
    for (let cursor = first.nextCursor; cursor;) {
      const page = ok(
        await api.request(`/api/v1/events?mine=true&limit=2&cursor=${cursor}`, { token: otherOrganizer.token }),
      );
      rest.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(rest[0].id).toBe(online.id);
    const all = ok(await api.request('/api/v1/events?mine=true&limit=100', { token: otherOrganizer.token }));
    expect([...first.items, ...rest].map((e) => e.id)).toEqual(all.items.map((e: { id: string }) => e.id));
    const tampered = await api.request('/api/v1/events?cursor=bm90LWEtY3Vyc29y', { token: otherOrganizer.token });
    expect([tampered.status, tampered.body.code]).toEqual([400, 'INVALID_CURSOR']);

    // Moved online: the region is cleared with null.
    const moved = ok(
      await api.request(`/api/v1/events/${suzhou.id}`, {
        method: 'PATCH',
        token: otherOrganizer.token,
        json: { regionCode: null, version: suzhou.version },
      }),
    );
    expect(moved.regionCode).toBeNull();
    expect(await titles('region=32')).toEqual(['滨湖区科创路演']);
  });
});
