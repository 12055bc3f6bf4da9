import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import helmet from 'helmet';
import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { registeredErrorCodes, errorDefinition } from '../errors/domain-error';
import { DataSource } from 'typeorm';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { InputPolicyInterceptor } from './input-policy.interceptor';
import { InterceptorChain } from './interceptor-chain';
import { RateLimitInterceptor } from './rate-limit';
import { REDIS } from '../queue/redis.module';
import { installJsonBodyParser } from './input-rules';
import { installMethodNotAllowed } from './method-not-allowed';
import { createValidationPipe } from './validation';

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Reuses a caller's X-Request-Id when it looks sane, so one id follows a request across services. */
export function requestIdFor(raw: IncomingMessage): string {
  const header = raw.headers['x-request-id'];
  const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
  // pino-http reads req.id, so log lines and error bodies carry the same id.
  (raw as IncomingMessage & { id?: string }).id = id;
  return id;
}

export function createHttpAdapter(config: Pick<AppConfig, 'BODY_LIMIT_BYTES' | 'TRUST_PROXY_HOPS'>): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    genReqId: requestIdFor,
    // Only trust X-Forwarded-For from known proxies: otherwise anyone could pick their rate-limit key.
    trustProxy: config.TRUST_PROXY_HOPS > 0 ? config.TRUST_PROXY_HOPS : false,
    logger: false,
    // While draining (SIGTERM), a request that arrives on an open keep-alive connection is served
    // (with `Connection: close`) instead of Fastify's uncoded 503: each connection gets at most one
    // more, so the drain stays bounded, and no client sees an answer without our error shape.
    return503OnClosing: false,
  });
}

export const API_PREFIX = 'api/v1';

/**
 * Everything every HTTP process shares: logging, the input rules (JSON body parser, validation
 * pipe, input-policy interceptor; see input-rules.ts), the error filter, helmet, CORS, the
 * request-id header and the OpenAPI document.
 */
export async function configureHttpApp(
  app: NestFastifyApplication,
  options: { prefix?: string; openApi?: { title: string; description: string } } = {},
): Promise<void> {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(Logger));
  app.flushLogs();
  if (options.prefix) app.setGlobalPrefix(options.prefix);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(
    new InterceptorChain([
      new RateLimitInterceptor(app.get(REDIS), config),
      new InputPolicyInterceptor(),
      new IdempotencyInterceptor(app.get(DataSource)),
    ]),
  );
  app.useGlobalFilters(new AllExceptionsFilter());
  const fastify = app.getHttpAdapter().getInstance();
  installJsonBodyParser(app);
  installMethodNotAllowed(fastify);
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Helmet's security headers, its middleware built once. (@fastify/helmet built it again, CSP parsing
  // included, on every request, in two async hooks: ~3 % of a cached deal-flow page's CPU.)
  const securityHeaders = helmet({
    // The Swagger UI page needs inline scripts and styles.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'validator.swagger.io'],
        scriptSrc: ["'self'", "'unsafe-inline'"],
      },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err instanceof Error ? err : undefined)),
  );
  const origins = config.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (origins.length)
    app.enableCors({ origin: origins, credentials: true, exposedHeaders: ['x-request-id', 'retry-after'] });
  if (options.openApi) setUpOpenApi(app, options.openApi);
}

function setUpOpenApi(app: INestApplication, meta: { title: string; description: string }) {
  const codes = registeredErrorCodes()
    .map((code) => `| \`${code}\` | ${errorDefinition(code)?.status} | ${errorDefinition(code)?.en} |`)
    .join('\n');
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(meta.title)
      .setDescription(
        `${meta.description}\n\nEvery error answers \`{ code, message, details, requestId }\`; ` +
          'the message follows `Accept-Language` (zh-CN default, en).\n\n| code | status | meaning |\n|---|---|---|\n' +
          codes,
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  declareIdempotencyKeys(document);
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.ErrorBody = {
    type: 'object',
    required: ['code', 'message', 'details', 'requestId'],
    properties: {
      code: { type: 'string', enum: registeredErrorCodes() },
      message: { type: 'string' },
      // Per code (the field, the problems list, the current state …): documented as free-form on purpose.
      details: { type: 'object', additionalProperties: true, 'x-free-form': true } as Record<string, unknown>,
      requestId: { type: 'string' },
    },
  };
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    yamlDocumentUrl: 'api/docs-yaml',
  });
}

/** Every create (a POST answering 201 that is not an upload) takes the `Idempotency-Key` header. */
function declareIdempotencyKeys(document: OpenAPIObject): void {
  for (const ops of Object.values(document.paths)) {
    const post = ops.post;
    if (!post?.responses?.['201']) continue;
    const body = post.requestBody as { content?: Record<string, unknown> } | undefined;
    if (body?.content?.['multipart/form-data']) continue;
    post.parameters = [
      ...(post.parameters ?? []),
      {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'Any 1–255 visible ASCII characters, unique per create (a UUID). A retry with the same key and request ' +
          'returns the first answer (`Idempotent-Replayed: true`) and creates nothing; a different request under ' +
          'the key is 422 IDEMPOTENCY_KEY_MISMATCH; kept 24 h, per signed-in user.',
        schema: { type: 'string', minLength: 1, maxLength: 255 },
      },
    ];
  }
}
