import { evaluateHighTechEnterprise } from './evaluate-high-tech-enterprise';
import { company, patent, qualification, yuan, type CompanyOverrides } from './qualification.fixtures';
import { wanYuan } from './rubrics/units';
import type { ConditionResult, FiscalYearFacts, HighTechEnterpriseResult } from './types';

/** Three years of history: R&D 6 % of revenue each year, all spent in China. */
const HISTORY: FiscalYearFacts[] = [
  { year: 2021, revenue: wanYuan(3_000), rdSpend: wanYuan(180), rdSpendInChina: wanYuan(180) },
  { year: 2022, revenue: wanYuan(4_000), rdSpend: wanYuan(240), rdSpendInChina: wanYuan(240) },
];

function evaluate(overrides: CompanyOverrides = {}): HighTechEnterpriseResult {
  return evaluateHighTechEnterprise(
    company({ history: HISTORY, inKeySupportedHighTechField: true, expertInnovationScore: 78, ...overrides }),
  );
}

function condition(result: HighTechEnterpriseResult, key: string): ConditionResult {
  const found = result.conditions.find((c) => c.key === key);
  if (!found) throw new Error(`no condition ${key}`);
  return found;
}

describe('高新技术企业认定条件（国科发火〔2016〕32号）', () => {
  it('各项条件满足且创新能力评价 78 分：通过', () => {
    const result = evaluate();
    expect(result.verdict).toBe('pass');
    expect(result.quantitativeVerdict).toBe('pass');
    expect(result.conditions.every((c) => c.met === true)).toBe(true);
  });

  it('创新能力评价须高于 70 分：恰好 70 分不通过，71 分通过', () => {
    expect(evaluate({ expertInnovationScore: 70 }).verdict).toBe('fail');
    expect(evaluate({ expertInnovationScore: 71 }).verdict).toBe('pass');
  });

  it('未提供专家评分时结果未知，但量化条件已全部满足', () => {
    const result = evaluate({ expertInnovationScore: null });
    expect(result.verdict).toBe('unknown');
    expect(result.quantitativeVerdict).toBe('pass');
    expect(result.missingInputs).toEqual(['expertInnovationScore']);
  });

  /** R&D 4.5 % of revenue in 2021–2022; the latest year's revenue picks the 5 % or the 4 % threshold. */
  const HISTORY_AT_4_5_PERCENT: FiscalYearFacts[] = [
    { year: 2021, revenue: wanYuan(3_000), rdSpend: wanYuan(135), rdSpendInChina: wanYuan(135) },
    { year: 2022, revenue: wanYuan(4_000), rdSpend: wanYuan(180), rdSpendInChina: wanYuan(180) },
  ];

  it('近三年研发费用比例：最近一年销售收入恰好 5000 万元（含）适用 5%，4.5% 不满足', () => {
    const result = evaluate({
      history: HISTORY_AT_4_5_PERCENT,
      year: { revenue: wanYuan(5_000), rdSpend: wanYuan(225), rdSpendInChina: wanYuan(225) },
    });
    const rd = condition(result, 'rd_intensity');
    expect(rd.met).toBe(false);
    expect(rd.label).toContain('最近一年销售收入 ≤ 5,000 万元，不低于 5%');
    expect(rd.rawValue).toBe(4.5);
  });

  it('最近一年销售收入 5000 万元又 1 分钱适用 4%，4.5% 满足', () => {
    const result = evaluate({
      history: HISTORY_AT_4_5_PERCENT,
      year: { revenue: wanYuan(5_000) + 1, rdSpend: wanYuan(225), rdSpendInChina: wanYuan(225) },
    });
    expect(condition(result, 'rd_intensity').met).toBe(true);
    expect(condition(result, 'rd_intensity').label).toContain('不低于 4%');
  });

  it('最近一年销售收入 2 亿元以上适用 3%', () => {
    const history: FiscalYearFacts[] = [
      { year: 2021, revenue: wanYuan(15_000), rdSpend: wanYuan(450), rdSpendInChina: wanYuan(450) },
      { year: 2022, revenue: wanYuan(20_000), rdSpend: wanYuan(600), rdSpendInChina: wanYuan(600) },
    ];
    const result = evaluate({
      history,
      year: {
        revenue: wanYuan(25_000),
        highTechRevenue: wanYuan(20_000),
        rdSpend: wanYuan(800),
        rdSpendInChina: wanYuan(800),
      },
    });
    expect(condition(result, 'rd_intensity')).toMatchObject({ met: true, rawValue: 3.0833 });
    expect(result.verdict).toBe('pass');
  });

  it('近三年研发费用比例 4.99% 不满足 5%：还需研发费用 1.2 万元，且补足即可通过', () => {
    const result = evaluate({ year: { rdSpend: yuan(1_788_000), rdSpendInChina: yuan(1_788_000) } });
    const rd = condition(result, 'rd_intensity');
    expect(rd.rawValue).toBe(4.99);
    expect(rd.gap).toEqual({
      threshold: 5,
      unit: 'percent',
      delta: 0.01,
      valueNeeded: wanYuan(600),
      valueNeededInput: 'fiscalYears[2021..2023].rdSpend',
      valueDelta: wanYuan(1.2),
      flipsVerdict: true,
    });
    expect(rd.explanation).toContain('再提高 0.01 个百分点达到 5%（需研发费用累计再增加 1.2 万元）');
  });

  it('境内研发费用恰好 60% 满足，59.99% 不满足', () => {
    // Three-year R&D is ¥7.2 m; 2021–2022 put ¥4.2 m in China.
    expect(condition(evaluate({ year: { rdSpendInChina: wanYuan(12) } }), 'rd_in_china_share').met).toBe(true);
    expect(condition(evaluate({ year: { rdSpendInChina: yuan(119_280) } }), 'rd_in_china_share').met).toBe(false);
  });

  it('高新技术产品收入占比恰好 60% 满足，59.99% 不满足', () => {
    expect(condition(evaluate({ year: { highTechRevenue: wanYuan(3_000) } }), 'high_tech_revenue_share').met).toBe(
      true,
    );
    expect(condition(evaluate({ year: { highTechRevenue: wanYuan(2_999.5) } }), 'high_tech_revenue_share').met).toBe(
      false,
    );
  });

  it('科技人员占比恰好 10% 满足，9.99% 不满足', () => {
    expect(condition(evaluate({ year: { techStaff: 10, headcount: 100 } }), 'tech_staff_share').met).toBe(true);
    expect(condition(evaluate({ year: { techStaff: 999, headcount: 10_000 } }), 'tech_staff_share').met).toBe(false);
  });

  it('注册成立恰好满一年满足；差一天不满足并给出天数', () => {
    expect(condition(evaluate({ foundedOn: '2023-06-30' }), 'registered_one_year').met).toBe(true);
    const young = condition(evaluate({ foundedOn: '2023-07-01' }), 'registered_one_year');
    expect(young.met).toBe(false);
    expect(young.gap).toMatchObject({ unit: 'days', delta: 1 });
  });

  it('经营不满三年的按实际经营年度计算研发费用比例', () => {
    const rd = condition(evaluate({ foundedOn: '2022-03-01' }), 'rd_intensity');
    expect(rd.label).toContain('近 2 个会计年度（2022–2023）');
    expect(rd.met).toBe(true);
  });

  it('缺少 2021 年研发费用时研发比例未知，并指出年份', () => {
    const history = [{ ...HISTORY[0], rdSpend: null }, HISTORY[1]];
    const result = evaluate({ history });
    expect(condition(result, 'rd_intensity').met).toBeNull();
    expect(result.missingInputs).toContain('fiscalYears[2021].rdSpend');
    expect(result.verdict).toBe('unknown');
  });

  it('只有商标没有专利：核心知识产权条件不满足，不论专家评分结果都不通过', () => {
    const result = evaluate({ ipItems: [patent({ type: 'trademark' })], expertInnovationScore: null });
    expect(condition(result, 'core_ip').met).toBe(false);
    expect(result.verdict).toBe('fail');
    expect(result.quantitativeVerdict).toBe('fail');
  });

  it('核心技术不属于国家重点支持领域：不通过', () => {
    expect(evaluate({ inKeySupportedHighTechField: false }).verdict).toBe('fail');
  });

  it('已持有有效期内的高企证书：直接通过', () => {
    const result = evaluate({
      expertInnovationScore: null,
      inKeySupportedHighTechField: null,
      qualifications: [qualification('high_tech_enterprise', { validFrom: '2023-11-20', validUntil: '2026-11-19' })],
    });
    expect(result.verdict).toBe('pass');
    expect(result.directQualification).toMatchObject({ met: true, route: 'high_tech_enterprise_certificate' });
  });
});
