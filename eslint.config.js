// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** Folders each layer must not reach, per DESIGN.md's import table. */
const layerRules = [
  {
    files: ['src/domain/**'],
    banned: [
      '**/services/**',
      '**/storage/**',
      '**/adapters/**',
      '**/http/**',
      '**/jobs/**',
      '**/cli/**',
      '**/config/**',
      '**/app.js',
    ],
    nodeBuiltins: true,
  },
  {
    files: ['src/services/**'],
    banned: [
      '**/storage/**',
      '**/adapters/**',
      '**/http/**',
      '**/jobs/**',
      '**/cli/**',
      '**/app.js',
    ],
  },
  {
    files: ['src/storage/**'],
    banned: ['**/http/**', '**/adapters/**', '**/jobs/**', '**/cli/**', '**/app.js'],
  },
  {
    files: ['src/adapters/**'],
    banned: ['**/http/**', '**/storage/**', '**/jobs/**', '**/cli/**', '**/app.js'],
  },
  {
    files: ['src/http/**', 'src/jobs/**', 'src/cli/**'],
    banned: ['**/storage/**', '**/adapters/**', '**/app.js'],
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'media/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, jsxPragma: 'h' },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^(h|Fragment)$' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['warn', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'e2e/**', 'bench/**'],
    rules: { 'max-lines-per-function': 'off' },
  },
  {
    // Migrations are one long declaration by nature; the Umm al-Qura table is data.
    files: ['**/migrations/**', '**/*-table.ts'],
    rules: { 'max-lines': 'off', 'max-lines-per-function': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', Buffer: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  ...layerRules.map(({ files, banned, nodeBuiltins }) => ({
    files,
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: banned, message: 'DESIGN.md: this layer must not import that one.' },
            ...(nodeBuiltins
              ? [
                  {
                    group: [
                      'node:*',
                      'fs',
                      'http',
                      'net',
                      'child_process',
                      'kysely',
                      'pg',
                      'better-sqlite3',
                    ],
                    message: 'domain/ is pure: no I/O.',
                  },
                ]
              : []),
          ],
        },
      ],
    },
  })),
  prettier,
);
