import type { ParsedMail } from 'mailparser';
import { SnapshotService } from '@app/matching';
import { startSmtpCapture, SmtpCapture } from '../../../test/support/smtp-capture';
import { startApi, ApiHarness, ok } from '../../../test/support/api-app';
import { expectTenantIsolation } from '../../../test/support/cross-tenant';
import { Actor, registerOrg, uniqueEmail } from '../../../test/support/identity-fixtures';
import { createCompanyWithProject, money } from '../../../test/support/matching-fixtures';
import { spawnWorkerFor, SpawnedApp } from '../../../test/support/spawn-app';

/**
 * Events become notifications in the real worker: in-app rows in the recipient's language and e-mail
 * to a real SMTP server started here (parsed with mailparser), meeting e-mails with their .ics; the
 * publication creates reminders and follow-ups on Chinese working days; nobody reads another's inbox.
 */
describe('notifications end to end (real SMTP)', () => {
  jest.setTimeout(180_000);
  let smtp: SmtpCapture;
  let mails: ParsedMail[] = [];
  let api: ApiHarness;
  let worker: SpawnedApp;
  let organizer: Actor;
  let fund: Actor;
  let founder: Actor;
  let eventId: string;
  const as = (actor: Actor, path: string, init: { method?: string; json?: unknown } = {}) =>
    api.request(path, { ...init, token: actor.token });

  async function mailTo(address: string, subject: RegExp, timeoutMs = 60_000): Promise<ParsedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = mails.find(
        (m) =>
          subject.test(m.subject ?? '') &&
          JSON.stringify(m.to ?? '')
            .toLowerCase()
            .includes(address.toLowerCase()),
      );
      if (hit) return hit;
      if (Date.now() > deadline)
        throw new Error(
          `no mail to ${address} matching ${subject}; got ${mails.map((m) => m.subject).join(' | ')}\n${worker.output().slice(-3000)}`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    mails = smtp.mails;
    const smtpUrl = smtp.url;
    api = await startApi({ SMTP_URL: smtpUrl });
    worker = await spawnWorkerFor(api.db, { SMTP_URL: smtpUrl, OUTBOX_POLL_MS: '200', REMINDER_SWEEP_MS: '1000' });
    [organizer, fund, founder] = await Promise.all([
      registerOrg(api, 'organizer', '西湖投融荟'),
      registerOrg(api, 'fund', '西溪早期基金'),
      registerOrg(api, 'startup', '甲科技'),
    ]);
    // The founder reads English; everyone else the default zh-CN.
    ok(await as(founder, '/api/v1/me', { method: 'PATCH', json: { locale: 'en' } }));
    const { projectId } = await createCompanyWithProject(api, founder, {
      legalName: '杭州甲科技有限公司',
      regionCode: '330106',
      tracks: ['artificial_intelligence'],
      project: { title: '项目甲', stage: 'seed', amountSought: 500 * money.wan(1), instruments: ['equity'] },
    });
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
          title: '人工智能专场',
          startsAt: '2026-12-10T01:00:00.000Z',
          endsAt: '2026-12-10T02:00:00.000Z',
          maxPitches: 3,
          pitchMinutes: 15,
          qaMinutes: 5,
          room: '报告厅',
        },
      }),
      201,
    ).id;
    ok(await as(organizer, `/api/v1/events/${eventId}/status`, { method: 'POST', json: { to: 'open' } }));
    const application = ok(
      await as(founder, `/api/v1/events/${eventId}/applications`, {
        method: 'POST',
        json: { projectId, sessionId: session },
      }),
      201,
    ).id;
    ok(
      await as(organizer, `/api/v1/applications/${application}/decision`, {
        method: 'POST',
        json: { status: 'accepted' },
      }),
    );
    ok(
      await as(organizer, `/api/v1/sessions/${session}/agenda`, {
        method: 'PUT',
        json: { applicationIds: [application] },
      }),
    );
    ok(await as(organizer, `/api/v1/sessions/${session}/agenda/publish`, { method: 'POST' }));
    ok(
      await as(organizer, `/api/v1/events/${eventId}/invitations`, {
        method: 'POST',
        json: { investorOrganizationId: fund.organizationId },
      }),
      201,
    );
    ok(
      await as(organizer, `/api/v1/events/${eventId}/meeting-grid`, {
        method: 'PUT',
        json: { startsAt: '2026-12-10T03:00:00.000Z', endsAt: '2026-12-10T05:00:00.000Z', slotMinutes: 30, tables: 2 },
      }),
    );
    const request = ok(
      await as(fund, `/api/v1/events/${eventId}/meeting-requests`, {
        method: 'POST',
        json: { toOrganizationId: founder.organizationId, projectId, message: '想深入了解算法' },
      }),
      201,
    ).id;
    ok(await as(founder, `/api/v1/meeting-requests/${request}/accept`, { method: 'POST' }));
    const runId = ok(
      await as(organizer, `/api/v1/events/${eventId}/schedule-runs`, { method: 'POST', json: { seed: 1 } }),
      202,
    ).id;
    for (;;) {
      const run = ok(await as(organizer, `/api/v1/schedule-runs/${runId}`));
      if (run.status === 'done') break;
      if (run.status !== 'queued' && run.status !== 'running') throw new Error(`run ${run.status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    ok(await as(organizer, `/api/v1/schedule-runs/${runId}/publish`, { method: 'POST' }));
  });

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await api?.close();
    await smtp?.close();
  });

  it('e-mails the decision and the agenda in the founder’s language, the agenda with its .ics in the event’s zone', async () => {
    const decided = await mailTo(founder.email, /application accepted/);
    expect(decided.subject).toBe('西湖投融荟·高校专场: application accepted');
    const agenda = await mailTo(founder.email, /agenda is published/);
    expect(agenda.text).toContain('You pitch #1 in 人工智能专场 at 10 Dec 2026, 09:00 (Asia/Shanghai)');
    const ics = agenda.attachments.find((a) => a.contentType.startsWith('text/calendar'))?.content.toString() ?? '';
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toMatch(/DTSTART;TZID=Asia\/Shanghai:20261210T090000/);
    expect(ics).toContain('UID:pitch-');
  });

  it('tells the other party of a request and of its answer, and both parties of the published meetings with the invite', async () => {
    const requested = await mailTo(founder.email, /asks for a 1:1 meeting/);
    expect(requested.subject).toBe('西溪早期基金 asks for a 1:1 meeting');
    expect(requested.text).toContain('想深入了解算法');
    const answered = await mailTo(fund.email, /接受了您的会谈请求/);
    expect(answered.subject).toBe('「甲科技」接受了您的会谈请求');
    const invited = await mailTo(fund.email, /路演邀请/);
    expect(invited.text).toContain('2026年12月10日 08:30（Asia/Shanghai）');
    for (const [who, subject] of [
      [founder, /your 1:1 meetings are scheduled/],
      [fund, /一对一会谈日程已发布/],
    ] as const) {
      const mail = await mailTo(who.email, subject);
      const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
      const ics = part?.content.toString() ?? '';
      expect(ics).toContain('UID:meeting-');
      expect(ics).toMatch(/DTSTART;TZID=Asia\/Shanghai:20261210T1[1-2][03]000/);
      expect(ics).toContain('BEGIN:VTIMEZONE');
    }
  });

  it('schedules T-24h / T-1h reminders for the pitch and the meeting, and follow-ups due in 4 working days', async () => {
    const until = async (sql: string, n: number) => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const [{ c }] = await api.db.dataSource.query(sql);
        if (Number(c) === n) return;
        if (Date.now() > deadline) throw new Error(`${sql}: ${c} != ${n}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await until(`SELECT count(*) AS c FROM scheduled_notifications WHERE kind = 'session_reminder'`, 2);
    await until(`SELECT count(*) AS c FROM scheduled_notifications WHERE kind = 'meeting_reminder'`, 4);
    await until(`SELECT count(*) AS c FROM follow_up_tasks`, 2);
    const [pitch] = await api.db.dataSource.query(
      `SELECT due_at FROM scheduled_notifications WHERE kind = 'session_reminder' AND label = 'T-1h'`,
    );
    expect(new Date(pitch.due_at).toISOString()).toBe('2026-12-10T00:00:00.000Z');
    const tasks = ok(await as(fund, '/api/v1/follow-ups')).items;
    const mine = tasks.find((t: { mine: boolean }) => t.mine);
    // The organizer's follow-up board holds both tasks of its event; neither is its own to close.
    const board = ok(await as(organizer, '/api/v1/follow-ups')).items;
    expect(board.map((t: { kind: string; mine: boolean }) => [t.kind, t.mine]).sort()).toEqual([
      ['founder_sends_data_room', false],
      ['investor_replies', false],
    ]);
    // Thursday 2026-12-10 + 4 working days: Fri 11, Mon 14, Tue 15, Wed 16.
    expect(mine).toMatchObject({
      acknowledgeWorkingDays: 1,
      acknowledgeDueOn: '2026-12-11',
      acknowledgedAt: null,
      kind: 'investor_replies',
      dueOn: '2026-12-16',
      dueAt: '2026-12-16T16:00:00.000Z',
      provisional: false,
      status: 'open',
    });
    const ladder = await api.db.dataSource.query(
      `SELECT kind, label, due_at FROM scheduled_notifications WHERE target_id = $1 ORDER BY due_at, label`,
      [mine.id],
    );
    expect(
      ladder.map((r: { kind: string; label: string; due_at: Date }) => [
        r.kind,
        r.label,
        new Date(r.due_at).toISOString(),
      ]),
    ).toEqual([
      // The acknowledge clock (1 working day: Fri 11): unacknowledged, the owner hears it on the next working morning.
      ['follow_up_ack_overdue', 'ack-day-after', '2026-12-14T01:00:00.000Z'],
      ['follow_up_due_soon', 'due-day', '2026-12-16T01:00:00.000Z'],
      ['follow_up_overdue', 'day-after', '2026-12-17T01:00:00.000Z'],
      // 5 more working days after Wed 16: 17, 18, 21, 22, 23 → escalation the morning after.
      ['follow_up_escalated', 'organizer', '2026-12-24T01:00:00.000Z'],
      ['follow_up_escalated', 'owner-admins', '2026-12-24T01:00:00.000Z'],
    ]);
    // The founder cannot close the fund's task; the fund closes it and its ladder is cancelled.
    expect((await as(founder, `/api/v1/follow-ups/${mine.id}/done`, { method: 'POST' })).body.code).toBe(
      'FOLLOW_UP_NOT_FOUND',
    );
    expect(ok(await as(fund, `/api/v1/follow-ups/${mine.id}/done`, { method: 'POST' })).status).toBe('done');
    const [{ c }] = await api.db.dataSource.query(
      `SELECT count(*) AS c FROM scheduled_notifications WHERE target_id = $1 AND status = 'pending'`,
      [mine.id],
    );
    expect(Number(c)).toBe(0);
  });

  it('an invitation reaches the invitee by e-mail; the inbox is per person and per organization', async () => {
    const invitee = uniqueEmail('invitee');
    ok(await as(organizer, '/api/v1/invitations', { method: 'POST', json: { email: invitee, role: 'member' } }), 201);
    const mail = await mailTo(invitee, /邀请您加入/);
    expect(mail.subject).toBe('邀请您加入「西湖投融荟」');

    const inbox = ok(await as(founder, '/api/v1/notifications'));
    const kinds = inbox.items.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['application_decided', 'agenda_published', 'meeting_requested', 'meetings_published']),
    );
    expect(inbox.items.every((n: { locale: string }) => n.locale === 'en')).toBe(true);
    const unread = ok(await as(founder, '/api/v1/notifications/unread-count')).count;
    const target = inbox.items[0];
    await expectTenantIsolation(api, {
      route: { method: 'POST', path: `/api/v1/notifications/${target.id}/read` },
      owner: founder,
      stranger: fund,
      forbiddenValues: [target.id, target.title],
      missingPath: '/api/v1/notifications/00000000-0000-4000-8000-000000000000/read',
    });
    expect(ok(await as(founder, '/api/v1/notifications/unread-count')).count).toBe(unread - 1);
    const strangerInbox = ok(await as(fund, '/api/v1/notifications'));
    expect(strangerInbox.items.map((n: { id: string }) => n.id)).not.toContain(target.id);
    expect(ok(await as(fund, '/api/v1/notifications/read-all', { method: 'POST' })).updated).toBeGreaterThan(0);
    expect(ok(await as(founder, '/api/v1/notifications/unread-count')).count).toBe(unread - 1);
  });

  it('keeps per-user preferences by kind', async () => {
    const prefs = ok(
      await as(founder, '/api/v1/notification-preferences', {
        method: 'PUT',
        json: { items: [{ kind: 'deal_changed', channels: ['in_app'] }] },
      }),
    ).items;
    expect(prefs.find((p: { kind: string }) => p.kind === 'deal_changed').channels).toEqual(['in_app']);
    expect(prefs.find((p: { kind: string }) => p.kind === 'meeting_reminder').channels).toEqual(['in_app', 'email']);
    expect(
      (
        await as(founder, '/api/v1/notification-preferences', {
          method: 'PUT',
          json: { items: [{ kind: 'nope', channels: [] }] },
        })
      ).status,
    ).toBe(400);
  });
});
