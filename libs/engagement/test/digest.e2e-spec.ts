import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { ParsedMail } from 'mailparser';
import { SnapshotService } from '@app/matching';
import { startSmtpCapture, SmtpCapture } from '../../../test/support/smtp-capture';
import { startApi, ApiHarness, ok } from '../../../test/support/api-app';
import { Actor, registerOrg } from '../../../test/support/identity-fixtures';
import { createCompanyWithProject, money } from '../../../test/support/matching-fixtures';
import { DigestService } from '../src/digest/digest.service';
import { DIGESTS_QUEUE } from '../src/engagement.events';

/**
 * The investors' daily digest, rows first: projects newly entering a mandate's top list, by e-mail
 * (a real SMTP server started here) and in-app; once per mandate and day however often it runs.
 */
describe('daily digest to investors (real SMTP)', () => {
  jest.setTimeout(180_000);
  let smtp: SmtpCapture;
  let mails: ParsedMail[] = [];
  let api: ApiHarness;
  let fund: Actor;
  let digest: DigestService;
  let mandateId: string;
  const as = (actor: Actor, path: string, init: { method?: string; json?: unknown } = {}) =>
    api.request(path, { ...init, token: actor.token });
  const digestMails = () => mails.filter((m) => /推荐前列/.test(m.subject ?? ''));
  async function publishProject(name: string): Promise<string> {
    const founder = await registerOrg(api, 'startup', `${name}科技`);
    const { projectId } = await createCompanyWithProject(api, founder, {
      legalName: `苏州${name}科技有限公司`,
      regionCode: '320506',
      tracks: ['artificial_intelligence'],
      project: { title: `项目${name}`, stage: 'seed', amountSought: 800 * money.wan(1), instruments: ['equity'] },
    });
    await api.app.get(SnapshotService).resync();
    return projectId;
  }
  async function until(probe: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (!probe()) {
      if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    mails = smtp.mails;
    api = await startApi({
      SMTP_URL: smtp.url,
      DIGEST_MIN_SCORE: '0',
      DIGEST_TOP_K: '10',
    });
    digest = api.app.get(DigestService);
    fund = await registerOrg(api, 'fund', '金鸡湖早期基金');
    mandateId = ok(
      await as(fund, '/api/v1/mandates', {
        method: 'POST',
        json: {
          name: '人工智能早期',
          instruments: ['equity'],
          stages: ['seed', 'angel'],
          ticketMin: 300 * money.wan(1),
          ticketMax: 3000 * money.wan(1),
          tracks: ['artificial_intelligence'],
        },
      }),
      201,
    ).id;
  });

  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });

  it('the first digest lists the top list; the next day only the project that newly entered it', async () => {
    await publishProject('一');
    const day1 = await digest.runDay('2026-12-01');
    expect(day1).toMatchObject({ created: 1, sent: 1 });
    await until(() => digestMails().length === 1, 'first digest mail');
    const first = digestMails()[0];
    expect(first.subject).toBe('「人工智能早期」今日新进入推荐前列的项目 1 个');
    expect(first.text).toContain('项目一');
    expect(JSON.stringify(first.to)).toContain(fund.email);

    await publishProject('二');
    expect(await digest.runDay('2026-12-02')).toMatchObject({ created: 1, sent: 1 });
    await until(() => digestMails().length === 2, 'second digest mail');
    const second = digestMails()[1];
    expect(second.subject).toBe('「人工智能早期」今日新进入推荐前列的项目 1 个');
    expect(second.text).toContain('项目二');
    expect(second.text).not.toContain('项目一');

    const inbox = ok(await as(fund, '/api/v1/notifications')).items.filter(
      (n: { kind: string }) => n.kind === 'mandate_digest',
    );
    expect(inbox).toHaveLength(2);
    expect(inbox[0].link).toBe(`/mandates/${mandateId}/deal-flow`);
  });

  it('runs once per mandate and day: repeated and concurrent runs send nothing twice; a day without news sends nothing', async () => {
    expect(await digest.runDay('2026-12-02')).toMatchObject({ created: 0, sent: 0 });
    expect(await digest.runDay('2026-12-03')).toMatchObject({ created: 1, sent: 0, empty: 1 });
    await publishProject('三');
    const both = await Promise.all([digest.runDay('2026-12-04'), digest.runDay('2026-12-04')]);
    expect(both[0].sent + both[1].sent).toBe(1);
    await until(() => digestMails().length === 3, 'third digest mail');
    const rows = await api.db.dataSource.query(
      `SELECT day::text AS day, status, jsonb_array_length(new_project_ids) AS n FROM digest_runs WHERE mandate_id = $1 ORDER BY day`,
      [mandateId],
    );
    expect(rows).toEqual([
      { day: '2026-12-01', status: 'sent', n: 1 },
      { day: '2026-12-02', status: 'sent', n: 1 },
      { day: '2026-12-03', status: 'empty', n: 0 },
      { day: '2026-12-04', status: 'sent', n: 1 },
    ]);
    await new Promise((r) => setTimeout(r, 500));
    expect(digestMails()).toHaveLength(3);
  });

  it('the repeatable daily job is registered on the digests queue, and a queued run does the same work', async () => {
    const queue = api.app.get<Queue>(getQueueToken(DIGESTS_QUEUE.name));
    const scheduler = await queue.getJobScheduler('digest-daily');
    expect(scheduler).toMatchObject({ pattern: '0 8 * * *', tz: 'Asia/Shanghai' });
    await publishProject('四');
    const job = await queue.add('daily', { type: 'daily', day: '2026-12-05' });
    await until(() => digestMails().length === 4, 'queued digest mail');
    expect(digestMails()[3].text).toContain('项目四');
    // The run's result (what the processor returns) once the job completes.
    let state = await job.getState();
    while (state === 'active' || state === 'waiting') {
      await new Promise((r) => setTimeout(r, 100));
      state = await job.getState();
    }
    expect(state).toBe('completed');
    expect((await queue.getJob(job.id!))?.returnvalue).toMatchObject({ day: '2026-12-05', created: 1, sent: 1 });
  });
});
