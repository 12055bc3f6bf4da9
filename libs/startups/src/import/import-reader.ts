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

function cellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && !(v instanceof Date)) {
    if ('result' in v) return (v as ExcelJS.CellFormulaValue).result as CellValue;
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
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
 * read): memory stays flat however many rows the file has, apart from the xlsx shared-strings table.
 * Rows are numbered as in the sheet (CSV: one per record, blank ones counted and skipped).
 */
export async function* readSheet(open: ImportSource, format: ImportFormat): AsyncGenerator<SheetRow | { headers: string[] }> {
  if (format === 'xlsx') {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(await open(), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
    });
    for await (const sheet of reader) {
      let headers: string[] | null = null;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
        if (!headers) {
          headers = values.map((v) => String(v ?? '').trim());
          yield { headers };
          continue;
        }
        if (values.every((v) => v === null || v === '')) continue;
        yield { rowNumber: row.number, cells: Object.fromEntries(headers.map((h, i) => [h, values[i]])) };
      }
      return; // first sheet only
    }
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
