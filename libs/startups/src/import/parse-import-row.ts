import { checkCreditCode } from '@app/identity';
import { hasNulCharacter } from '@app/platform';
import { INDUSTRIES } from '@app/reference';
import { TRACKS } from '@app/reference';
import { FISCAL_KEYS, IMPORT_COLUMNS, ImportColumn } from './import-columns';

export type CellValue = string | number | boolean | Date | null | undefined;

export type ImportErrorCode =
  | 'REQUIRED'
  | 'NUL_CHARACTER'
  | 'TOO_LONG'
  | 'NOT_A_DATE'
  | 'REGION_CODE_INVALID'
  | 'CREDIT_CODE_INVALID'
  | 'NOT_A_YEAR'
  | 'NOT_A_COUNT'
  | 'NOT_MONEY'
  | 'NOT_YES_NO'
  | 'TRACK_UNKNOWN'
  | 'INDUSTRY_UNKNOWN'
  | 'FIGURES_CONTRADICT'
  | 'DUPLICATE_ROW'
  | 'HEADER_MISSING'
  | 'CREDIT_CODE_OWNED_ELSEWHERE';

export interface CellError {
  row: number;
  column: string;
  value: string;
  code: ImportErrorCode;
}

export interface ImportRow {
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
  fiscal: Record<(typeof FISCAL_KEYS)[number], number | null>;
}

const TRACK_BY_LABEL = new Map(
  TRACKS.flatMap((t) => [
    [t.zh, t.code],
    [t.code, t.code],
    [t.en.toLowerCase(), t.code],
  ]),
);
const INDUSTRY_BY_LABEL = new Map(
  INDUSTRIES.flatMap((i) => [
    [i.zh, i.key],
    [i.key, i.key],
  ]),
);

function text(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'text' in (value as object)) return String((value as { text: unknown }).text).trim();
  return String(value).trim();
}

/** "1,234.5" / "1234.50" / 1234.5 元 → 123450 分, exactly (no float arithmetic on the decimal part). */
export function yuanToFen(raw: string): number | null {
  const s = raw.replace(/[,，\s]/g, '').replace(/元$/, '');
  const m = /^(\d{1,15})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

function isoDate(raw: string, value: CellValue): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : null;
}

/**
 * Parses one sheet row (values keyed by header) into a typed row, or lists every cell error with
 * its row number, column header, original value and code. Never throws.
 */
export function parseImportRow(
  rowNumber: number,
  cells: Record<string, CellValue>,
): { row?: ImportRow; errors: CellError[] } {
  const errors: CellError[] = [];
  const out: Record<string, unknown> = { fiscal: {} };
  const fail = (col: ImportColumn, raw: string, code: ImportErrorCode) =>
    errors.push({ row: rowNumber, column: col.header, value: raw.slice(0, 100), code });

  for (const col of IMPORT_COLUMNS) {
    const value = cells[col.header];
    const raw = text(value);
    if (!raw) {
      if (col.required) fail(col, raw, 'REQUIRED');
      if (FISCAL_KEYS.includes(col.key as never)) (out.fiscal as Record<string, null>)[col.key] = null;
      else out[col.key] = col.kind === 'list' ? [] : col.kind === 'bool' ? false : null;
      continue;
    }
    if (hasNulCharacter(raw)) {
      // The platform's text rule (Postgres text cannot hold U+0000); the echoed value shows where it was.
      fail(col, raw.split('\u0000').join('\uFFFD'), 'NUL_CHARACTER');
      continue;
    }
    switch (col.kind) {
      case 'text':
        if (col.maxLength && raw.length > col.maxLength) fail(col, raw, 'TOO_LONG');
        else out[col.key] = raw;
        break;
      case 'date': {
        const iso = isoDate(raw, value);
        if (!iso) fail(col, raw, 'NOT_A_DATE');
        else out[col.key] = iso;
        break;
      }
      case 'region':
        if (!/^\d{6}$/.test(raw)) fail(col, raw, 'REGION_CODE_INVALID');
        else out[col.key] = raw;
        break;
      case 'credit_code': {
        const check = checkCreditCode(raw);
        if (!check.valid) fail(col, raw, 'CREDIT_CODE_INVALID');
        else out[col.key] = check.normalized;
        break;
      }
      case 'year': {
        const y = Number(raw);
        if (!Number.isInteger(y) || y < 1980 || y > 2100) fail(col, raw, 'NOT_A_YEAR');
        else out[col.key] = y;
        break;
      }
      case 'count': {
        const n = Number(raw.replace(/[,，]/g, ''));
        if (!Number.isInteger(n) || n < 0 || n > 10_000_000) fail(col, raw, 'NOT_A_COUNT');
        else (out.fiscal as Record<string, number>)[col.key] = n;
        break;
      }
      case 'money': {
        const fen = yuanToFen(typeof value === 'number' ? value.toFixed(2) : raw);
        if (fen === null) fail(col, raw, 'NOT_MONEY');
        else (out.fiscal as Record<string, number>)[col.key] = fen;
        break;
      }
      case 'bool':
        if (['是', 'y', 'yes', 'true', '1'].includes(raw.toLowerCase())) out[col.key] = true;
        else if (['否', 'n', 'no', 'false', '0'].includes(raw.toLowerCase())) out[col.key] = false;
        else fail(col, raw, 'NOT_YES_NO');
        break;
      case 'list': {
        const parts = raw
          .split(/[、,，;；]/)
          .map((p) => p.trim())
          .filter(Boolean);
        const codes = parts.map((p) => TRACK_BY_LABEL.get(p) ?? TRACK_BY_LABEL.get(p.toLowerCase()));
        if (codes.some((c) => !c)) fail(col, raw, 'TRACK_UNKNOWN');
        else out[col.key] = [...new Set(codes as string[])];
        break;
      }
      case 'industry': {
        const key = INDUSTRY_BY_LABEL.get(raw);
        if (!key) fail(col, raw, 'INDUSTRY_UNKNOWN');
        else out[col.key] = key;
        break;
      }
    }
  }
  const fiscal = out.fiscal as Record<string, number | null>;
  const contradictions: [string, string][] = [
    ['techStaff', 'headcount'],
    ['rdStaff', 'headcount'],
    ['mainBusinessRevenue', 'revenue'],
    ['highTechRevenue', 'revenue'],
    ['rdSpendInChina', 'rdSpend'],
  ];
  for (const [a, b] of contradictions) {
    if (fiscal[a] != null && fiscal[b] != null && fiscal[a]! > fiscal[b]!) {
      const col = IMPORT_COLUMNS.find((c) => c.key === a)!;
      fail(col, text(cells[col.header]), 'FIGURES_CONTRADICT');
    }
  }
  return errors.length ? { errors } : { row: out as unknown as ImportRow, errors };
}

/** Headers the template requires that the sheet lacks. */
export function missingHeaders(headers: string[]): string[] {
  const present = new Set(headers.map((h) => h.trim()));
  return IMPORT_COLUMNS.filter((c) => c.required && !present.has(c.header)).map((c) => c.header);
}
