// ESLint 9 flat config: typescript-eslint's recommended rules and a few cheap ones that catch bugs, and the rules of
// hooks on the Preact components (Preact's hooks follow React's rules; the plugin knows hooks by name, not by import).
// Not the type-checked rule sets: building the TypeScript program made `eslint .` take 45 s of CPU instead of 10, and
// 2-4 minutes on this shared two-core machine; `npm run typecheck` already runs the compiler.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Build output: .gitignore's entries, which flat config does not read.
    ignores: ['.output/', '.wxt/', '.tmp/', 'test-results/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // The code's convention for a binding kept only to be left out: `const { text: _text, ...rest } = record`.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'smart'],
      'no-throw-literal': 'error',
      'prefer-promise-reject-errors': 'error',
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.tsx', 'components/**/*.ts', 'entrypoints/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // An error, not the plugin's warning: a warning would pass `npm test` unread. useLiveQuery takes a
      // dependency list as useEffect does, so its callers' lists are checked too.
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useLiveQuery$' }],
    },
  },
);
