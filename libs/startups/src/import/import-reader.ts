import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { parse as parseCsv } from 'fast-csv';
import ExcelJS from 'exceljs';
import type { CellValue } from './parse-import-row';

export type ImportFormat = 'xlsx' | 'csv';

export interface SheetRow {
  rowNumber: number;
  cells: Record<string, CellValue>;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** By content, not by name: an .xlsx is a zip; anything else must decode as UTF-8 text to be a CSV. */
export function detectFormat(body: Buffer): ImportFormat | null {
  if (body.subarray(0, 4).equals(ZIP_MAGIC)) return 'xlsx';
  const head = body.subarray(0, 4096);
  if (head.includes(0)) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, lastCompleteUtf8(head)));
    return 'csv';
  } catch {
    return null;
  }
}

function lastCompleteUtf8(buf: Buffer): number {
  const end = buf.length;
  // Do not cut a multi-byte character in half at the 4 KiB boundary.
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = buf[end - i];
    if ((b & 0xc0) === 0xc0) return end - i;
    if ((b & 0x80) === 0) break;
  }
  return end;
}

/**
 * An xlsx file's shared-strings table, spilled to a temporary file as it is read: the process keeps
 * 8 bytes of offset per string and a small cache, however many distinct names, codes and one-liners
 * the file has (ExcelJS's `cache` mode holds them all as JS strings — the largest part of an import's
 * memory). A cell's string is read back from the file (the OS page cache) when its row is parsed.
 */
export class SpilledStrings {
  private readonly dir = mkdtempSync(join(tmpdir(), 'tourong-import-strings-'));
  private readonly fd = openSync(join(this.dir, 'strings'), 'w+');
  private offsets = new Float64Array(1024);
  private count = 0;
  private end = 0;
  private flushed = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private scratch = Buffer.alloc(4096);
  private readonly cacheIndex = new Int32Array(4096).fill(-1);
  private readonly cacheValue: string[] = new Array<string>(4096);

  get size(): number {
    return this.count;
  }

  push(text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    if (this.count + 2 > this.offsets.length) {
      const next = new Float64Array(this.offsets.length * 2);
      next.set(this.offsets);
      this.offsets = next;
    }
    this.offsets[this.count] = this.end;
    this.end += bytes.length;
    this.offsets[++this.count] = this.end;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= 1 << 20) this.flush();
  }

  get(index: number): string | null {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return null;
    const slot = index & 4095;
    if (this.cacheIndex[slot] === index) return this.cacheValue[slot];
    this.flush();
    const start = this.offsets[index];
    const length = this.offsets[index + 1] - start;
    if (length > this.scratch.length) this.scratch = Buffer.alloc(length);
    let got = 0;
    while (got < length) got += readSync(this.fd, this.scratch, got, length - got, start + got);
    const text = this.scratch.toString('utf8', 0, length);
    this.cacheIndex[slot] = index;
    this.cacheValue[slot] = text;
    return text;
  }

  close(): void {
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    const chunk = Buffer.concat(this.pending, this.pendingBytes);
    let put = 0;
    while (put < chunk.length) put += writeSync(this.fd, chunk, put, chunk.length - put, this.flushed + put);
    this.flushed += chunk.length;
    this.pending = [];
    this.pendingBytes = 0;
  }
}

const richTextOf = (v: { richText: { text: string }[] }) => v.richText.map((r) => r.text).join('');

function cellValue(v: ExcelJS.CellValue, strings: SpilledStrings): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && !(v instanceof Date)) {
    if ('sharedString' in v) return strings.get((v as { sharedString: number }).sharedString);
    if ('result' in v) return (v as ExcelJS.CellFormulaValue).result as CellValue;
    if ('richText' in v) return richTextOf(v as ExcelJS.CellRichTextValue);
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    return null;
  }
  return v as CellValue;
}

/** Opens the file from its start, once per pass: a Buffer in the API, a storage stream in the worker. */
export type ImportSource = () => Promise<Readable>;

export function bufferSource(body: Buffer): ImportSource {
  return async () => Readable.from([body]);
}

/** Drops a UTF-8 byte-order mark at the very start, whichever chunk sizes the stream has. */
function stripBom(stream: Readable): Readable {
  let head: Buffer | null = Buffer.alloc(0);
  return stream.pipe(
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        if (head === null) return done(null, chunk);
        head = Buffer.concat([head, chunk]);
        if (head.length < 3) return done();
        const out = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
        head = null;
        done(null, out);
      },
      flush(done) {
        if (head?.length && !(head.length === 3 && head[0] === 0xef)) this.push(head);
        done();
      },
    }),
  );
}

/** The delimiter rule of the whole file: tab-separated only when it has tabs and no comma at all. */
async function csvDelimiter(open: ImportSource): Promise<',' | '\t'> {
  let tab = false;
  for await (const chunk of await open()) {
    const b = chunk as Buffer;
    if (b.includes(0x2c)) return ',';
    tab ||= b.includes(0x09);
  }
  return tab ? '\t' : ',';
}

/**
 * Yields data rows keyed by header text, streaming both formats (only the first sheet of an xlsx is
 * read): memory stays flat however many rows the file has (an xlsx's shared strings are spilled to disk).
 * Rows are numbered as in the sheet (CSV: one per record, blank ones counted and skipped).
 */
export async function* readSheet(
  open: ImportSource,
  format: ImportFormat,
): AsyncGenerator<SheetRow | { headers: string[] }> {
  if (format === 'xlsx') {
    yield* readFirstSheet(open);
    return;
  }
  const delimiter = await csvDelimiter(open);
  // Every cell stays a string (no '2019-06-18' → Date, '0012' → 12); the parser decodes UTF-8 across chunks.
  const records = stripBom(await open()).pipe(parseCsv({ delimiter }));
  let headers: string[] | null = null;
  let r = 0;
  for await (const record of records as AsyncIterable<string[]>) {
    r++;
    const values: (string | null)[] = record;
    if (!headers) {
      headers = values.map((v) => String(v ?? '').trim());
      yield { headers };
      continue;
    }
    if (values.every((v) => v === null || v === '')) continue;
    yield { rowNumber: r, cells: Object.fromEntries(headers.map((h, i) => [h, values[i]])) };
  }
}

/** The workbook's items: a shared string (`emit` mode yields them bare) or a typed event. */
type WorkbookItem =
  { index: number; text: string | { richText: { text: string }[] } } | { eventType: string; value: unknown };

/**
 * The xlsx half of readSheet. ExcelJS's `emit` mode hands shared strings over one by one (spilled
 * here) and parses worksheets after the table (a worksheet met first waits in ExcelJS's temp file);
 * cells then carry `{ sharedString: index }`. Whatever ends the read — the last row, a consumer
 * that stops early, an error — the rest of the workbook is drained so ExcelJS removes its temp files,
 * and the spilled strings are removed.
 */
async function* readFirstSheet(open: ImportSource): AsyncGenerator<SheetRow | { headers: string[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(await open(), {
    sharedStrings: 'emit',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  const items = (reader as unknown as { parse(): AsyncGenerator<WorkbookItem> }).parse();
  const strings = new SpilledStrings();
  let first = true;
  try {
    for (let next = await items.next(); !next.done; next = await items.next()) {
      const item = next.value;
      if (!('eventType' in item)) {
        strings.push(typeof item.text === 'string' ? item.text : item.text ? richTextOf(item.text) : '');
        continue;
      }
      if (item.eventType !== 'worksheet') continue;
      const sheet = item.value as AsyncIterable<ExcelJS.Row>;
      if (!first) {
        for await (const _ of sheet); // later sheets are not read, only drained
        continue;
      }
      first = false;
      let headers: string[] | null = null;
      for await (const row of sheet) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => cellValue(v, strings));
        if (!headers) {
          headers = values.map((v) => String(v ?? '').trim());
          yield { headers };
          continue;
        }
        if (values.every((v) => v === null || v === '')) continue;
        yield { rowNumber: row.number, cells: Object.fromEntries(headers.map((h, i) => [h, values[i]])) };
      }
    }
  } finally {
    strings.close();
    // Stopped early (or failed): let ExcelJS finish, so its temp files go; a broken file may throw again.
    try {
      for (let next = await items.next(); !next.done; next = await items.next()) {
        const item = next.value;
        if ('eventType' in item && item.eventType === 'worksheet')
          for await (const _ of item.value as AsyncIterable<unknown>);
      }
    } catch {
      // already reported by the read that failed
    }
  }
}
