/**
 * Administrative division codes (GB/T 2260) and the one rule every lib validates them with.
 *
 * A company sits in a 6-digit division (`320214`); filters and mandates name a province (`32`), a
 * city (`3202`) or a division — a *prefix*. Provinces run from 11 (北京) to 82 (澳门).
 */
const PREFIX = /^\d{2}(?:\d{2}){0,2}$/;

function provinceInRange(code: string): boolean {
  const province = Number(code.slice(0, 2));
  return province >= 11 && province <= 82;
}

/** A 6-digit division code a company can be registered in. */
export function isRegionCode(code: unknown): code is string {
  return typeof code === 'string' && code.length === 6 && PREFIX.test(code) && provinceInRange(code);
}

/** A province (2), city (4) or division (6) prefix, as filters and mandates take. */
export function isRegionPrefix(code: unknown): code is string {
  return typeof code === 'string' && PREFIX.test(code) && provinceInRange(code);
}

export const REGION_PREFIX_MESSAGE = 'each region must be a 2-, 4- or 6-digit division code (province 11–82)';

/** `320214` → `['32', '3202', '320214']`; `3202` → `['32', '3202']`: the code and every shorter prefix. */
export function regionPrefixesOf(code: string): string[] {
  return [2, 4, 6].filter((n) => n <= code.length).map((n) => code.slice(0, n));
}

/** Does the division `code` lie in the area named by `prefix`? */
export function regionWithin(code: string, prefix: string): boolean {
  return code.startsWith(prefix);
}
