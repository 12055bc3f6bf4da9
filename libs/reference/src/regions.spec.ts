import { isRegionCode, isRegionPrefix, regionPrefixesOf, regionWithin } from './regions';

describe('region rule (one for every lib)', () => {
  it('takes province, city and division prefixes and nothing else', () => {
    expect(['32', '3205', '320214', '11', '82'].filter(isRegionPrefix)).toEqual(['32', '3205', '320214', '11', '82']);
    expect(['3', '320', '32021', '3202140', '10', '83', '99', '', 'ab', '32\u00000', 32].map(isRegionPrefix)).toEqual(
      Array(11).fill(false),
    );
  });

  it('a company sits in a 6-digit division in a real province', () => {
    expect(isRegionCode('320211')).toBe(true); // 无锡市滨湖区
    expect(isRegionCode('3202')).toBe(false);
    expect(isRegionCode('990000')).toBe(false);
    expect(isRegionCode(null)).toBe(false);
  });

  it('names every prefix of a division, and says which areas hold it', () => {
    expect(regionPrefixesOf('320214')).toEqual(['32', '3202', '320214']);
    expect(regionWithin('320214', '3202')).toBe(true);
    expect(regionWithin('320214', '3205')).toBe(false);
  });
});
