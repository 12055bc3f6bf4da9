import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `npm run demo` reads .env through scripts/lib/load-env.sh; the environment must win over the file.
const root = join(__dirname, '..');
const loader = join(root, 'scripts/lib/load-env.sh');

/** Runs the loader on `file` in a clean bash with `env`, and returns the variables it then sees. */
function loaded(file: string, env: Record<string, string>, keys: string[]): Record<string, string> {
  const script = `set -euo pipefail; source "$1"; load_env_file "$2"; ${keys.map((k) => `printf '%s=%s\\n' ${k} "\${${k}-<unset>}"`).join('; ')}`;
  const out = execFileSync('bash', ['-c', script, 'bash', loader, file], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    encoding: 'utf8',
  });
  return Object.fromEntries(out.trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

describe('load_env_file (npm run demo reads .env with it)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tourong-env-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('PORT=3100 in the environment beats PORT=3000 in .env; what the environment leaves unset comes from the file', () => {
    const env = join(dir, '.env');
    writeFileSync(env, 'PORT=3000\nHOST=127.0.0.1\nMAIL_FROM="Tourong 投融 <no-reply@tourong.local>"\n');
    expect(loaded(env, { PORT: '3100' }, ['PORT', 'HOST', 'MAIL_FROM'])).toEqual({
      PORT: '3100',
      HOST: '127.0.0.1',
      MAIL_FROM: 'Tourong 投融 <no-reply@tourong.local>',
    });
  });

  it('keeps an environment value with spaces and quotes as it was, and one set to empty stays empty', () => {
    const env = join(dir, '.env');
    writeFileSync(env, 'MAIL_FROM="file <a@b>"\nMEILI_URL=http://127.0.0.1:7700\n');
    expect(loaded(env, { MAIL_FROM: `Ops "team" <ops@x.cn>`, MEILI_URL: '' }, ['MAIL_FROM', 'MEILI_URL'])).toEqual({
      MAIL_FROM: `Ops "team" <ops@x.cn>`,
      MEILI_URL: '',
    });
  });

  it('exports the file values to child processes (the api and worker the demo starts)', () => {
    const env = join(dir, '.env');
    writeFileSync(env, 'PORT=3000\nWORKER_HEALTH_PORT=3001\n');
    const out = execFileSync(
      'bash',
      ['-c', 'source "$1"; load_env_file "$2"; node -p "process.env.PORT + \' \' + process.env.WORKER_HEALTH_PORT"', 'bash', loader, env],
      { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PORT: '3100' }, encoding: 'utf8' },
    );
    expect(out.trim()).toBe('3100 3001');
  });

  it('reads the shipped .env.example, with PORT from the environment', () => {
    expect(loaded(join(root, '.env.example'), { PORT: '3100' }, ['PORT', 'HOST'])).toEqual({ PORT: '3100', HOST: '127.0.0.1' });
  });

  it('is how demo.sh reads .env — no other `source .env` that would override the environment', () => {
    const demo = readFileSync(join(root, 'scripts/demo.sh'), 'utf8');
    expect(demo).toContain('load_env_file .env');
    expect(demo).not.toMatch(/(source|\.)\s+\.env\b/);
    // Loaded before anything reads PORT (the readiness probe and the printed URLs).
    expect(demo.indexOf('load_env_file .env')).toBeLessThan(demo.indexOf('${PORT:-3000}'));
  });
});
