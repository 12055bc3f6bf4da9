/**
 * Profile rows → the engine's `ProjectFeatures`. The qualification engine decides everything it
 * has a rubric for (SME size class, 科技型中小企业 verdict, points and next bands, the ceilings), so
 * matching and the company's own qualification report can never disagree.
 */
import { isRegionCode, Qualification } from '@app/reference';
import { shanghaiDate, toCompanyFacts, type ProjectFeatureRows } from '@app/startups';
import { MAX_KEYWORDS, type ProjectFeatures, type SizeClass, type TechSmeBandGap } from '../engine';

/** The rows a project's features are computed from (startups' ProjectDirectory reads them). */
export type FeatureRows = ProjectFeatureRows;

const INDICATOR_KEYS: Record<string, string> = {
  rd_intensity: 'rdIntensity',
  ip: 'ip',
  tech_staff_share: 'techStaffShare',
};
const CEILINGS = ['headcount_ceiling', 'revenue_ceiling', 'total_assets_ceiling'];
const bp = (num: number | null | undefined, den: number | null | undefined) =>
  num === null || num === undefined || !den ? null : Math.floor((num * 10_000) / den);

/** Whole years between two ISO dates, with one decimal (a company founded 18 months ago is 1.5). */
export function yearsBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.max(0, Math.floor((ms / (365.25 * 24 * 3600 * 1000)) * 10) / 10);
}

export function projectFeatures(rows: FeatureRows, now: Date): ProjectFeatures {
  const { project, startup } = rows;
  const asOf = shanghaiDate(now);
  const facts = toCompanyFacts(startup, rows.fiscalYears, rows.ipItems, rows.qualifications, asOf);
  // Only the two rubrics the criteria read: SME size and 科技型中小企业.
  let report: {
    smeSize: ReturnType<typeof Qualification.evaluateSmeSize>;
    techSme: ReturnType<typeof Qualification.evaluateTechSme>;
  } | null = null;
  let fiscalYear: number | null = null;
  try {
    const techSme = Qualification.evaluateTechSme(facts);
    report = { smeSize: Qualification.evaluateSmeSize(facts), techSme };
    fiscalYear = techSme.fiscalYear;
  } catch (error) {
    // Contradictory figures are the company's to fix; the project still ranks, on what is known.
    if (!(error instanceof Qualification.QualificationInputError)) throw error;
  }
  const year = fiscalYear;
  const fy = rows.fiscalYears.find((f) => f.year === year) ?? null;
  const previous = rows.fiscalYears.find((f) => year !== null && f.year === year - 1) ?? null;
  const validIp = rows.ipItems.filter((i) => i.status === 'valid');
  // No IP listed counts as zero once the company has filed figures; before that it is unknown.
  const ipKnown = rows.ipItems.length > 0 || fy !== null;
  const classCount = (c: 'I' | 'II') =>
    rows.ipItems.filter((i) => i.status !== 'expired' && Qualification.ipClassOf(i.type) === c).length;
  const heldNow = rows.qualifications
    .filter((q) => (!q.validFrom || q.validFrom <= asOf) && (!q.validUntil || q.validUntil >= asOf))
    .map((q) => q.kind);

  const techSme = report?.techSme;
  const ceilings = techSme?.conditions.filter((c) => CEILINGS.includes(c.key)) ?? [];
  const withinCeiling =
    ceilings.length === 0
      ? null
      : ceilings.some((c) => c.met === false)
        ? false
        : ceilings.every((c) => c.met === true)
          ? true
          : null;
  const nextBands: TechSmeBandGap[] = (techSme?.indicators ?? [])
    .filter((i) => i.nextBand && INDICATOR_KEYS[i.key])
    .map((i) => ({
      indicator: INDICATOR_KEYS[i.key],
      labelZh: i.label,
      labelEn: i.labelEn,
      threshold: i.nextBand!.threshold,
      unit: i.nextBand!.unit === 'count' ? 'count' : 'percent',
      delta: i.nextBand!.delta,
      pointsGained: i.nextBand!.pointsGained,
      flipsVerdict: i.nextBand!.flipsVerdict,
    }));
  const newEquity = rows.fiscalYears
    .filter((f) => year !== null && f.year > year - 2 && f.year <= year && f.newEquityRaised !== null)
    .reduce<number | null>((s, f) => (s ?? 0) + (f.newEquityRaised ?? 0), null);

  return {
    projectId: project.id,
    startupId: startup.id,
    stage: project.stage,
    companyAgeYears: startup.foundedOn ? yearsBetween(startup.foundedOn, asOf) : null,
    priorRounds: startup.priorRounds,
    universitySpinOut: startup.universitySpinOut,
    fromPocCenter: startup.fromPocCenter,
    sizeClass: (report?.smeSize.sizeClass ?? 'unknown') as SizeClass,
    isSme: report?.smeSize.isSme ?? null,
    withinTechSmeCeiling: withinCeiling,
    headcount: fy?.headcount ?? null,
    revenue: fy?.revenue ?? null,
    rdSpend: fy?.rdSpend ?? null,
    rdIntensityBp: bp(fy?.rdSpend, fy?.revenue),
    rdStaff: fy?.rdStaff ?? null,
    techStaffShareBp: bp(fy?.techStaff, fy?.headcount),
    ipClassI: ipKnown ? classCount('I') : null,
    ipClassII: ipKnown ? classCount('II') : null,
    pledgeableInventionPatents: ipKnown ? validIp.filter((i) => i.type === 'invention_patent').length : null,
    highTechRevenue: fy?.highTechRevenue ?? null,
    revenueGrowthBp:
      fy?.revenue != null && previous?.revenue
        ? Math.floor(((fy.revenue - previous.revenue) * 10_000) / previous.revenue)
        : null,
    newEquityRaised: newEquity,
    qualifications: [...new Set(heldNow)],
    techSmeVerdict: techSme?.verdict ?? 'unknown',
    techSmePoints: techSme?.totalPoints ?? null,
    techSmeNextBands: nextBands,
    tracks: [...startup.tracks],
    regionCode: isRegionCode(startup.regionCode) ? startup.regionCode : null,
    amountSought: project.amountSought,
    instruments: [...project.instruments],
    trl: project.trl,
    keywords: [...new Set(project.keywords.map((k) => k.trim().toLowerCase()).filter(Boolean))].slice(0, MAX_KEYWORDS),
  };
}
