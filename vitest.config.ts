import { availableParallelism } from 'node:os';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';
import { CHEAP_PASSWORD_HASHING } from './test/test-password.js';

const esbuild = { jsx: 'transform', jsxFactory: 'h', jsxFragment: 'Fragment' } as const;

/** Every suite, and every `dateline` process a suite starts, hashes passwords cheaply. */
const env = { ...CHEAP_PASSWORD_HASHING };

/**
 * Files that take minutes (100k stories seeded per engine). Vitest starts the longest files
 * first once it has timed them; on a clean clone it has not, so these are named.
 */
const SLOWEST_FILES = ['test/query-plans.int.test.ts'];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const slow = (file: TestSpecification) =>
      SLOWEST_FILES.some((name) => file.moduleId.endsWith(name));
    return [...sorted.filter(slow), ...sorted.filter((file) => !slow(file))];
  }
}

export default defineConfig({
  esbuild,
  test: {
    // Integration files spend much of their time waiting on PostgreSQL, child processes and
    // timers, so one file per core keeps the cores busier than Vitest's default of one fewer
    // (on two cores, a single file at a time). Capped for PostgreSQL's connections.
    maxWorkers: Math.min(availableParallelism(), 6),
    sequence: { sequencer: SlowestFirst },
    projects: [
      {
        esbuild,
        test: {
          name: 'unit',
          env,
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
          env,
          include: ['src/**/*.int.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
          // Files share the cores: on a loaded two-core machine a test that starts `dateline`
          // three times took over 30 s beside another such file.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        esbuild,
        test: {
          name: 'e2e',
          env,
          include: ['e2e/**/*.test.{ts,tsx}'],
          // One file at a time, after the other projects' files: Lighthouse's scores must not
          // suffer from a browser test, or any other file, beside it.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
