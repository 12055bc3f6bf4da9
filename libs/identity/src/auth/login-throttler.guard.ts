import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { identityError } from '../identity.errors';

/**
 * Auth routes are throttled per client IP and per e-mail (named throttlers `ip` and `email`, see
 * IdentityModule), with counters in Redis so every API replica shares them. The refusal is our
 * coded 429 with Retry-After.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(_ctx: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw identityError('LOGIN_THROTTLED', { retryAfterSeconds: Math.max(1, Math.ceil(detail.timeToBlockExpire)) });
  }
}
