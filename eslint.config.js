// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import importPlugin from 'eslint-plugin-import';

/** Service modules other than the ports, which storage and adapters implement. */
const serviceLogic = ['**/services/**/*.js', '!**/services/**/*-ports.js', '!**/services/ports.js'];

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
      '**/config/**',
      '**/app.js',
    ],
  },
  {
    files: ['src/storage/**'],
    banned: [
      '**/http/**',
      '**/adapters/**',
      '**/jobs/**',
      '**/cli/**',
      '**/config/**',
      '**/app.js',
      ...serviceLogic,
    ],
  },
  {
    files: ['src/adapters/**'],
    banned: [
      '**/http/**',
      '**/storage/**',
      '**/jobs/**',
      '**/cli/**',
      '**/app.js',
      ...serviceLogic,
    ],
  },
  {
    files: ['src/http/**'],
    banned: ['**/storage/**', '**/adapters/**', '**/jobs/**', '**/cli/**', '**/app.js'],
  },
  {
    files: ['src/jobs/**'],
    banned: ['**/storage/**', '**/adapters/**', '**/http/**', '**/cli/**', '**/app.js'],
  },
  {
    files: ['src/cli/**'],
    banned: ['**/storage/**', '**/adapters/**', '**/http/**', '**/app.js'],
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
  {
    // The newsroom app takes only types from the server: its values reach it over the API.
    files: ['admin/src/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/**'],
              allowTypeImports: true,
              message: 'DESIGN.md: admin/ imports only types from the server.',
            },
          ],
        },
      ],
    },
  },
  {
    // The fake stores stand in for the database in unit tests only (ADR 0031).
    files: ['src/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'src/services/fakes/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/fakes/**'], message: 'Fakes are for unit tests: pass real stores.' },
          ],
        },
      ],
    },
  },
  {
    // A cycle hides which module is the lower layer; ports and services must form a tree.
    files: ['src/**/*.ts', 'src/**/*.tsx', 'admin/src/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { import: importPlugin },
    settings: {
      'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import/resolver': {
        typescript: {
          project: ['tsconfig.json', 'admin/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        },
      },
    },
    rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] },
  },
  prettier,
);
