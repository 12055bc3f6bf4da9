import { HttpException, NotFoundException } from '@nestjs/common';
import { toErrorResponse } from './all-exceptions.filter';
import { defineErrors } from './domain-error';
import { localeFromAcceptLanguage } from './locale';
import { platformError } from './platform.errors';

describe('Accept-Language', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-TW', 'zh-CN'],
    ['fr-FR, en;q=0.5', 'en'],
    ['en;q=0.2, zh-CN;q=0.8', 'zh-CN'],
    ['de', 'zh-CN'],
    ['en;q=0', 'zh-CN'],
  ])('%s → %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});

describe('error responses', () => {
  const testError = defineErrors<'TEST_TICKET_RANGE_INVALID'>({
    TEST_TICKET_RANGE_INVALID: { status: 422, en: 'Ticket minimum exceeds maximum.', zh: '投资额下限高于上限。' },
  });

  it('keeps a domain error’s code, status, details and localized message', () => {
    const res = toErrorResponse(testError('TEST_TICKET_RANGE_INVALID', { field: 'ticketMin' }), 'en', 'r1');
    expect(res).toEqual({
      status: 422,
      unexpected: false,
      body: {
        code: 'TEST_TICKET_RANGE_INVALID',
        message: 'Ticket minimum exceeds maximum.',
        details: { field: 'ticketMin' },
        requestId: 'r1',
      },
    });
    expect(toErrorResponse(testError('TEST_TICKET_RANGE_INVALID'), undefined, 'r1').body.message).toBe(
      '投资额下限高于上限。',
    );
  });

  it('maps framework HTTP errors to platform codes by status', () => {
    expect(toErrorResponse(new NotFoundException(), 'en', 'r').body.code).toBe('ROUTE_NOT_FOUND');
    expect(toErrorResponse(new HttpException('slow down', 429), 'en', 'r').body.code).toBe('RATE_LIMITED');
  });

  it('maps low-level body errors (Fastify) by their status code', () => {
    const tooLarge = Object.assign(new Error('body'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    expect(toErrorResponse(tooLarge, 'en', 'r')).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
    const media = Object.assign(new Error('media'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
    expect(toErrorResponse(media, 'en', 'r').body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 503 naming the dependency when Postgres or Redis is unreachable, not 500', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const shutdown = Object.assign(new Error('QueryFailedError'), {
      driverError: { code: '57P01', message: 'terminating connection due to administrator command' },
    });
    const terminated = new Error('Connection terminated unexpectedly');
    const starting = Object.assign(new Error('the database system is starting up'), { code: '57P03' });
    const released = Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), {
      name: 'QueryRunnerAlreadyReleasedError',
    });
    const providerReleased = Object.assign(
      new Error('Database connection provided by a query runner was already released, cannot continue to use its querying methods anymore.'),
      { name: 'QueryRunnerProviderAlreadyReleasedError' },
    );
    for (const err of [refused, shutdown, terminated, starting, released, providerReleased]) {
      const res = toErrorResponse(err, 'en', 'req-1');
      expect([res.status, res.body.code, res.body.details, res.unexpected]).toEqual([
        503,
        'SERVICE_UNAVAILABLE',
        { dependency: 'database' },
        false,
      ]);
    }
    const redis = toErrorResponse(
      new Error("Stream isn't writeable and enableOfflineQueue options is false"),
      'en',
      'r',
    );
    expect([redis.status, redis.body.details]).toEqual([503, { dependency: 'redis' }]);
    // A query that is merely wrong is still our bug: 500.
    const bad = Object.assign(new Error('syntax error'), { driverError: { code: '42601', message: 'syntax error' } });
    expect(toErrorResponse(bad, 'en', 'r').status).toBe(500);
  });

  it('maps a foreign-key violation to a coded 4xx with the field, without the key or the tables', () => {
    const missing = Object.assign(new Error('insert or update on table "deals" violates foreign key constraint'), {
      driverError: {
        code: '23503',
        detail: 'Key (project_id)=(8c0e5b2e-0000-4000-8000-000000000001) is not present in table "projects".',
      },
    });
    expect(toErrorResponse(missing, 'en', 'r')).toEqual({
      status: 422,
      unexpected: false,
      body: {
        code: 'REFERENCE_NOT_FOUND',
        message: 'A referenced record does not exist.',
        details: { field: 'projectId' },
        requestId: 'r',
      },
    });
    const inUse = { code: '23503', detail: 'Key (id)=(x) is still referenced from table "deals".' };
    expect(toErrorResponse(inUse, 'en', 'r')).toMatchObject({
      status: 409,
      body: { code: 'REFERENCE_IN_USE', details: {} },
    });
    // Another integrity error is not mistaken for one.
    expect(toErrorResponse({ code: '23505', detail: 'Key (id)=(x) already exists.' }, 'en', 'r').status).toBe(500);
  });

  it('turns anything unknown into a 500 without internals', () => {
    const res = toErrorResponse(new TypeError('cannot read x of undefined at /srv/app.js:10'), 'en', 'req-9');
    expect(res.status).toBe(500);
    expect(res.unexpected).toBe(true);
    expect(res.body).toEqual({
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side.',
      details: {},
      requestId: 'req-9',
    });
  });

  it('refuses to define one code twice with different meanings', () => {
    expect(() => defineErrors<'VALIDATION_FAILED'>({ VALIDATION_FAILED: { status: 422, en: 'x', zh: 'x' } })).toThrow(
      /defined twice/,
    );
    expect(platformError('VALIDATION_FAILED').definition?.status).toBe(400);
  });
});
