import { checkCharacter } from '@app/identity';
import type { IpType } from '@app/reference';

/** The GB 32100-2015 alphabet (no I, O, Z, S, V). */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const SPACE = 31 ** 6;

/** Adds the check character, so every generated code passes the same validation users' codes do. */
export function withCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new Error(`credit code body must be 17 characters: ${first17}`);
  return first17 + checkCharacter(first17);
}

/**
 * 统一社会信用代码 of a generated company: 9 (registered by 市场监管) + 1 (enterprise) + its district +
 * a 9-character organization code `prefix` + 6 characters. The 6 characters are a bijection of the
 * index (multiplying by a number coprime to 31^6), so codes inside one prefix never collide yet do
 * not look sequential; prefixes keep the demo, the benchmark cohort and the stories apart.
 */
export function generatedCreditCode(regionCode: string, prefix: string, index: number): string {
  if (prefix.length !== 3 || [...prefix].some((c) => !CREDIT_CODE_ALPHABET.includes(c))) {
    throw new Error(`credit code prefix must be 3 characters of the alphabet: ${prefix}`);
  }
  if (!Number.isSafeInteger(index) || index < 0 || index >= SPACE)
    throw new Error(`credit code index out of range: ${index}`);
  let n = (index * 7_919 + 104_729) % SPACE;
  let tail = '';
  for (let i = 0; i < 6; i++) {
    tail = CREDIT_CODE_ALPHABET[n % 31] + tail;
    n = Math.floor(n / 31);
  }
  return withCheckCharacter(`91${regionCode}${prefix}${tail}`);
}

/**
 * Chinese patent application number since 2003: year (4) + kind (1 invention, 2 utility model,
 * 3 design) + serial (7), then "." and a check digit (weights 2–9 repeating, mod 11, 10 → X).
 */
export function patentNumber(year: number, kind: 1 | 2 | 3, serial: number): string {
  const digits = `${year}${kind}${String(serial % 10_000_000).padStart(7, '0')}`;
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  const sum = [...digits].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  const check = sum % 11;
  return `ZL${digits}.${check === 10 ? 'X' : check}`;
}

/** A registration number in the format its register uses (patents via `patentNumber`). */
export function ipNumber(type: IpType, year: number, serial: number): string {
  switch (type) {
    case 'invention_patent':
      return patentNumber(year, 1, serial);
    case 'utility_model':
      return patentNumber(year, 2, serial);
    case 'design':
      return patentNumber(year, 3, serial);
    case 'software_copyright':
      return `${year}SR${String(serial % 10_000_000).padStart(7, '0')}`;
    case 'ic_layout':
      return `BS.${String(year % 100).padStart(2, '0')}5${String(serial % 1_000_000).padStart(6, '0')}`;
    case 'new_plant_variety':
      return `CNA${year}${String(serial % 100_000).padStart(5, '0')}.${serial % 10}`;
    case 'national_new_drug':
      return `国药准字H${year}${String(serial % 10_000).padStart(4, '0')}`;
    case 'protected_tcm_1':
      return `ZYB1${year}${String(serial % 1_000).padStart(3, '0')}`;
    case 'trademark':
      return String(10_000_000 + (serial % 90_000_000));
  }
}
