import { SnapshotService } from '@app/matching';
import { startApi, ApiHarness, ok } from '../../../test/support/api-app';
import { expectTenantIsolation } from '../../../test/support/cross-tenant';
import { Actor, addMember, registerOrg } from '../../../test/support/identity-fixtures';
import { createCompanyWithProject, money } from '../../../test/support/matching-fixtures';
import { spawnWorkerFor, SpawnedApp } from '../../../test/support/spawn-app';

/**
 * Reminder times per event (default T-24h / T-1h, the organizer's defaults, the event's own) and the
 * follow-up clocks per organizer (acknowledge, then reply), through the real worker.
 */
describe('engagement settings: reminder times per event, follow-up clocks per organizer', () => {
  jest.setTimeout(240_000);
  let api: ApiHarness;
  let worker: SpawnedApp;
  let organizer: Actor;
  let member: Actor;
  let otherOrganizer: Actor;
  let fund: Actor;
  let founder: Actor;
  let eventId: string;
  let meetingId: string;
  const as = (actor: Actor, path: string, init: { method?: string; json?: unknown } = {}) =>
    api.request(path, { ...init, token: actor.token });
  const rows = (sql: string, params: unknown[] = []) => api.db.dataSource.query(sql, params);
  async function until<T>(probe: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const v = await probe();
      if (done(v)) return v;
      if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(v)}\n${worker.output().slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  const reminders = (kind: string) =>
    rows(
      `SELECT label, status, due_at FROM scheduled_notifications WHERE kind = $1 AND event_id = $2 ORDER BY label, due_at`,
      [kind, eventId],
    ) as Promise<{ label: string; status: string; due_at: Date }[]>;

  beforeAll(async () => {
    api = await startApi();
    worker = await spawnWorkerFor(api.db, { OUTBOX_POLL_MS: '200', REMINDER_SWEEP_MS: '1000' });
    [organizer, otherOrganizer, fund, founder] = await Promise.all([
      registerOrg(api, 'organizer', '滨江创投汇'),
      registerOrg(api, 'organizer', '别家主办方'),
      registerOrg(api, 'fund', '丙基金'),
      registerOrg(api, 'startup', '丁科技'),
    ]);
    member = await addMember(api, organizer, 'member');
    const { projectId } = await createCompanyWithProject(api, founder, {
      legalName: '杭州丁科技有限公司',
      regionCode: '330108',
      tracks: ['artificial_intelligence'],
      project: { title: '项目丁', stage: 'seed', amountSought: 300 * money.wan(1), instruments: ['equity'] },
    });
    await api.app.get(SnapshotService).resync();
    eventId = ok(
      await as(organizer, '/api/v1/events', {
        method: 'POST',
        json: { title: '滨江创投汇·十二月', startsAt: '2026-12-10T00:30:00.000Z', endsAt: '2026-12-10T09:00:00.000Z' },
      }),
      201,
    ).id;
    ok(
      await as(organizer, `/api/v1/events/${eventId}/sessions`, {
        method: 'POST',
        json: {
          title: '人工智能专场',
          startsAt: '2026-12-10T01:00:00.000Z',
          endsAt: '2026-12-10T02:00:00.000Z',
          maxPitches: 3,
        },
      }),
      201,
    );
    ok(await as(organizer, `/api/v1/events/${eventId}/status`, { method: 'POST', json: { to: 'open' } }));
    ok(
      await as(organizer, `/api/v1/events/${eventId}/invitations`, {
        method: 'POST',
        json: { investorOrganizationId: fund.organizationId },
      }),
      201,
    );
    const app = ok(
      await as(founder, `/api/v1/events/${eventId}/applications`, { method: 'POST', json: { projectId } }),
      201,
    );
    ok(
      await as(organizer, `/api/v1/applications/${app.id}/decision`, { method: 'POST', json: { status: 'accepted' } }),
    );
    ok(
      await as(organizer, `/api/v1/events/${eventId}/meeting-grid`, {
        method: 'PUT',
        json: { startsAt: '2026-12-10T03:00:00.000Z', endsAt: '2026-12-10T04:00:00.000Z', slotMinutes: 30, tables: 1 },
      }),
    );
    meetingId = ok(
      await as(fund, `/api/v1/events/${eventId}/meeting-requests`, {
        method: 'POST',
        json: { toOrganizationId: founder.organizationId, projectId, message: '聊聊' },
      }),
      201,
    ).id;
    ok(await as(founder, `/api/v1/meeting-requests/${meetingId}/accept`, { method: 'POST' }));
  });

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await api?.close();
  });

  it('starts from the defaults: T-24h and T-1h, reply in 4 working days, acknowledge in 1', async () => {
    expect(ok(await as(organizer, '/api/v1/engagement-settings'))).toEqual({
      reminderOffsetsMinutes: [1440, 60],
      followUpWorkingDays: 4,
      acknowledgeWorkingDays: 1,
      source: { reminderOffsetsMinutes: 'default', followUpWorkingDays: 'default', acknowledgeWorkingDays: 'default' },
    });
  });

  it('refuses bad settings with the field and keeps the old ones', async () => {
    const bad = async (path: string, json: unknown, status: number, code: string, field: string) => {
      const res = await as(organizer, path, { method: 'PUT', json });
      expect([res.status, res.body.code]).toEqual([status, code]);
      expect(JSON.stringify(res.body.details)).toContain(field);
    };
    await bad(
      '/api/v1/engagement-settings',
      { reminderOffsetsMinutes: [2] },
      422,
      'FOLLOW_UP_SETTINGS_INVALID',
      'reminderOffsetsMinutes[0]',
    );
    await bad(
      '/api/v1/engagement-settings',
      { reminderOffsetsMinutes: [60, 60] },
      422,
      'FOLLOW_UP_SETTINGS_INVALID',
      'reminderOffsetsMinutes',
    );
    await bad(
      '/api/v1/engagement-settings',
      { followUpWorkingDays: 2, acknowledgeWorkingDays: 3 },
      422,
      'FOLLOW_UP_SETTINGS_INVALID',
      'acknowledgeWorkingDays',
    );
    await bad(
      '/api/v1/engagement-settings',
      { followUpWorkingDays: 1.5 },
      400,
      'VALIDATION_FAILED',
      'followUpWorkingDays',
    );
    await bad(
      `/api/v1/events/${eventId}/reminder-settings`,
      { reminderOffsetsMinutes: ['x'] },
      400,
      'VALIDATION_FAILED',
      'reminderOffsetsMinutes',
    );
    expect(ok(await as(organizer, '/api/v1/engagement-settings')).followUpWorkingDays).toBe(4);
    const fundTry = await as(fund, '/api/v1/engagement-settings', { method: 'PUT', json: { followUpWorkingDays: 2 } });
    expect([fundTry.status, fundTry.body.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('publishing uses the organizer’s clocks and the event’s own reminder times', async () => {
    ok(
      await as(organizer, '/api/v1/engagement-settings', {
        method: 'PUT',
        json: { followUpWorkingDays: 3, acknowledgeWorkingDays: 2, reminderOffsetsMinutes: [120, 30] },
      }),
    );
    const eventSettings = ok(
      await as(member, `/api/v1/events/${eventId}/reminder-settings`, {
        method: 'PUT',
        json: { reminderOffsetsMinutes: [60, 1440, 90] },
      }),
    );
    expect(eventSettings).toEqual({
      reminderOffsetsMinutes: [1440, 90, 60],
      followUpWorkingDays: 3,
      acknowledgeWorkingDays: 2,
      source: {
        reminderOffsetsMinutes: 'event',
        followUpWorkingDays: 'organizer',
        acknowledgeWorkingDays: 'organizer',
      },
    });
    const runId = ok(
      await as(organizer, `/api/v1/events/${eventId}/schedule-runs`, { method: 'POST', json: { seed: 1 } }),
      202,
    ).id;
    await until(
      () => as(organizer, `/api/v1/schedule-runs/${runId}`).then((r) => r.body.status),
      (s) => s === 'done',
      'run',
    );
    ok(await as(organizer, `/api/v1/schedule-runs/${runId}/publish`, { method: 'POST' }));
    const meeting = ok(await as(organizer, `/api/v1/events/${eventId}/meetings`)).items[0];
    const starts = new Date(meeting.startsAt).getTime();
    const got = await until(
      () => reminders('meeting_reminder'),
      (r) => r.length === 6,
      'meeting reminders',
    );
    expect(got.map((r) => [r.label, r.status, new Date(r.due_at).getTime()])).toEqual(
      [
        ['T-1h', 60],
        ['T-1h', 60],
        ['T-24h', 1440],
        ['T-24h', 1440],
        ['T-90m', 90],
        ['T-90m', 90],
      ].map(([label, m]) => [label, 'pending', starts - (m as number) * 60_000]),
    );
    const tasks = await until(
      () => as(fund, '/api/v1/follow-ups').then((r) => r.body.items as Record<string, unknown>[]),
      (t) => t.length === 2,
      'follow-ups',
    );
    const mine = tasks.find((t) => t.mine)!;
    // Thursday 2026-12-10: acknowledge by Mon 14 (2 working days), reply by Tue 15 (3).
    expect(mine).toMatchObject({
      workingDays: 3,
      dueOn: '2026-12-15',
      acknowledgeWorkingDays: 2,
      acknowledgeDueOn: '2026-12-14',
      acknowledgedAt: null,
    });
    const [ack] = await rows(
      `SELECT label, status, due_at FROM scheduled_notifications WHERE target_id = $1 AND kind = 'follow_up_ack_overdue'`,
      [mine.id],
    );
    // Unacknowledged by Mon 14 → the owner hears it at 09:00 on Tue 15.
    expect([ack.label, ack.status, new Date(ack.due_at).toISOString()]).toEqual([
      'ack-day-after',
      'pending',
      '2026-12-15T01:00:00.000Z',
    ]);
  });

  it('the owner acknowledges once: the acknowledge notice is cancelled, the reply clock keeps running', async () => {
    const mine = ok(await as(fund, '/api/v1/follow-ups')).items.find((t: { mine: boolean }) => t.mine);
    const other = ok(await as(founder, '/api/v1/follow-ups')).items.find((t: { mine: boolean }) => !t.mine);
    expect(other.id).toBe(mine.id);
    const notOwner = await as(founder, `/api/v1/follow-ups/${mine.id}/acknowledge`, { method: 'POST' });
    expect([notOwner.status, notOwner.body.code]).toEqual([404, 'FOLLOW_UP_NOT_FOUND']);
    const acked = ok(await as(fund, `/api/v1/follow-ups/${mine.id}/acknowledge`, { method: 'POST' }));
    expect(acked.acknowledgedAt).not.toBeNull();
    expect(acked.status).toBe('open');
    const again = await as(fund, `/api/v1/follow-ups/${mine.id}/acknowledge`, { method: 'POST' });
    expect([again.status, again.body.code]).toEqual([409, 'FOLLOW_UP_STATE_INVALID']);
    const ladder = await rows(
      `SELECT kind, status FROM scheduled_notifications WHERE target_id = $1 ORDER BY kind, label`,
      [mine.id],
    );
    expect(ladder).toEqual([
      { kind: 'follow_up_ack_overdue', status: 'cancelled' },
      { kind: 'follow_up_due_soon', status: 'pending' },
      { kind: 'follow_up_escalated', status: 'pending' },
      { kind: 'follow_up_escalated', status: 'pending' },
      { kind: 'follow_up_overdue', status: 'pending' },
    ]);
  });

  it('changing the event’s times moves the planned reminders (old labels cancelled, new ones pending)', async () => {
    ok(
      await as(organizer, `/api/v1/events/${eventId}/reminder-settings`, {
        method: 'PUT',
        json: { reminderOffsetsMinutes: [45] },
      }),
    );
    const got = await until(
      () => reminders('meeting_reminder'),
      (r) => r.filter((x) => x.status === 'pending').length === 2 && r.some((x) => x.label === 'T-45m'),
      'rescheduled reminders',
    );
    expect(got.map((r) => [r.label, r.status])).toEqual([
      ['T-1h', 'cancelled'],
      ['T-1h', 'cancelled'],
      ['T-24h', 'cancelled'],
      ['T-24h', 'cancelled'],
      ['T-45m', 'pending'],
      ['T-45m', 'pending'],
      ['T-90m', 'cancelled'],
      ['T-90m', 'cancelled'],
    ]);
    // Back to the organizer's times.
    const back = ok(
      await as(organizer, `/api/v1/events/${eventId}/reminder-settings`, {
        method: 'PUT',
        json: { reminderOffsetsMinutes: null },
      }),
    );
    expect(back.reminderOffsetsMinutes).toEqual([120, 30]);
    expect(back.source.reminderOffsetsMinutes).toBe('organizer');
  });

  it('keeps settings and follow-ups to the entitled (cross-tenant)', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const method of ['GET', 'PUT'] as const)
      await expectTenantIsolation(api, {
        route: {
          method,
          path: `/api/v1/events/${eventId}/reminder-settings`,
          json: method === 'PUT' ? { reminderOffsetsMinutes: [120, 30] } : undefined,
        },
        owner: organizer,
        stranger: otherOrganizer,
        lowerRole: member,
        lowerRoleExpect: { status: 200 },
        forbiddenValues: [eventId],
        missingPath: `/api/v1/events/${missing}/reminder-settings`,
      });
    await expectTenantIsolation(api, {
      route: { method: 'GET', path: '/api/v1/engagement-settings' },
      owner: organizer,
      stranger: otherOrganizer,
      strangerExpect: { status: 200 },
      lowerRole: member,
      lowerRoleExpect: { status: 200 },
      // The stranger sees its own defaults, never the organizer's [120, 30].
      forbiddenValues: [organizer.organizationId, 120],
    });
    const mine = ok(await as(fund, '/api/v1/follow-ups')).items.find((t: { mine: boolean }) => t.mine);
    await expectTenantIsolation(api, {
      route: { method: 'POST', path: `/api/v1/follow-ups/${mine.id}/acknowledge` },
      owner: fund,
      stranger: otherOrganizer,
      ownerExpect: { status: 409, code: 'FOLLOW_UP_STATE_INVALID' },
      forbiddenValues: [mine.id],
      missingPath: `/api/v1/follow-ups/${missing}/acknowledge`,
    });
  });
});
