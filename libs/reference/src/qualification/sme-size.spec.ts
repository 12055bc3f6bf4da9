import { company, YEAR } from './qualification.fixtures';
import { SME_INDUSTRY_KEYS } from './rubrics/sme-size-2011';
import { wanYuan } from './rubrics/units';
import { evaluateSmeSize } from './sme-size';
import type { SizeClass } from './types';

interface Facts {
  headcount?: number;
  revenue?: number;
  totalAssets?: number;
}

function classOf(industry: string, facts: Facts): SizeClass | null {
  return evaluateSmeSize(company({ industry, year: { headcount: null, revenue: null, totalAssets: null, ...facts } }))
    .sizeClass;
}

/** [industry, facts, expected] — each boundary of 工信部联企业〔2011〕300号, reached and missed by one unit. */
const CASES: Array<[string, string, Facts, SizeClass]> = [
  ['industry', '从业人员 19 人', { headcount: 19, revenue: wanYuan(300) }, 'micro'],
  ['industry', '从业人员 20 人、营业收入 300 万元', { headcount: 20, revenue: wanYuan(300) }, 'small'],
  ['industry', '营业收入 300 万元差 1 分', { headcount: 20, revenue: wanYuan(300) - 1 }, 'micro'],
  ['industry', '从业人员 299 人', { headcount: 299, revenue: wanYuan(2_000) }, 'small'],
  ['industry', '从业人员 300 人、营业收入 2000 万元', { headcount: 300, revenue: wanYuan(2_000) }, 'medium'],
  ['industry', '从业人员 2000 人但营业收入 1000 万元', { headcount: 2_000, revenue: wanYuan(1_000) }, 'small'],
  ['industry', '从业人员 999 人、营业收入 4 亿元', { headcount: 999, revenue: wanYuan(40_000) }, 'medium'],
  [
    'industry',
    '从业人员 1000 人、营业收入 4 亿元差 1 分',
    { headcount: 1_000, revenue: wanYuan(40_000) - 1 },
    'medium',
  ],
  ['industry', '从业人员 1000 人、营业收入 4 亿元', { headcount: 1_000, revenue: wanYuan(40_000) }, 'large'],
  ['software_it', '从业人员 9 人', { headcount: 9, revenue: wanYuan(50) }, 'micro'],
  ['software_it', '营业收入 50 万元差 1 分', { headcount: 10, revenue: wanYuan(50) - 1 }, 'micro'],
  ['software_it', '从业人员 10 人、营业收入 50 万元', { headcount: 10, revenue: wanYuan(50) }, 'small'],
  [
    'software_it',
    '从业人员 100 人、营业收入 1000 万元差 1 分',
    { headcount: 100, revenue: wanYuan(1_000) - 1 },
    'small',
  ],
  ['software_it', '从业人员 100 人、营业收入 1000 万元', { headcount: 100, revenue: wanYuan(1_000) }, 'medium'],
  ['software_it', '从业人员 299 人、营业收入 1 亿元', { headcount: 299, revenue: wanYuan(10_000) }, 'medium'],
  ['software_it', '从业人员 300 人、营业收入 1 亿元', { headcount: 300, revenue: wanYuan(10_000) }, 'large'],
  ['other', '从业人员 9 人', { headcount: 9 }, 'micro'],
  ['other', '从业人员 10 人', { headcount: 10 }, 'small'],
  ['other', '从业人员 99 人', { headcount: 99 }, 'small'],
  ['other', '从业人员 100 人', { headcount: 100 }, 'medium'],
  ['other', '从业人员 299 人', { headcount: 299 }, 'medium'],
  ['other', '从业人员 300 人', { headcount: 300 }, 'large'],
  ['agriculture', '营业收入 50 万元差 1 分', { revenue: wanYuan(50) - 1 }, 'micro'],
  ['agriculture', '营业收入 50 万元', { revenue: wanYuan(50) }, 'small'],
  ['agriculture', '营业收入 500 万元', { revenue: wanYuan(500) }, 'medium'],
  ['agriculture', '营业收入 2 亿元', { revenue: wanYuan(20_000) }, 'large'],
  ['construction', '资产总额 300 万元差 1 分', { revenue: wanYuan(300), totalAssets: wanYuan(300) - 1 }, 'micro'],
  ['construction', '营业收入、资产总额各 300 万元', { revenue: wanYuan(300), totalAssets: wanYuan(300) }, 'small'],
  [
    'construction',
    '营业收入 6000 万元、资产总额 5000 万元',
    { revenue: wanYuan(6_000), totalAssets: wanYuan(5_000) },
    'medium',
  ],
  [
    'construction',
    '营业收入 8 亿元、资产总额 7.9 亿元',
    { revenue: wanYuan(80_000), totalAssets: wanYuan(79_000) },
    'medium',
  ],
  ['construction', '营业收入、资产总额各 8 亿元', { revenue: wanYuan(80_000), totalAssets: wanYuan(80_000) }, 'large'],
  ['wholesale', '从业人员 4 人', { headcount: 4, revenue: wanYuan(1_000) }, 'micro'],
  ['wholesale', '从业人员 5 人、营业收入 1000 万元', { headcount: 5, revenue: wanYuan(1_000) }, 'small'],
  ['wholesale', '从业人员 20 人、营业收入 5000 万元', { headcount: 20, revenue: wanYuan(5_000) }, 'medium'],
  ['wholesale', '从业人员 200 人、营业收入 4 亿元', { headcount: 200, revenue: wanYuan(40_000) }, 'large'],
  ['retail', '从业人员 9 人', { headcount: 9, revenue: wanYuan(100) }, 'micro'],
  ['retail', '从业人员 10 人、营业收入 100 万元', { headcount: 10, revenue: wanYuan(100) }, 'small'],
  ['retail', '从业人员 50 人、营业收入 500 万元', { headcount: 50, revenue: wanYuan(500) }, 'medium'],
  ['retail', '从业人员 300 人、营业收入 2 亿元', { headcount: 300, revenue: wanYuan(20_000) }, 'large'],
  ['transport', '营业收入 200 万元差 1 分', { headcount: 20, revenue: wanYuan(200) - 1 }, 'micro'],
  ['transport', '从业人员 20 人、营业收入 200 万元', { headcount: 20, revenue: wanYuan(200) }, 'small'],
  ['transport', '从业人员 300 人、营业收入 3000 万元', { headcount: 300, revenue: wanYuan(3_000) }, 'medium'],
  ['transport', '从业人员 1000 人、营业收入 3 亿元', { headcount: 1_000, revenue: wanYuan(30_000) }, 'large'],
  ['warehousing', '从业人员 20 人、营业收入 100 万元', { headcount: 20, revenue: wanYuan(100) }, 'small'],
  ['warehousing', '从业人员 100 人、营业收入 1000 万元', { headcount: 100, revenue: wanYuan(1_000) }, 'medium'],
  ['warehousing', '从业人员 199 人、营业收入 3 亿元', { headcount: 199, revenue: wanYuan(30_000) }, 'medium'],
  ['warehousing', '从业人员 200 人、营业收入 3 亿元', { headcount: 200, revenue: wanYuan(30_000) }, 'large'],
  ['postal', '从业人员 19 人', { headcount: 19, revenue: wanYuan(100) }, 'micro'],
  ['postal', '从业人员 20 人、营业收入 100 万元', { headcount: 20, revenue: wanYuan(100) }, 'small'],
  ['postal', '从业人员 300 人、营业收入 2000 万元', { headcount: 300, revenue: wanYuan(2_000) }, 'medium'],
  ['postal', '从业人员 1000 人、营业收入 3 亿元', { headcount: 1_000, revenue: wanYuan(30_000) }, 'large'],
  ['accommodation', '从业人员 10 人、营业收入 100 万元', { headcount: 10, revenue: wanYuan(100) }, 'small'],
  ['accommodation', '从业人员 100 人、营业收入 2000 万元', { headcount: 100, revenue: wanYuan(2_000) }, 'medium'],
  ['accommodation', '从业人员 300 人、营业收入 1 亿元', { headcount: 300, revenue: wanYuan(10_000) }, 'large'],
  ['catering', '从业人员 9 人', { headcount: 9, revenue: wanYuan(100) }, 'micro'],
  ['catering', '从业人员 100 人、营业收入 2000 万元差 1 分', { headcount: 100, revenue: wanYuan(2_000) - 1 }, 'small'],
  ['catering', '从业人员 300 人、营业收入 1 亿元', { headcount: 300, revenue: wanYuan(10_000) }, 'large'],
  ['information_transmission', '从业人员 10 人、营业收入 100 万元', { headcount: 10, revenue: wanYuan(100) }, 'small'],
  [
    'information_transmission',
    '从业人员 100 人、营业收入 1000 万元',
    { headcount: 100, revenue: wanYuan(1_000) },
    'medium',
  ],
  [
    'information_transmission',
    '从业人员 1999 人、营业收入 10 亿元',
    { headcount: 1_999, revenue: wanYuan(100_000) },
    'medium',
  ],
  [
    'information_transmission',
    '从业人员 2000 人、营业收入 10 亿元',
    { headcount: 2_000, revenue: wanYuan(100_000) },
    'large',
  ],
  [
    'real_estate_development',
    '资产总额 2000 万元差 1 分',
    { revenue: wanYuan(100), totalAssets: wanYuan(2_000) - 1 },
    'micro',
  ],
  [
    'real_estate_development',
    '营业收入 100 万元、资产总额 2000 万元',
    { revenue: wanYuan(100), totalAssets: wanYuan(2_000) },
    'small',
  ],
  [
    'real_estate_development',
    '营业收入 1000 万元、资产总额 5000 万元',
    { revenue: wanYuan(1_000), totalAssets: wanYuan(5_000) },
    'medium',
  ],
  [
    'real_estate_development',
    '营业收入 20 亿元、资产总额 1 亿元差 1 分',
    { revenue: wanYuan(200_000), totalAssets: wanYuan(10_000) - 1 },
    'medium',
  ],
  [
    'real_estate_development',
    '营业收入 20 亿元、资产总额 1 亿元',
    { revenue: wanYuan(200_000), totalAssets: wanYuan(10_000) },
    'large',
  ],
  ['property_management', '从业人员 99 人', { headcount: 99, revenue: wanYuan(500) }, 'micro'],
  ['property_management', '从业人员 100 人、营业收入 500 万元', { headcount: 100, revenue: wanYuan(500) }, 'small'],
  ['property_management', '从业人员 300 人、营业收入 1000 万元', { headcount: 300, revenue: wanYuan(1_000) }, 'medium'],
  [
    'property_management',
    '从业人员 1000 人、营业收入 5000 万元',
    { headcount: 1_000, revenue: wanYuan(5_000) },
    'large',
  ],
  ['leasing_business_services', '资产总额 100 万元差 1 分', { headcount: 10, totalAssets: wanYuan(100) - 1 }, 'micro'],
  [
    'leasing_business_services',
    '从业人员 10 人、资产总额 100 万元',
    { headcount: 10, totalAssets: wanYuan(100) },
    'small',
  ],
  [
    'leasing_business_services',
    '从业人员 100 人、资产总额 8000 万元',
    { headcount: 100, totalAssets: wanYuan(8_000) },
    'medium',
  ],
  [
    'leasing_business_services',
    '从业人员 300 人、资产总额 12 亿元',
    { headcount: 300, totalAssets: wanYuan(120_000) },
    'large',
  ],
];

describe('中小企业划型（工信部联企业〔2011〕300号）', () => {
  it('覆盖标准列明的全部 16 个行业', () => {
    expect(SME_INDUSTRY_KEYS).toHaveLength(16);
    expect(new Set(CASES.map(([industry]) => industry))).toEqual(new Set(SME_INDUSTRY_KEYS));
  });

  it.each(CASES)('%s：%s → %s', (industry, _label, facts, expected) => {
    expect(classOf(industry, facts)).toBe(expected);
  });

  it('工业小型企业：达到中型还需从业人员 +200 人、营业收入 +500 万元', () => {
    const result = evaluateSmeSize(company({ year: { headcount: 100, revenue: wanYuan(1_500) } }));
    expect(result).toMatchObject({ sizeClass: 'small', isSme: true, verdict: 'pass' });
    expect(result.nextClass).toEqual({
      sizeClass: 'medium',
      requirements: [
        {
          metric: 'headcount',
          input: `fiscalYears[${YEAR}].headcount`,
          threshold: 300,
          current: 100,
          delta: 200,
          met: false,
        },
        {
          metric: 'revenue',
          input: `fiscalYears[${YEAR}].revenue`,
          threshold: wanYuan(2_000),
          current: wanYuan(1_500),
          delta: wanYuan(500),
          met: false,
        },
      ],
    });
    expect(result.explanation).toBe(
      '中小企业划型：通过。工业：小型企业，且在科技型中小企业规模上限内。达到中型企业需从业人员 ≥ 300 人（+200 人）且营业收入 ≥ 2,000 万元（+500 万元）。',
    );
  });

  it('大型企业不是中小企业，结果不通过', () => {
    const result = evaluateSmeSize(company({ year: { headcount: 1_200, revenue: wanYuan(50_000) } }));
    expect(result).toMatchObject({ sizeClass: 'large', isSme: false, verdict: 'fail' });
    expect(result.nextClass).toBeUndefined();
  });

  it('第二道门槛：工业中型企业 600 人属于中小企业，但超过科技型中小企业 500 人上限，不通过', () => {
    const result = evaluateSmeSize(company({ year: { headcount: 600, revenue: wanYuan(10_000) } }));
    expect(result).toMatchObject({ sizeClass: 'medium', isSme: true, verdict: 'fail' });
    expect(result.conditions.find((c) => c.key === 'headcount_ceiling')?.gap).toMatchObject({
      delta: -100,
      flipsVerdict: true,
    });
  });

  it('第二道门槛：资产总额 2 亿元又 1 分钱不通过', () => {
    const result = evaluateSmeSize(company({ year: { totalAssets: wanYuan(20_000) + 1 } }));
    expect(result.isSme).toBe(true);
    expect(result.verdict).toBe('fail');
  });

  it('工业 5 人、营业收入缺失：不论收入多少都是微型企业', () => {
    const result = evaluateSmeSize(company({ year: { headcount: 5, revenue: null } }));
    expect(result.sizeClass).toBe('micro');
    expect(result.isSme).toBe(true);
    expect(result.verdict).toBe('unknown'); // the 科技型中小企业 revenue ceiling still needs revenue
    expect(result.missingInputs).toEqual([`fiscalYears[${YEAR}].revenue`]);
  });

  it('工业 500 人、营业收入缺失：确定是中小企业，但类型（中型或小型）未知', () => {
    const result = evaluateSmeSize(company({ year: { headcount: 500, revenue: null } }));
    expect(result.sizeClass).toBeNull();
    expect(result.isSme).toBe(true);
    expect(result.conditions[0].met).toBe(true);
  });

  it('缺少行业时结果未知，missingInputs 指出 industry', () => {
    const result = evaluateSmeSize(company({ industry: null }));
    expect(result).toMatchObject({ sizeClass: null, isSme: null, verdict: 'unknown' });
    expect(result.missingInputs).toEqual(['industry']);
  });

  it('未识别的行业代码按缺失处理，并说明原因', () => {
    const result = evaluateSmeSize(company({ industry: 'mining' }));
    expect(result.verdict).toBe('unknown');
    expect(result.conditions[0].explanation).toContain('未识别的行业代码 mining');
  });
});
