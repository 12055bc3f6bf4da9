import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { DECORATORS } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { platformError } from '../errors/platform.errors';
import { idempotencyContext, type IdempotencyClaim } from './idempotency-context';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** How long a key is remembered (a client retries within minutes; a day is generous). */
export const IDEMPOTENCY_TTL_HOURS = 24;
const KEY = /^[\x21-\x7e]{1,255}$/;

/** Whether a handler is a create: a JSON POST answering 201 (Nest's default for POST). */
export function isCreateRoute(handler: object, controller: object): boolean {
  if (Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.POST) return false;
  const code: number | undefined = Reflect.getMetadata(HTTP_CODE_METADATA, handler);
  if (code !== undefined && code !== HttpStatus.CREATED) return false;
  const consumes: string[] =
    Reflect.getMetadata(DECORATORS.API_CONSUMES, handler) ??
    Reflect.getMetadata(DECORATORS.API_CONSUMES, controller) ??
    [];
  return !consumes.includes('multipart/form-data');
}

/** JSON with sorted keys, so `{a,b}` and `{b,a}` are one request. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return '';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${url}\n${canonicalJson(body)}`)
    .digest('hex');
}

/**
 * `Idempotency-Key` on creates (every JSON POST that answers 201, for a signed-in caller): the first
 * request runs and its answer is kept; a retry with the same key and the same request gets the same
 * answer (`Idempotent-Replayed: true`) without running again; the same key with a different request
 * is `422 IDEMPOTENCY_KEY_MISMATCH`; a retry while the first is still running (or whose answer was
 * lost with its process after the commit) is `409 IDEMPOTENCY_KEY_IN_PROGRESS`. The key is written
 * by the unit of work in the create's own transaction (`claimIdempotencyKey`), so no duplicate can
 * commit; routes that write without the unit of work get their key recorded after success.
 * Keys are per acting user (`request.principal.userId`) and kept `IDEMPOTENCY_TTL_HOURS`.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly dataSource: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: { userId?: string } }>();
    const raw = request.headers[IDEMPOTENCY_HEADER];
    if (raw === undefined || !isCreateRoute(context.getHandler(), context.getClass())) return next.handle();
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!KEY.test(key)) {
      throw platformError('VALIDATION_FAILED', {
        field: 'Idempotency-Key',
        fields: [
          {
            field: 'Idempotency-Key',
            rules: ['isIdempotencyKey'],
            messages: ['Idempotency-Key must be 1–255 visible ASCII characters'],
          },
        ],
      });
    }
    const scope = request.principal?.userId;
    if (!scope) return next.handle(); // anonymous creates (sign-up) have no caller to keep a key for
    const claim: IdempotencyClaim = {
      scope,
      key,
      fingerprint: requestFingerprint(request.method, request.url, request.body),
      claimed: false,
    };
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return from(this.handle(claim, reply, next));
  }

  private async handle(claim: IdempotencyClaim, reply: FastifyReply, next: CallHandler): Promise<unknown> {
    const rows: { fingerprint: string; status_code: number | null; response: unknown }[] = await this.dataSource.query(
      `SELECT fingerprint, status_code, response FROM idempotency_keys
        WHERE scope = $1 AND key = $2 AND created_at > now() - make_interval(hours => $3)`,
      [claim.scope, claim.key, IDEMPOTENCY_TTL_HOURS],
    );
    const seen = rows[0];
    if (seen) {
      if (seen.fingerprint !== claim.fingerprint)
        throw platformError('IDEMPOTENCY_KEY_MISMATCH', { field: 'Idempotency-Key' });
      if (seen.status_code === null) throw platformError('IDEMPOTENCY_KEY_IN_PROGRESS', { field: 'Idempotency-Key' });
      void reply.status(seen.status_code).header('idempotent-replayed', 'true');
      return seen.response;
    }
    // An expired key may be reused: forget it (and every other expired one) first.
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE created_at <= now() - make_interval(hours => $1)`, [
      IDEMPOTENCY_TTL_HOURS,
    ]);
    const response = await idempotencyContext.run(claim, () =>
      lastValueFrom(next.handle(), { defaultValue: undefined }),
    );
    const status = HttpStatus.CREATED;
    if (claim.claimed) {
      await this.dataSource.query(
        'UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE scope = $1 AND key = $2',
        [claim.scope, claim.key, status, JSON.stringify(response ?? null)],
      );
    } else {
      await this.dataSource.query(
        `INSERT INTO idempotency_keys (scope, key, fingerprint, status_code, response, created_at)
         VALUES ($1, $2, $3, $4, $5, now()) ON CONFLICT DO NOTHING`,
        [claim.scope, claim.key, claim.fingerprint, status, JSON.stringify(response ?? null)],
      );
    }
    return response;
  }
}
