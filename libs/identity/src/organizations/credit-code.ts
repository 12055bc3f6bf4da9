/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet (no I, O, Z, S, V);
 * the last one is a check character computed from the first 17 with fixed weights, modulo 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'alphabet' | 'region' | 'check_character';

export interface CreditCodeCheck {
  valid: boolean;
  normalized: string;
  problem?: CreditCodeProblem;
  /** The check character the first 17 characters call for (when they are well-formed). */
  expectedCheckCharacter?: string;
}

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export function checkCreditCode(input: string): CreditCodeCheck {
  const normalized = input.normalize('NFKC').trim().toUpperCase();
  if (normalized.length !== 18) return { valid: false, normalized, problem: 'length' };
  for (const ch of normalized) {
    if (!ALPHABET.includes(ch)) return { valid: false, normalized, problem: 'alphabet' };
  }
  // Characters 3–8 are the registering authority's administrative division code: digits only.
  if (!/^\d{6}$/.test(normalized.slice(2, 8))) return { valid: false, normalized, problem: 'region' };
  const expected = checkCharacter(normalized.slice(0, 17));
  if (normalized[17] !== expected) {
    return { valid: false, normalized, problem: 'check_character', expectedCheckCharacter: expected };
  }
  return { valid: true, normalized };
}
