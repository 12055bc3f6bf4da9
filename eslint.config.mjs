import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

// ── The house's boundaries (docs/architecture.md). A later block replaces an earlier block's
// no-restricted-imports options, so every block lists the common rules again.
const THROUGH_INDEX = {
  group: ['@app/*/**'],
  message: 'Use a lib through its public index (@app/<lib>, @app/db), never a deep path.',
};
const NO_RELATIVE_ACROSS = {
  group: ['../**/src', '../**/src/**', '**/libs/**', '**/apps/**'],
  message: 'No relative path into another lib or an app: import @app/<lib>.',
};
const NO_APPS = {
  group: ['@app/api', '@app/api/**', '@app/worker', '@app/worker/**'],
  message: 'Libs never import an app.',
};
const COMMON = [THROUGH_INDEX, NO_RELATIVE_ACROSS];
/** Specs, benches and seeds may also use a lib's `testing` entry (fixtures; not shipped in dist). */
const THROUGH_INDEX_OR_TESTING = { ...THROUGH_INDEX, group: [...THROUGH_INDEX.group, '!@app/*/testing'] };
/** Benches and scripts may also seed: the demo and benchmark cohorts (db/seeds; never imported by an app). */
const THROUGH_INDEX_TESTING_OR_SEEDS = { ...THROUGH_INDEX, group: [...THROUGH_INDEX_OR_TESTING.group, '!@app/db/seeds', '!@app/db/seeds/*'] };
const restrict = (...patterns) => ['error', { patterns: [...COMMON, ...patterns] }];

/** Pure folders: data and functions only — no framework, no database, no queue, no network, no file system. */
const PURE_FOLDERS = ['libs/reference/src/**/*.ts', 'libs/matching/src/engine/**/*.ts', 'libs/*/src/scheduler/**/*.ts'];
const IMPURE = {
  group: [
    '@nestjs/*',
    'typeorm',
    'typeorm/**',
    'pg',
    'ioredis',
    'bullmq',
    'meilisearch',
    'fs',
    'fs/**',
    'net',
    'http',
    'https',
    'child_process',
    'node:*',
    '@app/*',
    '!@app/reference',
  ],
  message: 'A pure folder imports only @app/reference and pure packages (no Nest, TypeORM, I/O).',
};
const NO_CLOCK = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Pure code takes the time as an argument (no Date.now()).',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Pure code takes the time as an argument (no new Date()).',
  },
  { selector: "CallExpression[callee.name='fetch']", message: 'Pure code does no network I/O.' },
  {
    selector: "MemberExpression[object.name='process'][property.name='env']",
    message: 'Pure code reads no environment.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/**', 'apps/web/node_modules/**', 'apps/web/dist/**', 'apps/web/src/**', 'apps/web/*.ts', 'apps/web/eslint.config.js', 'apps/web/test-output/**', 'coverage/**', 'var/**', 'migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        URL: 'readonly',
        Headers: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-restricted-imports': restrict(),
    },
  },
  { files: ['libs/**/*.ts'], rules: { 'no-restricted-imports': restrict(NO_APPS) } },
  {
    // A lib's own tests and testing helpers reach into its src (../src/...), never another lib's.
    files: ['libs/*/test/**/*.ts', 'libs/*/testing/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            THROUGH_INDEX_OR_TESTING,
            {
              group: ['../../**/src', '../../**/src/**', '**/libs/**', '**/apps/**'],
              message: NO_RELATIVE_ACROSS.message,
            },
            NO_APPS,
          ],
        },
      ],
    },
  },
  {
    // The test harness boots the apps it tests.
    files: ['test/**/*.ts', 'apps/*/test/**/*.ts', 'apps/web/e2e/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [THROUGH_INDEX_OR_TESTING, { ...NO_RELATIVE_ACROSS, group: ['**/libs/**'] }] },
      ],
    },
  },
  {
    files: ['bench/**/*.ts', 'db/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [THROUGH_INDEX_TESTING_OR_SEEDS, NO_RELATIVE_ACROSS] }] },
  },
  {
    // Builds the API app to print its OpenAPI document (apps/web/openapi.json), like the test harness.
    files: ['scripts/openapi.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [THROUGH_INDEX_TESTING_OR_SEEDS, { ...NO_RELATIVE_ACROSS, group: ['**/libs/**'] }] }],
    },
  },
  {
    files: ['libs/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(NO_APPS, {
        group: ['@app/*'],
        message: 'Platform knows no domain: it imports no other lib.',
      }),
    },
  },
  {
    files: PURE_FOLDERS,
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-imports': restrict(NO_APPS, IMPURE), 'no-restricted-syntax': ['error', ...NO_CLOCK] },
  },
  {
    files: ['scripts/**/*.js', '*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'bench/**/*.ts', 'apps/web/e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
