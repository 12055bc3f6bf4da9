import ExcelJS from 'exceljs';
import { SnapshotService } from '@app/matching';
import { startApi, ApiHarness, ok } from '../../../test/support/api-app';
import { expectTenantIsolation } from '../../../test/support/cross-tenant';
import { Actor, addMember, registerOrg } from '../../../test/support/identity-fixtures';
import { createCompanyWithProject, money } from '../../../test/support/matching-fixtures';
import { spawnWorkerFor, SpawnedApp } from '../../../test/support/spawn-app';

const count = (list: { key: string; count: number }[], key: string) => list.find((x) => x.key === key)?.count;

/**
 * Golden figures on a seeded event: 3 applications (2 accepted and pitched), 2 investors invited (1
 * attends), 4 meeting requests (3 accepted and scheduled, 1 declined), outcomes recorded by both sides
 * through the API (one 投贷联动 signed 300 万 equity + 200 万 loan and confirmed by the founder, one
 * pass for valuation, one no-show), follow-ups from the real worker (2 done on time, 1 past due).
 * Every figure of the report and its .xlsx is asserted; strangers get nothing.
 */
describe('event report (golden figures, real worker)', () => {
  jest.setTimeout(240_000);
  let api: ApiHarness;
  let worker: SpawnedApp;
  let organizer: Actor;
  let organizerMember: Actor;
  let otherOrganizer: Actor;
  let fundA: Actor;
  let fundB: Actor;
  const founders: Actor[] = [];
  let eventId: string;
  const meetings: Record<string, string> = {};
  const projectIds: string[] = [];
  const as = (actor: Actor, path: string, init: { method?: string; json?: unknown } = {}) =>
    api.request(path, { ...init, token: actor.token });

  beforeAll(async () => {
    api = await startApi();
    worker = await spawnWorkerFor(api.db, { OUTBOX_POLL_MS: '200', REMINDER_SWEEP_MS: '1000' });
    [organizer, otherOrganizer, fundA, fundB] = await Promise.all([
      registerOrg(api, 'organizer', '浦江投融汇'),
      registerOrg(api, 'organizer', '别家主办方'),
      registerOrg(api, 'fund', '甲基金'),
      registerOrg(api, 'fund', '乙基金'),
    ]);
    organizerMember = await addMember(api, organizer, 'member');
    const projects = projectIds;
    for (const name of ['一号', '二号', '三号']) {
      const f = await registerOrg(api, 'startup', `${name}科技`);
      founders.push(f);
      const { projectId } = await createCompanyWithProject(api, f, {
        legalName: `上海${name}科技有限公司`,
        regionCode: '310104',
        tracks: ['artificial_intelligence'],
        project: { title: `项目${name}`, stage: 'seed', amountSought: 500 * money.wan(1), instruments: ['equity'] },
      });
      projects.push(projectId);
    }
    await api.app.get(SnapshotService).resync();
    eventId = ok(
      await as(organizer, '/api/v1/events', {
        method: 'POST',
        json: {
          title: '浦江投融汇·人工智能专场',
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
          track: 'artificial_intelligence',
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
    for (const [i, status] of (['accepted', 'accepted', 'rejected'] as const).entries())
      ok(
        await as(organizer, `/api/v1/applications/${applications[i]}/decision`, {
          method: 'POST',
          json: { status, ...(status === 'rejected' ? { reason: '方向不符' } : {}) },
        }),
      );
    ok(
      await as(organizer, `/api/v1/sessions/${session}/agenda`, {
        method: 'PUT',
        json: { applicationIds: [applications[0], applications[1]] },
      }),
    );
    ok(await as(organizer, `/api/v1/sessions/${session}/agenda/publish`, { method: 'POST' }));
    const invitationA = ok(
      await as(organizer, `/api/v1/events/${eventId}/invitations`, {
        method: 'POST',
        json: { investorOrganizationId: fundA.organizationId },
      }),
      201,
    );
    ok(
      await as(organizer, `/api/v1/events/${eventId}/invitations`, {
        method: 'POST',
        json: { investorOrganizationId: fundB.organizationId },
      }),
      201,
    );
    ok(await as(fundA, `/api/v1/invitations/${invitationA.id}/rsvp`, { method: 'POST', json: { status: 'accepted' } }));
    const own = ok(await as(fundA, `/api/v1/events/${eventId}/invitations`)).items[0];
    ok(await as(organizer, `/api/v1/events/${eventId}/check-in`, { method: 'POST', json: { code: own.checkInCode } }));
    ok(
      await as(organizer, `/api/v1/events/${eventId}/meeting-grid`, {
        method: 'PUT',
        json: { startsAt: '2026-12-10T03:00:00.000Z', endsAt: '2026-12-10T05:00:00.000Z', slotMinutes: 30, tables: 2 },
      }),
    );
    const request = async (fund: Actor, founder: number, answer: 'accept' | 'decline') => {
      const id = ok(
        await as(fund, `/api/v1/events/${eventId}/meeting-requests`, {
          method: 'POST',
          json: { toOrganizationId: founders[founder].organizationId, projectId: projects[founder], message: '请教' },
        }),
        201,
      ).id;
      ok(
        await as(founders[founder], `/api/v1/meeting-requests/${id}/${answer}`, {
          method: 'POST',
          ...(answer === 'decline' ? { json: { reason: '时间冲突' } } : {}),
        }),
      );
      return id;
    };
    meetings.a1 = await request(fundA, 0, 'accept');
    meetings.a2 = await request(fundA, 1, 'accept');
    meetings.b2 = await request(fundB, 1, 'accept');
    await request(fundB, 0, 'decline');
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
    // The worker plans two follow-ups per investor ↔ founder meeting.
    for (;;) {
      const rows: { n: string }[] = await api.db.dataSource.query(
        'SELECT count(*) AS n FROM follow_up_tasks WHERE event_id = $1',
        [eventId],
      );
      if (Number(rows[0].n) === 6) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await api?.close();
  });

  it('both sides record outcomes; the founder sees the investor’s side and the shared state', async () => {
    const investorSide = ok(
      await as(fundA, `/api/v1/meetings/${meetings.a1}/outcome`, {
        method: 'PUT',
        json: {
          attendance: 'held',
          stage: 'signed',
          instrument: 'equity_loan_package',
          equityAmount: 300 * money.wan(1),
          loanAmount: 200 * money.wan(1),
        },
      }),
    );
    expect(investorSide.yourSide).toBe('investor');
    expect(investorSide.shared).toMatchObject({ stage: 'signed', confirmed: false });
    const seen = ok(await as(founders[0], `/api/v1/meetings/${meetings.a1}/outcome`));
    expect(seen.yourSide).toBe('founder');
    expect(seen.investor.terms).toEqual({
      instrument: 'equity_loan_package',
      amount: 500 * money.wan(1),
      equityAmount: 300 * money.wan(1),
      loanAmount: 200 * money.wan(1),
    });
    const confirmed = ok(
      await as(founders[0], `/api/v1/meetings/${meetings.a1}/outcome`, {
        method: 'PUT',
        json: {
          stage: 'signed',
          instrument: 'equity_loan_package',
          amount: 500 * money.wan(1),
          equityAmount: 300 * money.wan(1),
          loanAmount: 200 * money.wan(1),
        },
      }),
    );
    expect(confirmed.shared).toMatchObject({ stage: 'signed', confirmed: true, attendance: 'held' });
    ok(
      await as(fundA, `/api/v1/meetings/${meetings.a2}/outcome`, {
        method: 'PUT',
        json: { attendance: 'held', stage: 'passed', passReason: { code: 'valuation' } },
      }),
    );
    ok(
      await as(founders[1], `/api/v1/meetings/${meetings.a2}/outcome`, { method: 'PUT', json: { attendance: 'held' } }),
    );
    const noShow = ok(
      await as(founders[1], `/api/v1/meetings/${meetings.b2}/outcome`, {
        method: 'PUT',
        json: { attendance: 'no_show' },
      }),
    );
    expect(noShow.shared).toMatchObject({ stage: null, attendance: 'no_show' });
  });

  it('refuses bad outcomes with a code and the field, and writes nothing', async () => {
    const path = `/api/v1/meetings/${meetings.b2}/outcome`;
    const bad = async (json: unknown, status: number, code: string, field: string) => {
      const res = await as(fundB, path, { method: 'PUT', json });
      expect([res.status, res.body.code]).toEqual([status, code]);
      expect(JSON.stringify(res.body.details)).toContain(field);
    };
    await bad(
      { stage: 'signed', instrument: 'equity_loan_package', equityAmount: 100 },
      422,
      'OUTCOME_INVALID',
      'loanAmount',
    );
    await bad({ stage: 'signed', amount: 100 }, 422, 'OUTCOME_INVALID', 'instrument');
    await bad(
      { stage: 'signed', instrument: 'loan', amount: 100, loanAmount: 100 },
      422,
      'OUTCOME_INVALID',
      'loanAmount',
    );
    await bad({ stage: 'signed', instrument: 'equity', amount: 12.5 }, 400, 'VALIDATION_FAILED', 'amount');
    await bad({ stage: 'signed', instrument: 'equity', amount: -5 }, 400, 'VALIDATION_FAILED', 'amount');
    await bad(
      { stage: 'disbursed', instrument: 'loan', amount: 100, disbursedAmount: 200 },
      422,
      'OUTCOME_INVALID',
      'disbursedAmount',
    );
    await bad({ stage: 'passed', passReason: { code: 'other' } }, 422, 'OUTCOME_INVALID', 'passReason.text');
    await bad({ stage: 'passed' }, 422, 'OUTCOME_INVALID', 'passReason.code');
    const after = ok(await as(fundB, path));
    expect(after.investor).toBeNull();
  });

  it('keeps a side from silently undoing a colleague’s save: a stale revision is a 409, the other side never conflicts', async () => {
    const path = `/api/v1/meetings/${meetings.a2}/outcome`;
    const passed = { attendance: 'held', stage: 'passed', passReason: { code: 'valuation' } };
    const read = ok(await as(fundA, path));
    expect(read.investor.revision).toBe(1);
    const saved = ok(
      await as(fundA, path, { method: 'PUT', json: { ...passed, note: 'first tab', expectedRevision: 1 } }),
    );
    expect([saved.investor.revision, saved.investor.note]).toEqual([2, 'first tab']);
    // The second tab still holds revision 1: refused, with the current revision, and nothing written.
    const stale = await as(fundA, path, {
      method: 'PUT',
      json: { ...passed, note: 'second tab', expectedRevision: 1 },
    });
    expect([stale.status, stale.body.code, stale.body.details.field, stale.body.details.currentRevision]).toEqual([
      409,
      'OUTCOME_VERSION_CONFLICT',
      'expectedRevision',
      2,
    ]);
    expect(ok(await as(fundA, path)).investor.note).toBe('first tab');
    // Two saves from the same revision at once: exactly one wins.
    const racing = await Promise.all(
      ['racer 1', 'racer 2'].map((note) =>
        as(fundA, path, { method: 'PUT', json: { ...passed, note, expectedRevision: 2 } }),
      ),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([200, 409]);
    const after = ok(await as(fundA, path));
    expect(after.investor.revision).toBe(3);
    expect(after.investor.note).toBe(racing.find((r) => r.status === 200)!.body.investor.note);
    // The founder's side has its own revision: the investor's saves never make it stale.
    expect(after.founder.revision).toBe(1);
    const founderSaved = ok(
      await as(founders[1], path, { method: 'PUT', json: { attendance: 'held', note: 'thanks', expectedRevision: 1 } }),
    );
    expect([founderSaved.founder.revision, founderSaved.investor.revision]).toEqual([2, 3]);
    // Without a revision the save overwrites, as before.
    expect(ok(await as(fundA, path, { method: 'PUT', json: { ...passed, note: 'racer 1' } })).investor.revision).toBe(
      4,
    );
  });

  it('counts follow-ups on time: two done by the deadline, one past it', async () => {
    const list = ok(await as(fundA, '/api/v1/follow-ups')).items as {
      id: string;
      meetingId: string;
      kind: string;
      mine: boolean;
    }[];
    const replyA1 = list.find((t) => t.meetingId === meetings.a1 && t.kind === 'investor_replies')!;
    ok(await as(fundA, `/api/v1/follow-ups/${replyA1.id}/done`, { method: 'POST' }));
    const dataRoom = ok(await as(founders[0], '/api/v1/follow-ups')).items.find(
      (t: { meetingId: string; kind: string }) => t.meetingId === meetings.a1 && t.kind === 'founder_sends_data_room',
    );
    ok(await as(founders[0], `/api/v1/follow-ups/${dataRoom.id}/done`, { method: 'POST' }));
    // Time passes for one task: its deadline is behind us and it is still open.
    await api.db.dataSource.query(
      `UPDATE follow_up_tasks SET due_at = now() - interval '1 day' WHERE meeting_id = $1 AND kind = 'founder_sends_data_room'`,
      [meetings.a2],
    );
  });

  it('reports every figure of the event', async () => {
    ok(await as(organizer, `/api/v1/events/${eventId}/status`, { method: 'POST', json: { to: 'live' } }));
    ok(await as(organizer, `/api/v1/events/${eventId}/status`, { method: 'POST', json: { to: 'finished' } }));
    const r = ok(await as(organizerMember, `/api/v1/events/${eventId}/report`));
    expect(r.event).toMatchObject({ id: eventId, title: '浦江投融汇·人工智能专场', status: 'finished' });
    expect(r.applications).toEqual({
      total: 3,
      accepted: 2,
      byStatus: [
        { key: 'pending', count: 0 },
        { key: 'accepted', count: 2 },
        { key: 'waitlisted', count: 0 },
        { key: 'rejected', count: 1 },
        { key: 'withdrawn', count: 0 },
      ],
    });
    expect(r.pitched).toBe(2);
    expect(r.sessions).toEqual([
      expect.objectContaining({ title: '人工智能专场', track: 'artificial_intelligence', onAgenda: 2, pitched: 2 }),
    ]);
    expect(r.investors).toEqual({ invited: 2, rsvpAccepted: 1, attending: 1 });
    expect(r.meetings).toEqual({
      requested: 4,
      accepted: 3,
      declined: 1,
      scheduled: 3,
      held: 2,
      noShow: 1,
      unrecorded: 0,
      cancelled: 0,
    });
    expect(r.followUps).toMatchObject({ total: 6, onTime: 2, late: 1, open: 3, onTimeRate: 0.6667 });
    expect(r.followUps.byKind).toEqual([
      expect.objectContaining({ kind: 'investor_replies', total: 3, onTime: 1, late: 0, open: 2, onTimeRate: 1 }),
      expect.objectContaining({
        kind: 'founder_sends_data_room',
        total: 3,
        onTime: 1,
        late: 1,
        open: 1,
        onTimeRate: 0.5,
      }),
    ]);
    expect(r.outcomes.recorded).toBe(3);
    expect(r.outcomes.confirmed).toBe(1);
    expect(r.outcomes.byStage).toEqual([
      { key: 'interested', count: 0 },
      { key: 'due_diligence', count: 0 },
      { key: 'term_sheet', count: 0 },
      { key: 'signed', count: 1 },
      { key: 'disbursed', count: 0 },
      { key: 'passed', count: 1 },
    ]);
    expect(count(r.outcomes.passReasons, 'valuation')).toBe(1);
    expect(r.outcomes.passReasons.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(1);
    expect(r.deals).toMatchObject({ signed: 1, signedAmount: 500 * money.wan(1), disbursed: 0, disbursedAmount: 0 });
    expect(r.deals.byInstrument).toEqual([
      { instrument: 'equity', count: 0, amount: 0, equityAmount: 0, loanAmount: 0 },
      { instrument: 'convertible_grant', count: 0, amount: 0, equityAmount: 0, loanAmount: 0 },
      { instrument: 'loan', count: 0, amount: 0, equityAmount: 0, loanAmount: 0 },
      { instrument: 'ip_pledge_loan', count: 0, amount: 0, equityAmount: 0, loanAmount: 0 },
      {
        instrument: 'equity_loan_package',
        count: 1,
        amount: 500 * money.wan(1),
        equityAmount: 300 * money.wan(1),
        loanAmount: 200 * money.wan(1),
      },
    ]);
    expect(r.funnel).toEqual(
      [
        ['applied', 3],
        ['accepted', 2],
        ['pitched', 2],
        ['met', 2],
        ['interested', 1],
        ['due_diligence', 1],
        ['term_sheet', 1],
        ['signed', 1],
        ['disbursed', 0],
      ].map(([key, c]) => ({ key, count: c })),
    );
  });

  it('exports the report as an .xlsx workbook with the same figures', async () => {
    const res = await fetch(`${api.baseUrl}/api/v1/events/${eventId}/report.xlsx`, {
      headers: { authorization: `Bearer ${organizer.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('浦江投融汇·人工智能专场-report.xlsx')}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const summary = wb.getWorksheet('概览 Summary')!;
    const value = (label: RegExp) => {
      let v: unknown;
      summary.eachRow((row) => {
        if (label.test(String(row.getCell(1).value))) v = row.getCell(2).value;
      });
      return v;
    };
    expect(value(/Applications/)).toBe(3);
    expect(value(/Pitched/)).toBe(2);
    expect(value(/Investors attending/)).toBe(1);
    expect(value(/Meetings held/)).toBe(2);
    expect(value(/On-time rate/)).toBe(0.6667);
    expect(value(/Signed amount/)).toBe(5_000_000);
    const deals = wb.getWorksheet('签约 Deals')!;
    const pkg = deals.getRow(6);
    expect([
      pkg.getCell(1).value,
      pkg.getCell(3).value,
      pkg.getCell(4).value,
      pkg.getCell(5).value,
      pkg.getCell(6).value,
    ]).toEqual(['投贷联动', 1, 5_000_000, 3_000_000, 2_000_000]);
  });

  it('reports the organizer’s programme over a period (the event counted once, nothing outside it)', async () => {
    const r = ok(await as(organizer, '/api/v1/reports/programme?from=2026-12-01&to=2026-12-31'));
    expect(r).toMatchObject({
      from: '2026-12-01',
      to: '2026-12-31',
      events: 1,
      sessionsHeld: 1,
      // 3 founders applied, 2 funds invited.
      organizationsCovered: 5,
      founderOrganizations: 3,
      investorOrganizations: 2,
      projectsByTrack: [{ key: 'artificial_intelligence', count: 2 }],
      deals: { signed: 1, signedAmount: 500 * money.wan(1) },
      followUps: { total: 6, onTime: 2, late: 1, open: 3, onTimeRate: 0.6667 },
    });
    expect(r.funnel.map((f: { count: number }) => f.count)).toEqual([3, 2, 2, 2, 1, 1, 1, 1, 0]);
    expect(r.perEvent).toEqual([
      expect.objectContaining({ id: eventId, applications: 3, accepted: 2, pitched: 2, meetingsHeld: 2, signed: 1 }),
    ]);
    const empty = ok(await as(organizer, '/api/v1/reports/programme?from=2027-01-01&to=2027-03-31'));
    expect([empty.events, empty.sessionsHeld, empty.organizationsCovered, empty.deals.signed]).toEqual([0, 0, 0, 0]);
    const stranger = ok(await as(otherOrganizer, '/api/v1/reports/programme?from=2026-12-01&to=2026-12-31'));
    expect(stranger.events).toBe(0);
    const bad = await as(organizer, '/api/v1/reports/programme?from=2026-12-31&to=2026-12-01');
    expect([bad.status, bad.body.code, bad.body.details.field]).toEqual([422, 'REPORT_PERIOD_INVALID', 'to']);
    const shape = await as(organizer, '/api/v1/reports/programme?from=yesterday&to=2026-12-01');
    expect([shape.status, shape.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const fundTry = await as(fundA, '/api/v1/reports/programme?from=2026-12-01&to=2026-12-31');
    expect([fundTry.status, fundTry.body.code]).toEqual([403, 'FORBIDDEN']);
    const xlsx = await fetch(`${api.baseUrl}/api/v1/reports/programme.xlsx?from=2026-12-01&to=2026-12-31`, {
      headers: { authorization: `Bearer ${organizer.token}` },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const row = wb.getWorksheet('活动 Events')!.getRow(2);
    expect([row.getCell(1).value, row.getCell(3).value, row.getCell(7).value, row.getCell(8).value]).toEqual([
      '浦江投融汇·人工智能专场',
      3,
      1,
      5_000_000,
    ]);
  });

  it('reports a fund’s deal-flow funnel and exports its pipeline; the founder records its side of the deal', async () => {
    const deal = ok(await as(fundA, '/api/v1/deals', { method: 'POST', json: { projectId: projectIds[0] } }), 201);
    for (const to of ['shortlisted', 'contacted', 'meeting', 'due_diligence'])
      ok(await as(fundA, `/api/v1/deals/${deal.id}/transitions`, { method: 'POST', json: { to } }));
    const passed = ok(await as(fundA, '/api/v1/deals', { method: 'POST', json: { projectId: projectIds[1] } }), 201);
    ok(await as(fundA, `/api/v1/deals/${passed.id}/transitions`, { method: 'POST', json: { to: 'shortlisted' } }));
    ok(
      await as(fundA, `/api/v1/deals/${passed.id}/transitions`, {
        method: 'POST',
        json: { to: 'passed', passReason: { code: 'traction' } },
      }),
    );
    // The founder of the first project records its side of the deal; the fund reads it.
    const founderSide = ok(
      await as(founders[0], `/api/v1/deals/${deal.id}/outcome`, { method: 'PUT', json: { stage: 'due_diligence' } }),
    );
    expect(founderSide).toMatchObject({ yourSide: 'founder', shared: { stage: 'due_diligence', confirmed: false } });
    expect(ok(await as(fundA, `/api/v1/deals/${deal.id}/outcome`)).founder.stage).toBe('due_diligence');
    const stranger = await as(founders[2], `/api/v1/deals/${deal.id}/outcome`);
    expect([stranger.status, stranger.body.code]).toEqual([404, 'OUTCOME_SUBJECT_NOT_FOUND']);
    const attendance = await as(founders[0], `/api/v1/deals/${deal.id}/outcome`, {
      method: 'PUT',
      json: { attendance: 'held' },
    });
    expect([attendance.status, attendance.body.code, attendance.body.details.field]).toEqual([
      422,
      'OUTCOME_INVALID',
      'attendance',
    ]);

    const r = ok(await as(fundA, '/api/v1/reports/fund'));
    expect(r.deals).toBe(2);
    expect(r.funnel).toEqual(
      [
        ['new', 2],
        ['shortlisted', 2],
        ['contacted', 1],
        ['meeting', 1],
        ['due_diligence', 1],
        ['term_sheet', 0],
        ['signed', 0],
        ['disbursed', 0],
      ].map(([key, count]) => ({ key, count })),
    );
    expect(r.conversion[0]).toEqual({ key: 'shortlisted', rate: 1 });
    expect(r.conversion[1]).toEqual({ key: 'contacted', rate: 0.5 });
    expect(count(r.pipeline, 'due_diligence')).toBe(1);
    expect(count(r.pipeline, 'passed')).toBe(1);
    expect(count(r.passReasons, 'traction')).toBe(1);
    // The meeting signed at the event (投贷联动) is the fund's signed outcome.
    expect(r.signed).toMatchObject({ signed: 1, signedAmount: 500 * money.wan(1) });
    expect(r.mandates).toEqual([]);
    expect(ok(await as(fundB, '/api/v1/reports/fund'))).toMatchObject({ deals: 0, signed: { signed: 0 } });
    const org = await as(organizer, '/api/v1/reports/fund');
    expect([org.status, org.body.code]).toEqual([403, 'FORBIDDEN']);

    const xlsx = await fetch(`${api.baseUrl}/api/v1/reports/deal-flow.xlsx`, {
      headers: { authorization: `Bearer ${fundA.token}` },
    });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const ws = wb.getWorksheet('项目流 Deal flow')!;
    expect(ws.rowCount).toBe(3);
    const rows = [2, 3].map((i) => ws.getRow(i));
    expect(rows.map((x) => [x.getCell(1).value, x.getCell(3).value, x.getCell(5).value, x.getCell(6).value])).toEqual([
      ['项目一号', 'due_diligence', null, 'due_diligence'],
      ['项目二号', 'passed', '业务进展', null],
    ]);
    const other = await fetch(`${api.baseUrl}/api/v1/reports/deal-flow.xlsx`, {
      headers: { authorization: `Bearer ${fundB.token}` },
    });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(await other.arrayBuffer()) as never);
    expect(wb2.getWorksheet('项目流 Deal flow')!.rowCount).toBe(1);
  });

  it('keeps reports and outcomes to the entitled (cross-tenant)', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const suffix of ['report', 'report.xlsx'])
      await expectTenantIsolation(api, {
        route: { method: 'GET', path: `/api/v1/events/${eventId}/${suffix}` },
        owner: organizer,
        stranger: otherOrganizer,
        lowerRole: organizerMember,
        lowerRoleExpect: { status: 200 },
        forbiddenValues: [eventId, '浦江投融汇'],
        missingPath: `/api/v1/events/${missing}/${suffix}`,
      });
    // A party of the event that is not the organizer (an investor) gets no report either.
    const fundTry = await as(fundA, `/api/v1/events/${eventId}/report`);
    expect([fundTry.status, fundTry.body.code]).toEqual([404, 'EVENT_NOT_FOUND']);
    for (const method of ['GET', 'PUT'] as const)
      await expectTenantIsolation(api, {
        route: {
          method,
          path: `/api/v1/meetings/${meetings.a1}/outcome`,
          json:
            method === 'PUT'
              ? {
                  attendance: 'held',
                  stage: 'signed',
                  instrument: 'equity_loan_package',
                  equityAmount: 300 * money.wan(1),
                  loanAmount: 200 * money.wan(1),
                }
              : undefined,
        },
        owner: fundA,
        stranger: fundB,
        forbiddenValues: [meetings.a1, founders[0].organizationId],
        missingPath: `/api/v1/meetings/${missing}/outcome`,
      });
    // The organizer runs the day but is no party to the meeting's outcome.
    const org = await as(organizer, `/api/v1/meetings/${meetings.a1}/outcome`);
    expect([org.status, org.body.code]).toEqual([404, 'OUTCOME_SUBJECT_NOT_FOUND']);
  });
});
