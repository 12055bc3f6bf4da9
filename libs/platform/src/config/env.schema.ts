import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Every environment variable the processes read, with its default.
 * `.env.example` documents the same list; a test keeps the two in step.
 */
export class EnvSchema {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/tourong';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every BullMQ key; tests use their own so files can run in parallel. */
  @Matches(/^[a-zA-Z0-9_-]{1,64}$/, { message: 'QUEUE_PREFIX may contain letters, digits, _ and - only' })
  QUEUE_PREFIX = 'tourong';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Comma-separated list of allowed browser origins; empty disables CORS. */
  @IsString()
  CORS_ORIGINS = 'http://localhost:5173,http://127.0.0.1:5173';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** HMAC secret of access tokens. Required: there is no default secret. */
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3600)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(3600)
  @Max(90 * 24 * 3600)
  REFRESH_TTL_SECONDS = 30 * 24 * 3600;

  /** Hours an organization invitation stays valid. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 90)
  INVITATION_TTL_HOURS = 168;

  /** Login attempts allowed per e-mail address in each LOGIN_WINDOW_SECONDS. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_MAX_ATTEMPTS_PER_EMAIL = 5;

  /** Login attempts allowed per client IP in each LOGIN_WINDOW_SECONDS. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  LOGIN_MAX_ATTEMPTS_PER_IP = 30;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(24 * 3600)
  LOGIN_WINDOW_SECONDS = 900;

  /** Calls per organization to one expensive route (scheduler runs, imports, reindex) in each window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  EXPENSIVE_ROUTE_LIMIT = 20;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  EXPENSIVE_ROUTE_WINDOW_SECONDS = 60;

  /** Reverse-proxy hops to trust for the client IP (X-Forwarded-For); 0 trusts none. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY_HOPS = 0;

  @IsIn(['embedded', 'meilisearch'])
  SEARCH_ENGINE: 'embedded' | 'meilisearch' = 'embedded';

  /**
   * Embedded search: a directory for each index's image (its text postings), so a restart segments
   * only the documents that changed since; empty = every boot indexes everything (a cache only: it
   * may be deleted at any time, and a stale or foreign image is corrected document by document).
   */
  @IsString()
  SEARCH_INDEX_CACHE_DIR = '';

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  MEILI_URL?: string;

  @IsOptional()
  @IsString()
  MEILI_MASTER_KEY?: string;

  /**
   * SMTP server for e-mail notifications (smtp://user:pass@host:587, smtps://… for implicit TLS).
   * Unset: notifications are in-app only.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The From: of notification e-mails. */
  @IsString()
  MAIL_FROM = 'Tourong 投融 <no-reply@tourong.local>';

  /** How often the worker's sweeper enqueues reminders that are due and unsent (ms). */
  @Transform(toInt)
  @IsInt()
  @Min(200)
  @Max(3_600_000)
  REMINDER_SWEEP_MS = 30_000;

  /** Working days a follow-up is due in after a meeting, unless the organizer sets another. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  FOLLOW_UP_WORKING_DAYS = 4;

  /** Working days the owner has to acknowledge a follow-up (the acknowledge clock), unless the organizer sets another. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  FOLLOW_UP_ACK_WORKING_DAYS = 1;

  /** The investors' daily digest: hour (Asia/Shanghai) it runs at, how deep the top list is, and its score threshold. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(23)
  DIGEST_HOUR = 8;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DIGEST_TOP_K = 20;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100)
  DIGEST_MIN_SCORE = 70;

  /** Where the local-disk Storage adapter keeps uploaded files. */
  @IsString()
  STORAGE_DIR = './var/storage';

  /** The built web app (apps/web/dist) the API serves at / with an SPA fallback; skipped when absent. */
  @IsString()
  WEB_DIST_DIR = './apps/web/dist';

  /** How often the outbox relay looks for undelivered events when no notification arrives. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60_000)
  OUTBOX_POLL_MS = 500;

  /**
   * Redis keeps nothing on disk: when the worker finds its sentinel key gone (FLUSHALL, a restart),
   * it re-delivers every event dispatched within this window (ms), idempotently by event id.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(7 * 24 * 3_600_000)
  OUTBOX_REDELIVER_WINDOW_MS = 900_000;

  /** How often the worker checks its Redis sentinel and each API process checks its projection gaps (ms). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  PROJECTION_CHECK_MS = 1000;

  /**
   * A dispatched event an API process has not received after this long (ms) is taken as lost in
   * Redis and applied from the outbox table instead.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  PROJECTION_GAP_GRACE_MS = 5000;

  /** The worker's only HTTP surface: /health/live and /health/ready. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HEALTH_PORT = 3001;

  /** Ceiling on SIGTERM draining; both processes exit before it. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(60_000)
  SHUTDOWN_TIMEOUT_MS = 8000;
}

export type AppConfig = Readonly<EnvSchema>;

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment configuration (${problems.length} problem(s)):\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

/** One line per variable, showing what was given (secrets redacted) so the fix is obvious. */
function describe(errors: ValidationError[], input: Record<string, string>): string[] {
  return errors.map((e) => {
    const raw = input[e.property];
    const shown =
      raw === undefined ? 'nothing' : /SECRET|KEY|SMTP_URL/.test(e.property) ? '[redacted]' : JSON.stringify(raw);
    return `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')} (got ${shown})`;
  });
}

/** Validates the whole environment at once and reports every problem, not just the first. */
export function validateEnv(env: Record<string, string | undefined>): AppConfig {
  const known = Object.keys(new EnvSchema());
  const input: Record<string, string> = {};
  for (const key of [...known, 'JWT_SECRET', 'MEILI_URL', 'MEILI_MASTER_KEY', 'SMTP_URL']) {
    const v = env[key];
    if (v !== undefined && v !== '') input[key] = v;
  }
  const config = plainToInstance(EnvSchema, input, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true, stopAtFirstError: true });
  const problems = describe(errors, input);
  if (
    config.NODE_ENV === 'production' &&
    config.JWT_SECRET &&
    /change-me|example|placeholder/i.test(config.JWT_SECRET)
  ) {
    problems.push('JWT_SECRET: the .env.example placeholder cannot be used in production (got [redacted])');
  }
  if (config.SEARCH_ENGINE === 'meilisearch' && !config.MEILI_URL) {
    problems.push('MEILI_URL: required when SEARCH_ENGINE=meilisearch (got nothing)');
  }
  if (problems.length) throw new ConfigValidationError(problems);
  return Object.freeze(config);
}
