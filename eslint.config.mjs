// @ts-check
// ESLint for the backend, sandbox, tests, bench and scripts (static/ has its own config): type-checked rules plus the
// house rules (no `any`, no type assertions in src/, type-only imports).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'static/**', 'coverage/**', '*.config.js', '*.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Parse, don't cast: production code never asserts a type (const assertions are allowed).
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
    },
  },
  {
    // Browser scripts served as they are: tsc checks them with the DOM library (checkJs in sandbox/web/tsconfig.json),
    // which knows the browser's globals; ESLint's own no-undef does not, and adds nothing over the type check.
    files: ['sandbox/web/**/*.js'],
    rules: { 'no-undef': 'off' },
  },
  {
    // Test doubles are often async without awaiting anything.
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      // jest's asymmetric matchers (expect.any, expect.stringMatching…) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
);
