import {
  additionToReachPercent,
  compareShareToPercent,
  exact,
  largestPartWithin,
  percentPointsTo,
  toNumberDown,
  toNumberUp,
} from './exact-arithmetic';
import { formatMoneyEn, formatMoneyZh, formatPercent } from './format';
import { wanYuan } from './rubrics/units';

describe('精确比例运算', () => {
  it('按十进制字面值读数：29.99 就是 2999/100', () => {
    expect(exact(29.99)).toEqual({ n: 2999n, d: 100n });
    expect(exact(1.5e-7)).toEqual({ n: 15n, d: 100_000_000n });
    expect(exact(1e21)).toEqual({ n: 10n ** 21n, d: 1n });
    expect(exact(-0.5)).toEqual({ n: -5n, d: 10n });
  });

  it('比例恰在档位上时相等，差一个单位时低于档位', () => {
    expect(compareShareToPercent(30, 100, 30)).toBe(0);
    expect(compareShareToPercent(2999, 10_000, 30)).toBe(-1);
    expect(compareShareToPercent(17.4, 58, 30)).toBe(0);
    expect(compareShareToPercent(wanYuan(600) - 1, wanYuan(10_000), 6)).toBe(-1);
  });

  it('9e15 分量级的金额比较仍然精确（浮点乘以 10000 会溢出安全整数）', () => {
    const whole = 9_000_000_000_000_000;
    expect(compareShareToPercent(whole * 0.3, whole, 30)).toBe(0);
    expect(compareShareToPercent(whole * 0.3 - 1, whole, 30)).toBe(-1);
  });

  it('分母不变时补足所需的最小整数增量', () => {
    expect(additionToReachPercent(210, 5_000, 5, 'separate')).toBe(40);
    expect(additionToReachPercent(250, 5_000, 5, 'separate')).toBe(0);
    expect(additionToReachPercent(1, 3, 50, 'separate')).toBe(1); // 1.5 rounds up to whole units
  });

  it('部分包含在整体中时（新增科技人员也增加职工总数）补足所需的最小整数增量', () => {
    expect(additionToReachPercent(27, 100, 30, 'included')).toBe(5); // 32/105 ≥ 30 %, 31/104 < 30 %
    expect(additionToReachPercent(9, 100, 10, 'included')).toBe(2);
    expect(additionToReachPercent(1, 2, 100, 'included')).toBeNull();
  });

  it('“以下”与“不高于”的上限取值', () => {
    expect(largestPartWithin(wanYuan(6_000), 55, false)).toBe(wanYuan(3_300) - 1);
    expect(largestPartWithin(wanYuan(12_000), 70, true)).toBe(wanYuan(8_400));
  });

  it('百分点差值与显示取整方向', () => {
    const gap = percentPointsTo(2999, 10_000, 30);
    expect(toNumberUp(gap, 4)).toBe(0.01);
    expect(toNumberDown({ n: 299_999n, d: 10_000n }, 2)).toBe(29.99);
    expect(toNumberUp({ n: 1n, d: 3n }, 2)).toBe(0.34);
  });
});

describe('显示格式', () => {
  it('百分比截断显示，不会把 29.999% 显示成 30%', () => {
    expect(formatPercent({ n: 299_999n, d: 10_000n })).toBe('29.99%');
    expect(formatPercent(exact(27))).toBe('27%');
  });

  it('金额按亿元、万元、元显示', () => {
    expect(formatMoneyZh(wanYuan(20_000))).toBe('2 亿元');
    expect(formatMoneyZh(wanYuan(300))).toBe('300 万元');
    expect(formatMoneyZh(wanYuan(1.2))).toBe('1.2 万元');
    expect(formatMoneyZh(123_456)).toBe('1,234.56 元');
  });

  it('英文金额按百万元显示', () => {
    expect(formatMoneyEn(wanYuan(20_000))).toBe('¥200 m');
    expect(formatMoneyEn(wanYuan(50))).toBe('¥0.5 m');
    expect(formatMoneyEn(1_234_500)).toBe('¥12,345');
  });
});
