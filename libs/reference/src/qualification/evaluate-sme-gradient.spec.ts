import { evaluateInnovativeSme } from './evaluate-innovative-sme';
import { evaluateLittleGiant } from './evaluate-little-giant';
import { evaluateSpecializedSme } from './evaluate-specialized-sme';
import { classII, company, patent, qualification, yuan, type CompanyOverrides } from './qualification.fixtures';
import { wanYuan } from './rubrics/units';
import type { ConditionResult, FiscalYearFacts, IndicatorResult, RubricResult } from './types';

function indicator(result: RubricResult, key: string): IndicatorResult {
  const found = result.indicators.find((i) => i.key === key);
  if (!found) throw new Error(`no indicator ${key}`);
  return found;
}

function condition(result: RubricResult, key: string): ConditionResult {
  const found = result.conditions.find((c) => c.key === key);
  if (!found) throw new Error(`no condition ${key}`);
  return found;
}

/**
 * Base: IP 15 (self-developed Ⅰ类) + R&D 6 % 20 + growth 20 % 20 + debt 40 % 10 + strategic 10 +
 * main business 96 % 20 = 95.
 */
const INNOVATIVE: CompanyOverrides = {
  // Equity history is given (none raised) so the equity direct route is known to be closed.
  history: [
    { year: 2021, newEquityRaised: 0 },
    { year: 2022, mainBusinessRevenue: wanYuan(4_000), newEquityRaised: 0 },
  ],
  ipItems: [patent({ selfDeveloped: true, highValue: false })],
  inStrategicEmergingIndustry: true,
  yearsInNiche: 3,
};

function innovative(overrides: CompanyOverrides = {}): RubricResult {
  return evaluateInnovativeSme(company({ ...INNOVATIVE, ...overrides }));
}

const innovativePoints = (overrides: CompanyOverrides, key: string) => indicator(innovative(overrides), key).points;

describe('创新型中小企业评价（2022）— 六项指标', () => {
  it('基准企业：15 + 20 + 20 + 10 + 10 + 20 = 95 分，通过', () => {
    const result = innovative();
    expect(result.indicators.map((i) => i.points)).toEqual([15, 20, 20, 10, 10, 20]);
    expect(result.totalPoints).toBe(95);
    expect(result.verdict).toBe('pass');
  });

  it.each([
    ['Ⅰ类高价值知识产权', [patent({ highValue: true, selfDeveloped: false })], 20],
    ['自主研发的Ⅰ类知识产权', [patent({ highValue: false, selfDeveloped: true })], 15],
    ['受让的Ⅰ类知识产权', [patent({ highValue: false, selfDeveloped: false })], 10],
    ['仅Ⅱ类知识产权', classII(3), 5],
    ['仅商标', [patent({ type: 'trademark' as const })], 0],
  ])('知识产权：%s 得 %i 分', (_label, ipItems, expected) => {
    expect(innovativePoints({ ipItems }, 'ip')).toBe(expected);
  });

  it.each([
    ['5%', wanYuan(250), 20],
    ['4.99%', yuan(2_495_000), 15],
    ['3%', wanYuan(150), 15],
    ['2.99%', yuan(1_495_000), 10],
    ['2%', wanYuan(100), 10],
    ['1.99%', yuan(995_000), 5],
    ['1%', wanYuan(50), 5],
    ['0.99%', yuan(495_000), 0],
  ])('研发费用占营业收入 %s 得 %i 分', (_label, rdSpend, expected) => {
    expect(innovativePoints({ year: { rdSpend } }, 'rd_intensity')).toBe(expected);
  });

  it.each([
    ['15%', wanYuan(4_600), 20],
    ['14.99%', yuan(45_996_000), 15],
    ['10%', wanYuan(4_400), 15],
    ['5%', wanYuan(4_200), 10],
    ['0%（持平）', wanYuan(4_000), 5],
    ['-0.01%', yuan(39_996_000), 0],
  ])('主营业务收入增长率 %s 得 %i 分', (_label, mainBusinessRevenue, expected) => {
    expect(innovativePoints({ year: { mainBusinessRevenue } }, 'main_business_growth')).toBe(expected);
  });

  it.each([
    ['54.99%', yuan(32_994_000), 10],
    ['55%', wanYuan(3_300), 5],
    ['74.99%', yuan(44_994_000), 5],
    ['75%', wanYuan(4_500), 0],
  ])('资产负债率 %s 得 %i 分（“以下”不含本数）', (_label, liabilities, expected) => {
    expect(innovativePoints({ year: { liabilities } }, 'debt_ratio')).toBe(expected);
  });

  it('资产负债率 60%：降至 55% 以下 +5 分，负债至少减少 300 万元零 1 分', () => {
    const debt = indicator(innovative({ year: { liabilities: wanYuan(3_600) } }), 'debt_ratio');
    expect(debt.points).toBe(5);
    expect(debt.nextBand).toMatchObject({
      threshold: 55,
      delta: -5,
      valueNeeded: wanYuan(3_300) - 1,
      valueDelta: -(wanYuan(300) + 1),
      pointsGained: 5,
    });
  });

  it.each([
    ['70%', wanYuan(3_500), 20],
    ['69.99%', yuan(34_995_000), 15],
    ['60%', wanYuan(3_000), 15],
    ['59.99%', yuan(29_995_000), 10],
    ['55%', wanYuan(2_750), 10],
    ['50%', wanYuan(2_500), 5],
    ['49.99%', yuan(24_995_000), 0],
  ])('主营业务收入占营业收入 %s 得 %i 分', (_label, mainBusinessRevenue, expected) => {
    expect(innovativePoints({ year: { mainBusinessRevenue } }, 'main_business_share')).toBe(expected);
  });

  it('主导产品属于战略性新兴产业得 10 分，其他领域 5 分，未知时给出 5–10 分区间', () => {
    expect(innovativePoints({ inStrategicEmergingIndustry: true }, 'strategic_field')).toBe(10);
    expect(innovativePoints({ inStrategicEmergingIndustry: false }, 'strategic_field')).toBe(5);
    expect(indicator(innovative({ inStrategicEmergingIndustry: null }), 'strategic_field')).toMatchObject({
      points: null,
      minPoints: 5,
      maxPointsPossible: 10,
    });
  });
});

describe('创新型中小企业评价（2022）— 公告条件', () => {
  it('总分 65 分但创新能力指标只有 5 分（< 20）：不通过，补足创新能力即可通过', () => {
    const result = innovative({ ipItems: [], year: { rdSpend: wanYuan(75) } });
    expect(result.totalPoints).toBe(65);
    expect(result.verdict).toBe('fail');
    expect(condition(result, 'total_points').met).toBe(true);
    expect(condition(result, 'innovation_points')).toMatchObject({ met: false, rawValue: 5 });
    expect(condition(result, 'innovation_points').gap).toMatchObject({ threshold: 20, delta: 15, flipsVerdict: true });
  });

  it('近三年新增股权融资 500 万元：直接认定', () => {
    const history: FiscalYearFacts[] = [
      { year: 2021, newEquityRaised: 0 },
      { year: 2022, mainBusinessRevenue: wanYuan(4_000), newEquityRaised: wanYuan(200) },
    ];
    const result = innovative({ history, ipItems: [], year: { rdSpend: 0, newEquityRaised: wanYuan(300) } });
    expect(condition(result, 'innovation_points').met).toBe(false);
    expect(result.verdict).toBe('pass');
    expect(result.directQualification?.route).toBe('equity_raised');
  });

  it('近三年新增股权融资 499.99 万元：不能直接认定', () => {
    const history: FiscalYearFacts[] = [
      { year: 2021, newEquityRaised: 0 },
      { year: 2022, mainBusinessRevenue: wanYuan(4_000), newEquityRaised: wanYuan(200) },
    ];
    const result = innovative({ history, ipItems: [], year: { rdSpend: 0, newEquityRaised: yuan(2_999_900) } });
    expect(result.verdict).toBe('fail');
  });

  it('近三年获省级科技奖励：直接认定', () => {
    const result = innovative({
      ipItems: [],
      year: { rdSpend: 0 },
      qualifications: [qualification('provincial_science_award', { eventOn: '2022-12-01' })],
    });
    expect(result.verdict).toBe('pass');
    expect(result.directQualification?.route).toBe('science_award');
  });

  it('不是中小企业（工业大型企业）时，即使持有高企证书也不通过', () => {
    const result = innovative({
      year: { headcount: 1_200, techStaff: 300, revenue: wanYuan(50_000), mainBusinessRevenue: wanYuan(48_000) },
      qualifications: [qualification('high_tech_enterprise', { validFrom: '2023-01-01', validUntil: '2025-12-31' })],
    });
    expect(condition(result, 'is_sme').met).toBe(false);
    expect(result.verdict).toBe('fail');
  });

  it('Ⅰ类知识产权是否自主研发未知，但总分下限已过线：通过且列出缺失项', () => {
    const result = innovative({ ipItems: [patent()] });
    expect(indicator(result, 'ip')).toMatchObject({ points: null, minPoints: 10, maxPointsPossible: 20 });
    expect(result.verdict).toBe('pass');
    expect(result.missingInputs).toEqual(expect.arrayContaining(['ipItems[0].highValue', 'ipItems[0].selfDeveloped']));
  });
});

describe('专精特新中小企业（2022，量化条件）', () => {
  function specialized(overrides: CompanyOverrides = {}): RubricResult {
    return evaluateSpecializedSme(company({ ...INNOVATIVE, ...overrides }));
  }

  it('创新型中小企业、细分市场 3 年、研发 300 万元占 6%、营业收入 5000 万元：通过', () => {
    const result = specialized();
    expect(result.verdict).toBe('pass');
    expect(condition(result, 'innovative_sme').met).toBe(true);
  });

  it('从事细分市场 2 年满足，1 年不满足并指出差 1 年', () => {
    expect(specialized({ yearsInNiche: 2 }).verdict).toBe('pass');
    const result = specialized({ yearsInNiche: 1 });
    expect(result.verdict).toBe('fail');
    expect(condition(result, 'years_in_niche').gap).toMatchObject({ unit: 'years', delta: 1, flipsVerdict: true });
  });

  it('细分市场年限未知时结果未知', () => {
    const result = specialized({ yearsInNiche: null });
    expect(result.verdict).toBe('unknown');
    expect(result.missingInputs).toContain('yearsInNiche');
  });

  it('研发费用总额恰好 100 万元满足，99.99 万元不满足', () => {
    const small = { revenue: wanYuan(2_000), mainBusinessRevenue: wanYuan(1_900) };
    const history: FiscalYearFacts[] = [{ year: 2022, mainBusinessRevenue: wanYuan(1_500) }];
    expect(condition(specialized({ history, year: { ...small, rdSpend: wanYuan(100) } }), 'rd_spend').met).toBe(true);
    expect(condition(specialized({ history, year: { ...small, rdSpend: yuan(999_900) } }), 'rd_spend').met).toBe(false);
  });

  it('研发费用占营业收入恰好 3% 满足，2.99% 不满足', () => {
    expect(condition(specialized({ year: { rdSpend: wanYuan(150) } }), 'rd_intensity').met).toBe(true);
    expect(condition(specialized({ year: { rdSpend: yuan(1_495_000) } }), 'rd_intensity').met).toBe(false);
  });

  it('营业收入不足 1000 万元，但近 2 年新增股权融资恰好 2000 万元：满足', () => {
    const history: FiscalYearFacts[] = [
      { year: 2022, mainBusinessRevenue: wanYuan(600), newEquityRaised: wanYuan(1_200) },
    ];
    const year = {
      revenue: wanYuan(800),
      mainBusinessRevenue: wanYuan(780),
      rdSpend: wanYuan(100),
      newEquityRaised: wanYuan(800),
    };
    const result = specialized({ history, year });
    expect(condition(result, 'revenue_or_equity').met).toBe(true);
    expect(result.verdict).toBe('pass');
  });

  it('营业收入不足 1000 万元，近 2 年新增股权融资 1999.99 万元：不满足', () => {
    const history: FiscalYearFacts[] = [
      { year: 2022, mainBusinessRevenue: wanYuan(600), newEquityRaised: wanYuan(1_200) },
    ];
    const year = {
      revenue: wanYuan(800),
      mainBusinessRevenue: wanYuan(780),
      rdSpend: wanYuan(100),
      newEquityRaised: yuan(7_999_900),
    };
    const result = specialized({ history, year });
    expect(condition(result, 'revenue_or_equity').met).toBe(false);
    expect(result.verdict).toBe('fail');
  });

  /** Main-business revenue fell 20 %: growth scores 0, so with no IP the innovative evaluation fails. */
  const SHRINKING: FiscalYearFacts[] = [
    { year: 2021, newEquityRaised: 0 },
    { year: 2022, mainBusinessRevenue: wanYuan(6_000), newEquityRaised: 0 },
  ];

  it('不是创新型中小企业（本次评估不通过且无认定）：不通过', () => {
    const result = specialized({ ipItems: [], year: { rdSpend: wanYuan(160) }, history: SHRINKING });
    expect(condition(result, 'innovative_sme').met).toBe(false);
    expect(result.verdict).toBe('fail');
  });

  it('已认定的创新型中小企业证书满足前置条件', () => {
    const result = specialized({
      ipItems: [],
      year: { rdSpend: wanYuan(160) },
      history: SHRINKING,
      qualifications: [qualification('innovative_sme', { validFrom: '2023-05-01' })],
    });
    expect(condition(result, 'innovative_sme').met).toBe(true);
    expect(result.verdict).toBe('pass');
  });
});

describe('专精特新“小巨人”企业（2022，量化条件）', () => {
  /** Revenue ¥150 m (> ¥100 m band), R&D 6 % and 5.83 %, debt 50 %, three self-developed invention patents. */
  const GIANT: CompanyOverrides = {
    year: {
      headcount: 280,
      techStaff: 90,
      rdStaff: 70,
      revenue: wanYuan(15_000),
      mainBusinessRevenue: wanYuan(14_000),
      totalCosts: wanYuan(13_000),
      rdSpend: wanYuan(900),
      totalAssets: wanYuan(12_000),
      liabilities: wanYuan(6_000),
    },
    history: [
      {
        year: 2022,
        revenue: wanYuan(12_000),
        mainBusinessRevenue: wanYuan(11_000),
        rdSpend: wanYuan(700),
        totalAssets: wanYuan(10_000),
        liabilities: wanYuan(5_000),
      },
    ],
    ipItems: [1, 2, 3].map(() => patent({ selfDeveloped: true, highValue: false })),
    inStrategicEmergingIndustry: true,
    yearsInNiche: 5,
  };

  function giant(overrides: CompanyOverrides = {}): RubricResult {
    return evaluateLittleGiant(
      company({
        ...GIANT,
        ...overrides,
        year: { ...GIANT.year, ...overrides.year },
        history: overrides.history ?? GIANT.history,
      }),
    );
  }

  it('营业收入 1.5 亿元、近两年研发占比 5.83% 与 6%、3 项发明专利：通过', () => {
    const result = giant();
    expect(result.verdict).toBe('pass');
    expect(condition(result, 'rd_intensity').label).toContain('不低于 3%');
  });

  it('营业收入 1 亿元以上时近两年每年都须 ≥ 3%：2022 年 2.99% 不满足，并指出 2022 年需增加的研发费用', () => {
    const history = [{ ...GIANT.history![0], rdSpend: yuan(3_588_000) }];
    const rd = condition(giant({ history }), 'rd_intensity');
    expect(rd.met).toBe(false);
    expect(rd.gap).toMatchObject({
      threshold: 3,
      valueNeededInput: 'fiscalYears[2022].rdSpend',
      valueDelta: wanYuan(1.2),
    });
  });

  it('营业收入恰好 1 亿元适用 6% 档：研发占比 5.5% 不满足', () => {
    const rd = condition(
      giant({ year: { revenue: wanYuan(10_000), mainBusinessRevenue: wanYuan(9_500), rdSpend: wanYuan(550) } }),
      'rd_intensity',
    );
    expect(rd.label).toContain('不低于 6%');
    expect(rd.met).toBe(false);
  });

  it('营业收入不足 5000 万元：须近 2 年新增股权融资 ≥ 8000 万元、研发费用 ≥ 3000 万元、研发人员 ≥ 50%', () => {
    const history: FiscalYearFacts[] = [
      {
        year: 2022,
        revenue: wanYuan(3_000),
        mainBusinessRevenue: wanYuan(2_800),
        rdSpend: wanYuan(1_400),
        newEquityRaised: wanYuan(5_000),
      },
    ];
    const year = {
      headcount: 120,
      rdStaff: 60,
      revenue: wanYuan(4_000),
      mainBusinessRevenue: wanYuan(3_800),
      rdSpend: wanYuan(1_600),
      newEquityRaised: wanYuan(3_000),
    };
    const result = giant({ history, year });
    expect(result.conditions.map((c) => [c.key, c.met])).toEqual(
      expect.arrayContaining([
        ['equity_raised', true],
        ['cumulative_rd_spend', true],
        ['rd_staff_share', true],
      ]),
    );
    expect(result.verdict).toBe('pass');
    expect(condition(giant({ history, year: { ...year, rdStaff: 59 } }), 'rd_staff_share').met).toBe(false);
  });

  it('资产负债率恰好 70% 满足，70% 又 1 分钱不满足', () => {
    expect(condition(giant({ year: { liabilities: wanYuan(8_400) } }), 'debt_ratio').met).toBe(true);
    const debt = condition(giant({ year: { liabilities: wanYuan(8_400) + 1 } }), 'debt_ratio');
    expect(debt.met).toBe(false);
    expect(debt.gap).toMatchObject({ threshold: 70, valueNeeded: wanYuan(8_400), valueDelta: -1, flipsVerdict: true });
  });

  it('只有 1 项Ⅰ类知识产权不满足（需 2 项以上），再取得 1 项即可通过', () => {
    const result = giant({ ipItems: [patent({ selfDeveloped: true, highValue: false }), ...classII(6)] });
    expect(condition(result, 'class_i_ip')).toMatchObject({ met: false, rawValue: 1 });
    expect(condition(result, 'class_i_ip').gap).toMatchObject({ delta: 1, flipsVerdict: true });
    expect(result.verdict).toBe('fail');
  });

  it('细分市场 2 年：专精特新满足但“小巨人”需 3 年', () => {
    const result = giant({ yearsInNiche: 2 });
    expect(condition(result, 'specialized_sme').met).toBe(true);
    expect(condition(result, 'years_in_niche').met).toBe(false);
    expect(result.verdict).toBe('fail');
  });

  it('持有有效期内的“小巨人”认定：直接通过', () => {
    const result = giant({
      yearsInNiche: 2,
      qualifications: [qualification('little_giant', { validFrom: '2022-07-01', validUntil: '2025-06-30' })],
    });
    expect(result.verdict).toBe('pass');
    expect(result.directQualification?.route).toBe('already_recognised');
  });
});
