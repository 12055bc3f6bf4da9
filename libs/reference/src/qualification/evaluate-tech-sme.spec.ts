import { QualificationInputError } from './company-facts';
import { evaluateTechSme } from './evaluate-tech-sme';
import { classII, company, patent, qualification, YEAR, yuan, type CompanyOverrides } from './qualification.fixtures';
import { HIGH_TECH_ENTERPRISE_2016 } from './rubrics/high-tech-enterprise-2016';
import { IP_CLASSES_2022 } from './rubrics/ip-classes';
import { TECH_SME_2022, type TechSmeRubric } from './rubrics/tech-sme-2022';
import { wanYuan } from './rubrics/units';
import type { IndicatorResult, RubricResult } from './types';

function evaluate(overrides: CompanyOverrides = {}): RubricResult {
  return evaluateTechSme(company(overrides));
}

function indicator(result: RubricResult, key: string): IndicatorResult {
  const found = result.indicators.find((i) => i.key === key);
  if (!found) throw new Error(`no indicator ${key}`);
  return found;
}

const points = (overrides: CompanyOverrides, key: string) => indicator(evaluate(overrides), key).points;

describe('科技型中小企业评价（2022）— 科技人员指标', () => {
  it('科技人员占比恰好 30% 得 20 分', () => {
    expect(points({ year: { techStaff: 30, headcount: 100 } }, 'tech_staff_share')).toBe(20);
  });

  it('科技人员占比 29.99%（2999/10000）得 16 分', () => {
    expect(points({ year: { techStaff: 2999, headcount: 10_000 } }, 'tech_staff_share')).toBe(16);
  });

  it('按全年月平均数 17.4/58 恰好 30%（浮点除法会得 29.999…%）仍得 20 分', () => {
    expect((17.4 * 100) / 58).toBeLessThan(30); // the float trap the engine must not fall into
    expect(points({ year: { techStaff: 17.4, headcount: 58 } }, 'tech_staff_share')).toBe(20);
  });

  it.each([
    [2500, 16],
    [2499, 12],
    [2000, 12],
    [1999, 8],
    [1500, 8],
    [1499, 4],
    [1000, 4],
    [999, 0],
    [0, 0],
  ])('科技人员 %i / 10000 人得 %i 分', (techStaff, expected) => {
    expect(points({ year: { techStaff, headcount: 10_000 } }, 'tech_staff_share')).toBe(expected);
  });

  it('科技人员占比 27%：再提高 3 个百分点达到 30% 档 +4 分，按新增人员计需再招 5 人（职工总数随之增加）', () => {
    const tech = indicator(evaluate({ year: { techStaff: 27, headcount: 100 } }), 'tech_staff_share');
    expect(tech.points).toBe(16);
    expect(tech.nextBand).toEqual({
      threshold: 30,
      unit: 'percent',
      delta: 3,
      valueNeeded: 32,
      valueNeededInput: `fiscalYears[${YEAR}].techStaff`,
      valueDelta: 5,
      pointsGained: 4,
      flipsVerdict: false,
    });
    expect(tech.explanation).toBe(
      '科技人员占比 27%，得 16/20 分：再提高 3 个百分点达到 30% 档，+4 分（如新增 5 名科技人员）',
    );
    expect(tech.explanationEn).toContain('3 pp more reaches the 30% band, +4 points');
  });

  it('科技人员占比已达最高档时没有下一档', () => {
    const tech = indicator(evaluate(), 'tech_staff_share');
    expect(tech.nextBand).toBeUndefined();
    expect(tech.explanation).toContain('已达最高档');
  });
});

describe('科技型中小企业评价（2022）— 研发投入指标（两项取其高）', () => {
  // Revenue ¥100 m with R&D x ‰ of it; total costs high enough that the cost ratio stays below 10 %.
  const byRevenue = (rdSpend: number) => ({
    year: { revenue: wanYuan(10_000), totalCosts: wanYuan(100_000), rdSpend },
  });

  it.each([
    ['6%', wanYuan(600), 50],
    ['5.99%', wanYuan(599), 40],
    ['5%', wanYuan(500), 40],
    ['4.99%', wanYuan(499), 30],
    ['4%', wanYuan(400), 30],
    ['3.99%', wanYuan(399), 20],
    ['3%', wanYuan(300), 20],
    ['2.99%', wanYuan(299), 10],
    ['2%', wanYuan(200), 10],
    ['1.99%', wanYuan(199), 0],
  ])('研发费用占销售收入 %s 得 %i 分', (_label, rdSpend, expected) => {
    expect(points(byRevenue(rdSpend), 'rd_intensity')).toBe(expected);
  });

  it('研发费用占销售收入 6% 差 1 分钱（5.9999999%）只得 40 分', () => {
    expect(points(byRevenue(wanYuan(600) - 1), 'rd_intensity')).toBe(40);
  });

  // Total costs ¥10 m; revenue ¥1 bn keeps the revenue ratio below 2 %.
  const byCosts = (rdSpend: number) => ({ year: { revenue: wanYuan(100_000), totalCosts: wanYuan(1_000), rdSpend } });

  it.each([
    ['30%', wanYuan(300), 50],
    ['29.99%', yuan(2_999_000), 40],
    ['25%', wanYuan(250), 40],
    ['24.99%', yuan(2_499_000), 30],
    ['20%', wanYuan(200), 30],
    ['19.99%', yuan(1_999_000), 20],
    ['15%', wanYuan(150), 20],
    ['14.99%', yuan(1_499_000), 10],
    ['10%', wanYuan(100), 10],
    ['9.99%', yuan(999_000), 0],
  ])('研发费用占成本费用总额 %s 得 %i 分', (_label, rdSpend, expected) => {
    expect(points(byCosts(rdSpend), 'rd_intensity')).toBe(expected);
  });

  it('两项比例取其高：占销售收入 4%（30 分）与占成本费用 25%（40 分）按 40 分计', () => {
    const rd = indicator(
      evaluate({ year: { revenue: wanYuan(5_000), totalCosts: wanYuan(800), rdSpend: wanYuan(200) } }),
      'rd_intensity',
    );
    expect(rd.points).toBe(40);
    expect(rd.band).toBe('成本费用总额 ≥25%');
    expect(rd.explanation).toContain('按研发费用占成本费用总额比例计分；占销售收入 4% 得 30 分');
  });

  it('研发强度 4.2%：再提高 0.8 个百分点达到 5% 档，+10 分，需研发费用再增加 40 万元', () => {
    const rd = indicator(
      evaluate({ year: { revenue: wanYuan(5_000), totalCosts: wanYuan(100_000), rdSpend: wanYuan(210) } }),
      'rd_intensity',
    );
    expect(rd.points).toBe(30);
    expect(rd.nextBand).toMatchObject({
      threshold: 5,
      delta: 0.8,
      valueNeeded: wanYuan(250),
      valueDelta: wanYuan(40),
      pointsGained: 10,
    });
    expect(rd.explanation).toBe(
      '研发投入强度 4.2%，得 30/50 分（按研发费用占销售收入比例计分；占成本费用总额 0.21% 得 0 分）：' +
        '研发费用占销售收入比例再提高 0.8 个百分点达到 5% 档，+10 分（需研发费用再增加 40 万元）',
    );
    expect(rd.explanationEn).toContain(
      '0.8 pp more of R&D ÷ revenue reaches the 5% band, +10 points (R&D spend up by ¥0.4 m)',
    );
  });

  it('下一档取所需研发费用更少的一项：成本口径计入研发费用本身的增加', () => {
    // Revenue 2.5 % (10 points) needs +¥250,000 for 3 %; costs 14 % (10 points) needs (15 %×c − r) ÷ (1 − 15 %) ≈ +¥105,042 for 15 %.
    const rd = indicator(
      evaluate({ year: { revenue: wanYuan(5_000), totalCosts: yuan(8_928_572), rdSpend: wanYuan(125) } }),
      'rd_intensity',
    );
    expect(rd.points).toBe(10);
    expect(rd.nextBand?.threshold).toBe(15);
    expect(rd.nextBand?.valueDelta).toBe(10_504_212);
    expect(rd.nextBand?.pointsGained).toBe(10);
  });

  it('销售收入缺失时仍可按成本费用口径得满分，研发指标不因此未知', () => {
    const rd = indicator(
      evaluate({ year: { revenue: null, totalCosts: wanYuan(1_000), rdSpend: wanYuan(300) } }),
      'rd_intensity',
    );
    expect(rd.points).toBe(50);
  });

  it('销售收入缺失且成本口径未满分时研发指标未知，给出分数区间', () => {
    const rd = indicator(
      evaluate({ year: { revenue: null, totalCosts: wanYuan(1_000), rdSpend: wanYuan(150) } }),
      'rd_intensity',
    );
    expect(rd).toMatchObject({ points: null, minPoints: 20, maxPointsPossible: 50 });
    expect(rd.missingInputs).toEqual([`fiscalYears[${YEAR}].revenue`]);
  });
});

describe('科技型中小企业评价（2022）— 知识产权指标', () => {
  it.each([
    [0, 0],
    [1, 6],
    [2, 12],
    [3, 18],
    [4, 24],
    [7, 24],
  ])('无Ⅰ类、Ⅱ类 %i 项得 %i 分', (count, expected) => {
    expect(points({ ipItems: classII(count) }, 'ip')).toBe(expected);
  });

  it('1 项Ⅰ类知识产权得 30 分', () => {
    expect(points({ ipItems: [patent()] }, 'ip')).toBe(30);
  });

  it('Ⅰ类优先于Ⅱ类计数：1 项发明专利加 5 项实用新型得 30 分而非叠加', () => {
    expect(points({ ipItems: [patent(), ...classII(5)] }, 'ip')).toBe(30);
  });

  it.each(['new_plant_variety', 'national_new_drug', 'protected_tcm_1', 'ic_layout'] as const)(
    '%s 属于Ⅰ类，得 30 分',
    (type) => {
      expect(points({ ipItems: [patent({ type })] }, 'ip')).toBe(30);
    },
  );

  it('外观设计与软件著作权属于Ⅱ类', () => {
    expect(points({ ipItems: [patent({ type: 'design' }), patent({ type: 'software_copyright' })] }, 'ip')).toBe(12);
  });

  it('商标不属于Ⅰ类或Ⅱ类，5 件商标得 0 分', () => {
    expect(points({ ipItems: Array.from({ length: 5 }, () => patent({ type: 'trademark' })) }, 'ip')).toBe(0);
  });

  it('已失效的发明专利不计，仅按有效的 2 项Ⅱ类得 12 分', () => {
    expect(points({ ipItems: [patent({ status: 'expired' }), ...classII(2)] }, 'ip')).toBe(12);
  });

  it('已质押的发明专利仍然有效，得 30 分', () => {
    expect(points({ ipItems: [patent({ status: 'pledged' })] }, 'ip')).toBe(30);
  });

  it('与主要产品无关的知识产权不计', () => {
    expect(points({ ipItems: [patent({ tiedToMainProduct: false }), ...classII(1)] }, 'ip')).toBe(6);
  });

  it('是否与主要产品相关未知时，知识产权指标给出区间并列出缺失项', () => {
    const ip = indicator(evaluate({ ipItems: [patent({ tiedToMainProduct: null }), ...classII(1)] }), 'ip');
    expect(ip).toMatchObject({ points: null, minPoints: 6, maxPointsPossible: 30 });
    expect(ip.missingInputs).toEqual(['ipItems[0].tiedToMainProduct']);
  });

  it('Ⅱ类 2 项：再取得 1 项达到 3 项档，+6 分', () => {
    const ip = indicator(evaluate({ ipItems: classII(2) }), 'ip');
    expect(ip.nextBand).toMatchObject({ threshold: 3, unit: 'count', delta: 1, pointsGained: 6 });
  });
});

describe('科技型中小企业评价（2022）— 基本条件', () => {
  it('职工总数恰好 500 人满足基本条件', () => {
    expect(evaluate({ year: { headcount: 500, techStaff: 150 } }).verdict).toBe('pass');
  });

  it('职工总数 501 人即使满分也不通过，并指出需减少 1 人', () => {
    const result = evaluate({ year: { headcount: 501, techStaff: 160 } });
    expect(result.totalPoints).toBe(100);
    expect(result.verdict).toBe('fail');
    const condition = result.conditions.find((c) => c.key === 'headcount_ceiling');
    expect(condition?.met).toBe(false);
    expect(condition?.gap).toMatchObject({ threshold: 500, delta: -1, valueNeeded: 500, flipsVerdict: true });
  });

  it('年销售收入恰好 2 亿元满足基本条件', () => {
    expect(evaluate({ year: { revenue: wanYuan(20_000), rdSpend: wanYuan(1_200) } }).verdict).toBe('pass');
  });

  it('年销售收入 2 亿元又 1 分钱不通过', () => {
    const result = evaluate({ year: { revenue: wanYuan(20_000) + 1, rdSpend: wanYuan(1_200) } });
    expect(result.verdict).toBe('fail');
    expect(result.conditions.find((c) => c.key === 'revenue_ceiling')?.met).toBe(false);
  });

  it('资产总额恰好 2 亿元满足，2 亿元又 1 分钱不通过', () => {
    expect(evaluate({ year: { totalAssets: wanYuan(20_000) } }).verdict).toBe('pass');
    expect(evaluate({ year: { totalAssets: wanYuan(20_000) + 1 } }).verdict).toBe('fail');
  });
});

describe('科技型中小企业评价（2022）— 综合评价', () => {
  it('总分恰好 60 分（科技人员 20 + 研发 40 + 知识产权 0）通过', () => {
    const result = evaluate({ year: { rdSpend: wanYuan(250) }, ipItems: [] });
    expect(result.indicators.map((i) => i.points)).toEqual([20, 40, 0]);
    expect(result.totalPoints).toBe(60);
    expect(result.verdict).toBe('pass');
  });

  it('总分 58 分（16 + 30 + 12）不通过，并说明还差 2 分', () => {
    const result = evaluate({ year: { techStaff: 25, rdSpend: wanYuan(200) }, ipItems: classII(2) });
    expect(result.totalPoints).toBe(58);
    expect(result.verdict).toBe('fail');
    expect(result.conditions.find((c) => c.key === 'total_points')?.gap).toMatchObject({ threshold: 60, delta: 2 });
    expect(result.explanation).toContain('还差 2 分');
  });

  it('总分 59 分不通过（评分档由规则数据决定：修订版中Ⅱ类 1 项记 5 分）', () => {
    const revised: TechSmeRubric = {
      ...TECH_SME_2022,
      version: '2022-test',
      ip: { ...TECH_SME_2022.ip, classIIBands: [{ minCount: 1, points: 5 }] },
    };
    const result = evaluateTechSme(company({ year: { techStaff: 10, rdSpend: wanYuan(300) }, ipItems: classII(1) }), {
      techSme: revised,
      ipClasses: IP_CLASSES_2022,
      highTechEnterprise: HIGH_TECH_ENTERPRISE_2016,
    });
    expect(result.rubricVersion).toBe('2022-test');
    expect(result.totalPoints).toBe(59);
    expect(result.verdict).toBe('fail');
  });

  it('科技人员指标得 0 分时即使总分 ≥ 60 也不通过，且补足到 10% 即可通过', () => {
    const result = evaluate({ year: { techStaff: 9, headcount: 100 } });
    expect(result.totalPoints).toBe(80);
    expect(result.verdict).toBe('fail');
    const condition = result.conditions.find((c) => c.key === 'tech_staff_points_positive');
    expect(condition?.met).toBe(false);
    expect(condition?.gap).toMatchObject({ threshold: 10, valueDelta: 2, flipsVerdict: true });
    expect(indicator(result, 'tech_staff_share').nextBand?.flipsVerdict).toBe(true);
  });

  it('56 分时指出哪一档能翻转结果：研发 +10 分与知识产权 +6 分都能过 60 分', () => {
    const result = evaluate({ year: { techStaff: 30, rdSpend: wanYuan(200) }, ipItems: classII(1) });
    expect(result.totalPoints).toBe(56);
    expect(result.verdict).toBe('fail');
    expect(indicator(result, 'rd_intensity').nextBand).toMatchObject({ pointsGained: 10, flipsVerdict: true });
    expect(indicator(result, 'ip').nextBand).toMatchObject({ pointsGained: 6, flipsVerdict: true });
    expect(indicator(result, 'rd_intensity').explanation).toContain('可使评价结果变为通过');
  });
});

describe('科技型中小企业评价（2022）— 直接确认', () => {
  const weak = { year: { techStaff: 5, rdSpend: 0 }, ipItems: [] };

  it('拥有有效期内高新技术企业证书，得分不足也直接确认', () => {
    const result = evaluate({
      ...weak,
      qualifications: [qualification('high_tech_enterprise', { validFrom: '2022-12-12', validUntil: '2025-12-11' })],
    });
    expect(result.totalPoints).toBe(0);
    expect(result.verdict).toBe('pass');
    expect(result.directQualification).toMatchObject({ met: true, route: 'high_tech_enterprise_certificate' });
  });

  it('已过期的高新技术企业证书不能直接确认', () => {
    const result = evaluate({
      ...weak,
      qualifications: [qualification('high_tech_enterprise', { validFrom: '2020-12-01', validUntil: '2023-11-30' })],
    });
    expect(result.verdict).toBe('fail');
    expect(result.directQualification?.met).toBe(false);
  });

  it('证书未写有效期截止日时按颁发日起 3 年计：2021-07-01 颁发的证书在 2024-06-30 仍有效', () => {
    const result = evaluate({
      ...weak,
      qualifications: [qualification('high_tech_enterprise', { validFrom: '2021-07-01' })],
    });
    expect(result.verdict).toBe('pass');
  });

  it('证书未写有效期截止日时按颁发日起 3 年计：2021-06-30 颁发的证书在 2024-06-30 已失效', () => {
    const result = evaluate({
      ...weak,
      qualifications: [qualification('high_tech_enterprise', { validFrom: '2021-06-30' })],
    });
    expect(result.verdict).toBe('fail');
  });

  it('近五年内获国家级科技奖励且排名前三，直接确认', () => {
    const result = evaluate({
      ...weak,
      qualifications: [qualification('national_science_award', { eventOn: '2020-01-10', rankAmongUnits: 2 })],
    });
    expect(result.verdict).toBe('pass');
    expect(result.directQualification?.route).toBe('national_science_award');
  });

  it('国家级科技奖励排名第四不能直接确认，超过五年也不能', () => {
    expect(
      evaluate({
        ...weak,
        qualifications: [qualification('national_science_award', { eventOn: '2020-01-10', rankAmongUnits: 4 })],
      }).verdict,
    ).toBe('fail');
    expect(
      evaluate({
        ...weak,
        qualifications: [qualification('national_science_award', { eventOn: '2019-06-29', rankAmongUnits: 1 })],
      }).verdict,
    ).toBe('fail');
  });

  it('获奖排名未知时结果为未知，并指出缺少排名', () => {
    const result = evaluate({
      ...weak,
      qualifications: [qualification('national_science_award', { eventOn: '2022-01-10' })],
    });
    expect(result.verdict).toBe('unknown');
    expect(result.missingInputs).toContain('qualifications[0].rankAmongUnits');
  });

  it('拥有省部级以上研发机构，直接确认', () => {
    expect(evaluate({ ...weak, qualifications: [qualification('provincial_rd_institution')] }).verdict).toBe('pass');
  });

  it('近五年内主导制定行业标准直接确认；团体标准不算', () => {
    expect(
      evaluate({
        ...weak,
        qualifications: [qualification('standard_setting', { eventOn: '2022-03-01', standardScope: 'industry' })],
      }).verdict,
    ).toBe('pass');
    expect(
      evaluate({
        ...weak,
        qualifications: [qualification('standard_setting', { eventOn: '2022-03-01', standardScope: 'group' })],
      }).verdict,
    ).toBe('fail');
  });

  it('直接确认不豁免基本条件：持有高企证书但职工 600 人仍不通过', () => {
    const result = evaluate({
      year: { headcount: 600, techStaff: 200 },
      qualifications: [qualification('high_tech_enterprise', { validFrom: '2022-12-12', validUntil: '2025-12-11' })],
    });
    expect(result.directQualification?.met).toBe(true);
    expect(result.verdict).toBe('fail');
  });
});

describe('科技型中小企业评价（2022）— 数据缺失', () => {
  it('缺少销售收入时结果为未知，missingInputs 指出销售收入', () => {
    const result = evaluate({ year: { revenue: null } });
    expect(result.verdict).toBe('unknown');
    expect(result.missingInputs).toEqual([`fiscalYears[${YEAR}].revenue`]);
    expect(result.conditions.find((c) => c.key === 'revenue_ceiling')?.met).toBeNull();
    expect(result.explanation).toBe(`科技型中小企业评价：暂无法判断，缺少 fiscalYears[${YEAR}].revenue`);
  });

  it('缺少销售收入但职工 600 人超限：与缺失数据无关的条件不满足，结果为不通过', () => {
    const result = evaluate({ year: { revenue: null, headcount: 600, techStaff: 200 } });
    expect(result.verdict).toBe('fail');
    expect(result.missingInputs).toContain(`fiscalYears[${YEAR}].revenue`);
  });

  it('缺少研发费用时研发指标未知（0–50 分），结果未知', () => {
    const result = evaluate({ year: { rdSpend: null }, ipItems: [] });
    expect(indicator(result, 'rd_intensity')).toMatchObject({ points: null, minPoints: 0, maxPointsPossible: 50 });
    expect(result.totalPoints).toBeNull();
    expect(result.verdict).toBe('unknown');
  });

  it('知识产权是否相关未知，但科技人员 20 + 研发 50 已达 70 分：结果通过', () => {
    const result = evaluate({ ipItems: [patent({ tiedToMainProduct: undefined })] });
    expect(result.verdict).toBe('pass');
    expect(result.totalPoints).toBeNull();
    expect(result.missingInputs).toEqual(['ipItems[0].tiedToMainProduct']);
  });

  it('缺少上年度全部财务数据时列出每一项', () => {
    const result = evaluateTechSme({ asOf: '2024-06-30', industry: 'industry', ipItems: [patent()] });
    expect(result.verdict).toBe('unknown');
    expect(result.fiscalYear).toBe(2023);
    expect(result.missingInputs).toEqual(
      ['headcount', 'revenue', 'totalAssets', 'techStaff', 'rdSpend', 'totalCosts'].map(
        (f) => `fiscalYears[2023].${f}`,
      ),
    );
  });
});

describe('科技型中小企业评价（2022）— 评价年度与输入校验', () => {
  it('按评价日之前最近一个已结束的会计年度计算，不读当年数据', () => {
    const result = evaluateTechSme(company({ history: [{ year: 2024, headcount: 9_999 }], year: { headcount: 100 } }));
    expect(result.fiscalYear).toBe(2023);
    expect(result.verdict).toBe('pass');
  });

  it('可显式指定评价年度', () => {
    expect(evaluateTechSme(company({ evaluationYear: 2022 })).fiscalYear).toBe(2022);
  });

  it('评价日格式错误时报输入错误', () => {
    expect(() => evaluateTechSme(company({ asOf: '2024/06/30' }))).toThrow(QualificationInputError);
  });

  it('负数的职工人数是输入错误，不是缺失', () => {
    expect(() => evaluate({ year: { headcount: -1 } })).toThrow(QualificationInputError);
  });

  it('金额必须是整数分', () => {
    expect(() => evaluate({ year: { revenue: 100.5 } })).toThrow(/whole number of 分/);
  });

  it('同一年度出现两次是输入错误', () => {
    expect(() => evaluate({ history: [{ year: YEAR }] })).toThrow(/appears twice/);
  });
});
