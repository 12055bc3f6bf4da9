// Test defaults: the real local services; secrets are test-only values, never used elsewhere.
process.env.NODE_ENV ??= 'test';
process.env.LOG_LEVEL ??= 'silent';
process.env.JWT_SECRET ??= 'test-only-jwt-secret-at-least-32-characters-long';
process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
// Test files register many accounts from 127.0.0.1; throttling tests lower these for their own app.
process.env.LOGIN_MAX_ATTEMPTS_PER_IP ??= '100000';
process.env.LOGIN_MAX_ATTEMPTS_PER_EMAIL ??= '1000';
// Suites call imports and scheduler runs many times from one organization; the rate-limit test lowers it.
process.env.EXPENSIVE_ROUTE_LIMIT ??= '100000';
