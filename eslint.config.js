// ESLint 9 flat config: typescript-eslint's type-checked rules on the TypeScript, the hooks rules on the Preact
// components (Preact's hooks follow React's rules, and the plugin recognises hooks by name, not by import).
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
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The code's convention for a binding kept only to be left out: `const { text: _text, ...rest } = record`.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.tsx', 'components/**/*.ts', 'entrypoints/**/*.ts'],
    extends: [reactHooks.configs.flat.recommended],
  },
);
