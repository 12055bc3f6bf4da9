import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, CLOCK, DomainEvent, flushEvents, UnitOfWork } from '@app/platform';
import { checkCharacter } from '@app/identity';
import { ImportJobEntity } from '../entities/import-job.entity';
import { startupsError } from '../startups.errors';
import { Storage, STORAGE } from '../storage/storage';
import { FISCAL_KEYS, IMPORT_COLUMNS } from './import-columns';
import { CompactKeySet } from './compact-key-set';
import { bufferSource, detectFormat, ImportFormat, ImportSource } from './import-reader';
import { CellError, ImportRow, missingHeaders } from './parse-import-row';
import { parseInWorker } from './parse-in-worker';
import { ParsedItem, parseRows } from './parse-rows';

export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** Above this many rows a commit runs in the worker, with progress. */
export const IMPORT_SYNC_MAX_ROWS = 1000;
const CHUNK = 500;
/** A valid code reserved for the template's example row (not any demo company's). */
const TEMPLATE_EXAMPLE_CREDIT_CODE = '91320211MA0EXAMPL' + checkCharacter('91320211MA0EXAMPL');
// The new values exactly as the upsert below writes them (blank cells keep what is there).
const CHANGED = `(startups.legal_name, startups.region_code, startups.tracks, startups.industry, startups.university_spin_out,
    startups.founded_on, startups.website, startups.one_liner)
  IS DISTINCT FROM (EXCLUDED.legal_name, EXCLUDED.region_code,
    CASE WHEN cardinality(EXCLUDED.tracks) > 0 THEN EXCLUDED.tracks ELSE startups.tracks END,
    COALESCE(EXCLUDED.industry, startups.industry), EXCLUDED.university_spin_out,
    COALESCE(EXCLUDED.founded_on, startups.founded_on), COALESCE(EXCLUDED.website, startups.website),
    COALESCE(EXCLUDED.one_liner, startups.one_liner))`;
const MAX_REPORTED_ERRORS = 1000;
/**
 * Uploads smaller than this are parsed in the calling thread: their garbage is bounded by their size,
 * and a thread's start-up would dominate. Larger ones, and every stored file the worker reads, are
 * parsed in a thread with a memory budget (parse-in-worker.ts).
 */
export const IMPORT_PARSE_THREAD_MIN_BYTES = 1024 * 1024;
/** The profile fields a chunk's JSON carries to `jsonb_to_recordset` (the fiscal figures go separately). */
const PROFILE_FIELDS = ['legalName', 'creditCode', 'foundedOn', 'regionCode', 'industry', 'tracks', 'universitySpinOut', 'website', 'oneLiner'];
const FISCAL_TYPES: Record<(typeof FISCAL_KEYS)[number], string> = {
  headcount: 'int',
  techStaff: 'int',
  rdStaff: 'int',
  revenue: 'bigint',
  mainBusinessRevenue: 'bigint',
  highTechRevenue: 'bigint',
  totalCosts: 'bigint',
  rdSpend: 'bigint',
  rdSpendInChina: 'bigint',
  totalAssets: 'bigint',
  liabilities: 'bigint',
  newEquityRaised: 'bigint',
};
/** Rows per ownership query during the dry run. */
const OWNERSHIP_BATCH = 1000;

/** Wraps a failure inside the read loop that is not the file's fault, so it is not reported as IMPORT_FILE_INVALID. */
class NotTheFile extends Error {
  constructor(override readonly cause: unknown) {
    super('not the file');
  }
}

export interface ImportReport {
  format: ImportFormat;
  totalRows: number;
  validRows: number;
  companies: number;
  errors: CellError[];
  errorsTruncated: boolean;
}

export interface ImportActor {
  organizationId: string;
  userId: string;
}

/**
 * Bulk import of companies with one fiscal year per row: template, dry run (every cell error with
 * row, column, value and code), and an idempotent commit that upserts by credit code.
 */
@Injectable()
export class ImportService {
  private readonly logger = new Logger(ImportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    @Inject(STORAGE) private readonly storage: Storage,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async template(): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Tourong';
    const sheet = workbook.addWorksheet('企业年度数据');
    sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header + (c.required ? ' *' : ''), key: c.key, width: Math.max(12, c.header.length * 2 + 4) }));
    sheet.getRow(1).font = { bold: true };
    sheet.addRow({
      legalName: '无锡星航智农导航科技有限公司',
      creditCode: TEMPLATE_EXAMPLE_CREDIT_CODE,
      foundedOn: '2019-06-18',
      regionCode: '320211',
      industry: '工业',
      tracks: '智能农机、人工智能',
      universitySpinOut: '否',
      oneLiner: '北斗高精度农机自动导航',
      year: 2023,
      headcount: 86,
      techStaff: 31,
      revenue: '46500000.00',
      rdSpend: '3100000.00',
      totalAssets: '98000000.00',
    });
    const notes = workbook.addWorksheet('填写说明');
    notes.addRow(['列名', '是否必填', '说明']);
    for (const c of IMPORT_COLUMNS) notes.addRow([c.header, c.required ? '必填' : '', c.note ?? (c.kind === 'money' ? '单位：元，最多两位小数' : '')]);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /**
   * Reads and checks the whole file; nothing is written. Streams: what it keeps grows with the number
   * of distinct rows only as far as the duplicate check needs (one short key per row) — parsed rows
   * are kept only up to `keepRows` (the commit writes small files at once), never for a large file.
   */
  async dryRun(
    actor: ImportActor,
    file: Buffer | ImportSource,
    keepRows = 0,
  ): Promise<{ report: ImportReport; rows: ImportRow[] | null }> {
    const open = typeof file === 'function' ? file : bufferSource(this.checkSize(file));
    const format = typeof file === 'function' ? await this.sniff(file) : this.format(file);
    const inThread = typeof file === 'function' || file.length >= IMPORT_PARSE_THREAD_MIN_BYTES;
    const errors: CellError[] = [];
    let errorCount = 0;
    const ownership: CellError[] = [];
    let ownershipCount = 0;
    let totalRows = 0;
    let parsedRows = 0;
    // One key per row and per company, kept compact: these grow with the file, nothing else does.
    const seen = new CompactKeySet();
    const codes = new CompactKeySet();
    const codesElsewhere = new Set<string>();
    let kept: ImportRow[] | null = [];
    let pending: { row: ImportRow; rowNumber: number }[] = [];
    const report = (e: CellError) => {
      errorCount++;
      if (errors.length <= MAX_REPORTED_ERRORS) errors.push(e);
    };
    // Ownership is checked a batch of rows at a time; its errors follow the cell errors, in row order.
    const checkOwnership = async () => {
      const found = await this.ownedElsewhere(actor, pending).catch((err: unknown) => {
        throw new NotTheFile(err); // a database failure is not an unreadable file
      });
      for (const e of found) {
        ownershipCount++;
        codesElsewhere.add(e.value);
        if (ownership.length <= MAX_REPORTED_ERRORS) ownership.push(e);
      }
      pending = [];
    };
    try {
      for await (const item of this.parse(open, format, inThread)) {
        if ('headers' in item) {
          const missing = missingHeaders(item.headers);
          for (const header of missing) report({ row: 1, column: header, value: '', code: 'HEADER_MISSING' });
          if (missing.length) break;
          continue;
        }
        totalRows++;
        for (const e of item.errors) report(e);
        if (!item.row) continue;
        const key = `${item.row.creditCode}:${item.row.year}`;
        if (!seen.add(key)) {
          report({ row: item.rowNumber, column: '统一社会信用代码', value: item.row.creditCode, code: 'DUPLICATE_ROW' });
          continue;
        }
        codes.add(item.row.creditCode);
        parsedRows++;
        pending.push({ row: item.row, rowNumber: item.rowNumber });
        if (kept) kept = kept.length < keepRows ? (kept.push(item.row), kept) : null;
        if (pending.length === OWNERSHIP_BATCH) await checkOwnership();
      }
    } catch (err) {
      if (err instanceof NotTheFile) throw err.cause;
      this.logger.warn(`unreadable import file: ${(err as Error).message}`);
      throw startupsError('IMPORT_FILE_INVALID', { field: 'file' });
    }
    await checkOwnership();
    const all = [...errors, ...ownership];
    const validRows = parsedRows - ownershipCount;
    return {
      report: {
        format,
        totalRows,
        validRows,
        companies: codes.size - codesElsewhere.size,
        errors: all.slice(0, MAX_REPORTED_ERRORS),
        errorsTruncated: errorCount + ownershipCount > MAX_REPORTED_ERRORS,
      },
      // A file with errors is refused whole, so its rows are never needed.
      rows: kept && errorCount + ownershipCount === 0 ? kept : null,
    };
  }

  /**
   * Commits a clean file. Small files are written at once; larger ones are stored and handed to the
   * worker (an `import_jobs` row tracks progress). A file with any error is refused whole.
   */
  async commit(actor: ImportActor, body: Buffer, fileName: string): Promise<{ report: ImportReport; job?: ImportJobEntity }> {
    const { report, rows } = await this.dryRun(actor, body, IMPORT_SYNC_MAX_ROWS);
    if (report.errors.length) return { report };
    if (rows) {
      const companies = new CompactKeySet();
      for (let i = 0; i < rows.length; i += CHUNK) await this.writeChunk(actor, rows.slice(i, i + CHUNK), companies);
      return { report };
    }
    const key = `imports/${actor.organizationId}/${randomUUID()}.${report.format}`;
    await this.storage.put(key, body);
    const job = await this.uow.run(async (tx) => {
      const created = await tx.em.save(
        tx.em.create(ImportJobEntity, {
          organizationId: actor.organizationId,
          requestedByUserId: actor.userId,
          fileKey: key,
          format: report.format,
          fileName: fileName.slice(0, 200),
          totalRows: report.totalRows,
        }),
      );
      tx.publish({ type: 'startups.import_requested', importId: created.id });
      return created;
    });
    return { report, job };
  }

  /**
   * The worker's half: two streamed passes over the stored file — validate it again (ownership may
   * have changed since the upload), then parse and write it in chunks, recording progress. Neither
   * pass holds the file or its rows.
   */
  async runJob(importId: string, onProgress: (done: number, total: number) => Promise<void>): Promise<ImportJobEntity> {
    const repo = this.dataSource.getRepository(ImportJobEntity);
    const job = await repo.findOneBy({ id: importId });
    if (!job) throw startupsError('IMPORT_NOT_FOUND');
    if (job.status === 'succeeded') return job; // a redelivered job: already done
    await repo.update({ id: job.id }, { status: 'running', processedRows: 0 });
    try {
      const open: ImportSource = async () => (await this.storage.get(job.fileKey)).stream;
      const actor = { organizationId: job.organizationId, userId: job.requestedByUserId };
      const { report } = await this.dryRun(actor, open);
      if (report.errors.length) {
        await repo.update({ id: job.id }, { status: 'failed', errors: report.errors, failureReason: 'the file no longer validates', finishedAt: this.clock.now() });
        return repo.findOneByOrFail({ id: job.id });
      }
      const total = report.validRows;
      const companies = new CompactKeySet();
      let chunk: ImportRow[] = [];
      let done = 0;
      const flush = async () => {
        await this.writeChunk(actor, chunk, companies);
        done += chunk.length;
        chunk = [];
        await repo.update({ id: job.id }, { processedRows: done });
        await onProgress(done, total);
      };
      for await (const item of this.parse(open, report.format, true)) {
        if ('headers' in item) continue;
        // The file validated a moment ago and stored files never change: a row that fails now is a bug.
        if (!item.row) throw new Error(`row ${item.rowNumber} no longer parses`);
        chunk.push(item.row);
        if (chunk.length === CHUNK) await flush();
      }
      if (chunk.length) await flush();
      if (done !== total) throw new Error(`wrote ${done} rows, validated ${total}`);
      await repo.update({ id: job.id }, { status: 'succeeded', processedRows: done, startupsUpserted: companies.size, finishedAt: this.clock.now() });
      await this.storage.delete(job.fileKey).catch(() => undefined);
    } catch (err) {
      await repo.update({ id: job.id }, { status: 'failed', failureReason: String((err as Error).message).slice(0, 500), finishedAt: this.clock.now() });
      throw err;
    }
    return repo.findOneByOrFail({ id: job.id });
  }

  async job(actor: ImportActor, id: string): Promise<ImportJobEntity> {
    const job = await this.dataSource.getRepository(ImportJobEntity).findOneBy({ id, organizationId: actor.organizationId });
    if (!job) throw startupsError('IMPORT_NOT_FOUND');
    return job;
  }

  private parse(open: ImportSource, format: ImportFormat, inThread: boolean): AsyncGenerator<ParsedItem> {
    return inThread ? parseInWorker(open, format) : parseRows(open, format);
  }

  private checkSize(body: Buffer): Buffer {
    if (body.length > IMPORT_MAX_BYTES) throw startupsError('IMPORT_TOO_LARGE', { field: 'file', maxBytes: IMPORT_MAX_BYTES });
    return body;
  }

  private format(body: Buffer): ImportFormat {
    this.checkSize(body);
    const format = detectFormat(body);
    if (!format) throw startupsError('IMPORT_FILE_INVALID', { field: 'file' });
    return format;
  }

  /** The format of a streamed file, by its first 4 KiB (as `format` does for a buffer). */
  private async sniff(open: ImportSource): Promise<ImportFormat> {
    const stream = await open();
    let head = Buffer.alloc(0);
    for await (const chunk of stream) {
      head = Buffer.concat([head, chunk as Buffer]);
      if (head.length >= 4096) break;
    }
    stream.destroy();
    const format = detectFormat(head.subarray(0, 4096));
    if (!format) throw startupsError('IMPORT_FILE_INVALID', { field: 'file' });
    return format;
  }

  /** Credit codes that already belong to another organization's profile cannot be overwritten. */
  private async ownedElsewhere(actor: ImportActor, rows: { row: ImportRow; rowNumber: number }[]): Promise<CellError[]> {
    const codes = [...new Set(rows.map((r) => r.row.creditCode))];
    if (!codes.length) return [];
    const taken: { credit_code: string }[] = await this.dataSource.query(
      'SELECT credit_code FROM startups WHERE credit_code = ANY($1) AND organization_id <> $2',
      [codes, actor.organizationId],
    );
    const set = new Set(taken.map((t) => t.credit_code));
    return rows
      .filter((r) => set.has(r.row.creditCode))
      .map((r) => ({ row: r.rowNumber, column: '统一社会信用代码', value: r.row.creditCode, code: 'CREDIT_CODE_OWNED_ELSEWHERE' as const }));
  }

  /**
   * Upserts one chunk of companies (by credit code, only within the importing organization) and their
   * fiscal years in one transaction, with its outbox events. Re-running the same file changes
   * nothing. Adds the credit codes written to `companies`.
   */
  private async writeChunk(actor: ImportActor, chunk: ImportRow[], companies: CompactKeySet): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const { ids, touched } = await this.upsertStartups(em, actor, chunk);
      const figuresChanged = await this.upsertFiscalYears(em, chunk, ids);
      // Only companies whose profile or figures really changed are announced: a re-import is silent.
      const changed = new Set([...touched, ...figuresChanged]);
      const events: DomainEvent[] = [...changed].map((startupId) => ({
        type: 'startups.startup_changed',
        startupId,
        organizationId: actor.organizationId,
      }));
      await flushEvents(em, events);
      for (const code of ids.keys()) companies.add(code);
    });
  }

  /**
   * One statement per chunk with the rows as one JSON parameter (`jsonb_to_recordset`), not 500 VALUES
   * tuples of ten parameters each: the chunk's SQL text and parameter list were most of what a commit
   * allocated per row, in the process that runs it.
   */
  private async upsertStartups(
    em: EntityManager,
    actor: ImportActor,
    rows: ImportRow[],
  ): Promise<{ ids: Map<string, string>; touched: string[] }> {
    // Several years of one company share its profile row: the last row's profile fields win.
    const byCode = new Map(rows.map((r) => [r.creditCode, r]));
    const result: { id: string; credit_code: string; touched: boolean }[] = await em.query(
      `INSERT INTO startups (organization_id, legal_name, credit_code, founded_on, region_code, industry, tracks, university_spin_out, website, one_liner, version)
       SELECT $1::uuid, r."legalName", r."creditCode", r."foundedOn", r."regionCode", r.industry, r.tracks, r."universitySpinOut", r.website, r."oneLiner", 1
       FROM jsonb_to_recordset($2::jsonb) AS r("legalName" text, "creditCode" text, "foundedOn" date, "regionCode" text, industry text,
         tracks text[], "universitySpinOut" boolean, website text, "oneLiner" text)
       ON CONFLICT (credit_code) WHERE credit_code IS NOT NULL DO UPDATE SET
         legal_name = EXCLUDED.legal_name,
         founded_on = COALESCE(EXCLUDED.founded_on, startups.founded_on),
         region_code = EXCLUDED.region_code,
         industry = COALESCE(EXCLUDED.industry, startups.industry),
         tracks = CASE WHEN cardinality(EXCLUDED.tracks) > 0 THEN EXCLUDED.tracks ELSE startups.tracks END,
         university_spin_out = EXCLUDED.university_spin_out,
         website = COALESCE(EXCLUDED.website, startups.website),
         one_liner = COALESCE(EXCLUDED.one_liner, startups.one_liner),
         -- Only a real change moves updated_at and the optimistic version: re-imports are no-ops.
         updated_at = CASE WHEN ${CHANGED} THEN now() ELSE startups.updated_at END,
         version = startups.version + CASE WHEN ${CHANGED} THEN 1 ELSE 0 END
       WHERE startups.organization_id = EXCLUDED.organization_id
       RETURNING id, credit_code, updated_at = now() AS touched`,
      [actor.organizationId, JSON.stringify([...byCode.values()], PROFILE_FIELDS)],
    );
    return { ids: new Map(result.map((r) => [r.credit_code, r.id])), touched: result.filter((r) => r.touched).map((r) => r.id) };
  }

  /** Returns the startups whose figures were inserted or changed. A blank cell keeps the stored figure. */
  private async upsertFiscalYears(em: EntityManager, rows: ImportRow[], ids: Map<string, string>): Promise<string[]> {
    const figures = FISCAL_KEYS.map((k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
    const written = rows.filter((r) => ids.has(r.creditCode)).map((r) => ({ id: ids.get(r.creditCode), year: r.year, ...r.fiscal }));
    if (!written.length) return [];
    const merged = figures.map((c) => `COALESCE(EXCLUDED.${c}, f.${c})`);
    const result: { startup_id: string }[] = await em.query(
      `INSERT INTO startup_fiscal_years AS f (startup_id, year, ${figures.join(', ')})
       SELECT r.id, r.year, ${FISCAL_KEYS.map((k) => `r."${k}"`).join(', ')}
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, year int, ${FISCAL_KEYS.map((k) => `"${k}" ${FISCAL_TYPES[k]}`).join(', ')})
       ON CONFLICT (startup_id, year) DO UPDATE SET ${figures.map((c, i) => `${c} = ${merged[i]}`).join(', ')}, updated_at = now()
       WHERE (${figures.map((c) => `f.${c}`).join(', ')}) IS DISTINCT FROM (${merged.join(', ')})
       RETURNING startup_id`,
      [JSON.stringify(written)],
    );
    return result.map((r) => r.startup_id);
  }
}
