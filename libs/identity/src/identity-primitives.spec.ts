import { isRegionCode } from '@app/reference';
import { checkCharacter, checkCreditCode } from './organizations/credit-code';
import { normalizeEmail } from './users/email';
import { passwordProblem } from './users/password-policy';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts the published example code 91350100M000100Y43', () => {
    expect(checkCreditCode('91350100M000100Y43')).toEqual({ valid: true, normalized: '91350100M000100Y43' });
  });

  it('normalizes lower case and full-width input', () => {
    expect(checkCreditCode(' 91350100m000100y43 ').valid).toBe(true);
    expect(checkCreditCode('９１３５０１００Ｍ０００１００Ｙ４３').valid).toBe(true);
  });

  it('rejects a wrong check character and says which one was expected', () => {
    expect(checkCreditCode('91350100M000100Y44')).toEqual({
      valid: false,
      normalized: '91350100M000100Y44',
      problem: 'check_character',
      expectedCheckCharacter: '3',
    });
  });

  it('computes check characters that are letters as well as digits', () => {
    const code = '91320211MA1ABCDE1';
    const full = code + checkCharacter(code);
    expect(checkCreditCode(full).valid).toBe(true);
  });

  it.each([
    ['9135010M000100Y43', 'length'],
    ['91350100M000100I43', 'alphabet'],
    ['91350100M000100O43', 'alphabet'],
    ['91AB0100M000100Y43', 'region'],
  ])('rejects %s (%s)', (code, problem) => {
    expect(checkCreditCode(code).problem).toBe(problem);
  });

  it('checks 6-digit region codes', () => {
    expect(isRegionCode('320211')).toBe(true); // 无锡市滨湖区
    expect(isRegionCode('330106')).toBe(true); // 杭州市西湖区
    expect(isRegionCode('32021')).toBe(false);
    expect(isRegionCode('990000')).toBe(false);
  });
});

describe('e-mail normalization', () => {
  it('folds case and full-width forms into one identity', () => {
    expect(normalizeEmail('  Li.Ming@Example.COM ')).toEqual({ email: 'Li.Ming@Example.COM', normalized: 'li.ming@example.com' });
    expect(normalizeEmail('ｌｉ＠ｅｘａｍｐｌｅ．ｃｏｍ')).toEqual({ email: 'li@example.com', normalized: 'li@example.com' });
  });

  it('refuses look-alike letters from other scripts', () => {
    expect(normalizeEmail('p\u0430ypal@example.com')).toEqual({ problem: 'non_ascii' }); // Cyrillic а
    expect(normalizeEmail('admin@ex\u0430mple.com')).toEqual({ problem: 'non_ascii' });
  });

  it.each(['plainaddress', '@example.com', 'a@b', 'a..b@example.com', 'a@-example.com', 'a b@example.com', '.a@example.com'])(
    'refuses malformed %p',
    (input) => {
      expect(normalizeEmail(input)).toEqual({ problem: 'format' });
    },
  );

  it('accepts plus addressing and punycode domains', () => {
    expect('normalized' in normalizeEmail('founder+roadshow@example.com')).toBe(true);
    expect('normalized' in normalizeEmail('info@xn--fiqs8s.xn--fiqs8s')).toBe(true);
  });
});

describe('password policy', () => {
  it.each([
    ['short1!', 'too_short'],
    ['1234567890', 'common'],
    ['Password123', 'common'],
    ['qwertyuiop', 'common'],
    ['aaaaaaaaaaaa', 'repetitive'],
  ])('%p is refused as %s', (pw, problem) => {
    expect(passwordProblem(pw)).toBe(problem);
  });

  it('accepts a long uncommon passphrase, including Chinese characters', () => {
    expect(passwordProblem('金兔路演-2023-滨湖')).toBeNull();
    expect(passwordProblem('correct horse battery staple')).toBeNull();
  });
});
