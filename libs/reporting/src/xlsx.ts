import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export interface SheetSpec {
  name: string;
  columns: { header: string; key: string; width?: number }[];
  rows: Record<string, string | number | null>[];
}

/**
 * Streams a workbook (exceljs' streaming writer: each row is committed as it is written, so a large
 * deal-flow export never sits in memory as a whole workbook).
 */
export function streamWorkbook(sheets: readonly SheetSpec[]): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Tourong';
  void (async () => {
    try {
      for (const s of sheets) {
        const ws = wb.addWorksheet(s.name.slice(0, 31));
        ws.columns = s.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 18 }));
        ws.getRow(1).font = { bold: true };
        ws.getRow(1).commit();
        for (const r of s.rows) ws.addRow(r).commit();
        ws.commit();
      }
      await wb.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return out;
}

/** `attachment; filename="…"; filename*=UTF-8''…` so Chinese titles survive. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** 分 → yuan with 2 decimals, as a number (Excel shows it in a ¥ format). */
export const yuan = (fen: number) => Math.round(fen) / 100;
