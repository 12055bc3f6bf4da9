// A large deterministic cohort for benchmarks: N projects, ≈ N/1.5 companies with fiscal years, IP and qualifications.
//   npm run seed:large -- --projects 100000 [--seed 1] [--chunk 2000] [--concurrency 2] [--no-events]
// Writes into DATABASE_URL (migrated), owned by the organization "Benchmark Cohort" (created if missing).
// Prints one JSON summary on stdout; progress goes to stderr. Re-running with the same seed adds nothing.
import 'reflect-metadata';
import { DataSource, type EntityManager } from 'typeorm';
import { buildDataSourceOptions } from '@app/platform';
import { type CohortOptions, generateCohort, startupCountFor } from './demo/generate';
import { CREDIT_CODE_ALPHABET, withCheckCharacter } from './demo/identifiers';
import type { DemoCompany } from './demo/types';
import { addCounts, emptyCounts, insertCompanies, type WriteCounts } from './demo/write';
import { ENTITIES } from '../schema/entities';

export const BENCHMARK_ORGANIZATION = {
  name: 'Benchmark Cohort',
  // 51 = a registered social organization; a fixed code makes "created if missing" a unique-key lookup.
  creditCode: withCheckCharacter('51320211MJ9B00001'),
  regionCode: '320211',
} as const;

/** The owner key the benchmark cohort's companies carry (mapped to the Benchmark Cohort organization). */
export const BENCHMARK_OWNER_KEY = 'benchmark-cohort';

/**
 * The cohort of one seed. Its credit codes use the organization-code prefix "L" + two characters of
 * the seed (961 distinct seeds) — the demo uses "MA…", so the two can share a database.
 */
export function benchmarkCohortOptions(seed = 1): CohortOptions {
  const a = CREDIT_CODE_ALPHABET;
  return {
    seed,
    namespace: `benchmark-${seed}`,
    codePrefix: `L${a[Math.floor(seed / 31) % 31]}${a[seed % 31]}`,
    owners: [{ key: BENCHMARK_OWNER_KEY, weight: 1 }],
    maxFiscalYears: 2,
  };
}

/**
 * The same companies the seed writes, in process and without a database — for benches that want to
 * score or rank a large cohort (e.g. the matching deal-flow bench). Lazy: one company at a time.
 */
export function generateBenchmarkCohort(projects: number, seed = 1): Generator<DemoCompany> {
  return generateCohort(benchmarkCohortOptions(seed), projects);
}

export interface SeedLargeOptions {
  projects: number;
  seed?: number;
  /** Companies per transaction. */
  chunk?: number;
  /** Chunks in flight: one is being generated (CPU) while another is being written (Postgres). */
  concurrency?: number;
  /** Write startup_changed / project_changed outbox events (default true). */
  events?: boolean;
  log?: (message: string) => void;
}

export interface SeedLargeSummary {
  organizationId: string;
  seed: number;
  requested: { projects: number; startups: number };
  written: WriteCounts;
  /** Companies of this seed that were already present (a re-run, or a resumed interrupted one). */
  alreadyPresent: number;
  chunks: number;
  /** Wall time; generate and write are summed over the concurrent chunks, so together they exceed total. */
  seconds: { total: number; generateSummed: number; writeSummed: number; analyze: number };
  rowsPerSecond: number;
}

export async function ensureBenchmarkOrganization(em: EntityManager): Promise<string> {
  const o = BENCHMARK_ORGANIZATION;
  // organizer kind: organizers may own company profiles (StartupAccess OWNER_KINDS).
  await em.query(
    `INSERT INTO organizations (kind, organizer_type, name, credit_code, region_code, verification_status, verified_at)
     VALUES ('organizer', 'incubator', $1, $2, $3, 'verified', now())
     ON CONFLICT (credit_code) WHERE credit_code IS NOT NULL DO NOTHING`,
    [o.name, o.creditCode, o.regionCode],
  );
  const [row] = await em.query('SELECT id FROM organizations WHERE credit_code = $1', [o.creditCode]);
  return row.id as string;
}

const seconds = (ms: number) => Number((ms / 1000).toFixed(2));

/** Writes the cohort chunk by chunk, one transaction per chunk; what a chunk already holds is skipped. */
export async function seedLarge(ds: DataSource, options: SeedLargeOptions): Promise<SeedLargeSummary> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const chunk = options.chunk ?? 2_000;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const log = options.log ?? (() => undefined);
  const opts = benchmarkCohortOptions(seed);
  const totalStartups = startupCountFor(options.projects);
  const chunks = Math.ceil(totalStartups / chunk);
  const organizationId = await ds.transaction((em) => ensureBenchmarkOrganization(em));

  const written = emptyCounts();
  let alreadyPresent = 0;
  let generateMs = 0;
  let writeMs = 0;
  let next = 0;
  let done = 0;

  const worker = async () => {
    while (next < chunks) {
      const c = next++;
      const t0 = performance.now();
      const companies = [...generateCohort(opts, options.projects, c * chunk, (c + 1) * chunk)];
      const t1 = performance.now();
      generateMs += t1 - t0;
      const counts = await ds.transaction(async (em) => {
        // By id, not by chunk: a run with another --chunk, or one cut short, resumes cleanly.
        const present: { id: string }[] = await em.query('SELECT id FROM startups WHERE id = ANY($1::uuid[])', [
          companies.map((x) => x.startup.id),
        ]);
        const skip = new Set(present.map((p) => p.id));
        alreadyPresent += skip.size;
        const fresh = skip.size ? companies.filter((x) => !skip.has(x.startup.id)) : companies;
        return insertCompanies(em, fresh, () => organizationId, { events: options.events !== false });
      });
      writeMs += performance.now() - t1;
      addCounts(written, counts);
      done++;
      if (done % 5 === 0 || done === chunks) {
        log(
          `${done}/${chunks} chunks, ${written.projects} projects written, ${seconds(performance.now() - started)} s`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks) }, worker));

  // Fresh statistics, so the benchmarks that read this cohort get the plans a real database would.
  const a0 = performance.now();
  await ds.query('ANALYZE startups, projects, startup_fiscal_years, startup_ip_items, startup_qualifications');
  const analyzeMs = performance.now() - a0;

  const totalMs = performance.now() - started;
  const rows = Object.values(written).reduce((s, n) => s + n, 0);
  return {
    organizationId,
    seed,
    requested: { projects: options.projects, startups: totalStartups },
    written,
    alreadyPresent,
    chunks,
    seconds: {
      total: seconds(totalMs),
      generateSummed: seconds(generateMs),
      writeSummed: seconds(writeMs),
      analyze: seconds(analyzeMs),
    },
    rowsPerSecond: Math.round(rows / (totalMs / 1000)),
  };
}

// --- command line --------------------------------------------------------------------------------

function intFlag(args: string[], name: string, fallback: number): number {
  const flag = `--${name}`;
  const i = args.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
  if (i < 0) return fallback;
  const raw = args[i].includes('=') ? args[i].slice(flag.length + 1) : args[i + 1];
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag} needs a positive integer (got ${raw})`);
  return value;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tourong';
  const concurrency = intFlag(args, 'concurrency', 2);
  const target = new URL(url);
  const log = (m: string) => process.stderr.write(`${m}\n`);
  log(`seed:large into ${target.host}${target.pathname}`);
  const ds = await new DataSource(
    buildDataSourceOptions(url, ENTITIES, { poolSize: concurrency + 1, applicationName: 'tourong-seed-large' }),
  ).initialize();
  try {
    const [{ migrated }] = await ds.query("SELECT to_regclass('public.projects') IS NOT NULL AS migrated");
    if (!migrated)
      throw new Error('the database has no projects table: run the migrations first (node scripts/migrate.js)');
    const summary = await seedLarge(ds, {
      projects: intFlag(args, 'projects', 100_000),
      seed: intFlag(args, 'seed', 1),
      chunk: intFlag(args, 'chunk', 2_000),
      concurrency,
      events: !args.includes('--no-events'),
      log,
    });
    process.stdout.write(`${JSON.stringify({ database: target.pathname.slice(1), ...summary }, null, 2)}\n`);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`seed:large failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
