import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
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
          serializers: {
            req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
        },
      }),
    }),
  ],
})
export class PlatformLoggingModule {}
