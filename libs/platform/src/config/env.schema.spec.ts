import { ConfigValidationError, validateEnv } from './env.schema';

const secret = 'a'.repeat(32);

describe('environment validation', () => {
  it('fills every default when only the secret is given', () => {
    const config = validateEnv({ JWT_SECRET: secret });
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/tourong');
    expect(config.SEARCH_ENGINE).toBe('embedded');
    expect(config.BODY_LIMIT_BYTES).toBe(1024 * 1024);
  });

  it('converts numeric strings', () => {
    expect(validateEnv({ JWT_SECRET: secret, PORT: '8080', OUTBOX_POLL_MS: '250' })).toMatchObject({
      PORT: 8080,
      OUTBOX_POLL_MS: 250,
    });
  });

  it('lists every problem in one message, naming each variable, and never prints the secret', () => {
    let error: ConfigValidationError | undefined;
    try {
      validateEnv({
        JWT_SECRET: 'short-secret',
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        SEARCH_ENGINE: 'meilisearch',
      });
    } catch (e) {
      error = e as ConfigValidationError;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const vars = error!.problems.map((p) => p.split(':')[0]);
    expect(vars).toEqual(expect.arrayContaining(['JWT_SECRET', 'PORT', 'DATABASE_URL', 'MEILI_URL']));
    expect(error!.message).toContain('4 problem(s)');
    expect(error!.message).not.toContain('short-secret');
  });

  it('requires JWT_SECRET: there is no default secret', () => {
    expect(() => validateEnv({})).toThrow(/JWT_SECRET/);
  });
});
