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
      unexpected = true;
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
    }
    if (status === HttpStatus.TOO_MANY_REQUESTS && !reply.getHeader('retry-after')) {
      const retry = (exception as DomainError).details?.retryAfterSeconds;
      if (retry) reply.header('retry-after', String(retry));
    }
    void reply.status(status).send(body);
  }
}
