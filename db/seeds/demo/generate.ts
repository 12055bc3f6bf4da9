import {
  INDUSTRY_KEYS,
  type Instrument,
  type IpStatus,
  type IpType,
  type PitchProfile,
  type ProjectKind,
  type ProjectStatus,
  type Stage,
  STAGES,
  TRACKS,
} from '@app/reference';
import { generatedCreditCode, ipNumber } from './identifiers';
import { Rng, stableUuid } from './random';
import { STORY_COMPANIES } from './stories';
import type { DemoCompany, DemoFiscalYear, DemoIpItem, DemoProject, DemoQualification, DemoStartup } from './types';
import {
  BRANDS,
  DEMO_REGIONS,
  FOUNDER_BACKGROUNDS,
  STAGE_LABELS,
  TRACK_CONTENT,
  type ProductIdea,
  type TrackContent,
  USE_OF_FUNDS_ITEMS,
} from './vocabulary';

/**
 * The deterministic company generator behind `npm run demo` and `npm run seed:large`. Pure: given
 * the same options and index it returns the same plain objects on every machine — no clock, no
 * Math.random, no I/O. Every entity draws from its own stream (seed, namespace, kind, index), so
 * company 40 000 can be generated without generating the 39 999 before it, and chunks can be
 * produced in any order.
 *
 * Dates are relative to a fixed "as of" day rather than today, for the same reason; as real time
 * passes, more certificates in the demo simply expire, which is what a real registry looks like.
 */
export const AS_OF = '2026-10-31';
/** The last complete financial year whose accounts a company would have filed by AS_OF. */
export const LAST_FISCAL_YEAR = 2025;
const AS_OF_MS = Date.parse(`${AS_OF}T00:00:00Z`);
const DAY_MS = 86_400_000;

/** The seed of `npm run demo`; change it and the whole generic cohort changes, the stories do not. */
export const DEMO_SEED = 20230214; // the day of the first 金兔 roadshow
/** Generic projects in the demo; with the stories this makes ≈ 200 companies and ≈ 300 projects. */
export const DEMO_GENERIC_PROJECTS = 286;

export interface OwnerSpec {
  key: string;
  weight: number;
  /** Regions (code prefixes) this owner's programme mostly covers; 70 % of its companies fall inside. */
  regionPrefixes?: readonly string[];
  /** A university or proof-of-concept centre: every company it keeps is a spin-out. */
  spinOutsOnly?: boolean;
}

export interface CohortOptions {
  seed: number;
  /** Keeps ids of different cohorts apart (uuid streams are derived from it). */
  namespace: string;
  /** 3 characters of the 9-character organization code; unique per cohort so credit codes never collide. */
  codePrefix: string;
  owners: readonly OwnerSpec[];
  /** 1–3 fiscal years per company (the demo uses 3, the benchmark cohort 2). */
  maxFiscalYears?: number;
}

// --- small helpers ----------------------------------------------------------------------------

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const timestamp = (ms: number) => new Date(ms).toISOString();
const dateOf = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const addDays = (isoDate: string, days: number) => iso(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS);
const addYearsMinusDay = (isoDate: string, years: number) =>
  addDays(`${Number(isoDate.slice(0, 4)) + years}${isoDate.slice(4)}`, -1);
/** Whole yuan → 分. Generated money is kept to whole yuan: that is how accounts report it. */
const yuan = (x: number) => Math.max(0, Math.round(x)) * 100;
/** 万元 → 分 (stories and amounts are quoted in 万元, like the articles). */
export const wan = (x: number) => Math.round(x * 1_000_000);
const wanText = (fen: number) => {
  const w = fen / 1_000_000;
  return w >= 100 ? w.toFixed(0) : w.toFixed(1).replace(/\.0$/, '');
};
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
/** zh-CN typesetting: a space between Chinese and Latin letters or digits ("A 轮", "4650 万元"). */
const spaced = (text: string) =>
  text.replace(/([\u4e00-\u9fff])([A-Za-z0-9])/g, '$1 $2').replace(/([A-Za-z0-9%])([\u4e00-\u9fff])/g, '$1 $2');
const PROVINCE_OF = (regionCode: string) => regionCode.slice(0, 2);

const TRACK_WEIGHTS: [string, number][] = TRACKS.map((t) => [t.code, t.nqp ? 3 : 1]);
const REGION_WEIGHTS = DEMO_REGIONS.map((r) => [r, r.weight] as const);
const FOUNDED_YEARS: [number, number][] = Array.from({ length: 13 }, (_, i) => [2012 + i, 1 + i * 0.35]);

/** Tracks that commonly appear together on one company (a second 赛道 tag). */
const RELATED: Readonly<Record<string, readonly string[]>> = {
  integrated_circuits: ['semiconductor_materials', 'new_generation_it', 'new_energy_vehicles'],
  semiconductor_materials: ['integrated_circuits', 'new_materials'],
  artificial_intelligence: ['industrial_software', 'robotics', 'new_generation_it'],
  biomedicine: ['life_health', 'medical_devices'],
  medical_devices: ['life_health', 'artificial_intelligence'],
  new_materials: ['new_energy', 'semiconductor_materials', 'environmental_protection'],
  high_end_equipment: ['robotics', 'industrial_software'],
  intelligent_agri_machinery: ['artificial_intelligence', 'modern_agriculture', 'robotics'],
  new_energy: ['energy_storage', 'environmental_protection'],
  new_energy_vehicles: ['energy_storage', 'artificial_intelligence'],
  energy_storage: ['new_energy', 'new_materials'],
  commercial_aerospace: ['low_altitude_economy', 'new_generation_it'],
  low_altitude_economy: ['commercial_aerospace', 'artificial_intelligence'],
  quantum: ['new_generation_it', 'high_end_equipment'],
  robotics: ['artificial_intelligence', 'high_end_equipment'],
  internet_of_things: ['new_generation_it', 'artificial_intelligence'],
  industrial_software: ['artificial_intelligence', 'high_end_equipment'],
  new_generation_it: ['artificial_intelligence', 'internet_of_things'],
  environmental_protection: ['new_materials', 'new_energy'],
  life_health: ['biomedicine', 'artificial_intelligence'],
  enterprise_services: ['fintech', 'new_generation_it'],
  consumer: ['internet_of_things', 'artificial_intelligence'],
  culture_creative: ['new_generation_it'],
  modern_agriculture: ['intelligent_agri_machinery', 'biomedicine'],
  fintech: ['enterprise_services', 'artificial_intelligence'],
};

for (const t of TRACKS) {
  if (!TRACK_CONTENT[t.code]) throw new Error(`demo vocabulary lacks track ${t.code}`);
}

// --- the cohort's shape --------------------------------------------------------------------------

/**
 * Projects map onto companies arithmetically — project j belongs to company ⌊2j/3⌋ — so companies
 * alternate two projects, one project, … (≈ 1.5 each), and any chunk of companies knows exactly
 * which projects are its own without a pass over the ones before.
 */
export function startupCountFor(projects: number): number {
  return projects <= 0 ? 0 : Math.floor((2 * (projects - 1)) / 3) + 1;
}

export function projectIndexRange(startupIndex: number, totalProjects: number): [number, number] {
  const from = Math.ceil((3 * startupIndex) / 2);
  const to = Math.min(totalProjects, Math.ceil((3 * (startupIndex + 1)) / 2));
  return [from, Math.max(from, to)];
}

/** Company `index` of a cohort and its projects (at most `totalProjects` across the cohort). */
export function generateCompany(opts: CohortOptions, index: number, totalProjects: number): DemoCompany {
  const { startup, brand, product } = generateStartup(opts, index);
  const ctx = contextOf(opts, index, startup, brand, product);
  const [from, to] = projectIndexRange(index, totalProjects);
  const projects: DemoProject[] = [];
  for (let j = from; j < to; j++) projects.push(generateProject(opts, ctx, j, j - from));
  return { startup, projects };
}

/** The whole cohort for `projects` projects, one company at a time (memory stays flat for 100 000). */
export function* generateCohort(
  opts: CohortOptions,
  projects: number,
  fromStartup = 0,
  toStartup?: number,
): Generator<DemoCompany> {
  const end = Math.min(toStartup ?? Infinity, startupCountFor(projects));
  for (let i = fromStartup; i < end; i++) yield generateCompany(opts, i, projects);
}

/** The demo: the seed stories first, then the generic cohort owned by the demo organizers, founders and university. */
export function generateDemo(seed = DEMO_SEED): DemoCompany[] {
  const stories = STORY_COMPANIES.map((story): DemoCompany => {
    const id = stableUuid('story', story.key);
    return {
      startup: { ...story.startup, id },
      projects: story.projects.map((p, n) => ({
        ...p,
        id: stableUuid('story', story.key, 'project', n),
        startupId: id,
      })),
    };
  });
  const opts: CohortOptions = {
    seed,
    namespace: 'demo',
    codePrefix: 'MAD',
    maxFiscalYears: 3,
    owners: [
      { key: 'binhu-organizer', weight: 44, regionPrefixes: ['32'] },
      { key: 'xihu-alliance', weight: 40, regionPrefixes: ['33'] },
      { key: 'zhijiang-poc', weight: 12, regionPrefixes: ['330106'], spinOutsOnly: true },
      // Founders' groups keep a subsidiary or two next to their story company.
      { key: 'xinghang', weight: 2, regionPrefixes: ['320211'] },
      { key: 'taixing', weight: 2, regionPrefixes: ['3707'] },
    ],
  };
  return [...stories, ...generateCohort(opts, DEMO_GENERIC_PROJECTS)];
}

// --- companies -----------------------------------------------------------------------------------

interface CompanyContext {
  stage: Stage;
  startup: DemoStartup;
  content: TrackContent;
  product: ProductIdea;
  brand: string;
  age: number;
  inventionPatents: number;
  pledgeablePatents: number;
  utilityModels: number;
  latest: DemoFiscalYear;
  previous: DemoFiscalYear | null;
}

function pickRegion(rng: Rng, prefixes: readonly string[] | undefined) {
  if (prefixes?.length && rng.chance(0.7)) {
    const inside = DEMO_REGIONS.filter((r) => prefixes.some((p) => r.code.startsWith(p)));
    if (inside.length) return rng.weighted(inside.map((r) => [r, r.weight] as const));
  }
  return rng.weighted(REGION_WEIGHTS);
}

function generateStartup(
  opts: CohortOptions,
  index: number,
): { startup: DemoStartup; brand: string; product: ProductIdea } {
  const rng = Rng.for(opts.seed, opts.namespace, 'startup', index);
  const id = stableUuid(opts.seed, opts.namespace, 'startup', index);
  const owner = rng.weighted(opts.owners.map((o) => [o, o.weight] as const));
  const region = pickRegion(rng, owner.regionPrefixes);
  const primary = rng.weighted(TRACK_WEIGHTS);
  const tracks = [primary];
  if (rng.chance(0.45)) tracks.push(rng.pick(RELATED[primary]));
  const content = TRACK_CONTENT[primary];
  let industry: string = content.industry;
  // A hardware company with a software arm (or the reverse) files under the other standard now and then.
  if (industry === 'industry' && rng.chance(0.08)) industry = 'software_it';
  else if (industry === 'software_it' && rng.chance(0.12)) industry = 'industry';
  if (!INDUSTRY_KEYS.includes(industry)) throw new Error(`unknown industry key ${industry}`);

  const foundedYear = rng.weighted(FOUNDED_YEARS);
  const foundedOn = dateOf(foundedYear, rng.int(1, 12), rng.int(1, 28));
  const age = LAST_FISCAL_YEAR + 1 - foundedYear;
  const spinOut = owner.spinOutsOnly === true || rng.chance(0.15);
  const fromPoc = spinOut && rng.chance(owner.spinOutsOnly ? 0.6 : 0.25);
  // Skewed early: these are 投早投小 programmes, most of their companies have raised little.
  const priorRounds =
    age <= 2
      ? rng.weighted([
          [0, 3],
          [1, 1],
        ] as const)
      : age <= 5
        ? rng.weighted([
            [0, 3],
            [1, 4],
            [2, 2],
            [3, 1],
          ] as const)
        : rng.weighted([
            [0, 1],
            [1, 3],
            [2, 3],
            [3, 2],
            [4, 1],
            [5, 0.5],
          ] as const);
  const [brand, slug] = rng.pick(BRANDS);
  const field = rng.pick(content.fields);
  // A field ending in 科 or 科技 (数科, 量子科技) takes a plain 有限公司, never "数科科技有限公司".
  const suffix =
    foundedYear <= 2018 && rng.chance(0.2)
      ? '股份有限公司'
      : /科技?$/.test(field)
        ? '有限公司'
        : rng.weighted([
            ['科技有限公司', 6],
            ['技术有限公司', 3],
            ['有限公司', 1],
          ] as const);
  const product = rng.pick(content.products);
  const startup: DemoStartup = {
    id,
    ownerKey: owner.key,
    legalName: `${rng.pick(region.places)}${brand}${field}${suffix}`,
    creditCode: generatedCreditCode(region.code, opts.codePrefix, index),
    foundedOn,
    regionCode: region.code,
    industry,
    tracks,
    universitySpinOut: spinOut,
    fromPocCenter: fromPoc,
    priorRounds: rng.chance(0.9) ? priorRounds : null,
    yearsInNiche: rng.chance(0.75) ? rng.int(Math.min(1, age), age) : null,
    website: rng.chance(0.6) ? `https://www.${slug}${index}.example.com` : null,
    oneLiner: spaced(`${product.name}，${product.benefit}`).slice(0, 140),
    createdAt: timestamp(AS_OF_MS - rng.int(400, 1_100) * DAY_MS - rng.int(0, 86_399) * 1000),
    fiscalYears: [],
    ipItems: [],
    qualifications: [],
  };
  startup.fiscalYears = generateFiscalYears(opts, index, startup, foundedYear, priorRounds);
  startup.ipItems = generateIpItems(opts, index, startup, foundedYear, brand, product);
  startup.qualifications = generateQualifications(opts, index, startup, foundedYear);
  return { startup, brand, product };
}

function generateFiscalYears(
  opts: CohortOptions,
  index: number,
  s: DemoStartup,
  foundedYear: number,
  priorRounds: number,
): DemoFiscalYear[] {
  const rng = Rng.for(opts.seed, opts.namespace, 'fiscal', index);
  const years = rng.int(1, clamp(opts.maxFiscalYears ?? 3, 1, 3));
  const first = Math.max(foundedYear, LAST_FISCAL_YEAR - years + 1);
  const age = LAST_FISCAL_YEAR + 1 - foundedYear;
  const hard = TRACKS.find((t) => t.code === s.tracks[0])?.nqp ?? false;
  const software = s.industry === 'software_it';

  // Latest-year anchors; earlier years are derived backwards with growth rates.
  let headcount = age <= 2 ? rng.logUniform(4, 45) : age <= 5 ? rng.logUniform(10, 180) : rng.logUniform(20, 650);
  const techShare = hard ? rng.float(0.18, 0.65) : rng.float(0.08, 0.4);
  const rdShareOfTech = rng.float(0.5, 0.95);
  const maturity = Math.min(1, (age + 0.5) / 5);
  const preRevenue = age <= 2 && rng.chance(0.3);
  let revenue = preRevenue
    ? 0
    : headcount * (software ? rng.logUniform(15e4, 9e5) : rng.logUniform(25e4, 1.6e6)) * maturity;
  const rdCostPerStaff = rng.float(22e4, 45e4) * (software ? 1 : rng.float(1, 1.5));
  const incomplete = rng.chance(0.08);
  const noCosts = rng.chance(0.04);
  const raiseYear = priorRounds > 0 && rng.chance(0.5) ? rng.int(Math.max(first, foundedYear), LAST_FISCAL_YEAR) : null;
  let equityCumulative = priorRounds * rng.logUniform(2e6, 3e7);

  const out: DemoFiscalYear[] = [];
  for (let year = LAST_FISCAL_YEAR; year >= first; year--) {
    const hc = Math.max(3, Math.round(headcount));
    const techStaff = Math.min(hc, Math.round(hc * techShare * rng.float(0.92, 1.08)));
    const rdStaff = Math.min(techStaff, Math.round(techStaff * rdShareOfTech));
    const rev = Math.round(revenue);
    let rd = rdStaff * rdCostPerStaff * rng.float(0.9, 1.3);
    // A company past its start-up years does not spend more than ~60 % of its revenue on R&D.
    if (rev > 0 && age > 3) rd = Math.min(rd, rev * rng.float(0.25, 0.6));
    rd = Math.round(rd);
    const totalCosts = Math.round(Math.max(rd * rng.float(1.3, 2.5), rev * rng.float(0.8, 1.1)));
    const newEquity = year === raiseYear ? Math.round(rng.logUniform(3e6, 6e7)) : 0;
    const assets = Math.round(Math.max(rev * rng.float(0.5, 1.8), totalCosts * rng.float(0.4, 1.2)) + equityCumulative);
    out.push({
      year,
      headcount: hc,
      techStaff,
      rdStaff,
      revenue: yuan(rev),
      mainBusinessRevenue: yuan(rev * rng.float(0.8, 1)),
      highTechRevenue: incomplete ? null : yuan(rev * rng.float(0.4, 0.95)),
      totalCosts: noCosts ? null : yuan(totalCosts),
      rdSpend: yuan(rd),
      rdSpendInChina: incomplete ? null : yuan(rng.chance(0.85) ? rd : rd * rng.float(0.85, 0.99)),
      totalAssets: yuan(assets),
      liabilities: incomplete ? null : yuan(assets * rng.float(0.1, 0.65)),
      newEquityRaised: yuan(newEquity),
    });
    equityCumulative = Math.max(0, equityCumulative - newEquity);
    headcount /= 1 + rng.float(0, 0.4);
    revenue = preRevenue ? 0 : revenue / (1 + rng.float(-0.1, 0.7));
  }
  return out.reverse();
}

const IP_TYPE_WEIGHTS = {
  hardware: [
    ['invention_patent', 35],
    ['utility_model', 35],
    ['design', 8],
    ['software_copyright', 12],
    ['trademark', 5],
  ],
  software: [
    ['software_copyright', 45],
    ['invention_patent', 25],
    ['utility_model', 8],
    ['design', 4],
    ['trademark', 12],
  ],
} as const satisfies Record<string, readonly (readonly [IpType, number])[]>;

const SPECIAL_IP: Readonly<Record<string, readonly (readonly [IpType, number])[]>> = {
  integrated_circuits: [['ic_layout', 18]],
  modern_agriculture: [['new_plant_variety', 15]],
  biomedicine: [
    ['national_new_drug', 2],
    ['protected_tcm_1', 2],
  ],
};

/** Weights of 0, 1, … 12 IP items per company. */
const IP_COUNTS: [number, number][] = [8, 8, 10, 12, 12, 10, 10, 8, 6, 5, 4, 3, 4].map((w, n) => [n, w]);

function generateIpItems(
  opts: CohortOptions,
  index: number,
  s: DemoStartup,
  foundedYear: number,
  brand: string,
  idea: ProductIdea,
): DemoIpItem[] {
  const rng = Rng.for(opts.seed, opts.namespace, 'ip', index);
  const count = rng.weighted(IP_COUNTS);
  const weights: (readonly [IpType, number])[] = [
    ...(s.industry === 'software_it' ? IP_TYPE_WEIGHTS.software : IP_TYPE_WEIGHTS.hardware),
    ...(SPECIAL_IP[s.tracks[0]] ?? []),
  ];
  const product = idea.name;
  const tech = idea.keywords;
  const items: DemoIpItem[] = [];
  // Spin-outs are assigned patents the university filed before the company existed.
  const earliest = s.universitySpinOut ? foundedYear - 4 : foundedYear;
  for (let k = 0; k < count; k++) {
    const type = rng.weighted(weights);
    const lag = type === 'invention_patent' ? rng.int(1, 3) : type === 'trademark' ? 1 : rng.int(0, 1);
    const filed = rng.int(earliest, Math.max(earliest, LAST_FISCAL_YEAR + 1 - lag));
    const granted = Math.min(filed + lag, 2026);
    let grantedOn = dateOf(granted, rng.int(1, 12), rng.int(1, 28));
    if (grantedOn > AS_OF) grantedOn = addDays(AS_OF, -rng.int(1, 120));
    const patent = type === 'invention_patent' || type === 'utility_model' || type === 'design';
    let status: IpStatus = 'valid';
    // A patent lapses when its annuities go unpaid: common among small firms.
    if (patent && rng.chance(0.1)) status = 'expired';
    else if ((type === 'invention_patent' || type === 'utility_model') && rng.chance(0.07)) status = 'pledged';
    else if (type === 'trademark' && rng.chance(0.05)) status = 'expired';
    const title =
      type === 'invention_patent'
        ? `一种${product}的${rng.pick(['制备方法', '控制方法', '检测方法', '设计方法', '优化方法'])}`
        : type === 'utility_model'
          ? `一种${product}用${rng.pick(['固定', '散热', '连接', '检测', '防护'])}装置`
          : type === 'design'
            ? `${product}（外观）`
            : type === 'software_copyright'
              ? `${brand}${rng.pick(['数据管理', '运行监测', '参数配置', '质量分析'])}软件 V${rng.int(1, 4)}.0`
              : type === 'trademark'
                ? brand
                : `${product}（${rng.pick(tech)}）`;
    items.push({
      type,
      // Serial includes k so two items of one company never share a (type, number).
      number: ipNumber(type, filed, (rng.int(0, 99_999) * 100 + k) % 10_000_000),
      title: spaced(title).slice(0, 300),
      status,
      tiedToMainProduct: type !== 'trademark' && rng.chance(0.85),
      grantedOn,
    });
  }
  return items;
}

function generateQualifications(
  opts: CohortOptions,
  index: number,
  s: DemoStartup,
  foundedYear: number,
): DemoQualification[] {
  const rng = Rng.for(opts.seed, opts.namespace, 'qualification', index);
  const latest = s.fiscalYears[s.fiscalYears.length - 1];
  const classI = s.ipItems.filter((i) =>
    ['invention_patent', 'ic_layout', 'new_plant_variety', 'national_new_drug', 'protected_tcm_1'].includes(i.type),
  ).length;
  const classII = s.ipItems.filter((i) => ['utility_model', 'design', 'software_copyright'].includes(i.type)).length;
  const techShare = latest.headcount && latest.techStaff != null ? latest.techStaff / latest.headcount : 0;
  const province = PROVINCE_OF(s.regionCode);
  const out: DemoQualification[] = [];

  // 高新技术企业: a 3-year certificate issued in Nov/Dec; some lapsed, some renewed.
  if (foundedYear <= 2023 && (classI > 0 || classII >= 4) && techShare >= 0.1 && rng.chance(0.6)) {
    let year = rng.int(Math.max(foundedYear + 1, 2017), 2025);
    for (;;) {
      const from = dateOf(year, rng.int(11, 12), rng.int(1, 28));
      out.push({
        kind: 'high_tech_enterprise',
        certificateNumber: `GR${year}${province}${String(rng.int(0, 9999)).padStart(6, '0')}`,
        validFrom: from,
        validUntil: addYearsMinusDay(from, 3),
      });
      year += 3;
      if (year > 2025 || !rng.chance(0.6)) break;
    }
  }
  // 科技型中小企业: registered (入库) every year; valid to the end of that year.
  if ((latest.headcount ?? 0) <= 500 && rng.chance(0.6)) {
    for (let year = rng.pick([2024, 2025, 2026]); year <= 2026; year++) {
      if (!rng.chance(0.8)) continue;
      out.push({
        kind: 'tech_sme',
        certificateNumber: `${year}${s.regionCode}${rng.pick(['A', 'B', 'C'])}${String(rng.int(1, 99999)).padStart(7, '0')}`,
        validFrom: dateOf(year, rng.int(3, 8), rng.int(1, 28)),
        validUntil: dateOf(year, 12, 31),
      });
    }
  }
  const age = LAST_FISCAL_YEAR + 1 - foundedYear;
  if (age >= 2 && rng.chance(0.25)) {
    const from = dateOf(rng.int(2023, 2025), rng.int(1, 12), rng.int(1, 28));
    out.push({
      kind: 'innovative_sme',
      certificateNumber: null,
      validFrom: from,
      validUntil: addYearsMinusDay(from, 3),
    });
  }
  const specialized = age >= 4 && (latest.revenue ?? 0) >= wan(1000) && rng.chance(0.3);
  if (specialized) {
    const from = dateOf(rng.int(2022, 2025), rng.int(1, 12), rng.int(1, 28));
    out.push({
      kind: 'specialized_sme',
      certificateNumber: null,
      validFrom: from,
      validUntil: addYearsMinusDay(from, 3),
    });
    if (classI >= 2 && rng.chance(0.15)) {
      const giant = dateOf(rng.int(2023, 2025), 7, rng.int(1, 28));
      out.push({
        kind: 'little_giant',
        certificateNumber: null,
        validFrom: giant,
        validUntil: addYearsMinusDay(giant, 3),
      });
    }
  }
  if (age >= 5 && rng.chance(0.06)) {
    out.push({
      kind: 'provincial_rd_institution',
      certificateNumber: null,
      validFrom: dateOf(rng.int(2019, 2025), rng.int(1, 12), 1),
      validUntil: null,
    });
  }
  if (age >= 4 && rng.chance(0.04)) {
    out.push({
      kind: 'standard_setting',
      certificateNumber: `T/${province}${String(rng.int(1, 999)).padStart(3, '0')}-${rng.int(2021, 2025)}`,
      validFrom: dateOf(rng.int(2021, 2025), rng.int(1, 12), 1),
      validUntil: null,
    });
  }
  if (age >= 6 && rng.chance(0.01)) {
    out.push({
      kind: 'national_science_award',
      certificateNumber: null,
      validFrom: dateOf(rng.int(2021, 2024), 12, 1),
      validUntil: null,
    });
  }
  return out;
}

// --- projects ------------------------------------------------------------------------------------

function contextOf(
  opts: CohortOptions,
  index: number,
  s: DemoStartup,
  brand: string,
  product: ProductIdea,
): CompanyContext {
  const content = TRACK_CONTENT[s.tracks[0]];
  const inventions = s.ipItems.filter((i) => i.type === 'invention_patent');
  const age = LAST_FISCAL_YEAR + 1 - Number(s.foundedOn.slice(0, 4));
  // The round the company is raising now; all its projects agree on it.
  const rng = Rng.for(opts.seed, opts.namespace, 'stage', index);
  const rounds = clamp(s.priorRounds ?? (age <= 2 ? 0 : 1), 0, 4);
  let stage = rng.weighted(STAGE_BY_ROUNDS[rounds]);
  if (age <= 2 && STAGES.indexOf(stage) > STAGES.indexOf('pre_a')) stage = 'pre_a';
  return {
    stage,
    startup: s,
    content,
    product,
    brand,
    age,
    inventionPatents: inventions.filter((i) => i.status !== 'expired').length,
    pledgeablePatents: inventions.filter((i) => i.status === 'valid').length,
    utilityModels: s.ipItems.filter((i) => i.type === 'utility_model' && i.status !== 'expired').length,
    latest: s.fiscalYears[s.fiscalYears.length - 1],
    previous: s.fiscalYears.length > 1 ? s.fiscalYears[s.fiscalYears.length - 2] : null,
  };
}

const STAGE_BY_ROUNDS: readonly (readonly (readonly [Stage, number])[])[] = [
  [
    ['idea', 2],
    ['seed', 4],
    ['angel', 4],
  ],
  [
    ['angel', 3],
    ['pre_a', 5],
    ['a', 2],
  ],
  [
    ['pre_a', 3],
    ['a', 5],
    ['b', 2],
  ],
  [
    ['a', 4],
    ['b', 5],
    ['c', 1],
  ],
  [
    ['b', 4],
    ['c', 4],
    ['pre_ipo', 2],
  ],
];

/** Equity round sizes in 万元 by stage: what local programmes typically see. */
const ROUND_WAN: Readonly<Record<Stage, readonly [number, number]>> = {
  idea: [50, 300],
  seed: [100, 800],
  angel: [300, 2_000],
  pre_a: [1_000, 5_000],
  a: [3_000, 15_000],
  b: [8_000, 30_000],
  c: [20_000, 60_000],
  pre_ipo: [30_000, 100_000],
};

const TRL_BY_STAGE: Readonly<Record<Stage, readonly [number, number]>> = {
  idea: [2, 4],
  seed: [3, 5],
  angel: [4, 6],
  pre_a: [5, 7],
  a: [6, 8],
  b: [7, 9],
  c: [8, 9],
  pre_ipo: [8, 9],
};

/** Rounded to 10 万元 above ¥1 m, so amounts read like real asks. */
function roundWan(rng: Rng, [lo, hi]: readonly [number, number]): number {
  const w = rng.logUniform(lo, hi);
  return wan(w >= 100 ? Math.round(w / 10) * 10 : Math.round(w));
}

/** Typical splits of a raise, in tenths: R&D first, as these programmes expect of hard-tech companies. */
const SPLITS: readonly (readonly number[])[] = [
  [5, 3, 2],
  [4, 3, 2, 1],
  [6, 4],
  [5, 2, 2, 1],
  [4, 4, 2],
];

function splitUse(rng: Rng, s: DemoStartup): string {
  const shares = rng.pick(SPLITS);
  const pool = USE_OF_FUNDS_ITEMS.filter(
    (item) => item !== '研发投入' && (item !== '认证与注册' || needsRegistration(s)),
  );
  const items = ['研发投入', ...rng.sample(pool, shares.length - 1)];
  return `${items.map((item, i) => `${item} ${shares[i] * 10}%`).join('，')}。`;
}

/** Drugs and medical devices need registration certificates before they can be sold. */
const needsRegistration = (s: DemoStartup) => s.tracks.some((t) => t === 'biomedicine' || t === 'medical_devices');

function generateProject(opts: CohortOptions, ctx: CompanyContext, j: number, k: number): DemoProject {
  const rng = Rng.for(opts.seed, opts.namespace, 'project', j);
  const s = ctx.startup;
  let stage = ctx.stage;
  const revenue = ctx.latest.revenue ?? 0;
  const { name: product, benefit } = ctx.product;

  // The second project of a company is something else: a loan, an earlier round, a transfer or a 揭榜 bid.
  let kind: ProjectKind = 'financing_round';
  let instruments: Instrument[] = ['equity'];
  let title: string;
  let amount: number | null;
  let useOfFunds: string | undefined;
  let earlierRound = false;
  let second =
    k > 0
      ? rng.weighted([
          ['loan', 4],
          ['earlier', 3],
          ['other', 3],
        ] as const)
      : null;
  // Banks lend against revenue: a company without any raised an earlier round instead.
  if (second === 'loan' && revenue === 0) second = 'earlier';

  if (second === 'other' || (k === 0 && rng.chance(0.06))) {
    kind = s.universitySpinOut || rng.chance(0.4) ? 'tech_transfer' : 'challenge_bid';
  }
  if (kind === 'tech_transfer') {
    instruments = rng.chance(0.5) ? [] : ['equity'];
    amount = roundWan(rng, [50, 1_000]);
    title = `${product}技术成果转化`;
    useOfFunds = `技术作价入股或许可转让，受让方负责中试与产业化；转化收益用于后续研发。`;
  } else if (kind === 'challenge_bid') {
    instruments = [];
    amount = roundWan(rng, [100, 2_000]);
    title = `揭榜挂帅：${product}关键技术攻关`;
    useOfFunds = `榜单经费用于关键技术攻关和样机验证，攻关周期 ${rng.int(12, 36)} 个月。`;
  } else if ((second === 'loan' || (k === 0 && rng.chance(0.12))) && revenue > 0) {
    const pledge = ctx.pledgeablePatents >= 2 && rng.chance(0.6);
    instruments = pledge ? ['ip_pledge_loan'] : ['loan'];
    amount = roundWan(rng, [100, Math.max(200, Math.min(2_000, (revenue / 1_000_000) * 0.5))]);
    const years = rng.int(1, 3);
    title = `${product}项目 · ${pledge ? '知识产权质押贷款' : '科技信贷'}`;
    useOfFunds = pledge
      ? `以 ${Math.min(ctx.pledgeablePatents, rng.int(2, 9))} 项发明专利质押，贷款期限 ${years} 年；${splitUse(rng, s)}`
      : `信用贷款，期限 ${years} 年，用于${rng.pick(['原材料备货', '研发投入', '扩大生产'])}；${splitUse(rng, s)}`;
  } else {
    if (second === 'earlier') {
      earlierRound = true;
      stage = STAGES[Math.max(0, STAGES.indexOf(stage) - 1)];
    }
    amount = roundWan(rng, ROUND_WAN[stage]);
    const early = STAGES.indexOf(stage) <= STAGES.indexOf('angel');
    if (earlierRound) {
      // The round before this one: plain equity, closed (archived).
    } else if (early && (s.universitySpinOut || ctx.age <= 3) && rng.chance(0.35)) {
      instruments = rng.chance(0.5) ? ['convertible_grant'] : ['convertible_grant', 'equity'];
    } else if (['pre_a', 'a', 'b'].includes(stage) && revenue > 0 && rng.chance(0.12)) {
      // 投贷联动 packages pair a modest equity ticket with 1–3× that in bank credit (cf. ¥30 m + ¥80 m).
      instruments = ['equity_loan_package'];
      amount = Math.min(amount, wan(5_000));
      const equityWan = amount / 1_000_000;
      const credit = roundWan(rng, [
        equityWan,
        Math.min(15_000, equityWan * 3, Math.max(equityWan, (revenue / 1_000_000) * 2)),
      ]);
      useOfFunds = `投贷联动：股权融资 ${wanText(amount)} 万元 + 银行授信 ${wanText(credit)} 万元。${splitUse(rng, s)}`;
      amount += credit;
    }
    const label = instruments.includes('convertible_grant')
      ? '先投后股'
      : instruments.includes('equity_loan_package')
        ? '投贷联动'
        : `${STAGE_LABELS[stage]}融资`;
    title = `${product}项目${label}`;
    useOfFunds ??= `本轮拟融资 ${wanText(amount)} 万元：${splitUse(rng, s)}`;
  }

  const [trlLo, trlHi] = TRL_BY_STAGE[stage];
  const growth =
    ctx.previous?.revenue && revenue
      ? Math.round(((revenue - ctx.previous.revenue) / ctx.previous.revenue) * 100)
      : null;
  const pitch: PitchProfile = {
    problem: `${ctx.product.problem}。`,
    product: `${ctx.brand}${product}：${benefit}。${STAGES.indexOf(stage) >= STAGES.indexOf('a') ? '产品已批量交付客户。' : '已完成样机和首批用户验证。'}`,
    technology:
      `${ctx.product.technology}。` +
      (ctx.inventionPatents > 0
        ? `已获授权发明专利 ${ctx.inventionPatents} 项${ctx.utilityModels ? `、实用新型 ${ctx.utilityModels} 项` : ''}。`
        : ''),
    team: `创始人${rng.pick(FOUNDER_BACKGROUNDS)}。团队 ${ctx.latest.headcount} 人，其中研发人员 ${ctx.latest.rdStaff} 人。`,
    traction:
      revenue > 0
        ? `${ctx.latest.year} 年营业收入 ${wanText(revenue)} 万元${growth !== null && growth > 0 ? `，同比增长 ${growth}%` : ''}；已服务客户 ${rng.int(3, 200)} 家。`
        : `尚未形成规模收入，已与 ${rng.int(2, 12)} 家意向客户签订试用或合作协议。`,
  };
  if (rng.chance(0.5)) pitch.market = `目标市场规模约 ${rng.int(20, 800)} 亿元，国产化率不足 ${rng.int(5, 40)}%。`;
  if (rng.chance(0.3))
    pitch.competition = `主要竞争对手为海外厂商，公司在${rng.pick(['成本', '交付周期', '本地化服务', '定制化能力'])}上具备优势。`;

  // Drafts are still being written; archived ones are rounds that closed or were withdrawn.
  const status: ProjectStatus = earlierRound
    ? 'archived'
    : rng.weighted([
        ['published', 82],
        ['draft', 12],
        ['archived', 6],
      ] as const);
  const created = AS_OF_MS - rng.int(20, 420) * DAY_MS - rng.int(0, 86_399) * 1000;
  const published = status === 'draft' ? null : Math.min(AS_OF_MS - DAY_MS, created + rng.int(1, 30) * DAY_MS);
  const archived = status === 'archived' ? Math.min(AS_OF_MS, published! + rng.int(30, 200) * DAY_MS) : null;
  const keywords = [
    ...new Set([
      ...ctx.product.keywords,
      ...rng.sample(ctx.content.keywords, rng.int(1, 2)),
      ...(s.universitySpinOut ? ['高校成果'] : []),
    ]),
  ];

  return {
    id: stableUuid(opts.seed, opts.namespace, 'project', j),
    startupId: s.id,
    title: spaced(title),
    kind,
    stage,
    amountSought: amount,
    instruments,
    useOfFunds: useOfFunds ? spaced(useOfFunds) : null,
    pitch: Object.fromEntries(Object.entries(pitch).map(([k, v]) => [k, spaced(v)])) as PitchProfile,
    keywords,
    trl: rng.chance(0.9) ? rng.int(trlLo, trlHi) : null,
    status,
    createdAt: timestamp(created),
    publishedAt: published === null ? null : timestamp(published),
    archivedAt: archived === null ? null : timestamp(archived),
  };
}
