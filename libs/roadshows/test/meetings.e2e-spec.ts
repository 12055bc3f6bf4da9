import ICAL from 'ical.js';
import { SnapshotService } from '@app/matching';
import { startApi, ApiHarness, ok } from '../../../test/support/api-app';
import { Actor, registerOrg } from '../../../test/support/identity-fixtures';
import { createCompanyWithProject, money } from '../../../test/support/matching-fixtures';
import { spawnWorkerFor, SpawnedApp } from '../../../test/support/spawn-app';

interface Assignment {
  requestId: string;
  slot: number;
  table: string;
  startsAt: string;
  endsAt: string;
}

/** 1:1 meetings end to end: grid, requests between any participants, the scheduler in the real worker, publication, calendars. */
describe('roadshow 1:1 meetings', () => {
  jest.setTimeout(180_000);
  let api: ApiHarness;
  let worker: SpawnedApp;
  let organizer: Actor;
  let fund: Actor;
  let bank: Actor;
  let founders: Actor[];
  let projects: string[];
  let eventId: string;
  const requestIds: Record<string, string> = {};
  const as = (actor: Actor, path: string, init: { method?: string; json?: unknown } = {}) =>
    api.request(path, { ...init, token: actor.token });

  /** Waits until the run is no longer queued or running (the worker is a separate process). */
  async function settled(runId: string) {
    for (;;) {
      const run = ok(await as(organizer, `/api/v1/schedule-runs/${runId}`));
      if (run.status !== 'queued' && run.status !== 'running') return run;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    api = await startApi();
    worker = await spawnWorkerFor(api.db, { OUTBOX_POLL_MS: '200' });
    [organizer, fund, bank, ...founders] = await Promise.all([
      registerOrg(api, 'organizer', '西湖投融荟'),
      registerOrg(api, 'fund', '西溪早期基金'),
      registerOrg(api, 'bank', '杭州科技银行'),
      registerOrg(api, 'startup', '甲科技'),
      registerOrg(api, 'startup', '乙科技'),
      registerOrg(api, 'startup', '丙科技'),
    ]);
    projects = [];
    for (const [i, f] of founders.entries()) {
      const { projectId } = await createCompanyWithProject(api, f, {
        legalName: `杭州${'甲乙丙'[i]}科技有限公司`,
        regionCode: '330106',
        tracks: ['artificial_intelligence'],
        project: {
          title: `项目${'甲乙丙'[i]}`,
          stage: 'seed',
          amountSought: 500 * money.wan(1),
          instruments: ['equity'],
        },
      });
      projects.push(projectId);
    }
    ok(
      await as(fund, '/api/v1/mandates', {
        method: 'POST',
        json: {
          name: 'AI 早期',
          instruments: ['equity'],
          stages: ['seed'],
          tracks: ['artificial_intelligence'],
          ticketMin: money.wan(100),
          ticketMax: money.wan(1000),
          discoverable: true,
        },
      }),
      201,
    );
    await api.app.get(SnapshotService).resync();

    eventId = ok(
      await as(organizer, '/api/v1/events', {
        method: 'POST',
        json: {
          title: '西湖投融荟·高校专场',
          startsAt: '2026-12-10T00:30:00.000Z',
          endsAt: '2026-12-10T09:00:00.000Z',
        },
      }),
      201,
    ).id;
    const session = ok(
      await as(organizer, `/api/v1/events/${eventId}/sessions`, {
        method: 'POST',
        json: {
          title: '路演',
          startsAt: '2026-12-10T01:00:00.000Z',
          endsAt: '2026-12-10T02:00:00.000Z',
          maxPitches: 3,
          pitchMinutes: 15,
          qaMinutes: 5,
        },
      }),
      201,
    ).id;
    ok(await as(organizer, `/api/v1/events/${eventId}/status`, { method: 'POST', json: { to: 'open' } }));
    const applications: string[] = [];
    for (const [i, f] of founders.entries())
      applications.push(
        ok(
          await as(f, `/api/v1/events/${eventId}/applications`, {
            method: 'POST',
            json: { projectId: projects[i], sessionId: session },
          }),
          201,
        ).id,
      );
    for (const id of applications)
      ok(await as(organizer, `/api/v1/applications/${id}/decision`, { method: 'POST', json: { status: 'accepted' } }));
    // 甲 pitches first, 01:00–01:15 UTC: it cannot meet anyone in the first slot.
    ok(
      await as(organizer, `/api/v1/sessions/${session}/agenda`, {
        method: 'PUT',
        json: { applicationIds: [applications[0]] },
      }),
    );
    ok(await as(organizer, `/api/v1/sessions/${session}/agenda/publish`, { method: 'POST' }));
    for (const investor of [fund, bank])
      ok(
        await as(organizer, `/api/v1/events/${eventId}/invitations`, {
          method: 'POST',
          json: { investorOrganizationId: investor.organizationId },
        }),
        201,
      );
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('refuses grids that cannot be held, with the field and the reason', async () => {
    const put = (json: Record<string, unknown>) =>
      as(organizer, `/api/v1/events/${eventId}/meeting-grid`, { method: 'PUT', json });
    const base = {
      startsAt: '2026-12-10T01:00:00.000Z',
      endsAt: '2026-12-10T05:00:00.000Z',
      slotMinutes: 30,
      tables: 2,
    };
    expect((await put({ ...base, slotMinutes: 240, endsAt: '2026-12-10T02:00:00.000Z' })).body).toMatchObject({
      code: 'GRID_INVALID',
      details: { reason: 'no_slots' },
    });
    expect((await put({ ...base, startsAt: '2026-12-09T01:00:00.000Z' })).body).toMatchObject({
      code: 'GRID_INVALID',
      details: { reason: 'outside_event' },
    });
    expect((await put({ ...base, lunchStartsAt: '2026-12-10T03:00:00.000Z' })).body).toMatchObject({
      code: 'GRID_INVALID',
      details: { field: 'lunchEndsAt' },
    });
    expect((await put({ ...base, maxMeetings: 50 })).body).toMatchObject({
      code: 'GRID_INVALID',
      details: { reason: 'more_than_slots' },
    });
    expect((await as(fund, `/api/v1/events/${eventId}/meeting-grid`, { method: 'PUT', json: base })).body.code).toBe(
      'EVENT_ORG_KIND_INVALID',
    );
    // Requests and runs need a grid first.
    expect(
      (await as(organizer, `/api/v1/events/${eventId}/schedule-runs`, { method: 'POST', json: {} })).body.code,
    ).toBe('GRID_MISSING');

    // 01:00–05:00 UTC in 30-minute slots with lunch 03:00–04:00: 4 morning + 2 afternoon slots, 2 tables.
    const grid = ok(
      await put({
        ...base,
        lunchStartsAt: '2026-12-10T03:00:00.000Z',
        lunchEndsAt: '2026-12-10T04:00:00.000Z',
        pendingQuota: 3,
      }),
    );
    expect(grid.slots.map((s: { session: string }) => s.session)).toEqual([
      'morning',
      'morning',
      'morning',
      'morning',
      'afternoon',
      'afternoon',
    ]);
  });

  it('lets any participant request any other, within a quota, once per pair, and only the recipient answers', async () => {
    const [a, b, c] = founders;
    const req = (from: Actor, to: Actor, extra: Record<string, unknown> = {}) =>
      as(from, `/api/v1/events/${eventId}/meeting-requests`, {
        method: 'POST',
        json: { toOrganizationId: to.organizationId, ...extra },
      });
    expect((await req(fund, fund)).body).toMatchObject({
      code: 'MEETING_REQUEST_INVALID',
      details: { reason: 'self' },
    });
    expect((await req(fund, organizer)).body).toMatchObject({
      code: 'MEETING_REQUEST_INVALID',
      details: { reason: 'not_participant' },
    });
    requestIds.fundA = ok(
      await req(fund, a, { projectId: projects[0], priority: 'must', message: '想深入了解算法' }),
      201,
    ).id;
    requestIds.fundB = ok(await req(fund, b, { projectId: projects[1] }), 201).id;
    requestIds.fundC = ok(await req(fund, c, { projectId: projects[2] }), 201).id;
    expect((await req(fund, bank)).body).toMatchObject({
      code: 'MEETING_REQUEST_QUOTA',
      details: { quota: 3, pending: 3 },
    });
    expect((await req(a, fund)).body.code).toBe('MEETING_REQUEST_EXISTS'); // the reverse direction is the same pair
    requestIds.bankA = ok(await req(bank, a), 201).id;
    requestIds.ab = ok(await req(a, b, { message: '供应链合作' }), 201).id; // founder ↔ founder
    requestIds.bankB = ok(await req(bank, b), 201).id;

    // Only the recipient answers; the sender cannot accept its own request.
    expect((await as(fund, `/api/v1/meeting-requests/${requestIds.fundA}/accept`, { method: 'POST' })).status).toBe(
      404,
    );
    for (const [id, who] of [
      [requestIds.fundA, a],
      [requestIds.fundB, b],
      [requestIds.bankA, a],
      [requestIds.ab, b],
      [requestIds.bankB, b],
    ] as const)
      ok(await as(who, `/api/v1/meeting-requests/${id}/accept`, { method: 'POST' }));
    const declined = ok(
      await as(c, `/api/v1/meeting-requests/${requestIds.fundC}/decline`, {
        method: 'POST',
        json: { reason: '本轮已满额' },
      }),
    );
    expect(declined).toMatchObject({ status: 'declined', declineReason: '本轮已满额' });
    expect((await as(c, `/api/v1/meeting-requests/${requestIds.fundC}/accept`, { method: 'POST' })).body).toMatchObject(
      {
        code: 'MEETING_REQUEST_STATE_INVALID',
        details: { status: 'declined' },
      },
    );
    // The investor's mandate scored its meeting with 甲's project; founder ↔ founder gets the neutral 0.5.
    const mine = ok(await as(a, `/api/v1/events/${eventId}/meeting-requests`)).items;
    expect(mine.find((r: { id: string }) => r.id === requestIds.fundA).score).toBeGreaterThan(0);
    expect(mine.find((r: { id: string }) => r.id === requestIds.ab).score).toBe(0.5);
    // 丙 sees its own requests only.
    expect(
      ok(await as(c, `/api/v1/events/${eventId}/meeting-requests`)).items.map((r: { id: string }) => r.id),
    ).toEqual([requestIds.fundC]);
  });

  it('plans the day in the worker: every accepted meeting placed, no one double-booked, no meeting during one’s own pitch, against its bound', async () => {
    // The bank is away in slot 1; 甲's own pitch blocks slot 0 for it. A slot off the grid is refused.
    const away = ok(
      await as(bank, `/api/v1/events/${eventId}/availability`, { method: 'PUT', json: { unavailableSlots: [1] } }),
    );
    expect(away).toMatchObject({ unavailableSlots: [1], pitchSlots: [] });
    expect(ok(await as(founders[0], `/api/v1/events/${eventId}/availability`))).toMatchObject({
      unavailableSlots: [],
      pitchSlots: [0],
    });
    expect(
      (await as(bank, `/api/v1/events/${eventId}/availability`, { method: 'PUT', json: { unavailableSlots: [6] } }))
        .body,
    ).toMatchObject({
      code: 'GRID_INVALID',
      details: { field: 'unavailableSlots', reason: 'no_such_slot', slots: 6 },
    });
    expect(
      (await as(organizer, `/api/v1/events/${eventId}/availability`, { method: 'PUT', json: { unavailableSlots: [] } }))
        .status,
    ).toBe(200);
    const queued = ok(
      await as(organizer, `/api/v1/events/${eventId}/schedule-runs`, { method: 'POST', json: { seed: 7 } }),
      202,
    );
    expect(queued.status).toBe('queued');
    const run = await settled(queued.id);
    expect(run).toMatchObject({ status: 'done', progress: 100, error: null });
    const plan: Assignment[] = run.result.assignments;
    expect(run.result).toMatchObject({ requests: 5, meetings: 5, unscheduled: [], ratio: { meetings: 1 } });
    expect(run.result.bounds.lp.meetings).toBeGreaterThanOrEqual(5);
    // Parties: fund, bank, 甲, 乙 — nobody twice in one slot, at most 2 tables a slot.
    const parties: Record<string, string[]> = {
      [requestIds.fundA]: ['fund', 'a'],
      [requestIds.fundB]: ['fund', 'b'],
      [requestIds.bankA]: ['bank', 'a'],
      [requestIds.ab]: ['a', 'b'],
      [requestIds.bankB]: ['bank', 'b'],
    };
    const seen = new Set<string>();
    for (const m of plan) {
      for (const p of parties[m.requestId]) {
        expect(seen.has(`${p}@${m.slot}`)).toBe(false);
        seen.add(`${p}@${m.slot}`);
      }
      expect(['T1', 'T2']).toContain(m.table);
    }
    expect(new Set(plan.map((m) => `${m.slot}/${m.table}`)).size).toBe(plan.length);
    // 甲 pitches 01:00–01:15: slot 0 (01:00–01:30) is not available to it.
    for (const m of plan.filter((x) => parties[x.requestId].includes('a'))) expect(m.slot).not.toBe(0);
    for (const m of plan.filter((x) => parties[x.requestId].includes('bank'))) expect(m.slot).not.toBe(1);
    // Nothing is visible to participants until the organizer publishes.
    expect(ok(await as(founders[0], `/api/v1/events/${eventId}/meetings`)).items).toEqual([]);
    expect((await as(founders[0], `/api/v1/schedule-runs/${queued.id}`)).status).toBe(404);
  });

  it('publishes: each party sees its own meetings and its calendar; re-planning keeps locked meetings and lists what moved', async () => {
    const runs = await api.db.dataSource.query(
      `SELECT id FROM roadshow_schedule_runs WHERE event_id = $1 ORDER BY created_at DESC`,
      [eventId],
    );
    const published = ok(await as(organizer, `/api/v1/schedule-runs/${runs[0].id}/publish`, { method: 'POST' }));
    expect(published.status).toBe('published');
    expect((await as(organizer, `/api/v1/schedule-runs/${runs[0].id}/publish`, { method: 'POST' })).body).toMatchObject(
      { code: 'SCHEDULE_RUN_STATE_INVALID', details: { status: 'published' } },
    );

    const all = ok(await as(organizer, `/api/v1/events/${eventId}/meetings`)).items;
    expect(all).toHaveLength(5);
    const ownOfC = ok(await as(founders[2], `/api/v1/events/${eventId}/meetings`)).items;
    expect(ownOfC).toEqual([]);
    const ownOfBank = ok(await as(bank, `/api/v1/events/${eventId}/meetings`)).items;
    expect(ownOfBank.map((m: { requestId: string }) => m.requestId).sort()).toEqual(
      [requestIds.bankA, requestIds.bankB].sort(),
    );
    expect(ownOfBank[0]).toMatchObject({ fromName: '杭州科技银行' });

    // 甲's private feed holds its pitch and its three meetings, in Asia/Shanghai.
    const feed = ok(await as(founders[0], '/api/v1/calendar-feeds', { method: 'POST' }), 201);
    const root = new ICAL.Component(ICAL.parse((await api.request(feed.url)).text));
    const uids = root.getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid')));
    expect(uids.filter((u) => u.startsWith('meeting-')).sort()).toEqual(
      [requestIds.fundA, requestIds.bankA, requestIds.ab].map((id) => `meeting-${id}@tourong.roadshows`).sort(),
    );
    expect(uids.some((u) => u.startsWith('pitch-'))).toBe(true);

    // Lock fund↔甲, add bank↔丙, re-plan: the locked meeting stays; moves are listed; published ones move little.
    const locked = all.find((m: { requestId: string }) => m.requestId === requestIds.fundA);
    ok(await as(organizer, `/api/v1/meetings/${requestIds.fundA}/lock`, { method: 'PUT', json: { locked: true } }));
    const bankC = ok(
      await as(bank, `/api/v1/events/${eventId}/meeting-requests`, {
        method: 'POST',
        json: { toOrganizationId: founders[2].organizationId },
      }),
      201,
    ).id;
    ok(await as(founders[2], `/api/v1/meeting-requests/${bankC}/accept`, { method: 'POST' }));
    const again = await settled(
      ok(await as(organizer, `/api/v1/events/${eventId}/schedule-runs`, { method: 'POST', json: { seed: 7 } }), 202).id,
    );
    expect(again.status).toBe('done');
    expect(again.result.meetings).toBe(6);
    const lockedNow = again.result.assignments.find((m: Assignment) => m.requestId === requestIds.fundA);
    expect({ slot: lockedNow.slot, table: lockedNow.table }).toEqual({ slot: locked.slot, table: locked.table });
    const before = new Map(
      all.map((m: { requestId: string; slot: number; table: string }) => [m.requestId, `${m.slot}/${m.table}`]),
    );
    const movedNow = again.result.assignments.filter(
      (m: Assignment) => before.has(m.requestId) && before.get(m.requestId) !== `${m.slot}/${m.table}`,
    );
    expect(again.result.moved.map((m: { requestId: string }) => m.requestId).sort()).toEqual(
      movedNow.map((m: Assignment) => m.requestId).sort(),
    );
    expect(again.result.moved.length).toBeLessThanOrEqual(2);

    // Published, then the bank withdraws its meeting with 丙: cancelled for both, and their calendars say so.
    ok(await as(organizer, `/api/v1/schedule-runs/${again.id}/publish`, { method: 'POST' }));
    const invite = async (actor: Actor) => {
      const res = await as(actor, `/api/v1/meetings/${bankC}/invite.ics`);
      if (res.status !== 200) return { status: res.status, code: res.body?.code };
      const root = new ICAL.Component(ICAL.parse(res.text));
      const v = root.getFirstSubcomponent('vevent')!;
      return {
        status: 200,
        method: root.getFirstPropertyValue('method'),
        eventStatus: v.getFirstPropertyValue('status') ?? null,
        sequence: Number(v.getFirstPropertyValue('sequence') ?? 0),
      };
    };
    const standing = await invite(founders[2]);
    expect(standing).toMatchObject({ status: 200, method: 'REQUEST', eventStatus: 'CONFIRMED' });
    expect(await invite(founders[0])).toEqual({ status: 404, code: 'MEETING_NOT_FOUND' });
    ok(await as(bank, `/api/v1/meeting-requests/${bankC}/withdraw`, { method: 'POST' }));
    const cancelled = await invite(founders[2]);
    expect(cancelled).toMatchObject({ status: 200, method: 'CANCEL', eventStatus: 'CANCELLED' });
    expect(cancelled.sequence).toBeGreaterThan(standing.sequence ?? 0);
    expect(ok(await as(founders[2], `/api/v1/events/${eventId}/meetings`)).items).toEqual([]);
    const feedC = ok(await as(founders[2], '/api/v1/calendar-feeds', { method: 'POST' }), 201);
    const vevents = new ICAL.Component(ICAL.parse((await api.request(feedC.url)).text)).getAllSubcomponents('vevent');
    const inFeed = vevents.find((v) => v.getFirstPropertyValue('uid') === `meeting-${bankC}@tourong.roadshows`)!;
    expect(inFeed.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
  it('lets the organizer move a published meeting to a slot where both parties are free, and locks it there', async () => {
    const grid = ok(await as(organizer, `/api/v1/events/${eventId}/meeting-grid`));
    const meetings: {
      requestId: string;
      slot: number;
      table: string;
      fromOrganizationId: string;
      toOrganizationId: string;
    }[] = ok(await as(organizer, `/api/v1/events/${eventId}/meetings`)).items;
    const m = meetings.find((x) => x.requestId === requestIds.fundA)!;
    const parties = [m.fromOrganizationId, m.toOrganizationId];
    const busyAt = (slot: number) =>
      meetings.some(
        (o) =>
          o.requestId !== m.requestId &&
          o.slot === slot &&
          parties.some((p) => p === o.fromOrganizationId || p === o.toOrganizationId),
      );
    const move = (actor: Actor, json: Record<string, unknown>) =>
      as(actor, `/api/v1/meetings/${m.requestId}/slot`, { method: 'PUT', json });

    expect((await move(fund, { slot: 1 })).body.code).toBe('MEETING_NOT_FOUND');
    expect((await move(organizer, { slot: grid.slots.length })).body).toMatchObject({
      code: 'MEETING_MOVE_INVALID',
      details: { field: 'slot', reason: 'no_such_slot' },
    });
    expect((await move(organizer, { slot: -1 })).body.code).toBe('VALIDATION_FAILED');
    const busy = grid.slots.map((s: { index: number }) => s.index).find((i: number) => i !== m.slot && busyAt(i));
    expect(busy).toBeDefined();
    expect((await move(organizer, { slot: busy })).body).toMatchObject({
      code: 'MEETING_MOVE_INVALID',
      details: { reason: 'participant_busy' },
    });
    // Slot 0 is 甲's own pitch.
    expect((await move(organizer, { slot: 0 })).body.details.reason).toBe(
      busyAt(0) ? 'participant_busy' : 'participant_unavailable',
    );

    const free = grid.slots
      .map((s: { index: number }) => s.index)
      .find((i: number) => i > 0 && i !== m.slot && !busyAt(i));
    expect(free).toBeDefined();
    const before = (await as(founders[0], `/api/v1/meetings/${m.requestId}/invite.ics`)).text;
    const moved = ok(await move(organizer, { slot: free }));
    expect(moved).toMatchObject({
      slot: free,
      locked: true,
      startsAt: grid.slots[free].startsAt,
      endsAt: grid.slots[free].endsAt,
    });
    const seq = (ics: string) => Number(/SEQUENCE:(\d+)/.exec(ics)?.[1] ?? 0);
    expect(seq((await as(founders[0], `/api/v1/meetings/${m.requestId}/invite.ics`)).text)).toBeGreaterThan(
      seq(before),
    );
    // A table that another meeting holds in that slot is refused; an unknown one too.
    expect((await move(organizer, { slot: free, table: 'T99' })).body.details).toMatchObject({
      field: 'table',
      reason: 'no_such_table',
    });
  });

  it('lists your organization’s requests across events, newest first and paged, with the event, project and published slot', async () => {
    type Mine = {
      id: string;
      direction: string;
      status: string;
      eventTitle: string;
      counterpartName: string;
      projectTitle: string | null;
      meeting: { slot: number; table: string; startsAt: string } | null;
    };
    const all = async (actor: Actor, query = '') => {
      const items: Mine[] = [];
      let cursor: string | null = null;
      do {
        const sep: string = query ? '&' : '';
        const page: { items: Mine[]; nextCursor: string | null } = ok(
          await as(actor, `/api/v1/meeting-requests?limit=2${sep}${query}${cursor ? `&cursor=${cursor}` : ''}`),
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    };
    // A second roadshow where the fund asks 甲 again: the list spans both events.
    const second = ok(
      await as(organizer, '/api/v1/events', {
        method: 'POST',
        json: { title: '西湖投融荟·硬科技专场', startsAt: '2026-12-17T00:30:00.000Z', endsAt: '2026-12-17T09:00:00.000Z' },
      }),
      201,
    ).id;
    ok(
      await as(organizer, `/api/v1/events/${second}/sessions`, {
        method: 'POST',
        json: {
          title: '硬科技路演',
          startsAt: '2026-12-17T05:00:00.000Z',
          endsAt: '2026-12-17T06:00:00.000Z',
          maxPitches: 3,
          pitchMinutes: 15,
          qaMinutes: 5,
        },
      }),
      201,
    );
    ok(await as(organizer, `/api/v1/events/${second}/status`, { method: 'POST', json: { to: 'open' } }));
    const applied = ok(
      await as(founders[0], `/api/v1/events/${second}/applications`, { method: 'POST', json: { projectId: projects[0] } }),
      201,
    ).id;
    ok(await as(organizer, `/api/v1/applications/${applied}/decision`, { method: 'POST', json: { status: 'accepted' } }));
    ok(
      await as(organizer, `/api/v1/events/${second}/invitations`, {
        method: 'POST',
        json: { investorOrganizationId: fund.organizationId },
      }),
      201,
    );
    ok(
      await as(organizer, `/api/v1/events/${second}/meeting-grid`, {
        method: 'PUT',
        json: { startsAt: '2026-12-17T01:00:00.000Z', endsAt: '2026-12-17T03:00:00.000Z', slotMinutes: 30, tables: 2 },
      }),
    );
    const again = ok(
      await as(fund, `/api/v1/events/${second}/meeting-requests`, {
        method: 'POST',
        json: { toOrganizationId: founders[0].organizationId, projectId: projects[0] },
      }),
      201,
    ).id;

    const fundMine = await all(fund);
    // Newest first, across both events; exactly what the per-event lists hold for the fund.
    expect(fundMine.map((r) => r.id)).toEqual([again, requestIds.fundC, requestIds.fundB, requestIds.fundA]);
    expect(fundMine[0]).toMatchObject({
      eventTitle: '西湖投融荟·硬科技专场',
      direction: 'sent',
      status: 'pending',
      projectTitle: '项目甲',
      meeting: null,
    });
    const fundA = fundMine.find((r) => r.id === requestIds.fundA)!;
    const published = (ok(await as(fund, `/api/v1/events/${eventId}/meetings`)).items as Assignment[]).find(
      (m) => m.requestId === requestIds.fundA,
    )!;
    expect(fundA).toMatchObject({
      direction: 'sent',
      status: 'accepted',
      eventTitle: '西湖投融荟·高校专场',
      counterpartName: '甲科技',
      projectTitle: '项目甲',
      meeting: { slot: published.slot, table: published.table, startsAt: published.startsAt },
    });
    expect(fundMine.find((r) => r.id === requestIds.fundC)).toMatchObject({ status: 'declined', meeting: null });

    // The founder sees the same request as received, and the filters narrow the list.
    const received = await all(founders[0], 'direction=received');
    expect(received.every((r) => r.direction === 'received')).toBe(true);
    expect(received.find((r) => r.id === requestIds.fundA)).toMatchObject({ counterpartName: '西溪早期基金' });
    expect(received.find((r) => r.id === again)).toMatchObject({ eventTitle: '西湖投融荟·硬科技专场' });
    expect((await all(founders[0], 'status=pending')).map((r) => r.id)).toEqual([again]);
    expect((await all(founders[0], 'direction=sent')).map((r) => r.id)).toEqual([requestIds.ab]);
    expect((await all(fund, 'status=declined')).map((r) => r.id)).toEqual([requestIds.fundC]);
    // Nobody else's requests: the organizer is a party to none; 丙 to its own only.
    expect(ok(await as(organizer, '/api/v1/meeting-requests')).items).toEqual([]);
    const theirs = ok(await as(founders[2], `/api/v1/events/${eventId}/meeting-requests`)).items as { id: string }[];
    expect((await all(founders[2])).map((r) => r.id).sort()).toEqual(theirs.map((r) => r.id).sort());
    expect((await all(founders[2], 'status=withdrawn')).map((r) => r.status)).toEqual(['withdrawn']);

    // Bad input is a coded 400 with its field, never a 500.
    expect((await as(fund, '/api/v1/meeting-requests?cursor=bm9wZQ')).body).toMatchObject({
      code: 'INVALID_CURSOR',
      details: { field: 'cursor' },
    });
    const bad = await as(fund, '/api/v1/meeting-requests?direction=sideways');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect((await as(fund, '/api/v1/meeting-requests?limit=0')).status).toBe(400);
    expect((await api.request('/api/v1/meeting-requests')).status).toBe(401);
  });
});
