// The web app in real Chromium (Debian's, driven by playwright-core) against the real API serving the
// built app, the real worker, Postgres and Redis: a founder registers, fills a company and a project,
// reads the qualification report and publishes; an investor registers, writes a mandate, finds that
// project ranked with its explanation and shortlists it. Both journeys run in zh-CN and in en, with a
// screenshot of every step under apps/web/test-output/e2e/<lang>/ (gitignored) and the first-load
// timing in apps/web/test-output/e2e/metrics.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startApi, type ApiHarness } from '../../../test/support/api-app';
import { spawnWorkerFor, type SpawnedApp } from '../../../test/support/spawn-app';
import en from '../src/i18n/en';
import zhCN from '../src/i18n/zh-CN';

const WEB = join(__dirname, '..');
const OUT = join(WEB, 'test-output', 'e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

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
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk (see .ci/run)`);
    if (process.env.WEB_E2E_SKIP_BUILD !== '1') {
      execFileSync(process.execPath, [join(WEB, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
        cwd: WEB,
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'production' }, // Jest's NODE_ENV=test would give a development build
      });
    }
    api = await startApi({ WEB_DIST_DIR: join(WEB, 'dist') });
    worker = await spawnWorkerFor(api.db);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    mkdirSync(OUT, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await api?.close();
    if (Object.keys(metrics).length) writeFileSync(join(OUT, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
  });

  async function contextFor(lang: 'zh-CN' | 'en'): Promise<BrowserContext> {
    const ctx = await browser.newContext({ locale: lang, viewport: { width: 1440, height: 900 }, baseURL: api.baseUrl });
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
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: search ? label : exact }).first().click();
    }
    await page.keyboard.press('Escape');
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
        transferredKb: Math.round((resources.reduce((s, r) => s + (r.transferSize || 0), 0) + (e.transferSize || 0)) / 1024),
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
      it('a founder registers, fills a company and a project, reads the qualification report and publishes', async () => {
        const ctx = await contextFor(lang);
        const page = await ctx.newPage();
        const shot = shooter(page, lang);
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));

        await page.goto('/register');
        await page.getByRole('heading', { name: T.auth.registerTitle }).waitFor();
        await shot('founder-register');
        await page.click('[data-testid="role-startup"]');
        await page.fill('#orgName', lang === 'en' ? `Wuxi Xinghang Agritech ${stamp}` : `无锡星航智农导航科技有限公司${stamp}`);
        await page.fill('#regionCode', '320211');
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
        await page.fill('#oneLiner', lang === 'en' ? 'BeiDou autosteer: tractors that drive straight by themselves' : '北斗高精度农机自动导航，让拖拉机自己走直线');
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
        await page.fill('#useOfFunds', lang === 'en' ? 'R&D of the L4 autosteer module and 3 provincial sales offices' : '研发 L4 级自动导航模块，建设 3 个省级销售服务中心');
        await page.fill('#pitch_problem', lang === 'en' ? 'Manual steering wastes 8% of seed and fuel on every pass.' : '人工驾驶农机重叠漏播严重，每亩浪费 8% 的种子与燃油。');
        await page.fill('#pitch_product', lang === 'en' ? 'A retrofit autosteer kit with ±2.5 cm accuracy.' : '可加装的北斗自动导航套件，直线精度 ±2.5 厘米。');
        await page.fill('#pitch_technology', lang === 'en' ? 'RTK + IMU fusion, 5 invention patents.' : 'RTK 与惯导融合定位，已获 5 项发明专利。');
        await page.fill('#pitch_team', lang === 'en' ? 'Founders from Jiangnan University and CRRC.' : '核心团队来自江南大学与中国中车。');
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
        await page.click('.ant-popconfirm .ant-btn-primary');
        await page.getByText(T.project.publishedOk).waitFor();
        await shot('founder-project-published');
        await page.click(`.ant-menu-item:has-text("${T.nav.home}")`);
        await shot('founder-home-done');
        expect(errors).toEqual([]);
        await ctx.close();
      });

      it('an investor registers, writes a mandate, finds that project ranked with its explanation and shortlists it', async () => {
        const ctx = await contextFor(lang);
        const page = await ctx.newPage();
        const shot = shooter(page, lang, 21);
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));

        await page.goto('/register');
        await page.click('[data-testid="role-fund"]');
        await page.fill('#orgName', lang === 'en' ? `Taihu Deep-Tech Ventures ${stamp}` : `太湖硬科技创业投资基金${stamp}`);
        await page.fill('#regionCode', '320214');
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
        await page.fill('#name', lang === 'en' ? `Deep-tech direct · early spin-outs ${suffix}` : `科创直投 · 高校成果转化早期基金`);
        await pick(page, '#stages', [T.stage.angel, T.stage.pre_a, T.stage.a], false);
        await page.fill('#ticketMinWan', '500');
        await page.fill('#ticketMaxWan', '5000');
        await pick(page, '#tracks', [lang === 'en' ? 'agricultural machinery' : '智能农机', lang === 'en' ? 'Artificial intelligence' : '人工智能']);
        await page.fill('#thesis', lang === 'en' ? 'Hard tech from universities in the Yangtze River Delta, first institutional round.' : '长三角高校硬科技成果转化，领投首轮机构融资。');
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
          if (Date.now() > deadline) throw new Error(`project not in the deal flow after 60 s\n${worker.output().slice(-2000)}`);
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
        await page.locator('.ant-dropdown:visible .ant-dropdown-menu-item', { hasText: T.dealStage.contacted }).click();
        await page.getByText(T.deal.moved.replace('{{stage}}', T.dealStage.contacted)).waitFor();
        await shot('investor-pipeline-moved');
        expect(errors).toEqual([]);
        await ctx.close();
      });
    });
  }
});
