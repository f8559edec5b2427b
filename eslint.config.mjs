import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.next-*/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      'bench/out/**',
      '.tmp/**',
      'public/**',
      'bench/node_modules/**',
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'proxy.ts', 'instrumentation.ts'],
    ...nextPlugin.configs['core-web-vitals'],
  },
  {
    // Both effects are deliberate: preferences live in localStorage, which is read only after
    // hydration (so server and first client render agree), and the save runs on the remembered
    // fields only, never on a typed value. Narrowed to this file so the rules hold elsewhere.
    files: ['components/entry/entry-app.tsx'],
    rules: { 'react-hooks/set-state-in-effect': 'off', 'react-hooks/exhaustive-deps': 'off' },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Screens and the PDF render what interpret() computed; they never read clinical data directly.
    files: ['components/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}', 'lib/handout/**/*.ts'],
    ignores: ['app/api/**', 'components/references/**', 'app/references/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/lib/analytes/*', '@/lib/analytes/*'],
              message: 'Render fields that interpret() computed; do not read analyte data here.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
  },
);
