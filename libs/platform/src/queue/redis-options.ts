import type { RedisOptions } from 'ioredis';

/** Parses REDIS_URL into ioredis options (BullMQ wants an options object, not a URL). */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const u = new URL(url);
  const db = u.pathname && u.pathname !== '/' ? Number(u.pathname.slice(1)) : 0;
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
}

/**
 * For producers and health checks: fail at once while Redis is unreachable instead of queueing
 * commands in memory, so callers (the outbox relay) notice and retry from Postgres.
 */
export function failFastRedisOptions(url: string): RedisOptions {
  return { ...redisOptionsFromUrl(url), enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 };
}

/** For BullMQ workers: blocking commands must never give up (BullMQ requires this). */
export function workerRedisOptions(url: string): RedisOptions {
  return { ...redisOptionsFromUrl(url), maxRetriesPerRequest: null };
}
