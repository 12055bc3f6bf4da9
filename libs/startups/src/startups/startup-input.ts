import { checkCreditCode, identityError } from '@app/identity';
import { TRACK_CODES } from '@app/reference';
import { INDUSTRY_KEYS } from '@app/reference';
import { startupsError } from '../startups.errors';
import type { FiscalYearDto, StartupInputDto } from './startups.dto';

/** Checks beyond DTO shape that need reference data; each error names its field. */
export function normalizeStartupInput<T extends Partial<StartupInputDto>>(input: T): T {
  const out = { ...input };
  if (input.creditCode !== undefined) {
    const check = checkCreditCode(input.creditCode);
    if (!check.valid) {
      throw identityError('CREDIT_CODE_INVALID', {
        field: 'creditCode',
        reason: check.problem,
        ...(check.expectedCheckCharacter ? { expectedCheckCharacter: check.expectedCheckCharacter } : {}),
      });
    }
    out.creditCode = check.normalized;
  }
  if (input.tracks) {
    const unknown = input.tracks.filter((t) => !TRACK_CODES.includes(t));
    if (unknown.length) throw startupsError('TRACK_UNKNOWN', { field: 'tracks', unknown });
    out.tracks = [...new Set(input.tracks)];
  }
  if (input.industry != null && !INDUSTRY_KEYS.includes(input.industry)) {
    throw startupsError('INDUSTRY_UNKNOWN', { field: 'industry', allowed: INDUSTRY_KEYS });
  }
  if (input.legalName !== undefined) out.legalName = input.legalName.trim();
  return out;
}

/** Figures that cannot all be true at once are refused, naming each contradiction. */
export function fiscalYearProblems(fy: FiscalYearDto): { field: string; rule: string }[] {
  const problems: { field: string; rule: string }[] = [];
  const le = (a: keyof FiscalYearDto, b: keyof FiscalYearDto) => {
    const x = fy[a];
    const y = fy[b];
    if (x != null && y != null && x > y) problems.push({ field: a, rule: `${a} ≤ ${b}` });
  };
  le('techStaff', 'headcount');
  le('rdStaff', 'headcount');
  le('mainBusinessRevenue', 'revenue');
  le('highTechRevenue', 'revenue');
  le('rdSpendInChina', 'rdSpend');
  return problems;
}
