import { evaluateAll } from './evaluate-all';
import { patent, qualification } from './qualification.fixtures';
import { wanYuan } from './rubrics/units';
import type { CompanyFacts, RubricResult } from './types';

/**
 * Whole companies, modelled on the stories in the seed articles but fictional. Every indicator's
 * points and every verdict is asserted, so a rubric change shows up here as a readable diff.
 */

const points = (result: RubricResult) => Object.fromEntries(result.indicators.map((i) => [i.key, i.points]));
const met = (result: RubricResult) => Object.fromEntries(result.conditions.map((c) => [c.key, c.met]));

/** 禾导智能：北斗农机自动导航，9 项发明专利已质押换取 900 万元知识产权质押贷款。 */
const FARM_NAVIGATION: CompanyFacts = {
  asOf: '2024-06-30',
  foundedOn: '2016-08-18',
  industry: 'industry',
  yearsInNiche: 7,
  inStrategicEmergingIndustry: true,
  inKeySupportedHighTechField: true,
  expertInnovationScore: 78,
  fiscalYears: [
    {
      year: 2021,
      headcount: 52,
      techStaff: 22,
      revenue: wanYuan(2_500),
      mainBusinessRevenue: wanYuan(2_400),
      rdSpend: wanYuan(260),
      rdSpendInChina: wanYuan(260),
      totalAssets: wanYuan(4_000),
      liabilities: wanYuan(1_500),
      newEquityRaised: 0,
    },
    {
      year: 2022,
      headcount: 60,
      techStaff: 26,
      revenue: wanYuan(3_300),
      mainBusinessRevenue: wanYuan(3_200),
      rdSpend: wanYuan(310),
      rdSpendInChina: wanYuan(310),
      totalAssets: wanYuan(4_800),
      liabilities: wanYuan(1_800),
      newEquityRaised: 0,
    },
    {
      year: 2023,
      headcount: 68,
      techStaff: 29,
      rdStaff: 25,
      revenue: wanYuan(4_200),
      mainBusinessRevenue: wanYuan(4_100),
      highTechRevenue: wanYuan(3_600),
      totalCosts: wanYuan(3_900),
      rdSpend: wanYuan(390),
      rdSpendInChina: wanYuan(390),
      totalAssets: wanYuan(5_600),
      liabilities: wanYuan(2_100),
      newEquityRaised: 0,
    },
  ],
  ipItems: [
    ...Array.from({ length: 9 }, (_, i) =>
      patent({ status: 'pledged', selfDeveloped: true, highValue: false, number: `ZL20191000000${i}.X` }),
    ),
    ...Array.from({ length: 12 }, () => patent({ type: 'software_copyright', selfDeveloped: true, highValue: false })),
    patent({ type: 'trademark' }),
    patent({ type: 'trademark' }),
  ],
  qualifications: [],
};

/** 芯材新材料：半导体材料，获 3000 万元股权投资与 8000 万元授信，资产已超过 2 亿元。 */
const SEMICONDUCTOR_MATERIALS: CompanyFacts = {
  asOf: '2024-06-30',
  foundedOn: '2015-04-10',
  industry: 'industry',
  yearsInNiche: 6,
  inStrategicEmergingIndustry: true,
  fiscalYears: [
    { year: 2021, revenue: wanYuan(10_000), rdSpend: wanYuan(700), rdSpendInChina: wanYuan(700), newEquityRaised: 0 },
    {
      year: 2022,
      headcount: 380,
      techStaff: 100,
      rdStaff: 80,
      revenue: wanYuan(14_000),
      mainBusinessRevenue: wanYuan(13_000),
      rdSpend: wanYuan(900),
      rdSpendInChina: wanYuan(900),
      totalAssets: wanYuan(20_000),
      liabilities: wanYuan(9_000),
      newEquityRaised: 0,
    },
    {
      year: 2023,
      headcount: 420,
      techStaff: 110,
      rdStaff: 90,
      revenue: wanYuan(18_000),
      mainBusinessRevenue: wanYuan(17_000),
      highTechRevenue: wanYuan(15_000),
      totalCosts: wanYuan(16_500),
      rdSpend: wanYuan(1_250),
      rdSpendInChina: wanYuan(1_200),
      totalAssets: wanYuan(24_000),
      liabilities: wanYuan(10_000),
      newEquityRaised: wanYuan(3_000),
    },
  ],
  ipItems: [
    patent({ selfDeveloped: true, highValue: true }),
    ...Array.from({ length: 3 }, () => patent({ selfDeveloped: true, highValue: false })),
    ...Array.from({ length: 6 }, () => patent({ type: 'utility_model', selfDeveloped: true, highValue: false })),
  ],
  qualifications: [
    qualification('high_tech_enterprise', {
      certificateNumber: 'GR202232001234',
      validFrom: '2022-12-12',
      validUntil: '2025-12-11',
    }),
    qualification('specialized_sme', { validFrom: '2023-03-01' }),
  ],
};

/** 高校衍生的初创团队：成立一年多，尚未填报营业收入。 */
const UNIVERSITY_SPIN_OUT: CompanyFacts = {
  asOf: '2024-06-30',
  foundedOn: '2023-03-15',
  industry: 'software_it',
  fiscalYears: [
    {
      year: 2023,
      headcount: 12,
      techStaff: 9,
      rdStaff: 8,
      rdSpend: wanYuan(80),
      totalCosts: wanYuan(150),
      totalAssets: wanYuan(500),
    },
  ],
  ipItems: [patent(), patent()],
};

describe('黄金案例：智能农机导航企业（9 项发明专利已质押）', () => {
  const report = evaluateAll(FARM_NAVIGATION);

  it('划型：工业小型企业，达到中型还需 232 人', () => {
    expect(report.smeSize).toMatchObject({ sizeClass: 'small', isSme: true, verdict: 'pass' });
    expect(report.smeSize.nextClass?.requirements.map((r) => [r.metric, r.delta])).toEqual([
      ['headcount', 232],
      ['revenue', 0],
    ]);
  });

  it('科技型中小企业：科技人员 42.64% 得 20、研发 9.28% 得 50、质押的发明专利仍计 30，共 100 分通过', () => {
    expect(points(report.techSme)).toEqual({ tech_staff_share: 20, rd_intensity: 50, ip: 30 });
    expect(report.techSme.indicators.map((i) => i.displayValue)).toEqual(['42.64%', '9.28%', 'Ⅰ类 9 项、Ⅱ类 12 项']);
    expect(report.techSme).toMatchObject({ totalPoints: 100, verdict: 'pass', missingInputs: [] });
  });

  it('高新技术企业：近三年研发占比 9.6%、高新收入 85.71%、专家评分 78：通过', () => {
    expect(met(report.highTechEnterprise)).toEqual({
      registered_one_year: true,
      core_ip: true,
      key_supported_field: true,
      tech_staff_share: true,
      rd_intensity: true,
      rd_in_china_share: true,
      high_tech_revenue_share: true,
      innovation_score: true,
    });
    expect(report.highTechEnterprise.conditions.find((c) => c.key === 'rd_intensity')?.rawValue).toBe(9.6);
    expect(report.highTechEnterprise.verdict).toBe('pass');
  });

  it('创新型中小企业：15 + 20 + 20 + 10 + 10 + 20 = 95 分通过', () => {
    expect(points(report.innovativeSme)).toEqual({
      ip: 15,
      rd_intensity: 20,
      main_business_growth: 20,
      debt_ratio: 10,
      strategic_field: 10,
      main_business_share: 20,
    });
    expect(report.innovativeSme).toMatchObject({ totalPoints: 95, verdict: 'pass' });
  });

  it('专精特新中小企业：通过', () => {
    expect(met(report.specializedSme)).toEqual({
      innovative_sme: true,
      years_in_niche: true,
      rd_spend: true,
      rd_intensity: true,
      revenue_or_equity: true,
    });
    expect(report.specializedSme.verdict).toBe('pass');
  });

  it('“小巨人”：营业收入不足 5000 万元，须走股权融资路线，三项均未达到', () => {
    expect(met(report.littleGiant)).toEqual({
      specialized_sme: true,
      years_in_niche: true,
      main_business_share: true,
      debt_ratio: true,
      class_i_ip: true,
      equity_raised: false,
      cumulative_rd_spend: false,
      rd_staff_share: false,
    });
    expect(report.littleGiant.verdict).toBe('fail');
    const rdStaff = report.littleGiant.conditions.find((c) => c.key === 'rd_staff_share');
    // Hiring R&D staff grows the headcount too: (25 + 18) ÷ (68 + 18) = 50 %.
    expect(rdStaff?.gap).toMatchObject({ threshold: 50, valueNeeded: 43, valueDelta: 18 });
  });
});

describe('黄金案例：半导体材料企业（资产超过 2 亿元）', () => {
  const report = evaluateAll(SEMICONDUCTOR_MATERIALS);

  it('划型：工业中型企业，属于中小企业，但资产总额超过科技型中小企业上限', () => {
    expect(report.smeSize).toMatchObject({ sizeClass: 'medium', isSme: true, verdict: 'fail' });
    expect(report.smeSize.nextClass?.sizeClass).toBe('large');
    expect(met(report.smeSize)).toEqual({
      sme_by_2011_standard: true,
      headcount_ceiling: true,
      revenue_ceiling: true,
      total_assets_ceiling: false,
    });
  });

  it('科技型中小企业：得分 96 且持有高企证书，但资产 2.4 亿元超限，不通过并指出需减少 4000 万元', () => {
    expect(points(report.techSme)).toEqual({ tech_staff_share: 16, rd_intensity: 50, ip: 30 });
    expect(report.techSme.totalPoints).toBe(96);
    expect(report.techSme.directQualification?.met).toBe(true);
    expect(report.techSme.verdict).toBe('fail');
    const assets = report.techSme.conditions.find((c) => c.key === 'total_assets_ceiling');
    expect(assets?.gap).toMatchObject({ delta: -wanYuan(4_000), flipsVerdict: true });
    expect(report.techSme.explanation).toContain('资产总额不超过 2 亿元：2.4 亿元，未满足');
  });

  it('高新技术企业：持有有效证书直接通过；量化条件也全部满足', () => {
    expect(report.highTechEnterprise.verdict).toBe('pass');
    expect(report.highTechEnterprise.quantitativeVerdict).toBe('pass');
    expect(report.highTechEnterprise.directQualification?.routes[0].explanation).toContain('GR202232001234');
    expect(report.highTechEnterprise.conditions.find((c) => c.key === 'rd_intensity')?.label).toContain('不低于 4%');
  });

  it('创新型中小企业：满分 100 通过', () => {
    expect(points(report.innovativeSme)).toEqual({
      ip: 20,
      rd_intensity: 20,
      main_business_growth: 20,
      debt_ratio: 10,
      strategic_field: 10,
      main_business_share: 20,
    });
    expect(report.innovativeSme).toMatchObject({ totalPoints: 100, verdict: 'pass' });
  });

  it('专精特新：持有有效认定，直接通过', () => {
    expect(report.specializedSme.verdict).toBe('pass');
    expect(report.specializedSme.directQualification?.route).toBe('already_recognised');
  });

  it('“小巨人”：营业收入 1.8 亿元适用 3% 档，近两年 6.42% 与 6.94%，各项量化条件满足', () => {
    expect(met(report.littleGiant)).toEqual({
      specialized_sme: true,
      years_in_niche: true,
      main_business_share: true,
      debt_ratio: true,
      class_i_ip: true,
      rd_intensity: true,
    });
    expect(report.littleGiant.conditions.find((c) => c.key === 'rd_intensity')?.explanation).toContain(
      '2022 年 6.42%，2023 年 6.94%',
    );
    expect(report.littleGiant.verdict).toBe('pass');
  });
});

describe('黄金案例：高校衍生团队（缺少营业收入）', () => {
  const report = evaluateAll(UNIVERSITY_SPIN_OUT);

  it('科技型中小企业：三项指标满分，但缺少营业收入，结果未知而非不通过', () => {
    expect(points(report.techSme)).toEqual({ tech_staff_share: 20, rd_intensity: 50, ip: 30 });
    expect(report.techSme.verdict).toBe('unknown');
    expect(report.techSme.missingInputs).toEqual(['fiscalYears[2023].revenue']);
  });

  it('划型：12 人的软件企业一定是中小企业，但小型还是微型取决于营业收入', () => {
    expect(report.smeSize).toMatchObject({ isSme: true, sizeClass: null, verdict: 'unknown' });
  });

  it('缺数据的规则为未知；只有已知不满足的条件（研发费用 80 万元 < 100 万元）才判不通过', () => {
    expect(report.all.map((r) => [r.rubricId, r.verdict])).toEqual([
      ['sme-size', 'unknown'],
      ['tech-sme', 'unknown'],
      ['high-tech-enterprise', 'unknown'],
      ['innovative-sme', 'unknown'],
      ['specialized-sme', 'fail'],
      ['little-giant', 'fail'],
    ]);
    expect(met(report.specializedSme)).toEqual({
      innovative_sme: null,
      years_in_niche: null,
      rd_spend: false,
      rd_intensity: null,
      revenue_or_equity: null,
    });
    expect(report.specializedSme.conditions.find((c) => c.key === 'rd_spend')?.gap).toMatchObject({
      valueNeeded: wanYuan(100),
      valueDelta: wanYuan(20),
    });
    expect(met(report.littleGiant).specialized_sme).toBe(false);
  });
});

describe('evaluateAll', () => {
  it('每个结果都带规则编号与版本', () => {
    expect(evaluateAll(FARM_NAVIGATION).all.map((r) => `${r.rubricId}@${r.rubricVersion}`)).toEqual([
      'sme-size@2011',
      'tech-sme@2022',
      'high-tech-enterprise@2016',
      'innovative-sme@2022',
      'specialized-sme@2022',
      'little-giant@2022',
    ]);
  });

  it('纯函数：不修改输入，同样的输入得到同样的报告', () => {
    const frozen = JSON.parse(JSON.stringify(SEMICONDUCTOR_MATERIALS)) as CompanyFacts;
    deepFreeze(frozen);
    expect(evaluateAll(frozen)).toEqual(evaluateAll(SEMICONDUCTOR_MATERIALS));
  });
});

function deepFreeze(value: unknown): void {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
}
