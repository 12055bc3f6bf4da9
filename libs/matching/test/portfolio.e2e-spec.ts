import { startApi, ApiHarness, ApiResponse } from '../../../test/support/api-app';
import { Actor, registerOrg } from '../../../test/support/identity-fixtures';
import { createCompanyWithProject, money } from '../../../test/support/matching-fixtures';
import { SnapshotService } from '../src/snapshot/snapshot.service';

const { wan } = money;
jest.setTimeout(120_000);

interface Criterion {
  key: string;
  value: number;
  weight: number;
  contribution: number;
  inputs: Record<string, unknown>;
  zh: string;
  en: string;
}
interface Item {
  projectId: string;
  score: number;
  breakdown: Criterion[];
}

const HEADER = '公司名称,投资日期,轮次,投资金额（元）,赛道,地区代码,关键词';
const CLEAN = [
  HEADER,
  '星航智农,2024-03-18,天使轮,3000000,量子科技,340100,量子传感',
  '泰星微电子,2023/11/2,种子轮,250万,quantum,3401,量子传感;芯片',
].join('\n');

async function upload(api: ApiHarness, token: string, path: string, body: string) {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(body)]), 'portfolio.csv');
  return api.request(path, { method: 'POST', token, body: form });
}

describe('portfolio fit: imported portfolio, marks and passes feed the deal flow', () => {
  let api: ApiHarness;
  let fund: Actor;
  let otherFund: Actor;
  let founder: Actor;
  let mandateId: string;
  let robot: string;
  let quantum: string;
  let quantum2: string;
  const ok = (res: ApiResponse, status = 200) => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${res.text}`);
    return res.body;
  };
  const flow = async (): Promise<Item[]> =>
    ok(await api.request(`/api/v1/mandates/${mandateId}/deal-flow?limit=50`, { token: fund.token })).items;
  const portfolioOf = (items: Item[], projectId: string) =>
    items.find((i) => i.projectId === projectId)!.breakdown.find((c) => c.key === 'portfolio')!;
  const mark = (kind: unknown, projectId = quantum2, token = fund.token) =>
    api.request(`/api/v1/mandates/${mandateId}/deal-flow/${projectId}/feedback`, {
      method: 'PUT',
      token,
      json: { kind },
    });

  beforeAll(async () => {
    api = await startApi();
    [fund, otherFund, founder] = await Promise.all([
      registerOrg(api, 'fund', '西溪科创直投基金'),
      registerOrg(api, 'fund', '太湖天使'),
      registerOrg(api, 'startup', '合肥量子'),
    ]);
    const project = (
      legalName: string,
      regionCode: string,
      tracks: string[],
      stage: string,
      amount: number,
      keywords: string[],
    ) =>
      createCompanyWithProject(api, founder, {
        legalName,
        regionCode,
        tracks,
        project: { title: `${legalName}项目`, stage, amountSought: wan(amount), instruments: ['equity'], keywords },
      });
    robot = (await project('无锡机器人科技有限公司', '320211', ['robotics'], 'seed', 200, ['协作机器人'])).projectId;
    quantum = (await project('合肥量子传感科技有限公司', '340104', ['quantum'], 'angel', 300, ['量子传感'])).projectId;
    quantum2 = (await project('合肥量子芯片科技有限公司', '340111', ['quantum'], 'seed', 280, ['芯片'])).projectId;
    mandateId = ok(
      await api.request('/api/v1/mandates', {
        method: 'POST',
        token: fund.token,
        json: {
          name: '早期机器人',
          instruments: ['equity'],
          stages: ['seed', 'angel'],
          tracks: ['robotics'],
          ticketMin: wan(100),
          ticketMax: wan(500),
          discoverable: true,
        },
      }),
      201,
    ).id;
    await api.app.get(SnapshotService).resync();
  });
  afterAll(() => api.close());

  it('cold start: every item carries portfolio fit with weight 0 and says there is no history yet', async () => {
    const items = await flow();
    expect(items.map((i) => i.projectId).sort()).toEqual([robot, quantum, quantum2].sort());
    for (const item of items) {
      const p = item.breakdown.find((c) => c.key === 'portfolio')!;
      expect(p).toMatchObject({ weight: 0, contribution: 0 });
      expect(p.zh).toContain('尚无投资记录');
      expect(p.en).toContain('no history yet');
    }
    // The written mandate (robotics only) puts the robotics project first.
    expect(items[0].projectId).toBe(robot);
  });

  it('a file with errors reports every cell, row by row, and imports nothing', async () => {
    const bad = [
      HEADER,
      '星航智农,2024-03-18,天使轮,3000000,量子科技,340100,量子传感',
      ',2024-13-01,Z轮,三百万,太空农业,99,',
      '星航智农,2024-03-18,天使轮,1,量子科技,340100,',
    ].join('\n');
    const dry = ok(await upload(api, fund.token, '/api/v1/portfolio/import/dry-run', bad));
    expect(dry).toEqual({
      format: 'csv',
      totalRows: 3,
      validRows: 1,
      errors: [
        { row: 3, column: '公司名称', value: '', code: 'REQUIRED' },
        { row: 3, column: '投资日期', value: '2024-13-01', code: 'NOT_A_DATE' },
        { row: 3, column: '轮次', value: 'Z轮', code: 'ROUND_UNKNOWN' },
        { row: 3, column: '投资金额（元）', value: '三百万', code: 'NOT_MONEY' },
        { row: 3, column: '赛道', value: '太空农业', code: 'TRACK_UNKNOWN' },
        { row: 3, column: '地区代码', value: '99', code: 'REGION_CODE_INVALID' },
        { row: 4, column: '公司名称', value: '星航智农', code: 'DUPLICATE_ROW' },
      ],
    });
    const res = await upload(api, fund.token, '/api/v1/portfolio/import', bad);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('PORTFOLIO_IMPORT_HAS_ERRORS');
    expect(res.body.details.report.errors).toHaveLength(7);
    expect(ok(await api.request('/api/v1/portfolio', { token: fund.token })).items).toEqual([]);
    const noHeader = await upload(api, fund.token, '/api/v1/portfolio/import/dry-run', '金额\n100');
    expect(noHeader.body.errors).toEqual([{ row: 1, column: '公司名称', value: '', code: 'HEADER_MISSING' }]);
  });

  it('an imported portfolio turns the ranking toward what the fund really funded, explained by its investments', async () => {
    const before = await flow();
    const imported = ok(await upload(api, fund.token, '/api/v1/portfolio/import', CLEAN));
    expect(imported).toMatchObject({ imported: 2, report: { totalRows: 2, validRows: 2, errors: [] } });
    // Re-importing the same file replaces the portfolio with the same rows.
    expect(ok(await upload(api, fund.token, '/api/v1/portfolio/import', CLEAN)).imported).toBe(2);
    const list = ok(await api.request('/api/v1/portfolio', { token: fund.token })).items;
    expect(
      list.map((r: Record<string, unknown>) => [
        r.companyName,
        r.investedOn,
        r.round,
        r.amount,
        r.tracks,
        r.regionCode,
        r.keywords,
      ]),
    ).toEqual([
      ['星航智农', '2024-03-18', 'angel', wan(300), ['quantum'], '340100', ['量子传感']],
      ['泰星微电子', '2023-11-02', 'seed', wan(250), ['quantum'], '340100', ['量子传感', '芯片']],
    ]);

    const after = await flow();
    const p = portfolioOf(after, quantum);
    expect(p.weight).toBeGreaterThan(0);
    expect(p.inputs.nearest).toEqual(['星航智农', '泰星微电子']);
    expect(p.zh).toContain('与你投资的星航智农和泰星微电子相似');
    expect(p.en).toContain('like your investments in 星航智农 and 泰星微电子');
    expect(p.value).toBeGreaterThan(portfolioOf(after, robot).value);
    const score = (items: Item[], id: string) => items.find((i) => i.projectId === id)!.score;
    expect(score(after, quantum)).toBeGreaterThan(score(before, quantum));
    // The written mandate (robotics) is the prior two deals update: they lift the quantum project more than
    // the robotics one, and the robotics project's explanation says the mandate counts there.
    expect(score(after, quantum) - score(before, quantum)).toBeGreaterThan(score(after, robot) - score(before, robot));
    expect(portfolioOf(after, robot).en).toContain(
      'on track, stage, amount your written mandate counts as 5.6 records',
    );
    // The breakdown still adds up to the score (before penalties): weights sum to 1.
    for (const item of after) expect(item.breakdown.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 6);

    // The item's own explanation says the same.
    const one = ok(await api.request(`/api/v1/mandates/${mandateId}/deal-flow/${quantum}`, { token: fund.token }));
    expect(one.item.breakdown.find((c: Criterion) => c.key === 'portfolio')).toEqual(p);
  });

  it('"not for us" lowers a look-alike, "more like this" raises it; marks are validated and can be withdrawn', async () => {
    const value = async () => portfolioOf(await flow(), quantum2).value;
    const neutral = await value();
    expect(ok(await mark('not_for_us'))).toMatchObject({ mandateId, projectId: quantum2, kind: 'not_for_us' });
    const down = await value();
    expect(down).toBeLessThan(neutral);
    ok(await mark('more_like_this'));
    expect(await value()).toBeGreaterThan(down);

    const bad = await mark('maybe');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(bad.body.details)).toContain('kind');
    const gone = await mark('not_for_us', '00000000-0000-4000-8000-000000000000');
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('PROJECT_NOT_FOUND');

    const del = () =>
      api.request(`/api/v1/mandates/${mandateId}/deal-flow/${quantum2}/feedback`, {
        method: 'DELETE',
        token: fund.token,
      });
    expect((await del()).status).toBe(204);
    expect(await value()).toBe(neutral);
    const again = await del();
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('DEAL_FLOW_FEEDBACK_NOT_FOUND');
  });

  it('a pass for off-thesis stage counts against the stage; the suggested mandate says what the fund actually does', async () => {
    const before = portfolioOf(await flow(), robot).value;
    const deal = ok(
      await api.request('/api/v1/deals', { method: 'POST', token: fund.token, json: { projectId: robot, mandateId } }),
      201,
    );
    ok(
      await api.request(`/api/v1/deals/${deal.id}/transitions`, {
        method: 'POST',
        token: fund.token,
        json: { to: 'passed', passReason: { code: 'off_thesis_stage' } },
      }),
    );
    const after = portfolioOf(await flow(), robot);
    expect(after.value).toBeLessThan(before);
    expect(after.inputs).toMatchObject({ positives: 2, negatives: 1 });

    const suggested = ok(await api.request(`/api/v1/mandates/${mandateId}/suggested-mandate`, { token: fund.token }));
    expect(suggested).toMatchObject({
      mandateId,
      termsVersion: 1,
      suggested: {
        basis: { positives: 2, deals: 0, marks: 0, imported: 2 },
        stages: [
          { value: 'seed', share: 0.5, written: true },
          { value: 'angel', share: 0.5, written: true },
        ],
        tracks: [{ value: 'quantum', share: 1, written: false }],
        regions: [{ value: '34', share: 1, written: true }],
        ticket: { min: wan(250), max: wan(300), median: wan(250), amounts: 2 },
        written: { stages: ['seed', 'angel'], tracks: ['robotics'], ticketMin: wan(100), ticketMax: wan(500) },
      },
    });
    expect(suggested.suggested.differences.map((d: { zh: string }) => d.zh)).toEqual([
      '你实际投资的赛道还包括 量子科技（100%），授权中没有写明',
    ]);
    // Stated vs actual carries the same suggestion beside the written terms.
    const sva = ok(await api.request(`/api/v1/mandates/${mandateId}/stated-vs-actual`, { token: fund.token }));
    expect(sva.suggested).toEqual(suggested.suggested);
  });

  it('the portfolio is the fund’s own: other organizations and founders never see it', async () => {
    const theirs = ok(await api.request('/api/v1/portfolio', { token: otherFund.token }));
    expect(theirs.items).toEqual([]);
    for (const path of [`/api/v1/mandates/${mandateId}/suggested-mandate`, `/api/v1/mandates/${mandateId}/deal-flow`]) {
      const res = await api.request(path, { token: otherFund.token });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('MANDATE_NOT_FOUND');
      expect(res.text).not.toContain('星航智农');
    }
    const foreignMark = await mark('not_for_us', quantum2, otherFund.token);
    expect(foreignMark.status).toBe(404);
    expect(foreignMark.body.code).toBe('MANDATE_NOT_FOUND');
    const founderList = await api.request('/api/v1/portfolio', { token: founder.token });
    expect(founderList.status).toBe(403);
    expect(founderList.body.code).toBe('DEAL_ORG_KIND_INVALID');
    const founderImport = await upload(api, founder.token, '/api/v1/portfolio/import', CLEAN);
    expect(founderImport.status).toBe(403);
    // Founders' view of their matches ranks by the written mandate only: no portfolio criterion, no names.
    const matches = await api.request(`/api/v1/projects/${quantum}/investor-matches`, { token: founder.token });
    expect(matches.status).toBe(200);
    expect(matches.text).not.toContain('星航智农');
    for (const m of matches.body.items) expect(m.breakdown.map((c: Criterion) => c.key)).not.toContain('portfolio');
  });
});
