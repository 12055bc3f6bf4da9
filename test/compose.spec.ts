import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EnvSchema, validateEnv } from '@app/platform';

// No Docker engine runs in CI: these checks are what stops the compose file and the env docs
// drifting away from the config schema the processes validate at boot.

const root = join(__dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string; target?: string };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string | string[] };
}

// `merge: true` resolves the `<<: *app` keys the way Compose does.
const compose = parse(read('docker/compose.yml'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;

/**
 * JWT_SECRET, MEILI_URL and MEILI_MASTER_KEY have no default: whether `new EnvSchema()` lists them
 * depends on the compiler's class-field semantics, so they are added explicitly (as validateEnv does).
 */
const OPTIONAL_KEYS = ['JWT_SECRET', 'MEILI_URL', 'MEILI_MASTER_KEY'];
const SCHEMA_KEYS = [...new Set([...Object.keys(new EnvSchema()), ...OPTIONAL_KEYS])].sort();

const SAMPLES: Record<string, string> = {
  JWT_SECRET: 'compose-spec-sample-secret-0123456789abcdef',
  MEILI_MASTER_KEY: 'compose-spec-sample-master-key',
};

/**
 * Compose interpolation, reduced to what the file uses: ${VAR}, ${VAR:-default}, ${VAR-default},
 * ${VAR:?message} and ${VAR?message}. Required variables take the given sample (the test fails on
 * one it has no sample for); the others take their default, as with an empty shell environment.
 */
function interpolate(value: string, samples: Record<string, string>): string {
  return value.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g,
    (_match, name: string, op?: string, arg?: string) => {
      if (samples[name] !== undefined) return samples[name];
      if (op === ':-' || op === '-') return arg ?? '';
      if (op === ':?' || op === '?') throw new Error(`compose requires ${name} and the test has no sample for it`);
      return '';
    },
  );
}

function environmentOf(name: string): Record<string, string> {
  const env = services[name]?.environment ?? {};
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, interpolate(v == null ? '' : String(v), SAMPLES)]));
}

const flat = (cmd: string | string[] | undefined) => (Array.isArray(cmd) ? cmd.join(' ') : (cmd ?? ''));

describe('docker/compose.yml', () => {
  it('defines postgres, redis, meilisearch, the one-shot migrate, api and worker', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'meilisearch', 'migrate', 'postgres', 'redis', 'worker']);
  });

  it('runs Postgres 16 with the tourong database and a healthcheck', () => {
    expect(services.postgres.image).toMatch(/^postgres:16(\b|$)/);
    expect(services.postgres.environment?.POSTGRES_DB).toBe('tourong');
    expect(flat(services.postgres.healthcheck?.test)).toContain('pg_isready');
  });

  it('runs Redis 7 the way BullMQ needs it: AOF on, no eviction, with a healthcheck', () => {
    expect(services.redis.image).toMatch(/^redis:7(\b|$)/);
    const command = flat(services.redis.command);
    expect(command).toMatch(/--appendonly yes\b/);
    expect(command).toMatch(/--maxmemory-policy noeviction\b/);
    expect(flat(services.redis.healthcheck?.test)).toContain('ping');
  });

  it('runs Meilisearch v1 with a master key that must come from the environment', () => {
    expect(services.meilisearch.image).toMatch(/^getmeili\/meilisearch:v1(\.\d+)*$/);
    expect(services.meilisearch.environment?.MEILI_MASTER_KEY).toMatch(/^\$\{MEILI_MASTER_KEY:\?[^}]+\}$/);
    expect(services.meilisearch.healthcheck).toBeDefined();
  });

  it('builds api, worker and migrate from the one Dockerfile', () => {
    for (const name of ['api', 'worker', 'migrate']) {
      expect(services[name].build).toEqual(services.api.build);
      expect(services[name].build?.dockerfile).toBe('docker/Dockerfile');
      expect(services[name].image).toBe(services.api.image);
    }
  });

  it.each(['api', 'worker'])('starts %s from the file nest build writes (nest-cli.json entryFile)', (name) => {
    const nestCli = JSON.parse(read('nest-cli.json')) as { projects: Record<string, { entryFile: string }> };
    expect(services[name].command).toEqual(['node', `dist/${nestCli.projects[name].entryFile}.js`]);
  });

  it('migrates once before api and worker start', () => {
    expect(flat(services.migrate.command)).toBe('node scripts/migrate.js');
    expect(services.migrate.depends_on?.postgres?.condition).toBe('service_healthy');
    for (const name of ['api', 'worker']) {
      expect(services[name].depends_on?.migrate?.condition).toBe('service_completed_successfully');
    }
  });

  it.each(['api', 'worker', 'migrate'])('gives %s only variables the config schema knows', (name) => {
    const unknown = Object.keys(services[name].environment ?? {}).filter((k) => !SCHEMA_KEYS.includes(k));
    expect(unknown).toEqual([]);
  });

  it.each(['api', 'worker'])(
    'gives %s an environment that validateEnv accepts, wired to the compose services',
    (name) => {
      const raw = services[name].environment ?? {};
      // Secrets must be supplied by whoever runs compose; a default here would ship a known secret.
      expect(raw.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?[^}]+\}$/);
      expect(raw.MEILI_MASTER_KEY).toMatch(/^\$\{MEILI_MASTER_KEY:\?[^}]+\}$/);

      const config = validateEnv(environmentOf(name));
      expect(new URL(config.DATABASE_URL).hostname).toBe('postgres');
      expect(new URL(config.DATABASE_URL).pathname).toBe(`/${services.postgres.environment?.POSTGRES_DB}`);
      expect(new URL(config.REDIS_URL).hostname).toBe('redis');
      expect(config.SEARCH_ENGINE).toBe('meilisearch');
      expect(config.MEILI_URL).toBe('http://meilisearch:7700');
      expect(config.HOST).toBe('0.0.0.0');
      expect(config.NODE_ENV).toBe('production');
    },
  );

  it('probes readiness on the ports the processes listen on', () => {
    const api = validateEnv(environmentOf('api'));
    const worker = validateEnv(environmentOf('worker'));
    expect(flat(services.api.healthcheck?.test)).toContain(`:${api.PORT}/api/v1/health/ready`);
    expect(flat(services.worker.healthcheck?.test)).toContain(`:${worker.WORKER_HEALTH_PORT}/health/ready`);
  });
});

describe('.env.example', () => {
  const lines = read('.env.example').split('\n');
  const entries = lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => /^[A-Z][A-Z0-9_]*=/.test(line))
    .map(({ line, index }) => ({
      key: line.slice(0, line.indexOf('=')),
      // A value with spaces is quoted: `npm run demo` sources the file in bash (quotes are not part of the value).
      value: line.slice(line.indexOf('=') + 1).replace(/^(['"])(.*)\1$/, '$2'),
      index,
    }));
  const values = Object.fromEntries(entries.map((e) => [e.key, e.value]));

  it('documents every schema variable and nothing else, each once', () => {
    expect(entries.map((e) => e.key).sort()).toEqual(SCHEMA_KEYS);
  });

  it('shows each default as the schema has it', () => {
    const defaults = Object.entries(new EnvSchema()).filter(([, v]) => v !== undefined);
    expect(defaults.length).toBeGreaterThan(20);
    for (const [key, value] of defaults) expect([key, values[key]]).toEqual([key, String(value)]);
    expect(values.MEILI_URL).toBe('');
    expect(values.MEILI_MASTER_KEY).toBe('');
  });

  it('is a file bash can source (the demo does), so a value with spaces is quoted', () => {
    for (const { key, value, index } of entries)
      if (/\s|[<>|&;]/.test(value)) expect([key, /^(['"]).*\1$/.test(lines[index].slice(key.length + 1))]).toEqual([key, true]);
  });

  it('explains every variable with a comment above it', () => {
    for (const { key, index } of entries) {
      // Related variables may share one comment (PORT and HOST): walk up past the group to its comment.
      let i = index - 1;
      while (i >= 0 && /^[A-Z][A-Z0-9_]*=/.test(lines[i])) i--;
      expect([key, lines[i]?.startsWith('# ')]).toEqual([key, true]);
    }
  });

  it('carries an obvious JWT_SECRET placeholder and says how to generate a real one', () => {
    expect(values.JWT_SECRET).toMatch(/change-?me/i);
    const comment = lines[entries.find((e) => e.key === 'JWT_SECRET')!.index - 1];
    expect(comment).toContain('openssl rand -hex 32');
  });
});
