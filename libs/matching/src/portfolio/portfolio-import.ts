/**
 * Reading an imported portfolio (past investments: company, date, round, amount, track, region,
 * keywords) into rows, with every cell error as `{ row, column, value, code }` like the startup
 * import. Pure: the service reads the sheet (`readSheet` of `@app/startups`) and writes the rows.
 */
import { hasNulCharacter } from '@app/platform';
import { isRegionPrefix, STAGES, TRACKS, type Stage } from '@app/reference';
import type { CellValue } from '@app/startups';

export const PORTFOLIO_MAX_ROWS = 5_000;
export const PORTFOLIO_MAX_KEYWORDS = 8;

export type PortfolioImportErrorCode =
  | 'HEADER_MISSING'
  | 'REQUIRED'
  | 'NUL_CHARACTER'
  | 'TOO_LONG'
  | 'NOT_A_DATE'
  | 'ROUND_UNKNOWN'
  | 'NOT_MONEY'
  | 'TRACK_UNKNOWN'
  | 'REGION_CODE_INVALID'
  | 'TOO_MANY_KEYWORDS'
  | 'DUPLICATE_ROW'
  | 'TOO_MANY_ROWS';

export interface PortfolioCellError {
  row: number;
  column: string;
  value: string;
  code: PortfolioImportErrorCode;
}

export interface PortfolioRow {
  sourceRow: number;
  companyName: string;
  investedOn: string | null;
  round: Stage | null;
  /** 分. */
  amount: number | null;
  tracks: string[];
  /** 6-digit code; a province or city prefix is padded with zeros (`32` → `320000`). */
  regionCode: string | null;
  keywords: string[];
}

/** Columns: the zh-CN header of the template, then accepted aliases (compared trimmed, case-insensitive). */
export const PORTFOLIO_COLUMNS = {
  companyName: ['公司名称', 'company', '企业名称', '公司'],
  investedOn: ['投资日期', 'date', '日期'],
  round: ['轮次', 'round', '阶段'],
  amount: ['投资金额（元）', 'amount', '金额', '投资金额', '投资金额(元)'],
  tracks: ['赛道', 'track', 'tracks'],
  region: ['地区代码', 'region', '地区'],
  keywords: ['关键词', 'keywords'],
} as const;
type ColumnKey = keyof typeof PORTFOLIO_COLUMNS;

const ROUND_LABELS: Record<string, Stage> = {
  概念: 'idea',
  概念期: 'idea',
  种子: 'seed',
  种子轮: 'seed',
  天使: 'angel',
  天使轮: 'angel',
  'pre-a': 'pre_a',
  'pre-a轮': 'pre_a',
  a: 'a',
  a轮: 'a',
  'a+': 'a',
  'a+轮': 'a',
  b: 'b',
  b轮: 'b',
  'b+': 'b',
  'b+轮': 'b',
  c: 'c',
  c轮: 'c',
  'c+轮': 'c',
  'pre-ipo': 'pre_ipo',
};
for (const s of STAGES) ROUND_LABELS[s] = s;

const TRACK_BY_LABEL = new Map(
  TRACKS.flatMap((t) => [
    [t.zh, t.code],
    [t.code, t.code],
    [t.en.toLowerCase(), t.code],
  ]),
);

function text(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value).trim();
}

const split = (s: string) =>
  s
    .split(/[、,，;；/|\n]+/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);

/** "1,234.5" / "1234.50元" / "500万" / 1234.5 → 分, exactly; null when it is not an amount ≥ 0. */
export function parseAmountFen(raw: string): number | null {
  const s = raw.replace(/[,，\s¥￥]/g, '');
  const m = /^(\d{1,13})(?:\.(\d{1,6}))?(万元|万|元)?$/.exec(s);
  if (!m) return null;
  const wan = m[3] === '万' || m[3] === '万元';
  const decimals = (m[2] ?? '').padEnd(wan ? 6 : 2, '0');
  if (decimals.length > (wan ? 6 : 2)) return null;
  const fen = Number(m[1]) * (wan ? 1_000_000 : 100) + Number(decimals || '0');
  return Number.isSafeInteger(fen) ? fen : null;
}

function parseDate(raw: string, value: CellValue): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  const m = /^(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?$/.exec(raw);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 1)];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Which header holds which column; the missing required one is a file error. */
export function mapHeaders(headers: readonly string[]): {
  columns: Partial<Record<ColumnKey, string>>;
  errors: PortfolioCellError[];
} {
  const columns: Partial<Record<ColumnKey, string>> = {};
  for (const key of Object.keys(PORTFOLIO_COLUMNS) as ColumnKey[]) {
    const names = PORTFOLIO_COLUMNS[key].map((n) => n.toLowerCase());
    const found = headers.find((h) => names.includes(h.trim().toLowerCase()));
    if (found !== undefined) columns[key] = found;
  }
  const errors: PortfolioCellError[] = columns.companyName
    ? []
    : [{ row: 1, column: PORTFOLIO_COLUMNS.companyName[0], value: '', code: 'HEADER_MISSING' }];
  return { columns, errors };
}

/** One data row: the row, or every cell error it has. */
export function parsePortfolioRow(
  rowNumber: number,
  cells: Record<string, CellValue>,
  columns: Partial<Record<ColumnKey, string>>,
): { row: PortfolioRow | null; errors: PortfolioCellError[] } {
  const errors: PortfolioCellError[] = [];
  const cell = (key: ColumnKey) => {
    const header = columns[key];
    const value = header === undefined ? null : cells[header];
    return { header: header ?? PORTFOLIO_COLUMNS[key][0], value, raw: text(value) };
  };
  const fail = (c: { header: string; raw: string }, code: PortfolioImportErrorCode) =>
    errors.push({ row: rowNumber, column: c.header, value: c.raw.split('\u0000').join('\uFFFD'), code });
  for (const key of Object.keys(PORTFOLIO_COLUMNS) as ColumnKey[]) {
    const c = cell(key);
    if (hasNulCharacter(c.raw)) fail(c, 'NUL_CHARACTER');
  }
  if (errors.length > 0) return { row: null, errors };

  const name = cell('companyName');
  if (name.raw === '') fail(name, 'REQUIRED');
  else if ([...name.raw].length > 200) fail(name, 'TOO_LONG');

  const date = cell('investedOn');
  const investedOn = date.raw === '' ? null : parseDate(date.raw, date.value);
  if (date.raw !== '' && investedOn === null) fail(date, 'NOT_A_DATE');

  const round = cell('round');
  const stage = round.raw === '' ? null : (ROUND_LABELS[round.raw.toLowerCase().replace(/\s/g, '')] ?? null);
  if (round.raw !== '' && stage === null) fail(round, 'ROUND_UNKNOWN');

  const amountCell = cell('amount');
  const amount = amountCell.raw === '' ? null : parseAmountFen(amountCell.raw);
  if (amountCell.raw !== '' && amount === null) fail(amountCell, 'NOT_MONEY');

  const trackCell = cell('tracks');
  const tracks: string[] = [];
  for (const t of split(trackCell.raw)) {
    const code = TRACK_BY_LABEL.get(t) ?? TRACK_BY_LABEL.get(t.toLowerCase());
    if (code === undefined) {
      fail(trackCell, 'TRACK_UNKNOWN');
      break;
    }
    if (!tracks.includes(code)) tracks.push(code);
  }

  const regionCell = cell('region');
  let regionCode: string | null = null;
  if (regionCell.raw !== '') {
    if (isRegionPrefix(regionCell.raw)) regionCode = regionCell.raw.padEnd(6, '0');
    else fail(regionCell, 'REGION_CODE_INVALID');
  }

  const keywordCell = cell('keywords');
  const keywords = [...new Set(split(keywordCell.raw).map((k) => k.toLowerCase()))];
  if (keywords.length > PORTFOLIO_MAX_KEYWORDS) fail(keywordCell, 'TOO_MANY_KEYWORDS');
  else if (keywords.some((k) => [...k].length > 40)) fail(keywordCell, 'TOO_LONG');

  if (errors.length > 0) return { row: null, errors };
  return {
    row: {
      sourceRow: rowNumber,
      companyName: name.raw,
      investedOn,
      round: stage,
      amount,
      tracks,
      regionCode,
      keywords,
    },
    errors,
  };
}

/** The same company, date and round twice is one investment entered twice: the later row is the error. */
export function duplicateKey(r: PortfolioRow): string {
  return JSON.stringify([r.companyName, r.investedOn, r.round]);
}
