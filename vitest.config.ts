import { defineConfig } from 'vitest/config';

const esbuild = { jsx: 'transform', jsxFactory: 'h', jsxFragment: 'Fragment' } as const;

export default defineConfig({
  esbuild,
  test: {
    projects: [
      {
        esbuild,
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.{ts,tsx}',
            'admin/src/**/*.test.{ts,tsx}',
            // The bench's pure parts: its plan, report and target checks.
            'bench/**/*.test.ts',
          ],
          exclude: ['src/**/*.int.test.{ts,tsx}'],
          // Property tests run a hundred cases each: on a loaded two-core CI machine one took
          // over the default 5 s, though it needs well under one on a quiet one.
          testTimeout: 20_000,
        },
      },
      {
        esbuild,
        test: {
          name: 'int',
          include: ['src/**/*.int.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        esbuild,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.{ts,tsx}'],
          // One file at a time: Lighthouse's scores must not suffer from a browser test beside it.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
