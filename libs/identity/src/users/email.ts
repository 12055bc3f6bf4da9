export type EmailProblem = 'format' | 'non_ascii' | 'length';

/**
 * Normalizes an e-mail for identity: NFKC folds full-width and compatibility forms
 * (ｆｏｏ＠ｅｘａｍｐｌｅ．ｃｏｍ → foo@example.com), then lower case. Anything still outside ASCII —
 * Cyrillic "а" posing as Latin "a", for instance — is refused, so two accounts can never look
 * identical on screen. Internationalized domains are accepted in their punycode form.
 */
export function normalizeEmail(input: string): { email: string; normalized: string } | { problem: EmailProblem } {
  const email = input.normalize('NFKC').trim();
  if (email.length > 254) return { problem: 'length' };
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7F]/.test(email)) return { problem: 'non_ascii' };
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (
    at < 1 ||
    local.length > 64 ||
    !/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/.test(local) ||
    local.startsWith('.') ||
    local.endsWith('.') ||
    local.includes('..') ||
    !/^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$|^(?:[A-Za-z0-9-]+\.)+xn--[A-Za-z0-9-]+$/.test(
      domain,
    )
  ) {
    return { problem: 'format' };
  }
  return { email, normalized: email.toLowerCase() };
}
