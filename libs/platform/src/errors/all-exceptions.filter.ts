import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, errorDefinition } from './domain-error';
import { localeFromAcceptLanguage } from './locale';
import { PlatformErrorCode } from './platform.errors';

export interface ErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
  requestId: string;
}

const STATUS_CODES: Partial<Record<number, PlatformErrorCode>> = {
  400: 'MALFORMED_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Error fields a Fastify or Node error may carry before Nest sees the request. */
interface LowLevelError {
  statusCode?: number;
  status?: number;
  code?: string;
}

/** Postgres SQLSTATEs of a server that is gone, shutting down or starting up (class 08, 57P0x). */
const DB_UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
const DB_UNAVAILABLE_MESSAGES =
  /Connection terminated|Client was closed and is not queryable|Client has already been connected|Cannot use a pool after calling end|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command/i;
const REDIS_UNAVAILABLE_MESSAGES =
  /Stream isn't writeable and enableOfflineQueue|Connection is closed\.|Reached the max retries per request limit/i;

/**
 * Which dependency an error says is unreachable, if any: Postgres (a driver error, bare or wrapped
 * by TypeORM in `driverError`) or Redis (ioredis). Such a request is answered 503, not 500: nothing
 * was written (its transaction never committed) and the client may retry.
 */
export function unavailableDependency(exception: unknown): 'database' | 'redis' | null {
  if (!exception || typeof exception !== 'object') return null;
  const err = exception as { code?: unknown; message?: unknown; name?: unknown; driverError?: unknown };
  const candidates = [err, (err.driverError ?? {}) as typeof err];
  for (const e of candidates) {
    const code = typeof e.code === 'string' ? e.code : '';
    const message = typeof e.message === 'string' ? e.message : '';
    if (e.name === 'MaxRetriesPerRequestError' || REDIS_UNAVAILABLE_MESSAGES.test(message)) return 'redis';
    // TypeORM releases a transaction's runner when its connection dies; the next query (or the
    // commit / rollback of its transaction) says so under one of two names.
    if (e.name === 'QueryRunnerAlreadyReleasedError' || e.name === 'QueryRunnerProviderAlreadyReleasedError')
      return 'database';
    if (DB_UNAVAILABLE_STATES.has(code) || DB_UNAVAILABLE_MESSAGES.test(message)) return 'database';
    if (NETWORK_CODES.has(code)) return 'database';
  }
  return null;
}

const FOREIGN_KEY_VIOLATION = '23503';

/**
 * A foreign-key violation (SQLSTATE 23503, bare or wrapped by TypeORM in `driverError`) as a coded
 * 4xx: a row naming a record that does not exist is 422 REFERENCE_NOT_FOUND with the field (the
 * referencing column, camelCased); removing a record other rows still name is 409 REFERENCE_IN_USE.
 * Neither echoes the key's value or the tables (the constraint names the column only).
 */
export function foreignKeyViolation(
  exception: unknown,
): { code: 'REFERENCE_NOT_FOUND' | 'REFERENCE_IN_USE'; details: Record<string, unknown> } | null {
  if (!exception || typeof exception !== 'object') return null;
  const err = exception as { code?: unknown; detail?: unknown; driverError?: unknown };
  const e = (err.code === FOREIGN_KEY_VIOLATION ? err : (err.driverError ?? {})) as typeof err;
  if (e.code !== FOREIGN_KEY_VIOLATION) return null;
  const detail = typeof e.detail === 'string' ? e.detail : '';
  // "Key (project_id)=(…) is not present in table "projects"." / "Key (id)=(…) is still referenced from table "deals"."
  const column = /^Key \(([a-z0-9_]+)\)=/.exec(detail)?.[1];
  const field = column?.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  if (/is still referenced/.test(detail)) return { code: 'REFERENCE_IN_USE', details: {} };
  return { code: 'REFERENCE_NOT_FOUND', details: field ? { field } : {} };
}

/**
 * Turns any thrown value into `{ code, message, details, requestId }`. Domain errors keep their
 * code; framework errors get a platform code from their status; anything else is a 500 that is
 * logged in full and answered without internals.
 */
export function toErrorResponse(
  exception: unknown,
  acceptLanguage: string | undefined,
  requestId: string,
): { status: number; body: ErrorBody; unexpected: boolean } {
  const locale = localeFromAcceptLanguage(acceptLanguage);
  let code: string = 'INTERNAL_ERROR';
  let details: Record<string, unknown> = {};
  let unexpected = false;
  let status: number | undefined;

  if (exception instanceof DomainError) {
    code = exception.code;
    details = exception.details;
    status = exception.definition?.status;
  } else if (exception instanceof HttpException) {
    status = exception.getStatus();
    code = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'MALFORMED_REQUEST');
    unexpected = status >= 500;
  } else {
    const low = (exception ?? {}) as LowLevelError;
    const lowStatus = low.statusCode ?? low.status;
    if (typeof lowStatus === 'number' && lowStatus >= 400 && lowStatus < 500) {
      status = lowStatus;
      code = STATUS_CODES[lowStatus] ?? 'MALFORMED_REQUEST';
      if (low.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') code = 'UNSUPPORTED_MEDIA_TYPE';
    } else {
      const dependency = unavailableDependency(exception);
      const reference = foreignKeyViolation(exception);
      if (reference) {
        code = reference.code;
        details = reference.details;
      } else if (dependency) {
        code = 'SERVICE_UNAVAILABLE';
        details = { dependency };
      } else unexpected = true;
    }
  }
  const def = errorDefinition(code) ?? errorDefinition('INTERNAL_ERROR')!;
  status ??= def.status;
  return {
    status,
    unexpected,
    body: { code, message: locale === 'en' ? def.en : def.zh, details, requestId },
  };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const { status, body, unexpected } = toErrorResponse(
      exception,
      request.headers['accept-language'],
      String(request.id),
    );
    if (unexpected) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'unhandled error');
    } else if (status === HttpStatus.SERVICE_UNAVAILABLE && body.details.dependency) {
      const err = (exception as Error).message;
      this.logger.warn(
        { requestId: body.requestId, dependency: body.details.dependency, err },
        'dependency unavailable',
      );
    }
    if (status === HttpStatus.TOO_MANY_REQUESTS && !reply.getHeader('retry-after')) {
      const retry = (exception as DomainError).details?.retryAfterSeconds;
      if (retry) reply.header('retry-after', String(retry));
    }
    void reply.status(status).send(body);
  }
}
