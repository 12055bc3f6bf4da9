import ExcelJS from 'exceljs';
import { checkCharacter } from '@app/identity';
import { bufferSource } from './import-reader';
import { parseInWorker } from './parse-in-worker';
import { ParsedItem, parseRows } from './parse-rows';

const code = (n: number) => {
  const body = `91320211MA${String(n).padStart(7, '0')}`;
  return body + checkCharacter(body);
};

// Enough rows for several of the thread's batches; a few of them wrong, in different ways.
const ROWS = Array.from({ length: 1_200 }, (_, i) => [
  i === 7 ? '' : `滨湖示例科技有限公司${i}`,
  i === 450 ? '91320211MA000000X' : code(i),
  '320211',
  i === 901 ? '量子玄学' : '人工智能、集成电路',
  2023,
  i === 1_100 ? 'eighty' : 50 + (i % 40),
  `${12_000_000 + i}.50`,
]);

const HEADERS = ['企业名称', '统一社会信用代码', '地区代码', '赛道', '年度', '从业人数', '营业收入（元）'];

async function workbook(headers: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('企业年度数据');
  sheet.addRow(headers);
  for (const r of ROWS) sheet.addRow(r);
  wb.addWorksheet('填写说明').addRow(['列名', '说明']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function all(items: AsyncIterable<ParsedItem>): Promise<ParsedItem[]> {
  const out: ParsedItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('parsing an import in a worker thread', () => {
  jest.setTimeout(120_000);

  it('yields exactly what parsing in this thread yields: headers, every row, every cell error', async () => {
    // The template's spelling: required columns end in " *".
    const file = await workbook([
      '企业名称 *',
      '统一社会信用代码 *',
      '地区代码 *',
      '赛道',
      '年度 *',
      '从业人数',
      '营业收入（元）',
    ]);
    const here = await all(parseRows(bufferSource(file), 'xlsx'));
    const there = await all(parseInWorker(bufferSource(file), 'xlsx'));
    expect(there).toEqual(here);
    expect(there[0]).toEqual({
      headers: ['企业名称', '统一社会信用代码', '地区代码', '赛道', '年度', '从业人数', '营业收入（元）'],
    });
    expect(there).toHaveLength(1 + ROWS.length);
    const errors = there.flatMap((item) =>
      'errors' in item ? item.errors.map((e) => `${e.row}:${e.column}:${e.code}`) : [],
    );
    expect(errors).toEqual([
      '9:企业名称:REQUIRED',
      '452:统一社会信用代码:CREDIT_CODE_INVALID',
      '903:赛道:TRACK_UNKNOWN',
      '1102:从业人数:NOT_A_COUNT',
    ]);
    expect(there[1]).toMatchObject({
      rowNumber: 2,
      row: {
        legalName: '滨湖示例科技有限公司0',
        tracks: ['artificial_intelligence', 'integrated_circuits'],
        fiscal: { revenue: 1_200_000_050 },
      },
    });
  });

  it('reads a CSV (opened twice: the delimiter, then the rows) from a stream of small chunks', async () => {
    const csv = [
      '\ufeff企业名称,统一社会信用代码,地区代码,年度',
      ...ROWS.map((r) => [r[0], r[1], r[2], r[4]].join(',')),
    ].join('\r\n');
    const bytes = Buffer.from(csv, 'utf8');
    // Chunks that cut characters and records anywhere, as a network or disk stream does.
    const open = async () => {
      const { Readable } = await import('node:stream');
      return Readable.from(
        Array.from({ length: Math.ceil(bytes.length / 1000) }, (_, i) => bytes.subarray(i * 1000, i * 1000 + 1000)),
      );
    };
    const there = await all(parseInWorker(open, 'csv'));
    expect(there).toEqual(await all(parseRows(open, 'csv')));
    expect(there.filter((item) => 'row' in item && item.row)).toHaveLength(ROWS.length - 2);
  });

  it('stops the thread when the consumer stops, and fails like the reader on a broken file', async () => {
    const file = await workbook(HEADERS);
    const first: ParsedItem[] = [];
    for await (const item of parseInWorker(bufferSource(file), 'xlsx')) {
      first.push(item);
      if (first.length === 3) break; // returns only once the thread has ended
    }
    expect(first.map((item) => ('rowNumber' in item ? item.rowNumber : 'headers'))).toEqual(['headers', 2, 3]);

    const broken = Buffer.concat([file.subarray(0, 4), Buffer.from('not a zip archive at all'.repeat(100))]);
    await expect(all(parseInWorker(bufferSource(broken), 'xlsx'))).rejects.toThrow();
    await expect(all(parseRows(bufferSource(broken), 'xlsx'))).rejects.toThrow();
  });

  it('a thread that outgrows its budget ends alone: the read fails, this process goes on', async () => {
    const file = await workbook(HEADERS);
    // A budget too small even for the thread's modules stands in for a file too big for the real one.
    const starved = parseInWorker(bufferSource(file), 'xlsx', {
      maxOldGenerationSizeMb: 8,
      maxYoungGenerationSizeMb: 2,
    });
    await expect(all(starved)).rejects.toMatchObject({ code: 'ERR_WORKER_OUT_OF_MEMORY' });
    await expect(all(parseInWorker(bufferSource(file), 'xlsx'))).resolves.toHaveLength(1 + ROWS.length);
  });
});
