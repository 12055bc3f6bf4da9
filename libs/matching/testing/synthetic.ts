/**
 * Seeded synthetic projects and mandates — the one generator behind the equivalence tests and the
 * deal-flow bench, so both rank the same kind of data. mulberry32 keeps it deterministic (no
 * Math.random): a seed always gives the same cohort, on every machine.
 *
 * Not part of the engine's runtime: `index.ts` does not export it.
 */
import { INSTRUMENTS, QUALIFICATION_KINDS, STAGES, TRACKS } from '@app/reference';
import type { CriterionWeights, Mandate, ProjectFeatures, SizeClass } from '../src/engine';

const YUAN = 100;
/** 万元 in 分. */
export const WAN = 10_000 * YUAN;

/** Every figure unknown: fixtures spread it and set what they know. */
export const EMPTY_FEATURES: Omit<ProjectFeatures, 'projectId' | 'startupId'> = {
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

/**
 * One project. A plain object literal on purpose, not `{ ...EMPTY_FEATURES, … }`: spread-built objects
 * keep the extra fields out of line, and at 100k projects that made the snapshot build 2.3× and the
 * naive ranking 2× slower — an artefact of the generator, not of the code under test.
 */
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
    techSmeNextBands: [],
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

const REGION_PREFIXES = ['32', '37', '3707', '3205', '320214', '340104', '31', '44'];

/**
 * A random but valid mandate: each restriction is present or absent at random, weights are small
 * integers (sometimes a single criterion, which makes many scores tie — the hard case for the heap,
 * the bounds and the cursor).
 */
export function syntheticMandate(rand: () => number, i: number): Mandate {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const some = <T>(list: readonly T[], max: number): T[] => {
    const n = 1 + Math.floor(rand() * max);
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };
  const maybe = <T>(p: number, value: () => T): T | undefined => (rand() < p ? value() : undefined);
  const ticketMin = Math.floor(rand() * 5_000) * WAN;
  const single = rand() < 0.2;
  const weights: CriterionWeights = single
    ? {
        early: 0,
        small: 0,
        hardTech: 0,
        innovation: 0,
        fit: 0,
        [pick(['early', 'small', 'hardTech', 'innovation', 'fit'] as const)]: 1,
      }
    : {
        early: Math.floor(rand() * 4),
        small: Math.floor(rand() * 4),
        hardTech: Math.floor(rand() * 4),
        innovation: Math.floor(rand() * 4),
        fit: 1 + Math.floor(rand() * 3),
      };
  return {
    id: `m-synthetic-${i}`,
    version: 1 + Math.floor(rand() * 5),
    instruments: rand() < 0.5 ? [] : some(INSTRUMENTS, 3),
    stages: rand() < 0.5 ? [] : some(STAGES, 5),
    ticketMin,
    ticketMax: ticketMin + Math.floor(rand() * 20_000) * WAN,
    tracks:
      rand() < 0.6
        ? []
        : some(
            TRACKS.map((t) => t.code),
            8,
          ),
    regions: rand() < 0.8 ? [] : some(REGION_PREFIXES, 3),
    preferredRegions: maybe(0.4, () => some(REGION_PREFIXES, 2)),
    requiredQualifications: rand() < 0.85 ? [] : some(QUALIFICATION_KINDS, 1),
    minRdIntensityBp: maybe(0.2, () => Math.floor(rand() * 800)),
    minClassIIp: maybe(0.15, () => Math.floor(rand() * 6)),
    minTechStaffShareBp: maybe(0.1, () => Math.floor(rand() * 4000)),
    minTrl: maybe(0.1, () => 1 + Math.floor(rand() * 8)),
    minPledgeableInventionPatents: maybe(0.1, () => Math.floor(rand() * 6)),
    maxCompanyAgeYears: maybe(0.2, () => 1 + Math.floor(rand() * 12)),
    exclusions: maybe(0.3, () => ({
      keywords: rand() < 0.5 ? [] : some(KEYWORDS, 2),
      tracks:
        rand() < 0.5
          ? []
          : some(
              TRACKS.map((t) => t.code),
              2,
            ),
      startupIds:
        rand() < 0.5 ? [] : Array.from({ length: 1 + Math.floor(rand() * 3) }, () => `s-${Math.floor(rand() * 1_000)}`),
    })),
    thesisKeywords: maybe(0.6, () => some(KEYWORDS, 5)),
    weights,
  };
}
