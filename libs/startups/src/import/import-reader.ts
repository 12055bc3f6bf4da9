import { Readable } from 'node:stream';
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

/**
 * Yields data rows keyed by header text. xlsx is streamed sheet by sheet (only the first sheet is
 * read), so memory stays flat however many rows the file has.
 */
export async function* readSheet(body: Buffer, format: ImportFormat): AsyncGenerator<SheetRow | { headers: string[] }> {
  if (format === 'xlsx') {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(body), {
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
  const workbook = new ExcelJS.Workbook();
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  // Keep every cell a string: exceljs would otherwise turn '2019-06-18' into a Date and '0012' into 12.
  const sheet = await workbook.csv.read(Readable.from([text]), {
    map: (value: unknown) => value,
    parserOptions: { delimiter: text.includes('\t') && !text.includes(',') ? '\t' : ',' },
  });
  let headers: string[] | null = null;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const values = (sheet.getRow(r).values as ExcelJS.CellValue[]).slice(1).map((v) => (v === null || v === undefined ? null : String(v)));
    if (!headers) {
      headers = values.map((v) => String(v ?? '').trim());
      yield { headers };
      continue;
    }
    if (values.every((v) => v === null || v === '')) continue;
    yield { rowNumber: r, cells: Object.fromEntries(headers.map((h, i) => [h, values[i]])) };
  }
}
