import type { EntityManager } from 'typeorm';
import { type DomainEvent, flushEvents } from '@app/platform';
import type { DemoCompany } from './types';

/**
 * Writes generated companies with multi-row INSERTs — a handful of statements per batch instead of
 * one per row, which is what makes 100 000 projects a matter of seconds. The caller owns the
 * transaction: everything passed in one call commits (with its outbox events) or nothing does.
 */

/** Postgres accepts at most 65 535 bind parameters per statement. */
const MAX_PARAMS = 65_000;
const EVENTS_PER_FLUSH = 10_000;

export interface WriteCounts {
  startups: number;
  fiscalYears: number;
  ipItems: number;
  qualifications: number;
  projects: number;
  outboxEvents: number;
}

export const emptyCounts = (): WriteCounts => ({
  startups: 0,
  fiscalYears: 0,
  ipItems: 0,
  qualifications: 0,
  projects: 0,
  outboxEvents: 0,
});

export function addCounts(into: WriteCounts, more: WriteCounts): WriteCounts {
  for (const k of Object.keys(into) as (keyof WriteCounts)[]) into[k] += more[k];
  return into;
}

/**
 * INSERT … VALUES (…), (…) in as few statements as the parameter limit allows. Values are bound, never
 * interpolated; Postgres coerces them to the target columns' types (text[] and jsonb included).
 */
async function insertRows(
  em: EntityManager,
  table: string,
  columns: readonly string[],
  rows: unknown[][],
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const slice = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const tuples = slice.map((row) => {
      const base = params.length;
      params.push(...row);
      return `(${row.map((_, i) => `$${base + i + 1}`).join(',')})`;
    });
    await em.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(',')}`, params);
  }
}

/**
 * Inserts the companies, their fiscal years, IP, qualifications and projects, and one outbox event
 * per startup and project (search and matching build from those events). `ownerId` maps a company's
 * owner key to an organization id.
 */
export async function insertCompanies(
  em: EntityManager,
  companies: readonly DemoCompany[],
  ownerId: (ownerKey: string) => string,
  options: { events?: boolean } = {},
): Promise<WriteCounts> {
  const counts = emptyCounts();
  if (companies.length === 0) return counts;
  const startups: unknown[][] = [];
  const fiscal: unknown[][] = [];
  const ip: unknown[][] = [];
  const quals: unknown[][] = [];
  const projects: unknown[][] = [];
  const events: DomainEvent[] = [];

  for (const { startup: s, projects: ps } of companies) {
    const org = ownerId(s.ownerKey);
    startups.push([
      s.id,
      org,
      s.legalName,
      s.creditCode,
      s.foundedOn,
      s.regionCode,
      s.industry,
      s.tracks,
      s.universitySpinOut,
      s.fromPocCenter,
      s.priorRounds,
      s.yearsInNiche,
      s.website,
      s.oneLiner,
      s.createdAt,
      s.createdAt,
      1,
    ]);
    for (const f of s.fiscalYears) {
      fiscal.push([
        s.id,
        f.year,
        f.headcount,
        f.techStaff,
        f.rdStaff,
        f.revenue,
        f.mainBusinessRevenue,
        f.highTechRevenue,
        f.totalCosts,
        f.rdSpend,
        f.rdSpendInChina,
        f.totalAssets,
        f.liabilities,
        f.newEquityRaised,
      ]);
    }
    for (const i of s.ipItems) ip.push([s.id, i.type, i.number, i.title, i.status, i.tiedToMainProduct, i.grantedOn]);
    for (const q of s.qualifications) quals.push([s.id, q.kind, q.certificateNumber, q.validFrom, q.validUntil]);
    events.push({ type: 'startups.startup_changed', startupId: s.id, organizationId: org });
    for (const p of ps) {
      const touched = [p.createdAt, p.publishedAt, p.archivedAt]
        .filter((t): t is string => t !== null)
        .sort()
        .pop()!;
      projects.push([
        p.id,
        p.startupId,
        org,
        p.title,
        p.kind,
        p.stage,
        p.amountSought,
        p.instruments,
        p.useOfFunds,
        JSON.stringify(p.pitch),
        p.keywords,
        p.trl,
        p.status,
        p.publishedAt,
        p.archivedAt,
        p.createdAt,
        touched,
        1,
      ]);
      events.push({ type: 'startups.project_changed', projectId: p.id, startupId: p.startupId, status: p.status });
    }
  }

  await insertRows(
    em,
    'startups',
    [
      'id',
      'organization_id',
      'legal_name',
      'credit_code',
      'founded_on',
      'region_code',
      'industry',
      'tracks',
      'university_spin_out',
      'from_poc_center',
      'prior_rounds',
      'years_in_niche',
      'website',
      'one_liner',
      'created_at',
      'updated_at',
      'version',
    ],
    startups,
  );
  await insertRows(
    em,
    'startup_fiscal_years',
    [
      'startup_id',
      'year',
      'headcount',
      'tech_staff',
      'rd_staff',
      'revenue',
      'main_business_revenue',
      'high_tech_revenue',
      'total_costs',
      'rd_spend',
      'rd_spend_in_china',
      'total_assets',
      'liabilities',
      'new_equity_raised',
    ],
    fiscal,
  );
  await insertRows(
    em,
    'startup_ip_items',
    ['startup_id', 'type', 'number', 'title', 'status', 'tied_to_main_product', 'granted_on'],
    ip,
  );
  await insertRows(
    em,
    'startup_qualifications',
    ['startup_id', 'kind', 'certificate_number', 'valid_from', 'valid_until'],
    quals,
  );
  await insertRows(
    em,
    'projects',
    [
      'id',
      'startup_id',
      'organization_id',
      'title',
      'kind',
      'stage',
      'amount_sought',
      'instruments',
      'use_of_funds',
      'pitch',
      'keywords',
      'trl',
      'status',
      'published_at',
      'archived_at',
      'created_at',
      'updated_at',
      'version',
    ],
    projects,
  );
  if (options.events !== false) {
    // flushEvents writes one INSERT for all it is given (3 parameters per event): keep under the limit.
    for (let i = 0; i < events.length; i += EVENTS_PER_FLUSH)
      await flushEvents(em, events.slice(i, i + EVENTS_PER_FLUSH));
  }

  counts.startups = startups.length;
  counts.fiscalYears = fiscal.length;
  counts.ipItems = ip.length;
  counts.qualifications = quals.length;
  counts.projects = projects.length;
  counts.outboxEvents = options.events !== false ? events.length : 0;
  return counts;
}
