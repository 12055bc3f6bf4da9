// The web app in real Chromium (Debian's, driven by playwright-core) against the real API serving the
// built app, the real worker, Postgres and Redis: a founder registers, fills a company and a project,
// reads the qualification report and publishes; an investor registers, writes a mandate, finds that
// project ranked with its explanation and shortlists it; an organizer creates a roadshow, accepts the
// application, orders the agenda, invites the investor, runs the scheduler, publishes and checks the
// investor in at phone width. All journeys run in zh-CN and in en, with a
// screenshot of every step under apps/web/test-output/e2e/<lang>/ (gitignored) and the first-load
// timing in apps/web/test-output/e2e/metrics.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { SnapshotService } from '@app/matching';
import { startApi, type ApiHarness, type ApiResponse } from '../../../test/support/api-app';
import { registerOrg, TEST_PASSWORD, type Actor } from '../../../test/support/identity-fixtures';
import { createCompanyWithProject, money } from '../../../test/support/matching-fixtures';
import { spawnWorkerFor, type SpawnedApp } from '../../../test/support/spawn-app';
import en from '../src/i18n/en';
import zhCN from '../src/i18n/zh-CN';

const WEB = join(__dirname, '..');
const OUT = join(WEB, 'test-output', 'e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

jest.setTimeout(300_000);

/** A valid unified social credit code (GB 32100-2015 check character) with a random serial. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function creditCode(): string {
  let body = '91320211MA';
  while (body.length < 17) body += ALPHABET[Math.floor(Math.random() * 31)];
  const sum = [...body].reduce((s, ch, i) => s + ALPHABET.indexOf(ch) * WEIGHTS[i], 0);
  return body + ALPHABET[(31 - (sum % 31)) % 31];
}
function wrongCheckCharacter(code: string): string {
  return code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
}

describe('the web app in Chromium', () => {
  let api: ApiHarness;
  let worker: SpawnedApp;
  let browser: Browser;
  const metrics: Record<string, unknown> = {};

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk (see .ci/run)`);
    if (process.env.WEB_E2E_SKIP_BUILD !== '1') {
      execFileSync(
        process.execPath,
        [join(WEB, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
        {
          cwd: WEB,
          stdio: 'inherit',
          env: { ...process.env, NODE_ENV: 'production' }, // Jest's NODE_ENV=test would give a development build
        },
      );
    }
    api = await startApi({ WEB_DIST_DIR: join(WEB, 'dist') });
    worker = await spawnWorkerFor(api.db);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    // Only this run's screenshots (a renumbered step would otherwise leave its old file beside the new).
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await api?.close();
    if (Object.keys(metrics).length) writeFileSync(join(OUT, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
  });

  /**
   * What the browser did during the running test — console errors and warnings, page errors, every API
   * call that changed something or failed — and its open contexts: a failing step screenshots every open
   * page and prints this trace, so a failure explains itself (which request, which toast, which state).
   */
  const trace: string[] = [];
  const open = new Set<BrowserContext>();
  const t0 = { at: Date.now() };
  const note = (line: string) => trace.push(`+${((Date.now() - t0.at) / 1000).toFixed(1)}s ${line}`);

  async function newContext(options: Parameters<Browser['newContext']>[0]): Promise<BrowserContext> {
    const ctx = await browser.newContext(options);
    open.add(ctx);
    ctx.on('close', () => open.delete(ctx));
    // Toasts vanish after 3 s: the page reports each one as it appears.
    await ctx.addInitScript(() => {
      const g = globalThis as any;
      g.addEventListener('DOMContentLoaded', () => {
        new g.MutationObserver((records: any[]) => {
          for (const r of records)
            for (const n of r.addedNodes) {
              if (n.nodeType !== 1) continue;
              const sel = '.ant-message-notice-content, .ant-notification-notice-message';
              for (const t of n.matches(sel) ? [n] : n.querySelectorAll(sel)) g.console.info(`toast: ${t.textContent}`);
            }
        }).observe(g.document.body, { childList: true, subtree: true });
      });
    });
    ctx.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') note(`console.${m.type()}: ${m.text().slice(0, 300)}`);
      else if (m.text().startsWith('toast: ')) note(m.text().slice(0, 300));
    });
    ctx.on('weberror', (e) => note(`pageerror: ${String(e.error()).slice(0, 300)}`));
    ctx.on('requestfailed', (r) => note(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
    ctx.on('response', (r) => {
      const req = r.request();
      if (!r.url().includes('/api/')) return;
      if (req.method() === 'GET' && r.status() < 400) return;
      note(`${req.method()} ${new URL(r.url()).pathname} → ${r.status()}`);
    });
    return ctx;
  }

  /** An `it` whose failure carries the trace above and a screenshot of every page still open. */
  function journey(name: string, body: () => Promise<void>) {
    it(name, async () => {
      trace.length = 0;
      t0.at = Date.now();
      try {
        await body();
      } catch (err) {
        const dir = join(OUT, 'failures');
        mkdirSync(dir, { recursive: true });
        let i = 0;
        for (const ctx of open)
          for (const page of ctx.pages()) {
            i += 1;
            const file = join(dir, `${name.slice(0, 40).replace(/\W+/g, '-')}-${i}.png`);
            await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
            note(`screenshot of ${page.url()}: ${file}`);
          }
        if (err instanceof Error) err.message += `\n\nbrowser trace:\n${trace.join('\n')}`;
        throw err;
      } finally {
        await Promise.all([...open].map((ctx) => ctx.close().catch(() => undefined)));
      }
    });
  }

  async function contextFor(lang: 'zh-CN' | 'en'): Promise<BrowserContext> {
    const ctx = await newContext({
      locale: lang,
      viewport: { width: 1440, height: 900 },
      baseURL: api.baseUrl,
    });
    // Runs in the page (no DOM types in the root program: it reaches the browser through globalThis).
    await ctx.addInitScript((l) => {
      const storage = (globalThis as any).localStorage;
      if (!storage.getItem('tourong.lang')) storage.setItem('tourong.lang', l);
    }, lang);
    return ctx;
  }

  function shooter(page: Page, lang: string, first = 1) {
    const dir = join(OUT, lang);
    mkdirSync(dir, { recursive: true });
    let n = first - 1;
    return async (name: string) => {
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(350); // antd transitions
      n += 1;
      await page.screenshot({ path: join(dir, `${String(n).padStart(2, '0')}-${name}.png`), fullPage: true });
    };
  }

  /** Picks options in an antd Select by typing each label and pressing Enter. */
  async function pick(page: Page, selector: string, labels: string[], search = true) {
    await page.click(selector);
    for (const label of labels) {
      if (search) await page.fill(selector, label);
      const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: search ? label : exact })
        .first()
        .click();
    }
    await page.keyboard.press('Escape');
  }

  /** Picks a place in a <RegionCascader> by typing its division code and taking the one match. */
  async function pickRegion(page: Page, selector: string, code: string) {
    await page.click(selector);
    await page.fill(selector, code);
    await page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item').first().click();
  }

  /** Picks a start and an end time in a <TimeRange> (two searchable selects: `#<id>` and `#<id>_end`). */
  async function timeRange(page: Page, selector: string, from: string, to: string) {
    for (const [sel, value] of [
      [selector, from],
      [`${selector}_end`, to],
    ]) {
      await page.click(sel);
      await page.fill(sel, value);
      // Enter picks this select's own filtered option (another select's dropdown may still be fading out).
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option-active', { hasText: value })
        .first()
        .waitFor();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        ([s, v]) =>
          ((globalThis as any).document.querySelector(s)?.closest('.ant-select')?.textContent ?? '').includes(v),
        [sel, value] as const,
      );
    }
  }

  it('measures the first load of the API-served build', async () => {
    const ctx = await contextFor('zh-CN');
    const page = await ctx.newPage();
    const started = Date.now();
    await page.goto('/login');
    await page.locator('#email').waitFor();
    const visibleMs = Date.now() - started;
    const nav = await page.evaluate(() => {
      const perf = (globalThis as any).performance;
      const e = perf.getEntriesByType('navigation')[0];
      const resources: { transferSize?: number }[] = perf.getEntriesByType('resource');
      return {
        domContentLoadedMs: Math.round(e.domContentLoadedEventEnd),
        loadMs: Math.round(e.loadEventEnd),
        transferredKb: Math.round(
          (resources.reduce((s, r) => s + (r.transferSize || 0), 0) + (e.transferSize || 0)) / 1024,
        ),
      };
    });
    metrics.firstLoad = { loginFormVisibleMs: visibleMs, ...nav };
    console.log('first load', metrics.firstLoad);
    expect(visibleMs).toBeLessThan(10_000);
    // The SPA fallback: a deep link loads the app; an unknown API route stays a coded JSON 404.
    const deep = await page.goto('/projects/whatever');
    expect(deep?.status()).toBe(200);
    const apiMiss = await api.request('/api/v1/nope', { headers: { accept: 'text/html' } });
    expect(apiMiss.body.code).toBe('ROUTE_NOT_FOUND');
    await ctx.close();
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    const T = lang === 'en' ? en : zhCN;
    const suffix = lang === 'en' ? 'EN' : '中文';
    const projectTitle = lang === 'en' ? 'BeiDou autosteer for tractors · Series A' : '北斗农机自动导航系统 A 轮';
    const keyword = lang === 'en' ? 'BeiDou' : '北斗';
    const stamp = `${Date.now().toString(36)}${lang === 'en' ? 'e' : 'z'}`;

    describe(`in ${lang}`, () => {
      journey(
        'a founder registers, fills a company and a project, reads the qualification report and publishes',
        async () => {
          const ctx = await contextFor(lang);
          const page = await ctx.newPage();
          const shot = shooter(page, lang);
          const errors: string[] = [];
          page.on('pageerror', (e) => errors.push(String(e)));

          await page.goto('/register');
          await page.getByRole('heading', { name: T.auth.registerTitle }).waitFor();
          await shot('founder-register');
          await page.click('[data-testid="role-startup"]');
          await page.fill(
            '#orgName',
            lang === 'en' ? `Wuxi Xinghang Agritech ${stamp}` : `无锡星航智农导航科技有限公司${stamp}`,
          );
          await pickRegion(page, '#regionCode', '320211');
          await page.fill('#displayName', lang === 'en' ? 'Li Ming' : '李明');
          await page.fill('#email', `founder-${stamp}@example.com`);
          await page.fill('#password', 'Tourong-founder-2026!');
          await shot('founder-register-filled');
          await page.click('button[type=submit]');
          await page.getByText(T.home.founderIntro).waitFor();
          await shot('founder-home');

          // Company profile: a wrong check character comes back from the API under the field, in this language.
          await page.click(`.ant-menu-item:has-text("${T.nav.company}")`);
          await page.locator('#legalName').waitFor();
          const code = creditCode();
          await page.fill('#creditCode', wrongCheckCharacter(code));
          await page.fill('#foundedOn', '2019-06-18');
          await page.keyboard.press('Enter');
          await pick(page, '#industry', [lang === 'en' ? 'Industry' : '工业']);
          await pick(page, '#tracks', [lang === 'en' ? 'agricultural machinery' : '智能农机']);
          await page.fill(
            '#oneLiner',
            lang === 'en'
              ? 'BeiDou autosteer: tractors that drive straight by themselves'
              : '北斗高精度农机自动导航，让拖拉机自己走直线',
          );
          await page.fill('#priorRounds', '1');
          await page.fill('#yearsInNiche', '5');
          await page.check('#universitySpinOut');
          await page.click('button[type=submit]');
          const fieldError = page.locator('#creditCode_help');
          await fieldError.waitFor();
          expect(await fieldError.textContent()).toContain(lang === 'en' ? 'not valid' : '无效');
          expect(await fieldError.textContent()).toContain(code[17]);
          await shot('founder-company-credit-code-error');
          await page.fill('#creditCode', code);
          await page.click('button[type=submit]');
          await page.getByText(T.company.savedOk).waitFor();
          await shot('founder-company-saved');

          // Projects: empty state, then a project with its pitch.
          await page.click(`.ant-menu-item:has-text("${T.nav.projects}")`);
          await page.getByText(T.project.empty).waitFor();
          await shot('founder-projects-empty');
          await page.click(`button:has-text("${T.project.new}")`);
          await page.locator('#title').waitFor();
          await page.fill('#title', projectTitle);
          await pick(page, '#stage', [T.stage.a], false);
          await page.fill('#amountWan', '900');
          await page.fill('#trl', '6');
          await page.fill('#keywords', keyword);
          await page.keyboard.press('Enter');
          await page.fill(
            '#useOfFunds',
            lang === 'en'
              ? 'R&D of the L4 autosteer module and 3 provincial sales offices'
              : '研发 L4 级自动导航模块，建设 3 个省级销售服务中心',
          );
          await page.fill(
            '#pitch_problem',
            lang === 'en'
              ? 'Manual steering wastes 8% of seed and fuel on every pass.'
              : '人工驾驶农机重叠漏播严重，每亩浪费 8% 的种子与燃油。',
          );
          await page.fill(
            '#pitch_product',
            lang === 'en'
              ? 'A retrofit autosteer kit with ±2.5 cm accuracy.'
              : '可加装的北斗自动导航套件，直线精度 ±2.5 厘米。',
          );
          await page.fill(
            '#pitch_technology',
            lang === 'en' ? 'RTK + IMU fusion, 5 invention patents.' : 'RTK 与惯导融合定位，已获 5 项发明专利。',
          );
          await page.fill(
            '#pitch_team',
            lang === 'en' ? 'Founders from Jiangnan University and CRRC.' : '核心团队来自江南大学与中国中车。',
          );
          await shot('founder-project-form');
          await page.click('button[type=submit]');
          await page.getByText(T.project.createdOk).waitFor();
          await page.locator('[data-testid="publish"]').waitFor();
          await shot('founder-project-created');

          // The qualification report.
          await page.click(`.ant-menu-item:has-text("${T.nav.qualification}")`);
          await page.getByText(T.report.intro).waitFor();
          await page.locator('[data-testid^="rubric-"]').first().waitFor();
          expect(await page.locator('[data-testid^="rubric-"]').count()).toBeGreaterThanOrEqual(5);
          await shot('founder-qualification-report');

          // Publish.
          await page.click(`.ant-menu-item:has-text("${T.nav.projects}")`);
          await page.click(`a:has-text("${projectTitle}")`);
          await page.click('[data-testid="publish"]');
          await page.click('.ant-popover:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary');
          await page.getByText(T.project.publishedOk).waitFor();
          await shot('founder-project-published');
          await page.click(`.ant-menu-item:has-text("${T.nav.home}")`);
          await shot('founder-home-done');
          expect(errors).toEqual([]);
          await ctx.close();
        },
      );

      journey(
        'an investor registers, writes a mandate, finds that project ranked with its explanation and shortlists it',
        async () => {
          const ctx = await contextFor(lang);
          const page = await ctx.newPage();
          const shot = shooter(page, lang, 21);
          const errors: string[] = [];
          page.on('pageerror', (e) => errors.push(String(e)));

          await page.goto('/register');
          await page.click('[data-testid="role-fund"]');
          await page.fill(
            '#orgName',
            lang === 'en' ? `Taihu Deep-Tech Ventures ${stamp}` : `太湖硬科技创业投资基金${stamp}`,
          );
          await pickRegion(page, '#regionCode', '320214');
          await page.fill('#displayName', lang === 'en' ? 'Wang Fang' : '王芳');
          await page.fill('#email', `investor-${stamp}@example.com`);
          await page.fill('#password', 'Tourong-investor-2026!');
          await shot('investor-register');
          await page.click('button[type=submit]');
          await page.getByText(T.home.investorIntro).waitFor();

          await page.click(`.ant-menu-item:has-text("${T.nav.mandates}")`);
          await page.getByText(T.mandate.empty).waitFor();
          await shot('investor-mandates-empty');
          await page.click(`button:has-text("${T.mandate.new}")`);
          await page.locator('#name').waitFor();
          await page.fill(
            '#name',
            lang === 'en' ? `Deep-tech direct · early spin-outs ${suffix}` : `科创直投 · 高校成果转化早期基金`,
          );
          await pick(page, '#stages', [T.stage.angel, T.stage.pre_a, T.stage.a], false);
          await page.fill('#ticketMinWan', '500');
          await page.fill('#ticketMaxWan', '5000');
          await pick(page, '#tracks', [
            lang === 'en' ? 'agricultural machinery' : '智能农机',
            lang === 'en' ? 'Artificial intelligence' : '人工智能',
          ]);
          await page.fill(
            '#thesis',
            lang === 'en'
              ? 'Hard tech from universities in the Yangtze River Delta, first institutional round.'
              : '长三角高校硬科技成果转化，领投首轮机构融资。',
          );
          await page.fill('#thesisKeywords', keyword);
          await page.keyboard.press('Enter');
          // Weights: hard tech up to the maximum, company size down to zero (keyboard on the handles).
          const handles = page.locator('[data-testid="weight-sliders"] [role="slider"]');
          await handles.nth(2).focus();
          await page.keyboard.press('End');
          await handles.nth(1).focus();
          await page.keyboard.press('Home');
          await page.evaluate(() => (globalThis as any).document.activeElement?.blur());
          await shot('investor-mandate-form');
          await page.click('button[type=submit]');

          // Deal flow: the published project arrives through outbox → worker → Redis → this API.
          await page.getByText(T.dealFlow.title, { exact: true }).first().waitFor();
          const row = page.locator('tr.ant-table-row', { hasText: projectTitle });
          const deadline = Date.now() + 60_000;
          while (!(await row.count())) {
            if (Date.now() > deadline)
              throw new Error(`project not in the deal flow after 60 s\n${worker.output().slice(-2000)}`);
            await page.waitForTimeout(500);
            await page.reload();
            await page.locator('.ant-table').waitFor();
          }
          await shot('investor-deal-flow');
          await page.fill('input[data-testid="deal-flow-search"], [data-testid="deal-flow-search"] input', keyword);
          await page.waitForTimeout(600);
          await row.waitFor();
          await shot('investor-deal-flow-search');

          await row.click();
          const drawer = page.locator('[data-testid="explanation"]');
          await drawer.waitFor();
          expect(await drawer.locator('[data-testid^="criterion-"]').count()).toBeGreaterThanOrEqual(4);
          await shot('investor-explanation');
          await page.locator('.ant-drawer').getByRole('button', { name: T.dealFlow.shortlist }).click();
          await page.getByText(T.dealFlow.shortlistedOk).waitFor();
          await shot('investor-shortlisted');
          await page.keyboard.press('Escape');

          await page.click(`.ant-menu-item:has-text("${T.nav.pipeline}")`);
          const deal = page.locator('tr.ant-table-row', { hasText: projectTitle });
          await deal.waitFor();
          expect(await deal.textContent()).toContain(T.dealStage.shortlisted);
          await shot('investor-pipeline');
          await deal.locator('button[data-testid^="move-"]').click();
          await page
            .locator('.ant-dropdown:visible .ant-dropdown-menu-item', { hasText: T.dealStage.contacted })
            .click();
          await page.getByText(T.deal.moved.replace('{{stage}}', T.dealStage.contacted)).waitFor();
          await shot('investor-pipeline-moved');
          // The workbench: the deal counts in its stage, the mandate's deal flow has its match.
          await page.click(`.ant-menu-item:has-text("${T.nav.home}")`);
          await page.locator('[data-testid="wb-pipeline"] .work-row', { hasText: T.dealStage.contacted }).waitFor();
          await page.locator('[data-testid="wb-deal-flow"] .work-row').first().waitFor();
          await shot('investor-home');

          // The fund report (ECharts, SVG) with the deal just moved, and the pipeline workbook.
          await page.click(`.ant-menu-item:has-text("${T.pt.nav.fundReport}")`);
          await page.locator('[data-testid="chart-fund-funnel"] svg').waitFor();
          await page.locator('[data-testid="chart-fund-pipeline"] svg').waitFor();
          expect(await page.locator('[data-testid="mandate-fit"]').textContent()).toContain(
            lang === 'en' ? `Deep-tech direct · early spin-outs ${suffix}` : '科创直投 · 高校成果转化早期基金',
          );
          await shot('investor-fund-report');
          const [workbook] = await Promise.all([
            page.waitForEvent('download'),
            page.click('[data-testid="export-deal-flow"]'),
          ]);
          expect(
            readFileSync(await workbook.path())
              .subarray(0, 2)
              .toString(),
          ).toBe('PK');

          // The calendar subscribe link: webcal:// and https, and the feed answers without signing in.
          await page.click(`.ant-menu-item:has-text("${T.pt.nav.calendar}")`);
          await page.getByText(T.pt.cal.empty).waitFor();
          await page.click('[data-testid="create-feed"]');
          await page.locator('[data-testid="feed-urls"]').waitFor();
          expect(await page.locator('[data-testid="feed-webcal"]').inputValue()).toMatch(
            /^webcal:\/\/[^/]+\/api\/v1\/calendar-feeds\/[^/]+\.ics$/,
          );
          const feed = await api.request(
            new URL(await page.locator('[data-testid="feed-https"]').inputValue()).pathname,
          );
          expect(feed.status).toBe(200);
          expect(feed.text).toContain('BEGIN:VCALENDAR');
          await shot('investor-calendar-feed');
          expect(errors).toEqual([]);
          await ctx.close();
        },
      );

      journey(
        'an organizer creates an event, accepts the application, runs the scheduler, publishes and reads the report',
        async () => {
          const ok = (res: ApiResponse, status = 200) => {
            if (res.status !== status)
              throw new Error(`expected ${status}, got ${res.status} ${res.text.slice(0, 400)}`);
            return res.body;
          };
          const as = (actor: Actor, path: string, init: { method?: string; json?: unknown } = {}) =>
            api.request(path, { ...init, token: actor.token });
          // The other side of the day, through the API: two founders with published projects, a fund with a mandate.
          const en_ = lang === 'en';
          const [organizer, fund, founderA, founderB] = await Promise.all([
            registerOrg(
              api,
              'organizer',
              en_ ? `Binhu Sci-Tech Finance Centre ${stamp}` : `滨湖区科技金融服务中心${stamp}`,
            ),
            registerOrg(api, 'fund', en_ ? `Taihu Angel Fund ${stamp}` : `太湖天使投资基金${stamp}`),
            registerOrg(api, 'startup', en_ ? `Kalman Medical ${stamp}` : `卡尔曼医疗科技${stamp}`),
            registerOrg(api, 'startup', en_ ? `Lakeside Foods ${stamp}` : `湖畔食品${stamp}`),
          ]);
          const titleA = en_ ? 'Kalman wearable ECG · Series A' : '卡尔曼可穿戴心电监测 A 轮';
          const titleB = en_ ? 'Lakeside ready meals · seed' : '湖畔预制菜 种子轮';
          const { projectId: projectA } = await createCompanyWithProject(api, founderA, {
            legalName: en_ ? `Wuxi Kalman Medical ${stamp}` : `无锡卡尔曼医疗科技有限公司${stamp}`,
            regionCode: '320211',
            tracks: ['medical_devices', 'life_health'],
            inventionPatents: 2,
            project: { title: titleA, stage: 'a', amountSought: money.wan(2000), instruments: ['equity'] },
          });
          const { projectId: projectB } = await createCompanyWithProject(api, founderB, {
            legalName: en_ ? `Wuxi Lakeside Foods ${stamp}` : `无锡湖畔食品有限公司${stamp}`,
            regionCode: '320211',
            tracks: ['consumer'],
            project: { title: titleB, stage: 'seed', amountSought: money.wan(300), instruments: ['equity'] },
          });
          // Notifications are written in each person's profile language.
          for (const a of [organizer, fund, founderA, founderB])
            ok(await as(a, '/api/v1/me', { method: 'PATCH', json: { locale: lang } }));
          ok(
            await as(fund, '/api/v1/mandates', {
              method: 'POST',
              json: {
                name: en_ ? 'Medical devices, early' : '医疗器械早期',
                instruments: ['equity'],
                stages: ['angel', 'pre_a', 'a'],
                tracks: ['medical_devices', 'life_health'],
                ticketMin: money.wan(500),
                ticketMax: money.wan(5000),
                discoverable: true,
              },
            }),
            201,
          );

          const ctx = await contextFor(lang);
          const page = await ctx.newPage();
          const shot = shooter(page, lang, 41);
          const errors: string[] = [];
          page.on('pageerror', (e) => errors.push(String(e)));
          const R = T.rs;

          // Log in (the organizer's account exists; journeys 1–2 show sign-up).
          await page.goto('/login');
          await page.fill('#email', organizer.email);
          await page.fill('#password', TEST_PASSWORD);
          await page.click('button[type=submit]');
          await page.getByText(T.home.organizerIntro).waitFor();
          await shot('organizer-home');

          // The event builder.
          await page.click(`.ant-menu-item:has-text("${T.nav.events}")`);
          await page.getByText(R.events.empty).waitFor();
          await shot('organizer-events-empty');
          await page.click('[data-testid="new-event"]');
          await page.locator('#title').waitFor();
          const day = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
          const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
          const eventTitle = en_
            ? `Golden Rabbit Roadshow · Life & Health ${stamp}`
            : `金兔路演计划 · 生命健康专场 ${stamp}`;
          await page.fill('#title', eventTitle);
          await page.fill(
            '#description',
            en_
              ? 'Binhu district’s roadshow for life-science startups: five pitches, then 1:1 meetings with funds and banks.'
              : '滨湖区“金兔”路演：生命健康赛道企业集中路演，随后与基金、银行一对一对接。',
          );
          await page.fill('#date', day);
          await page.keyboard.press('Tab');
          await timeRange(page, '#hours', '09:00', '17:00');
          await page.fill('#venue', en_ ? 'Roadshow Centre, Binhu, Wuxi' : '无锡市滨湖区 科技金融路演中心');
          await pickRegion(page, '#regionCode', '320211');
          await page.fill('#deadline', deadline);
          await page.keyboard.press('Tab');
          await page.fill('#capacity', '5');
          await page.click('[data-testid="add-question"]');
          await page.fill('#questions_0_label', en_ ? 'What will this round fund?' : '本轮融资资金用途');
          await page.evaluate(() => (globalThis as any).document.activeElement?.blur());
          await shot('organizer-event-form');
          await page.click('button[type=submit]');
          await page.getByText(R.create.createdOk).waitFor();
          await page.locator('[data-testid="add-session"]').waitFor();
          const eventId = page.url().split('/events/')[1].split('?')[0];
          await shot('organizer-event-created');

          await page.click('[data-testid="add-session"]');
          await page.locator('.ant-modal #title').waitFor();
          await page.fill('.ant-modal #title', en_ ? 'Life & Health pitches' : '生命健康专场');
          await page.click('.ant-modal #track');
          await page.fill('.ant-modal #track', en_ ? 'Medical devices' : '医疗器械');
          await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
          await page.fill('.ant-modal #room', en_ ? 'Hall 1' : '一号路演厅');
          await timeRange(page, '.ant-modal #hours', '09:30', '11:00');
          await shot('organizer-session-form');
          await page.click('.ant-modal .ant-btn-primary');
          await page.getByText(R.session.addedOk).waitFor();
          await page.click('[data-testid="status-open"]');
          await page.getByText(R.overview.movedOk.replace('{{status}}', R.eventStatus.open)).waitFor();
          await shot('organizer-event-open');

          // Two founders apply (their side is journey 1's; here through the API).
          const event = ok(await as(organizer, `/api/v1/events/${eventId}`));
          expect(event.regionCode).toBe('320211');
          const sessionId = event.sessions[0].id;
          for (const [f, p] of [
            [founderA, projectA],
            [founderB, projectB],
          ] as const)
            ok(
              await as(f, `/api/v1/events/${eventId}/applications`, {
                method: 'POST',
                json: {
                  projectId: p,
                  sessionId,
                  shareConfidential: true,
                  answers: { q1: en_ ? 'Clinical trial and CE marking' : '临床试验与注册申报' },
                },
              }),
              201,
            );

          // Ranked applicants: the one in the session's theme ranks first; accept it, waitlist the other.
          await page.click(`.ant-tabs-tab:has-text("${R.tabs.applicants}")`);
          const rows = page.locator('[data-testid="applicant-ranking"] tr.applicant-row');
          await rows.nth(1).waitFor();
          expect(await rows.nth(0).textContent()).toContain(titleA);
          expect(await rows.nth(0).locator('[data-testid="theme-match"]').count()).toBe(1);
          await shot('organizer-applicants-ranked');
          await rows.nth(0).locator('[data-testid="decide-accepted"]').click();
          await page.locator('tr.applicant-accepted').waitFor();
          await rows.nth(1).locator('[data-testid="decide-waitlisted"]').click();
          await page.locator('tr.applicant-waitlisted').waitFor();
          expect(await page.locator('[data-testid="accepted-count"]').textContent()).toBe('1 / 5');
          await shot('organizer-applicants-decided');

          // Agenda: place the accepted project, save, publish.
          await page.click(`.ant-tabs-tab:has-text("${R.tabs.agenda}")`);
          await page.click('[data-testid="agenda-add"]');
          await page.click('[data-testid="agenda-save"]');
          await page.getByText(R.agenda.savedOk).waitFor();
          // Publishing is enabled once the saved order is the shown one; the confirmation is the open popover's.
          await page.click('[data-testid="agenda-publish"]:not([disabled])');
          const published = page.waitForResponse(
            (r) => r.url().endsWith('/agenda/publish') && r.request().method() === 'POST',
          );
          await page.click('.ant-popover:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary');
          expect((await published).status()).toBe(200);
          await page.getByText(R.agenda.frozenHint).waitFor();
          expect(await page.locator('[data-testid="agenda-list"]').textContent()).toContain('09:30');
          await shot('organizer-agenda-published');

          // Investors: the fund whose mandate takes the accepted project is suggested; invite it.
          await api.app.get(SnapshotService).resync();
          await page.click(`.ant-tabs-tab:has-text("${R.tabs.investors}")`);
          const suggestion = page.locator('[data-testid="investor-suggestions"] tr.ant-table-row', {
            hasText: en_ ? `Taihu Angel Fund ${stamp}` : `太湖天使投资基金${stamp}`,
          });
          await suggestion.waitFor();
          await suggestion.locator('[data-testid="invite"]').click();
          await page
            .getByText(
              R.investors.invitedOk.replace('{{name}}', en_ ? `Taihu Angel Fund ${stamp}` : `太湖天使投资基金${stamp}`),
            )
            .waitFor();
          await shot('organizer-investors-invited');

          // The 1:1 grid.
          await page.click(`.ant-tabs-tab:has-text("${R.tabs.meetings}")`);
          await page.click('[data-testid="edit-grid"]');
          await page.locator('.ant-modal #hours').waitFor();
          await timeRange(page, '.ant-modal #hours', '13:30', '16:30');
          await page.fill('.ant-modal #slotMinutes', '30');
          await page.fill('.ant-modal #tables', '4');
          await shot('organizer-grid-form');
          await page.click('.ant-modal .ant-btn-primary');
          await page.getByText(R.gridForm.savedOk.replace('{{n}}', '6')).waitFor();

          // The fund asks the accepted founder for a meeting; the founder accepts (their screens: journey 2 and below).
          const request = ok(
            await as(fund, `/api/v1/events/${eventId}/meeting-requests`, {
              method: 'POST',
              json: {
                toOrganizationId: founderA.organizationId,
                priority: 'must',
                message: en_ ? 'Keen to discuss the CE timeline.' : '希望详细了解注册证进度。',
              },
            }),
            201,
          );
          ok(await as(founderA, `/api/v1/meeting-requests/${request.id}/accept`, { method: 'POST' }));

          // Run the scheduler in the worker; its progress, then the result against its bound.
          await page.reload();
          await page.locator('[data-testid="run-scheduler"]').waitFor();
          await page.click('[data-testid="run-scheduler"]');
          await page.locator('[data-testid="run-result"]').waitFor({ timeout: 60_000 });
          expect(await page.locator('[data-testid="run-status"]').textContent()).toBe(R.runStatus.done);
          expect(await page.locator('[data-testid="run-result"]').textContent()).toContain('100.0%');
          await page.locator('[data-testid="meeting-grid"]').waitFor();
          await shot('organizer-schedule-result');
          await page.click('[data-testid="publish-run"]');
          await page.getByText(R.run.publishedOk.replace('{{n}}', '1')).waitFor();
          // Drag the meeting to another slot where both are free: it moves there and is locked.
          const placed = ok(await as(organizer, `/api/v1/events/${eventId}/meetings`)).items[0];
          const target = placed.slot === 0 ? 1 : 0;
          await page
            .locator(`[data-testid="meeting-${request.id}"]`)
            .first()
            .dragTo(page.locator(`[data-testid="cell-${fund.organizationId}-${target}"]`));
          await page.getByText(R.grid.movedOk.split('{{time}}')[0]).first().waitFor();
          const movedTo = ok(await as(organizer, `/api/v1/events/${eventId}/meetings`)).items[0];
          expect({ slot: movedTo.slot, locked: movedTo.locked }).toEqual({ slot: target, locked: true });
          await page
            .locator(`[data-testid="cell-${fund.organizationId}-${target}"] [data-testid="lock-${request.id}"]`)
            .waitFor();
          await shot('organizer-meetings-published');
          await page.locator(`[data-testid="lock-${request.id}"]`).first().click();
          await page.getByText(R.grid.unlockedOk).waitFor();

          // The check-in desk on a phone.
          const code = ok(await as(organizer, `/api/v1/events/${eventId}/invitations`)).items[0].checkInCode as string;
          await page.setViewportSize({ width: 390, height: 844 });
          await page.goto(`/events/${eventId}/check-in`);
          await page.locator('[data-testid="check-in-code"]').waitFor();
          await page.fill('[data-testid="check-in-code"]', 'NOPE2345');
          await page.click('[data-testid="check-in-submit"]');
          await page.locator('[data-testid="check-in-error"]').waitFor();
          await shot('organizer-check-in-wrong-code');
          await page.fill('[data-testid="check-in-code"]', code.toLowerCase());
          await page.click('[data-testid="check-in-submit"]');
          await page.locator('[data-testid="checked-in-name"]').waitFor();
          await shot('organizer-check-in-phone');
          await page.setViewportSize({ width: 1440, height: 900 });

          // The follow-up board: publishing created one task per side of the meeting (outbox → worker).
          await page.goto(`/events/${eventId}?tab=follow-ups`);
          const board = page.locator('[data-testid="follow-up-board"]');
          const until = Date.now() + 60_000;
          while (!(await board.count())) {
            if (Date.now() > until) throw new Error(`no follow-ups after 60 s\n${worker.output().slice(-2000)}`);
            await page.waitForTimeout(500);
            await page.reload();
            await page.locator('.ant-tabs').waitFor();
          }
          expect(await page.locator('[data-testid="lane-open"] [data-testid^="follow-up-"]').count()).toBe(2);
          await shot('organizer-follow-ups');

          // The workbench with the event under way: its status and applicants, the follow-ups across events.
          await page.click(`.ant-menu-item:has-text("${T.nav.home}")`);
          await page.locator('[data-testid="wb-events"] .work-row', { hasText: eventTitle }).waitFor();
          await page.locator('[data-testid="wb-overdue-count"]').waitFor();
          await shot('organizer-home-busy');

          // The event report: figures, charts (ECharts, SVG) and the Excel workbook.
          await page.goto(`/events/${eventId}?tab=report`);
          await page.locator('[data-testid="chart-funnel"] svg').waitFor();
          await page.locator('[data-testid="chart-meetings"] svg').waitFor();
          expect(await page.locator('[data-testid="event-report"]').textContent()).toContain(R.report.funnel.applied);
          await shot('organizer-report');
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.click('[data-testid="export-xlsx"]'),
          ]);
          const xlsx = readFileSync(await download.path());
          expect(xlsx.subarray(0, 2).toString()).toBe('PK');
          expect(download.suggestedFilename()).toBe(`${eventTitle}.xlsx`);

          // The programme report over a period holding the event: its row, the charts, the workbook.
          const from = new Date(Date.parse(day) - 30 * 86_400_000).toISOString().slice(0, 10);
          await page.goto(`/reports/programme?from=${from}&to=${day}`);
          await page.locator('[data-testid="chart-programme-funnel"] svg').waitFor();
          expect(await page.locator('[data-testid="programme-events"]').textContent()).toContain(eventTitle);
          await shot('organizer-programme-report');
          const [programme] = await Promise.all([
            page.waitForEvent('download'),
            page.click('[data-testid="programme-export"]'),
          ]);
          expect(
            readFileSync(await programme.path())
              .subarray(0, 2)
              .toString(),
          ).toBe('PK');

          // Bulk import: the dry run lists each bad cell in this language and imports nothing; a clean file imports.
          const header = '企业名称,统一社会信用代码,地区代码,年度,营业收入（元）';
          const csv = (rows: string[]) => ({
            name: 'companies.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from(`\ufeff${[header, ...rows].join('\n')}\n`),
          });
          const imported = creditCode();
          await page.click(`.ant-menu-item:has-text("${T.orgNav.imports}")`);
          await page.locator('[data-testid="import-drop"]').waitFor();
          await page.setInputFiles(
            'input[type=file]',
            csv([`蠡湖传感${stamp},${wrongCheckCharacter(imported)},3202,2025,12.345`]),
          );
          await page.locator('[data-testid="import-errors"]').waitFor();
          const problems = await page.locator('[data-testid="import-errors"]').textContent();
          for (const code of ['CREDIT_CODE_INVALID', 'REGION_CODE_INVALID', 'NOT_MONEY'] as const)
            expect(problems).toContain(T.imports.code[code]);
          expect(await page.locator('[data-testid="import-commit"]').isDisabled()).toBe(true);
          await shot('organizer-import-errors');
          await page.click(`button:has-text("${T.imports.rechoose}")`);
          await page.setInputFiles('input[type=file]', csv([`蠡湖传感${stamp},${imported},320211,2025,1234500.50`]));
          await page.click('[data-testid="import-commit"]:not([disabled])');
          await page.locator('[data-testid="import-done"]').waitFor();
          expect(await page.locator('[data-testid="import-done"]').textContent()).toContain(
            T.imports.doneStartups.replace('{{count}}', '1'),
          );
          await shot('organizer-import-done');
          expect(errors).toEqual([]);
          await ctx.close();

          // The founder, at phone width: the bell, the decision in the inbox, the event with its meeting.
          const fctx = await newContext({
            locale: lang,
            viewport: { width: 390, height: 844 },
            baseURL: api.baseUrl,
          });
          await fctx.addInitScript(
            ({ l, tokens }) => {
              const storage = (globalThis as any).localStorage;
              storage.setItem('tourong.lang', l);
              storage.setItem('tourong.tokens', JSON.stringify(tokens));
            },
            {
              l: lang,
              tokens: {
                accessToken: founderA.token,
                refreshToken: founderA.refreshToken,
                organizationId: founderA.organizationId,
              },
            },
          );
          const fpage = await fctx.newPage();
          const fshot = shooter(fpage, lang, 61);
          fpage.on('pageerror', (e) => errors.push(String(e)));
          await fpage.goto(`/events/${eventId}`);
          await fpage.locator('[data-testid="my-application-status"]').waitFor();
          expect(await fpage.locator('[data-testid="my-application-status"]').textContent()).toBe(
            R.applicationStatus.accepted,
          );
          await fpage.locator('[data-testid="my-meetings"]').waitFor();
          await fshot('founder-event-phone');
          const untilN = Date.now() + 60_000;
          while (((await (await as(founderA, '/api/v1/notifications/unread-count')).body.count) ?? 0) === 0) {
            if (Date.now() > untilN) throw new Error('no notification for the founder after 60 s');
            await new Promise((r) => setTimeout(r, 300));
          }
          await fpage.reload();
          await fpage.locator('[data-testid="unread-count"] .ant-badge-count').waitFor();
          // At phone width the bell opens the inbox page.
          await fpage.click('[data-testid="bell"]');
          await fpage.waitForURL('**/notifications');
          await fpage.locator('[data-testid="notification"]').first().waitFor();
          await fshot('founder-notifications');

          // Their meeting requests across events: the fund's, accepted, with its published slot.
          const fundName = en_ ? `Taihu Angel Fund ${stamp}` : `太湖天使投资基金${stamp}`;
          await fpage.goto('/meeting-requests');
          const card = fpage.locator('[data-testid^="request-card-"]', { hasText: fundName });
          await card.waitFor();
          expect(await card.textContent()).toContain(R.requestStatus.accepted);
          expect(await card.textContent()).toContain(eventTitle);
          await fshot('founder-meeting-requests-phone');
          // The workbench at phone width: the roadshow applied to, with its status.
          await fpage.goto('/');
          await fpage
            .locator('[data-testid="wb-applications"] .work-row', { hasText: R.applicationStatus.accepted })
            .waitFor();
          await fshot('founder-home-phone');
          await fpage.goto('/meeting-requests');
          await fpage.setViewportSize({ width: 1440, height: 900 });
          const mine = fpage.locator('[data-testid="meeting-requests"] tr.ant-table-row', { hasText: fundName });
          await mine.waitFor();
          await fshot('founder-meeting-requests');

          // My roadshows: the decision and the meeting; the investors matching the project, and why not.
          await fpage.click(`.ant-menu-item:has-text("${T.pt.outcomes.title}")`);
          const outcome = fpage.locator('[data-testid="roadshow-outcomes"] tr.ant-table-row', { hasText: eventTitle });
          await outcome.waitFor();
          expect(await outcome.textContent()).toContain(R.applicationStatus.accepted);
          await fshot('founder-my-roadshows');
          // A seed-only mandate of the same fund: a near miss for a Series A project, failing on its stage.
          const seedOnly = ok(
            await as(fund, '/api/v1/mandates', {
              method: 'POST',
              json: {
                name: en_ ? 'Medical devices, seed only' : '医疗器械种子轮专项',
                instruments: ['equity'],
                stages: ['seed'],
                tracks: ['medical_devices'],
                ticketMin: money.wan(100),
                ticketMax: money.wan(1000),
                discoverable: true,
              },
            }),
            201,
          );
          await api.app.get(SnapshotService).resync();
          await fpage.click(`.ant-menu-item:has-text("${T.pt.nav.matches}")`);
          await fpage.locator('[data-testid="investor-matches"]').waitFor();
          expect(await fpage.locator('[data-testid="investor-matches"]').textContent()).toContain(fundName);
          const nearMiss = fpage.locator(`[data-testid="match-${seedOnly.id}"]`);
          expect(await nearMiss.locator('[data-testid="failing"]').textContent()).toContain(
            T.pt.matches.failing.split('{{criterion}}')[0],
          );
          await nearMiss.locator('[data-testid="match-reasons"]').waitFor();
          await fpage.locator('[data-testid="investor-matches"] .ant-collapse-header').first().click();
          await fshot('founder-investor-matches');

          // Data access: grant the fund it met (picked from the meeting counterparts).
          await fpage.click(`.ant-menu-item:has-text("${T.pt.nav.accessGrants}")`);
          // Applying with confidential data shared granted the organizer; the fund is not granted yet.
          const organizerName = en_ ? `Binhu Sci-Tech Finance Centre ${stamp}` : `滨湖区科技金融服务中心${stamp}`;
          await fpage.locator('[data-testid="access-grants"] tr.ant-table-row', { hasText: organizerName }).waitFor();
          expect(
            await fpage.locator('[data-testid="access-grants"] tr.ant-table-row', { hasText: fundName }).count(),
          ).toBe(0);
          await fpage.click('[data-testid="grant-access"]');
          await fpage.click('#granteeOrganizationId');
          await fpage
            .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: fundName })
            .first()
            .click();
          await fshot('founder-grant-form');
          await fpage.click('.ant-modal .ant-btn-primary');
          await fpage.getByText(T.pt.grants.grantedOk).waitFor();
          await fpage.locator('[data-testid="access-grants"] tr.ant-table-row', { hasText: fundName }).waitFor();
          await fshot('founder-access-grants');
          expect(errors).toEqual([]);
          await fctx.close();

          // The fund's side: the request it made, with the founder and the slot; the grant it now holds.
          const ictx = await newContext({ locale: lang, viewport: { width: 1440, height: 900 }, baseURL: api.baseUrl });
          await ictx.addInitScript(
            ({ l, tokens }) => {
              const storage = (globalThis as any).localStorage;
              storage.setItem('tourong.lang', l);
              storage.setItem('tourong.tokens', JSON.stringify(tokens));
            },
            {
              l: lang,
              tokens: { accessToken: fund.token, refreshToken: fund.refreshToken, organizationId: fund.organizationId },
            },
          );
          const ipage = await ictx.newPage();
          const ishot = shooter(ipage, lang, 71);
          ipage.on('pageerror', (e) => errors.push(String(e)));
          await ipage.goto('/meeting-requests');
          const sent = ipage.locator('[data-testid="meeting-requests"] tr.ant-table-row', {
            hasText: en_ ? `Kalman Medical ${stamp}` : `卡尔曼医疗科技${stamp}`,
          });
          await sent.waitFor();
          expect(await sent.textContent()).toContain(T.pt.mr.outgoing);
          expect(await sent.textContent()).toContain(R.requestStatus.accepted);
          expect(await sent.locator(`[data-testid="withdraw-${request.id}"]`).textContent()).toContain(
            T.pt.mr.cancelMeeting,
          );
          await ishot('investor-meeting-requests');
          await ipage.click(`.ant-menu-item:has-text("${T.pt.nav.accessGrants}")`);
          await ipage.locator('[data-testid="access-grants"] tr.ant-table-row').first().waitFor();
          await ishot('investor-access-grants');
          expect(errors).toEqual([]);
          await ictx.close();
        },
      );
    });
  }
});
