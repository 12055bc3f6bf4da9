import { identityError } from '../identity.errors';
import { isRegionCode } from '@app/reference';
import { checkCreditCode } from '../organizations/credit-code';
import { normalizeEmail } from './email';
import { passwordProblem } from './password-policy';

/** Domain checks beyond DTO shape; each failure names its field and why. */
export function requireEmail(input: string, field = 'email'): { email: string; normalized: string } {
  const result = normalizeEmail(input);
  if ('problem' in result) throw identityError('EMAIL_INVALID', { field, reason: result.problem });
  return result;
}

export function requirePassword(password: string, field = 'password'): void {
  const problem = passwordProblem(password);
  if (problem) throw identityError('PASSWORD_TOO_WEAK', { field, reason: problem, minLength: 10 });
}

export function requireCreditCode(input: string, field: string): string {
  const check = checkCreditCode(input);
  if (!check.valid) {
    throw identityError('CREDIT_CODE_INVALID', {
      field,
      reason: check.problem,
      ...(check.expectedCheckCharacter ? { expectedCheckCharacter: check.expectedCheckCharacter } : {}),
    });
  }
  return check.normalized;
}

export function requireRegionCode(input: string, field: string): string {
  if (!isRegionCode(input)) throw identityError('REGION_CODE_INVALID', { field });
  return input;
}

/** Maps a Postgres unique violation on a known index to its domain error; anything else is rethrown. */
export function mapUniqueViolation(err: unknown, byConstraint: Record<string, () => Error>): never {
  const pg = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = pg.driverError?.code ?? pg.code;
  const constraint = pg.driverError?.constraint ?? pg.constraint;
  if (code === '23505' && constraint && byConstraint[constraint]) throw byConstraint[constraint]();
  throw err;
}
