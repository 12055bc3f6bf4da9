/**
 * Test fixtures: a small realistic cohort, three real-world mandate shapes, and a seeded synthetic
 * generator (mulberry32 — deterministic, no Math.random) for the equivalence tests.
 */
import { INSTRUMENTS, QUALIFICATION_KINDS, STAGES } from '../../../startups/src/reference/project-enums';
import { TRACKS } from '../../../startups/src/reference/tracks';
import type { CriterionWeights, Mandate, ProjectFeatures, SizeClass } from './types';

const YUAN = 100;
const WAN = 10_000 * YUAN;

const base: Omit<ProjectFeatures, 'projectId' | 'startupId'> = {
  stage: 'seed',
  companyAgeYears: null,
  priorRounds: null,
  universitySpinOut: false,
  fromPocCenter: false,
  sizeClass: 'unknown',
  isSme: null,
  withinTechSmeCeiling: null,
  headcount: null,
  revenue: null,
  rdSpend: null,
  rdIntensityBp: null,
  rdStaff: null,
  techStaffShareBp: null,
  ipClassI: null,
  ipClassII: null,
  pledgeableInventionPatents: null,
  highTechRevenue: null,
  revenueGrowthBp: null,
  newEquityRaised: null,
  qualifications: [],
  techSmeVerdict: 'unknown',
  techSmePoints: null,
  techSmeNextBands: [],
  tracks: [],
  regionCode: null,
  amountSought: null,
  instruments: [],
  trl: null,
  keywords: [],
};

/** 无锡 smart-farm-machinery navigation (北斗 auto-steering), 9 invention patents, seeks a ¥9 m IP-pledge loan. */
export const WUXI_AGNAV: ProjectFeatures = {
  ...base,
  projectId: 'p-wuxi-agnav',
  startupId: 's-wuxi-agnav',
  stage: 'a',
  companyAgeYears: 6,
  priorRounds: 2,
  sizeClass: 'small',
  isSme: true,
  withinTechSmeCeiling: true,
  headcount: 85,
  revenue: 4_800 * WAN,
  rdSpend: 201.6 * WAN,
  rdIntensityBp: 420,
  rdStaff: 27,
  techStaffShareBp: 3200,
  ipClassI: 9,
  ipClassII: 14,
  pledgeableInventionPatents: 9,
  highTechRevenue: 4_100 * WAN,
  revenueGrowthBp: 3500,
  newEquityRaised: 3_000 * WAN,
  qualifications: ['high_tech_enterprise', 'tech_sme', 'specialized_sme'],
  techSmeVerdict: 'pass',
  techSmePoints: 80,
  techSmeNextBands: [
    {
      indicator: 'rdIntensity',
      labelZh: '研发费用占比',
      labelEn: 'R&D intensity',
      threshold: 5,
      unit: 'percent',
      delta: 0.8,
      pointsGained: 10,
      flipsVerdict: false,
    },
  ],
  tracks: ['intelligent_agri_machinery', 'high_end_equipment'],
  regionCode: '320214',
  amountSought: 900 * WAN,
  instruments: ['ip_pledge_loan', 'loan'],
  trl: 8,
  keywords: ['北斗导航', '自动驾驶农机', '智慧农业'],
};

/** 潍坊 semiconductor materials (electronic specialty gases), seeks a ¥50 m 投贷联动 package. */
export const WEIFANG_SEMI: ProjectFeatures = {
  ...base,
  projectId: 'p-weifang-semi',
  startupId: 's-weifang-semi',
  stage: 'b',
  companyAgeYears: 8,
  priorRounds: 3,
  sizeClass: 'medium',
  isSme: true,
  withinTechSmeCeiling: true,
  headcount: 320,
  revenue: 15_000 * WAN,
  rdSpend: 975 * WAN,
  rdIntensityBp: 650,
  rdStaff: 70,
  techStaffShareBp: 2800,
  ipClassI: 15,
  ipClassII: 22,
  pledgeableInventionPatents: 11,
  highTechRevenue: 12_000 * WAN,
  revenueGrowthBp: 2800,
  newEquityRaised: 10_000 * WAN,
  qualifications: ['high_tech_enterprise', 'little_giant'],
  techSmeVerdict: 'pass',
  techSmePoints: 96,
  techSmeNextBands: [
    {
      indicator: 'techStaffShare',
      labelZh: '科技人员占比',
      labelEn: 'Tech-staff share',
      threshold: 30,
      unit: 'percent',
      delta: 2,
      pointsGained: 4,
      flipsVerdict: false,
    },
  ],
  tracks: ['semiconductor_materials', 'new_materials'],
  regionCode: '370705',
  amountSought: 5_000 * WAN,
  instruments: ['equity_loan_package', 'equity'],
  trl: 9,
  keywords: ['电子特气', '晶圆', '国产替代'],
};

/** 合肥 university spin-out (quantum sensing) from a 概念验证中心, seed stage. */
export const HEFEI_SPINOUT: ProjectFeatures = {
  ...base,
  projectId: 'p-hefei-quantum',
  startupId: 's-hefei-quantum',
  stage: 'seed',
  companyAgeYears: 1,
  priorRounds: 0,
  universitySpinOut: true,
  fromPocCenter: true,
  sizeClass: 'micro',
  isSme: true,
  withinTechSmeCeiling: true,
  headcount: 12,
  revenue: 30 * WAN,
  rdSpend: 400 * WAN,
  rdIntensityBp: 13333,
  rdStaff: 9,
  techStaffShareBp: 7500,
  ipClassI: 4,
  ipClassII: 2,
  pledgeableInventionPatents: 4,
  newEquityRaised: 50 * WAN,
  techSmeVerdict: 'pass',
  techSmePoints: 100,
  tracks: ['quantum'],
  regionCode: '340104',
  amountSought: 300 * WAN,
  instruments: ['equity', 'convertible_grant'],
  trl: 4,
  keywords: ['量子传感', '高校成果转化'],
};

/** 苏州 collaborative robots, pre-A. */
export const SUZHOU_ROBOT: ProjectFeatures = {
  ...base,
  projectId: 'p-suzhou-robot',
  startupId: 's-suzhou-robot',
  stage: 'pre_a',
  companyAgeYears: 3,
  priorRounds: 1,
  sizeClass: 'small',
  isSme: true,
  withinTechSmeCeiling: true,
  headcount: 40,
  revenue: 1_200 * WAN,
  rdSpend: 108 * WAN,
  rdIntensityBp: 900,
  rdStaff: 18,
  techStaffShareBp: 4500,
  ipClassI: 3,
  ipClassII: 8,
  pledgeableInventionPatents: 3,
  highTechRevenue: 1_000 * WAN,
  revenueGrowthBp: 8000,
  newEquityRaised: 2_000 * WAN,
  qualifications: ['tech_sme', 'innovative_sme'],
  techSmeVerdict: 'pass',
  techSmePoints: 100,
  tracks: ['robotics', 'artificial_intelligence'],
  regionCode: '320506',
  amountSought: 1_500 * WAN,
  instruments: ['equity'],
  trl: 6,
  keywords: ['协作机器人', '具身智能'],
};

/** 常州 large new-energy-vehicle supplier, pre-IPO. */
export const CHANGZHOU_LARGE: ProjectFeatures = {
  ...base,
  projectId: 'p-changzhou-ev',
  startupId: 's-changzhou-ev',
  stage: 'pre_ipo',
  companyAgeYears: 15,
  priorRounds: 6,
  sizeClass: 'large',
  isSme: false,
  withinTechSmeCeiling: false,
  headcount: 2400,
  revenue: 320_000 * WAN,
  rdSpend: 12_800 * WAN,
  rdIntensityBp: 400,
  rdStaff: 380,
  techStaffShareBp: 2200,
  ipClassI: 120,
  ipClassII: 300,
  pledgeableInventionPatents: 100,
  highTechRevenue: 250_000 * WAN,
  revenueGrowthBp: 1500,
  newEquityRaised: 50_000 * WAN,
  qualifications: ['high_tech_enterprise'],
  techSmeVerdict: 'fail',
  tracks: ['new_energy_vehicles'],
  regionCode: '320411',
  amountSought: 30_000 * WAN,
  instruments: ['equity', 'loan'],
  trl: 9,
  keywords: ['动力电池'],
};

/** 上海 consumer tea-drink app, angel. */
export const SHANGHAI_CONSUMER: ProjectFeatures = {
  ...base,
  projectId: 'p-shanghai-tea',
  startupId: 's-shanghai-tea',
  stage: 'angel',
  companyAgeYears: 2,
  priorRounds: 1,
  sizeClass: 'micro',
  isSme: true,
  withinTechSmeCeiling: true,
  headcount: 15,
  revenue: 800 * WAN,
  rdSpend: 16 * WAN,
  rdIntensityBp: 200,
  rdStaff: 2,
  techStaffShareBp: 1000,
  ipClassI: 0,
  ipClassII: 3,
  pledgeableInventionPatents: 0,
  revenueGrowthBp: 12000,
  newEquityRaised: 300 * WAN,
  techSmeVerdict: 'fail',
  techSmePoints: 32,
  tracks: ['consumer'],
  regionCode: '310104',
  amountSought: 500 * WAN,
  instruments: ['equity'],
  keywords: ['新茶饮', '私域流量'],
};

export const GOLDEN_COHORT: readonly ProjectFeatures[] = [
  WUXI_AGNAV,
  WEIFANG_SEMI,
  HEFEI_SPINOUT,
  SUZHOU_ROBOT,
  CHANGZHOU_LARGE,
  SHANGHAI_CONSUMER,
];

/** A 江苏 bank's IP-pledge loan: ≥ 5 valid, unpledged invention patents, ¥1–10 m. */
export const IP_PLEDGE_LOAN: Mandate = {
  id: 'm-js-ip-pledge',
  version: 3,
  instruments: ['ip_pledge_loan'],
  stages: [],
  ticketMin: 100 * WAN,
  ticketMax: 1_000 * WAN,
  tracks: [],
  regions: ['32'],
  requiredQualifications: [],
  minPledgeableInventionPatents: 5,
  weights: { early: 0, small: 1, hardTech: 3, innovation: 2, fit: 1 },
};

/** 科创直投: early, small, hard-tech, university projects first. */
export const KECHUANG_DIRECT: Mandate = {
  id: 'm-kechuang-direct',
  version: 1,
  instruments: ['equity', 'convertible_grant'],
  stages: ['idea', 'seed', 'angel', 'pre_a', 'a'],
  ticketMin: 200 * WAN,
  ticketMax: 2_000 * WAN,
  tracks: TRACKS.filter((t) => t.nqp).map((t) => t.code),
  regions: [],
  requiredQualifications: [],
  maxCompanyAgeYears: 8,
  thesisKeywords: ['高校成果转化', '量子传感', '北斗导航'],
  weights: { early: 3, small: 2, hardTech: 3, innovation: 1, fit: 1 },
};

/** 潍坊 guidance fund: 返投 (invest in 潍坊, prefix 3707), 高新技术企业 required, R&D ≥ 3 %. */
export const WEIFANG_GUIDANCE: Mandate = {
  id: 'm-weifang-guidance',
  version: 2,
  instruments: ['equity', 'equity_loan_package'],
  stages: [],
  ticketMin: 1_000 * WAN,
  ticketMax: 10_000 * WAN,
  tracks: [],
  regions: ['3707'],
  preferredRegions: ['370705'],
  requiredQualifications: ['high_tech_enterprise'],
  minRdIntensityBp: 300,
  weights: { early: 1, small: 1, hardTech: 1, innovation: 1, fit: 1 },
};

/** An open hard-tech equity mandate, to rank most of the cohort. */
export const OPEN_HARD_TECH: Mandate = {
  id: 'm-open-hardtech',
  version: 1,
  instruments: ['equity'],
  stages: [],
  ticketMin: 100 * WAN,
  ticketMax: 50_000 * WAN,
  tracks: [],
  regions: [],
  requiredQualifications: [],
  weights: { early: 1, small: 1, hardTech: 2, innovation: 1, fit: 0 },
};

/** mulberry32: a tiny seeded PRNG, so "random" cohorts are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ['320214', '320506', '320411', '370705', '370702', '340104', '310104', '440305', '110108', '330106'];
const KEYWORDS = [
  '北斗导航',
  '量子传感',
  '高校成果转化',
  '晶圆',
  '具身智能',
  '动力电池',
  '新茶饮',
  '国产替代',
  '大模型',
  '储能',
];
const SIZES: readonly SizeClass[] = ['micro', 'small', 'medium', 'large', 'unknown'];

export function syntheticProject(rand: () => number, i: number): ProjectFeatures {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const some = <T>(list: readonly T[], max: number): T[] => {
    const n = 1 + Math.floor(rand() * max);
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };
  const maybe = <T>(value: T, pNull = 0.15): T | null => (rand() < pNull ? null : value);
  const revenue = maybe(Math.floor(rand() * 50_000) * WAN);
  const rdSpend = maybe(Math.floor(rand() * 3_000) * WAN);
  const points = maybe(Math.floor(rand() * 101), 0.3);
  return {
    ...base,
    projectId: `p-${String(i).padStart(6, '0')}`,
    startupId: `s-${Math.floor(i / 2)}`,
    stage: pick(STAGES),
    companyAgeYears: maybe(Math.floor(rand() * 200) / 10),
    priorRounds: maybe(Math.floor(rand() * 7)),
    universitySpinOut: rand() < 0.1,
    fromPocCenter: rand() < 0.05,
    sizeClass: pick(SIZES),
    isSme: maybe(rand() < 0.8),
    withinTechSmeCeiling: maybe(rand() < 0.8),
    headcount: maybe(1 + Math.floor(rand() * 1500)),
    revenue,
    rdSpend,
    rdIntensityBp: maybe(Math.floor(rand() * 1500)),
    rdStaff: maybe(Math.floor(rand() * 200)),
    techStaffShareBp: maybe(Math.floor(rand() * 8000)),
    ipClassI: maybe(Math.floor(rand() * 20)),
    ipClassII: maybe(Math.floor(rand() * 40)),
    pledgeableInventionPatents: maybe(Math.floor(rand() * 15)),
    highTechRevenue: revenue === null ? null : maybe(Math.floor(revenue * rand())),
    revenueGrowthBp: maybe(Math.floor(rand() * 20_000) - 5_000),
    newEquityRaised: maybe(Math.floor(rand() * 20_000) * WAN),
    qualifications: rand() < 0.5 ? [] : some(QUALIFICATION_KINDS, 3),
    techSmeVerdict: points === null ? pick(['pass', 'fail', 'unknown'] as const) : points >= 60 ? 'pass' : 'fail',
    techSmePoints: points,
    tracks:
      rand() < 0.03
        ? []
        : some(
            TRACKS.map((t) => t.code),
            3,
          ),
    regionCode: maybe(pick(REGIONS), 0.05),
    amountSought: maybe(Math.floor(rand() * 20_000) * WAN, 0.05),
    instruments: some(INSTRUMENTS, 2),
    trl: maybe(1 + Math.floor(rand() * 9)),
    keywords: some(KEYWORDS, 4),
  };
}

export function syntheticCohort(n: number, seed: number): ProjectFeatures[] {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => syntheticProject(rand, i));
}

export const SYNTHETIC_MANDATES: readonly Mandate[] = [
  KECHUANG_DIRECT,
  IP_PLEDGE_LOAN,
  WEIFANG_GUIDANCE,
  OPEN_HARD_TECH,
  {
    id: 'm-synthetic-broad',
    version: 1,
    instruments: [],
    stages: [],
    ticketMin: 0,
    ticketMax: 20_000 * WAN,
    tracks: ['integrated_circuits', 'artificial_intelligence', 'robotics', 'quantum', 'biomedicine'],
    regions: [],
    preferredRegions: ['32', '3707'],
    requiredQualifications: [],
    exclusions: { keywords: ['新茶饮'], tracks: ['consumer'], startupIds: ['s-7', 's-100'] },
    thesisKeywords: ['大模型', '具身智能', '晶圆', '储能'],
    weights: { early: 1, small: 1, hardTech: 1, innovation: 1, fit: 2 } satisfies CriterionWeights,
  },
];
