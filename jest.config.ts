import type { Config } from 'jest';

// Four tiers, one command: `npm test` runs them all; `--selectProjects unit|int|e2e|fault` runs one.
const libs = ['reference', 'platform', 'identity', 'startups', 'matching', 'funds', 'search', 'roadshows', 'engagement', 'reporting'];
const moduleNameMapper: Record<string, string> = {
  '^@app/db(|/.*)$': '<rootDir>/db$1',
  // A lib's test helpers live beside src, not in it (dist does not ship them).
  '^@app/([a-z]+)/testing$': '<rootDir>/libs/$1/testing',
};
for (const lib of libs) moduleNameMapper[`^@app/${lib}(|/.*)$`] = `<rootDir>/libs/${lib}/src$1`;

// ESM-only packages that Jest's CommonJS loader cannot require as they ship (Node 20 can).
const ESM_ONLY = ['content-disposition', 'meilisearch'];

const transform: Config['transform'] = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  [`node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: [
    'ts-jest',
    { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' }, diagnostics: false },
  ],
};

const base = {
  rootDir: '.',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleNameMapper,
  setupFiles: ['<rootDir>/test/setup-env.ts'],
};

const config: Config = {
  // A hang guard, not a speed assertion: hooks boot real apps and processes, which on a loaded
  // 2-core machine take tens of seconds. Files that need longer set their own.
  testTimeout: 120_000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,db,test,scripts}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs,db,test}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
    },
    {
      // Each test: its own Postgres cluster and redis-server, the real api and worker processes.
      ...base,
      displayName: 'fault',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.fault-spec.ts'],
      globalSetup: '<rootDir>/test/fault/global-setup.ts',
    },
  ],
};

export default config;
