import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The web app's own lint (its own packages); the root `npm run lint` runs it after the server's.
// e2e/ is the root jest's browser journey: the root config lints it.
export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-output/**', 'e2e/**', 'src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    languageOptions: { globals: globals.browser },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['vite.config.ts'], languageOptions: { globals: globals.node } },
);
