import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { stdSerializers } from 'pino';
import { APP_CONFIG, PlatformConfigModule } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';

/** Paths pino removes from every line: credentials must never reach the logs. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  'token',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  'body.password',
  'body.refreshToken',
  // Database errors carry the statement's parameters and the failing row: company data, not for logs.
  'err.parameters',
  'err.detail',
  'err.driverError.parameters',
  'err.driverError.detail',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An unguessable capability (a calendar-feed token, an invitation token): 32+ base64url characters. */
const CAPABILITY = /^[A-Za-z0-9_-]{32,}$/;
const SECRET_QUERY = /token|secret|password|key|code/i;

/**
 * The URL as logged: capabilities in the path (`/calendar-feeds/<token>.ics`) and credential-like
 * query values (`?access_token=…`, `?token=…`) become `[redacted]`; ids and everything else stay.
 */
export function redactUrl(url: string): string {
  const [path, query] = url.split(/\?(.*)/s, 2);
  const cleanPath = path
    .split('/')
    .map((segment) => {
      const dot = segment.indexOf('.');
      const base = dot > 0 ? segment.slice(0, dot) : segment;
      return CAPABILITY.test(base) && !UUID.test(base) ? `[redacted]${dot > 0 ? segment.slice(dot) : ''}` : segment;
    })
    .join('/');
  if (!query) return cleanPath;
  const cleanQuery = query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      return SECRET_QUERY.test(name) || (CAPABILITY.test(value) && !UUID.test(value)) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${cleanPath}?${cleanQuery}`;
}

@Module({
  imports: [
    LoggerModule.forRootAsync({
      imports: [PlatformConfigModule],
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Named wildcard: path-to-regexp v8 (Nest 11) rejects a bare `*`.
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.LOG_LEVEL,
          redact: { paths: REDACT_PATHS, censor: '[redacted]' },
          // Fastify assigns the id (see createHttpAdapter); pino-http reuses it through req.id and
          // binds it, as `requestId`, to every line logged while the request is handled.
          quietReqLogger: true,
          customAttributeKeys: { reqId: 'requestId' },
          // Probes hit /health every few seconds: not worth a line unless they fail. (pino-http's
          // autoLogging.ignore is lost when nestjs-pino reuses the options object, hence 'silent'.)
          // A 4xx is the caller's mistake, answered as designed: info, so a probe's thousands of
          // refusals do not drown the warnings that need an operator.
          customLogLevel: (req, res, err) =>
            err || res.statusCode >= 500
              ? 'error'
              : (req.url ?? '').includes('/health/') && res.statusCode < 400
                ? 'silent'
                : 'info',
          // Our serializers read the raw request and response themselves: pino-http's wrapping first
          // built the whole standard request object (headers, query, address …) for every request,
          // since the request is bound to its logger when it arrives, whatever the level.
          wrapSerializers: false,
          serializers: {
            req: (req: { method: string; url: string; originalUrl?: string }) => ({
              method: req.method,
              url: redactUrl(req.originalUrl ?? req.url),
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            err: stdSerializers.err,
          },
        },
      }),
    }),
  ],
})
export class PlatformLoggingModule {}
