import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type Redis from 'ioredis';
import { from, Observable, switchMap } from 'rxjs';
import type { AppConfig } from '../config/env.schema';
import { platformError } from '../errors/platform.errors';

export const RATE_LIMITED_ROUTE = 'tourong:rateLimitedRoute';

/**
 * Marks an expensive route (a scheduler run, an import, a reindex, an export): each acting
 * organization may call routes of one `bucket` at most `EXPENSIVE_ROUTE_LIMIT` times per
 * `EXPENSIVE_ROUTE_WINDOW_SECONDS`, then `429 RATE_LIMITED` with `details.retryAfterSeconds` and
 * `Retry-After`. Counters live in Redis so every replica shares them.
 */
export const RateLimited = (bucket: string) => SetMetadata(RATE_LIMITED_ROUTE, bucket);

/** Fixed-window counter: INCR and, on the first hit, EXPIRE; returns the count and the window's TTL. */
const HIT = `local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end return { n, redis.call('TTL', KEYS[1]) }`;

@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly redis: Redis,
    private readonly config: Pick<
      AppConfig,
      'QUEUE_PREFIX' | 'EXPENSIVE_ROUTE_LIMIT' | 'EXPENSIVE_ROUTE_WINDOW_SECONDS'
    >,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const bucket: string | undefined =
      Reflect.getMetadata(RATE_LIMITED_ROUTE, context.getHandler()) ??
      Reflect.getMetadata(RATE_LIMITED_ROUTE, context.getClass());
    if (!bucket) return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: { organizationId?: string } }>();
    const who = request.principal?.organizationId ?? `ip:${request.ip}`;
    return from(this.hit(`${this.config.QUEUE_PREFIX}:rl:route:${bucket}:${who}`)).pipe(switchMap(() => next.handle()));
  }

  private async hit(key: string): Promise<void> {
    let result: [number, number];
    try {
      result = (await this.redis.eval(HIT, 1, key, String(this.config.EXPENSIVE_ROUTE_WINDOW_SECONDS))) as [
        number,
        number,
      ];
    } catch {
      return; // Redis down: readiness reports it; the work itself does not need Redis to be refused
    }
    const [count, ttl] = result;
    if (count > this.config.EXPENSIVE_ROUTE_LIMIT) {
      throw platformError('RATE_LIMITED', {
        retryAfterSeconds: Math.max(1, ttl),
        limit: this.config.EXPENSIVE_ROUTE_LIMIT,
        windowSeconds: this.config.EXPENSIVE_ROUTE_WINDOW_SECONDS,
      });
    }
  }
}
