import { checkCharacter } from '@app/identity';
import { parseImportRow, yuanToFen } from './parse-import-row';

const code = (body17: string) => body17 + checkCharacter(body17);
const VALID = code('91320211MA2B00005');

const row = (over: Record<string, unknown> = {}) => ({
  企业名称: '无锡星航智农导航科技有限公司',
  统一社会信用代码: VALID,
  地区代码: '320211',
  年度: '2023',
  ...over,
});

describe('import row parsing', () => {
  it('converts 元 to 分 exactly, without floating-point drift', () => {
    expect(yuanToFen('46500000.00')).toBe(4_650_000_000);
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('1,234.5')).toBe(123_450);
    expect(yuanToFen('9000000元')).toBe(900_000_000);
    expect(yuanToFen('1.005')).toBeNull();
    expect(yuanToFen('-5')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
  });

  it('parses a complete row into typed fields', () => {
    const { row: parsed, errors } = parseImportRow(2, {
      ...row(),
      成立日期: '2019/6/18',
      行业: '工业',
      赛道: '智能农机、人工智能',
      高校衍生: '否',
      从业人数: '86',
      科技人员数: '31',
      '营业收入（元）': '46500000',
      '研发费用（元）': 3100000.5,
    });
    expect(errors).toEqual([]);
    expect(parsed).toMatchObject({
      creditCode: VALID,
      foundedOn: '2019-06-18',
      industry: 'industry',
      tracks: ['intelligent_agri_machinery', 'artificial_intelligence'],
      universitySpinOut: false,
      year: 2023,
      fiscal: { headcount: 86, techStaff: 31, revenue: 4_650_000_000, rdSpend: 310_000_050, totalAssets: null },
    });
  });

  it('reports every bad cell with its row, column header, value and code', () => {
    const { row: parsed, errors } = parseImportRow(7, {
      ...row({ 统一社会信用代码: '91320211MA2B000050', 地区代码: '32021', 年度: '二〇二三' }),
      成立日期: '2019-02-30',
      赛道: '元宇宙',
      高校衍生: '也许',
      从业人数: '12.5',
      '营业收入（元）': '1.005',
    });
    expect(parsed).toBeUndefined();
    expect(errors).toEqual([
      { row: 7, column: '统一社会信用代码', value: '91320211MA2B000050', code: 'CREDIT_CODE_INVALID' },
      { row: 7, column: '成立日期', value: '2019-02-30', code: 'NOT_A_DATE' },
      { row: 7, column: '地区代码', value: '32021', code: 'REGION_CODE_INVALID' },
      { row: 7, column: '赛道', value: '元宇宙', code: 'TRACK_UNKNOWN' },
      { row: 7, column: '高校衍生', value: '也许', code: 'NOT_YES_NO' },
      { row: 7, column: '年度', value: '二〇二三', code: 'NOT_A_YEAR' },
      { row: 7, column: '从业人数', value: '12.5', code: 'NOT_A_COUNT' },
      { row: 7, column: '营业收入（元）', value: '1.005', code: 'NOT_MONEY' },
    ]);
  });

  it('refuses a cell with U+0000 (the platform text rule) and echoes it without the byte', () => {
    const { row: parsed, errors } = parseImportRow(4, row({ 企业名称: '无锡\u0000科技', 一句话介绍: 'a\u0000b' }));
    expect(parsed).toBeUndefined();
    expect(errors).toEqual(
      expect.arrayContaining([{ row: 4, column: '企业名称', value: '无锡\uFFFD科技', code: 'NUL_CHARACTER' }]),
    );
    expect(JSON.stringify(errors)).not.toContain('\\u0000');
  });

  it('requires name, credit code, region and year', () => {
    const { errors } = parseImportRow(3, {});
    expect(errors.map((e) => e.column)).toEqual(['企业名称', '统一社会信用代码', '地区代码', '年度']);
    expect(errors.every((e) => e.code === 'REQUIRED')).toBe(true);
  });

  it('refuses figures that contradict each other', () => {
    const { errors } = parseImportRow(4, { ...row(), 从业人数: '10', 科技人员数: '11' });
    expect(errors).toEqual([{ row: 4, column: '科技人员数', value: '11', code: 'FIGURES_CONTRADICT' }]);
  });
});
