import { CompactKeySet } from './compact-key-set';
import { SpilledStrings } from './import-reader';

describe('CompactKeySet', () => {
  it('is an exact set: every key once, across growth, unicode and near-identical keys', () => {
    const set = new CompactKeySet();
    const keys = Array.from({ length: 20_000 }, (_, i) => `91320211MA${String(i).padStart(8, '0')}:${2020 + (i % 4)}`);
    for (const k of keys) expect(set.add(k)).toBe(true);
    for (const k of keys) expect(set.add(k)).toBe(false);
    expect(set.size).toBe(20_000);
    expect(set.has('91320211MA00000001:2021')).toBe(true);
    expect(set.has('91320211MA00000001:2022')).toBe(false);
    expect([set.add('无锡星航智农'), set.add('无锡星航智农'), set.add('无锡星航智'), set.add('')]).toEqual([
      true,
      false,
      true,
      true,
    ]);
    expect(set.has('')).toBe(true);
    expect(set.size).toBe(20_003);
  });
});

describe('SpilledStrings', () => {
  it('gives back every string by index, after any number of flushes, and null outside the table', () => {
    const strings = new SpilledStrings();
    try {
      const texts = Array.from({ length: 30_000 }, (_, i) =>
        i % 3 === 0 ? `滨湖金兔 ${i} 🚀` : `company ${i} `.repeat(i % 7),
      );
      texts.push('x'.repeat(10_000)); // longer than the read buffer
      for (const t of texts) strings.push(t);
      expect(strings.size).toBe(texts.length);
      const order = [0, 1, 29_999, 30_000, 4096, 0, 8192, 12_345, 12_345];
      expect(order.map((i) => strings.get(i))).toEqual(order.map((i) => texts[i]));
      expect(texts.every((t, i) => strings.get(i) === t)).toBe(true);
      expect([strings.get(-1), strings.get(texts.length), strings.get(1.5)]).toEqual([null, null, null]);
    } finally {
      strings.close();
    }
  });
});
