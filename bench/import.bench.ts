// Company import: ImportService dry run and commit (the worker's runJob) of an .xlsx, vs. plain multi-row INSERTs of the same rows.
//   npm run bench -- import [--rows 100000] [--small 10000] [--reps 2]
// Needs the local Postgres (DATABASE_ADMIN_URL, default postgres://postgres@127.0.0.1:5432/postgres). Works in a
// scratch database and a temporary directory, both removed when it ends, also on Ctrl-C. Every measured run is a
// child process of its own, so its peak RSS and heap belong to that run alone.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Logger } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, runInTransaction, systemClock } from '@app/platform';
import { INDUSTRIES, TRACKS } from '@app/reference';
import { IMPORT_COLUMNS, IMPORT_MAX_BYTES, ImportJobEntity, ImportService, LocalDiskStorage } from '@app/startups';
import { ENTITIES } from '@app/db';
import { generateBenchmarkCohort } from '@app/db/seeds/seed-large';
// The template's columns are not part of the lib's index; the headers must be exactly these.

import { intArg, log, machineInfo, printResult, ratio } from './lib/measure';

const args = process.argv.slice(2);
const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function databaseUrl(name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Mirrors import-columns.ts: the field behind each zh-CN header and how a row carries it. */
interface BenchRow {
  legalName: string;
  creditCode: string;
  foundedOn: string | null;
  regionCode: string;
  industry: string | null;
  tracks: string[];
  universitySpinOut: boolean;
  website: string | null;
  oneLiner: string | null;
  year: number;
  fiscal: Record<string, number | null>;
}

type Phase = 'dry' | 'commit' | 'baseline';

interface RunResult {
  phase: Phase;
  rows: number;
  ms: number;
  rssBeforeMb: number;
  heapBeforeMb: number;
  peakRssMb: number;
  peakHeapMb: number;
  /** process.resourceUsage().maxRSS: the kernel's peak, which 50 ms sampling can miss. */
  maxRssMb: number;
  check: Record<string, unknown>;
}

const mb = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));
const RESULT_MARK = '@@import-bench-result ';

// =================================================================================================
// Child: one measured run (dry run, commit through runJob, or the INSERT floor) in a fresh process.
// =================================================================================================

async function child(): Promise<void> {
  const get = (name: string) => {
    const i = args.indexOf(`--${name}`);
    if (i < 0) throw new Error(`child needs --${name}`);
    return args[i + 1];
  };
  const phase = get('child') as Phase;
  const db = get('db');
  const file = get('file');
  const actor = { organizationId: get('org'), userId: get('user') };
  Logger.overrideLogger(['error']); // Nest's logger writes to stdout, which carries the result.

  const ds = await new DataSource(
    buildDataSourceOptions(db, ENTITIES, { poolSize: 2, applicationName: 'tourong-bench' }),
  ).initialize();
  const storageDir = mkdtempSync(join(tmpdir(), 'tourong-import-bench-storage-'));
  try {
    const storage = new LocalDiskStorage(storageDir);
    const service = new ImportService(
      ds,
      { run: (work: never) => runInTransaction(ds, work) } as never,
      storage,
      systemClock,
    );
    // Setup outside the measured span: what the API has already done when the worker picks the job up.
    const body = readFileSync(file);
    const prepared = phase === 'baseline' ? (JSON.parse(readFileSync(get('rows-json'), 'utf8')) as BenchRow[]) : [];
    let jobId = '';
    if (phase === 'commit') {
      const key = `imports/${actor.organizationId}/${randomUUID()}.xlsx`;
      await storage.put(key, body);
      const job = await ds.getRepository(ImportJobEntity).save(
        ds.getRepository(ImportJobEntity).create({
          organizationId: actor.organizationId,
          requestedByUserId: actor.userId,
          fileKey: key,
          format: 'xlsx',
          fileName: 'bench.xlsx',
          totalRows: Number(get('rows')),
        }),
      );
      jobId = job.id;
    }

    // A clean heap before the run, so "before" is the process at rest with the file loaded.
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 50);

    const t0 = performance.now();
    let check: Record<string, unknown> = {};
    if (phase === 'dry') {
      // As the API does (the upload is a buffer, ≤ 20 MB); a bigger file is streamed from disk, as the worker reads it.
      const { report } = await service.dryRun(
        actor,
        body.length <= IMPORT_MAX_BYTES ? body : async () => createReadStream(file),
      );
      check = {
        totalRows: report.totalRows,
        validRows: report.validRows,
        companies: report.companies,
        errors: report.errors.length,
      };
    } else if (phase === 'commit') {
      const job = await service.runJob(jobId, async () => undefined);
      check = {
        status: job.status,
        processedRows: job.processedRows,
        startupsUpserted: job.startupsUpserted,
        failure: job.failureReason,
      };
    } else {
      await insertFloor(ds, actor.organizationId, prepared);
    }
    const ms = performance.now() - t0;
    clearInterval(sampler);
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);

    if (phase !== 'dry') {
      const [counts] = await ds.query(
        `SELECT (SELECT count(*)::int FROM startups) AS startups, (SELECT count(*)::int FROM startup_fiscal_years) AS "fiscalYears",
                (SELECT count(*)::int FROM outbox_events) AS "outboxEvents"`,
      );
      check = { ...check, ...counts };
    }
    const result: RunResult = {
      phase,
      rows: Number(get('rows')),
      ms: Number(ms.toFixed(1)),
      rssBeforeMb: mb(before.rss),
      heapBeforeMb: mb(before.heapUsed),
      peakRssMb: mb(peakRss),
      peakHeapMb: mb(peakHeap),
      maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
      check,
    };
    process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`);
  } finally {
    await ds.destroy();
    rmSync(storageDir, { recursive: true, force: true });
  }
}

/**
 * The floor: the same rows, already parsed, written 500 per transaction like ImportService does —
 * one multi-row INSERT into startups (RETURNING the ids; ON CONFLICT only because a company's second
 * year may land in the next chunk) and one into startup_fiscal_years. No file, no validation, no
 * ownership check, no outbox events, no progress updates.
 */
async function insertFloor(ds: DataSource, organizationId: string, rows: BenchRow[]): Promise<void> {
  const fiscalKeys = Object.keys(rows[0].fiscal);
  const fiscalCols = fiscalKeys.map((k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await ds.transaction(async (em) => {
      const companies = [...new Map(chunk.map((r) => [r.creditCode, r])).values()];
      const sv: unknown[] = [];
      const st = companies.map((r) => {
        const b = sv.length;
        sv.push(
          organizationId,
          r.legalName,
          r.creditCode,
          r.foundedOn,
          r.regionCode,
          r.industry,
          r.tracks,
          r.universitySpinOut,
          r.website,
          r.oneLiner,
        );
        return `(${Array.from({ length: 10 }, (_, j) => `$${b + j + 1}`).join(',')}, 1)`;
      });
      const ids: { id: string; credit_code: string }[] = await em.query(
        `INSERT INTO startups (organization_id, legal_name, credit_code, founded_on, region_code, industry, tracks,
           university_spin_out, website, one_liner, version) VALUES ${st.join(',')}
         ON CONFLICT (credit_code) WHERE credit_code IS NOT NULL DO UPDATE SET legal_name = EXCLUDED.legal_name
         RETURNING id, credit_code`,
        sv,
      );
      const idOf = new Map(ids.map((r) => [r.credit_code, r.id]));
      const fv: unknown[] = [];
      const ft = chunk.map((r) => {
        const b = fv.length;
        fv.push(idOf.get(r.creditCode), r.year, ...fiscalKeys.map((k) => r.fiscal[k]));
        return `(${Array.from({ length: fiscalKeys.length + 2 }, (_, j) => `$${b + j + 1}`).join(',')})`;
      });
      await em.query(
        `INSERT INTO startup_fiscal_years (startup_id, year, ${fiscalCols.join(', ')}) VALUES ${ft.join(',')}`,
        fv,
      );
    });
  }
}

// =================================================================================================
// Parent: scratch database, the workbooks, and the runs in interleaved order.
// =================================================================================================

const ROWS = intArg(args, 'rows', 100_000);
const SMALL = intArg(args, 'small', 10_000);
const REPS = intArg(args, 'reps', 2);
const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const dbName = `tourong_bench_${runId}`;
let workDir: string | undefined;
let cleaned: Promise<void> | undefined;
let interrupted = false;

async function admin<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl, application_name: 'tourong-bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function cleanUp(): Promise<void> {
  cleaned ??= (async () => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch((err: Error) =>
      log(`could not drop ${dbName}: ${err.message}`),
    );
  })();
  return cleaned;
}

/** Company-years from the benchmark cohort generator, as an organizer's registry export would list them. */
function benchRows(count: number): BenchRow[] {
  const out: BenchRow[] = [];
  for (const { startup: s } of generateBenchmarkCohort(count * 2, 7)) {
    for (const f of s.fiscalYears) {
      const { year, ...fiscal } = f;
      out.push({
        legalName: s.legalName,
        creditCode: s.creditCode,
        foundedOn: s.foundedOn,
        regionCode: s.regionCode,
        industry: s.industry,
        tracks: s.tracks,
        universitySpinOut: s.universitySpinOut,
        website: s.website,
        oneLiner: s.oneLiner,
        year,
        fiscal,
      });
      if (out.length === count) return out;
    }
  }
  throw new Error(`the cohort ran out before ${count} rows`);
}

const INDUSTRY_ZH = new Map(INDUSTRIES.map((i) => [i.key, i.zh]));
const TRACK_ZH = new Map(TRACKS.map((t) => [t.code, t.zh]));

/** The .xlsx an organizer would upload: zh-CN headers, money in 元, streamed to disk with shared strings like Excel writes. */
async function writeWorkbook(path: string, rows: BenchRow[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('企业年度数据');
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.header)).commit();
  for (const r of rows) {
    const cell = (key: string): string | number | null => {
      switch (key) {
        case 'industry':
          return r.industry ? INDUSTRY_ZH.get(r.industry)! : null;
        case 'tracks':
          return r.tracks.map((t) => TRACK_ZH.get(t)!).join('、');
        case 'universitySpinOut':
          return r.universitySpinOut ? '是' : '否';
        case 'year':
          return r.year;
        default: {
          if (key in r.fiscal) {
            const v = r.fiscal[key];
            // Counts as integers, money in 元 (分 ÷ 100): what a finance export contains.
            return v === null ? null : ['headcount', 'techStaff', 'rdStaff'].includes(key) ? v : v / 100;
          }
          return (r as unknown as Record<string, string | null>)[key];
        }
      }
    };
    sheet.addRow(IMPORT_COLUMNS.map((c) => cell(c.key))).commit();
  }
  sheet.commit();
  await workbook.commit();
}

function runChild(phase: Phase, params: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const flags = Object.entries({ child: phase, ...params }).flatMap(([k, v]) => [`--${k}`, v]);
    const proc = spawn(process.execPath, [...process.execArgv, __filename, ...flags], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: process.env,
    });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT_MARK));
      if (code !== 0 || !line) return reject(new Error(`${phase} run exited with ${code}: ${out.slice(-2000)}`));
      resolve(JSON.parse(line.slice(RESULT_MARK.length)) as RunResult);
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function summarizeRuns(runs: RunResult[]) {
  const ms = median(runs.map((r) => r.ms));
  const worst = runs.reduce((a, b) => (b.peakRssMb > a.peakRssMb ? b : a));
  return {
    ms: Number(ms.toFixed(1)),
    rowsPerSecond: Math.round(runs[0].rows / (ms / 1000)),
    runsMs: runs.map((r) => r.ms),
    memory: {
      rssBeforeMb: worst.rssBeforeMb,
      peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
      maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)),
      heapBeforeMb: worst.heapBeforeMb,
      peakHeapMb: Math.max(...runs.map((r) => r.peakHeapMb)),
      heapGrowthMb: Number(Math.max(...runs.map((r) => r.peakHeapMb - r.heapBeforeMb)).toFixed(1)),
      rssGrowthMb: Number(Math.max(...runs.map((r) => r.peakRssMb - r.rssBeforeMb)).toFixed(1)),
    },
  };
}

async function main(): Promise<void> {
  log(`import bench: scratch database ${dbName}, ${ROWS} and ${SMALL} rows, ${REPS} runs each`);
  await admin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  const url = databaseUrl(dbName);
  const ds = await new DataSource(
    buildDataSourceOptions(url, ENTITIES, { poolSize: 2, applicationName: 'tourong-bench' }),
  ).initialize();
  let pg: Record<string, string>;
  let org: string;
  let user: string;
  try {
    await ds.runMigrations({ transaction: 'each' });
    [pg] = await ds.query(
      "SELECT current_setting('server_version') AS version, current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit",
    );
    [{ id: org }] = await ds.query(
      "INSERT INTO organizations (kind, organizer_type, name, region_code) VALUES ('organizer', 'government_agency', 'Import bench', '320211') RETURNING id",
    );
    [{ id: user }] = await ds.query(
      "INSERT INTO users (email, email_normalized, display_name, password_hash) VALUES ('bench@import.bench', 'bench@import.bench', 'bench', 'x') RETURNING id",
    );
  } finally {
    await ds.destroy();
  }

  workDir = mkdtempSync(join(tmpdir(), 'tourong-import-bench-'));
  const rows = benchRows(ROWS);
  const sizes = [...new Set([SMALL, ROWS])].sort((a, b) => a - b);
  const files: Record<number, { xlsx: string; json: string; bytes: number; companies: number }> = {};
  for (const n of sizes) {
    const slice = rows.slice(0, n);
    const xlsx = join(workDir, `companies-${n}.xlsx`);
    const json = join(workDir, `companies-${n}.json`);
    await writeWorkbook(xlsx, slice);
    writeFileSync(json, JSON.stringify(slice));
    files[n] = { xlsx, json, bytes: statSync(xlsx).size, companies: new Set(slice.map((r) => r.creditCode)).size };
    log(`workbook of ${n} rows (${files[n].companies} companies): ${(files[n].bytes / 1024).toFixed(0)} KiB`);
  }

  /** Every write run starts from empty tables, so commit and floor insert the same rows into the same state. */
  const reset = async () => {
    const client = new Client({ connectionString: url, application_name: 'tourong-bench' });
    await client.connect();
    try {
      await client.query('TRUNCATE startups, startup_fiscal_years, outbox_events, import_jobs CASCADE');
      await client.query('VACUUM ANALYZE startups, startup_fiscal_years, outbox_events');
    } finally {
      await client.end();
    }
  };

  const results: Record<number, Record<Phase, RunResult[]>> = {};
  for (const n of sizes) {
    results[n] = { dry: [], commit: [], baseline: [] };
    const params = { db: url, file: files[n].xlsx, 'rows-json': files[n].json, org, user, rows: String(n) };
    for (let rep = 0; rep < REPS; rep++) {
      log(`${n} rows, run ${rep + 1}/${REPS}: dry run …`);
      results[n].dry.push(await runChild('dry', params));
      // Interleaved B C / C B so drift (autovacuum, checkpoints, cache) lands on both sides alike.
      const order: Phase[] = rep % 2 === 0 ? ['baseline', 'commit'] : ['commit', 'baseline'];
      for (const phase of order) {
        await reset();
        log(`${n} rows, run ${rep + 1}/${REPS}: ${phase} …`);
        results[n][phase].push(await runChild(phase, params));
      }
    }
    // A figure is only worth printing if the work was really done, exactly.
    for (const r of results[n].dry) {
      if (r.check.validRows !== n || r.check.errors !== 0)
        throw new Error(`dry run did not accept every row: ${JSON.stringify(r.check)}`);
    }
    for (const r of [...results[n].commit, ...results[n].baseline]) {
      const ok =
        r.check.startups === files[n].companies &&
        r.check.fiscalYears === n &&
        (r.phase === 'baseline' || r.check.status === 'succeeded');
      if (!ok) throw new Error(`${r.phase} of ${n} rows did not write every row once: ${JSON.stringify(r.check)}`);
    }
  }
  await reset();

  const fig = (n: number) => ({
    rows: n,
    companies: files[n].companies,
    fileBytes: files[n].bytes,
    dryRun: summarizeRuns(results[n].dry),
    commit: { ...summarizeRuns(results[n].commit), outboxEvents: results[n].commit[0].check.outboxEvents },
  });
  const big = fig(ROWS);
  const small = fig(SMALL);
  const floorBig = summarizeRuns(results[ROWS].baseline);
  const floorSmall = summarizeRuns(results[SMALL].baseline);
  const growth = (a: number, b: number) => ratio(Math.max(a, 0.1), Math.max(b, 0.1));

  printResult({
    name: 'import',
    machine: machineInfo(),
    params: { rows: ROWS, smallRows: SMALL, runsEach: REPS, chunkRows: 500, sampleEveryMs: 50, postgres: pg! },
    figures: {
      [`rows${ROWS}`]: { ...big, commitUnderOneMinute: big.commit.ms < 60_000 },
      [`rows${SMALL}`]: small,
      memoryScaling: {
        rowsRatio: ratio(ROWS, SMALL),
        fileBytesRatio: ratio(big.fileBytes, small.fileBytes),
        dryRunHeapGrowthRatio: growth(big.dryRun.memory.heapGrowthMb, small.dryRun.memory.heapGrowthMb),
        commitHeapGrowthRatio: growth(big.commit.memory.heapGrowthMb, small.commit.memory.heapGrowthMb),
        commitPeakRssRatio: ratio(big.commit.memory.peakRssMb, small.commit.memory.peakRssMb),
        dryRunPeakRssRatio: ratio(big.dryRun.memory.peakRssMb, small.dryRun.memory.peakRssMb),
        commitHeapGrowthPerFileByte: ratio(big.commit.memory.heapGrowthMb * 1024 * 1024, big.fileBytes),
      },
    },
    targets: {
      // Issue 12: imports run in bounded memory — the big file's peak RSS next to the small one's, near 1×.
      boundedMemory: {
        target: `peak RSS of ${ROWS} rows ≤ 1.25 × that of ${SMALL} rows, for the dry run and the commit`,
        dryRunPeakRssRatio: ratio(big.dryRun.memory.peakRssMb, small.dryRun.memory.peakRssMb),
        commitPeakRssRatio: ratio(big.commit.memory.peakRssMb, small.commit.memory.peakRssMb),
        met:
          big.dryRun.memory.peakRssMb <= 1.25 * small.dryRun.memory.peakRssMb &&
          big.commit.memory.peakRssMb <= 1.25 * small.commit.memory.peakRssMb
            ? 'MET'
            : 'MISSED',
      },
    },
    baseline: {
      [`rows${ROWS}`]: { insertFloor: floorBig },
      [`rows${SMALL}`]: { insertFloor: floorSmall },
    },
    ratios: {
      [`commitVsFloor${ROWS}`]: ratio(big.commit.ms, floorBig.ms),
      [`commitVsFloor${SMALL}`]: ratio(small.commit.ms, floorSmall.ms),
      [`dryRunVsFloor${ROWS}`]: ratio(big.dryRun.ms, floorBig.ms),
      [`commitPeakRssVsFloor${ROWS}`]: ratio(big.commit.memory.peakRssMb, floorBig.memory.peakRssMb),
    },
    notes: [
      'rows are company-years from the benchmark cohort generator (1–2 years per company), written as an .xlsx with zh-CN headers (import-columns.ts), money in 元, shared strings',
      'dryRun: ImportService.dryRun on the file buffer as the API gets it (a file over the 20 MB upload limit is streamed from disk instead): streamed xlsx reader, parse + validate every cell (in a worker thread with a memory budget for files ≥ 1 MiB: both sizes here), duplicate and ownership checks (per 1 000 rows); no parsed rows kept; nothing written',
      'commit: ImportService.runJob on a stored file and an import_jobs row, exactly what the worker runs: a streamed validation pass, then a second streamed pass that parses and upserts 500 rows per transaction (one JSON parameter per statement) with outbox events and progress; both passes parse in a worker thread, the writes run in the calling thread; neither holds the file or its rows',
      'baseline (floor): the same rows pre-parsed, one multi-row INSERT into startups and one into startup_fiscal_years per 500 rows, one transaction each; no file, validation or events',
      'each run is its own child process (ts-node start-up excluded from the timing); memory = process.memoryUsage() sampled every 50 ms after a forced GC, plus the kernel maxRSS; RSS is the whole process, the parse thread included (heap figures are the calling thread\'s only)',
      'runs interleaved: dry, then baseline/commit alternating order per repetition, tables truncated before every write run; ms = median of the runs',
    ],
  });
}

if (args.includes('--child')) {
  child().catch((err: unknown) => {
    process.stderr.write(
      `import bench child failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  });
} else {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (cleaned) return;
      interrupted = true;
      log(`${signal}: cleaning up …`);
      void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
  main()
    .then(() => cleanUp())
    .catch(async (err: unknown) => {
      if (interrupted) return;
      log(`import bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      await cleanUp();
      process.exitCode = 1;
    });
}
