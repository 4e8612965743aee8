import type { CommandContext, Terminal } from './command-context.js';
import { EXIT, UsageError } from './command-context.js';

export const BENCH_SEED_HELP = `Usage: dateline bench-seed --articles N [--sections K] [--append] [--json]

Fills the database in DATABASE_URL with a synthetic archive for benchmarks: N stories
(published, with a few drafts, scheduled, embargoed, unpublished, killed and expired ones)
over K sections (12 unless given), with bylines, topics and corrections, published several a
day back from now over up to fifteen years. Migrates first. Loads with COPY on PostgreSQL and
batched transactions on SQLite, printing progress and rows per second.

  --articles N   how many stories (1 to 10,000,000)
  --sections K   how many sections (1 to 100)
  --append       add to a database that already has articles (otherwise refused)
  --json         print {"articles","sections","tags","authors","seconds","rowsPerSecond"}

Exit codes: 0 seeded, 1 refused or failed, 2 usage error.`;

export interface BenchSeedOptions {
  articles?: string;
  sections?: string;
  append?: boolean;
  json?: boolean;
}

function wholeNumber(name: string, value: string | undefined, max: number): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max)
    throw new UsageError(`--${name}: give a whole number from 1 to ${max.toLocaleString('en')}`);
  return Number(value);
}

const perSecond = (rows: number, ms: number) => Math.round(rows / Math.max(ms / 1000, 0.001));

/** Seeds the archive; returns the exit code. */
export async function benchSeed(
  context: CommandContext,
  terminal: Terminal,
  options: BenchSeedOptions,
) {
  if (options.articles === undefined) throw new UsageError('--articles N is required');
  const articles = wholeNumber('articles', options.articles, 10_000_000);
  const sections =
    options.sections === undefined ? 12 : wholeNumber('sections', options.sections, 100);
  const { archive } = context.storage;
  const existing = await archive.articleCount();
  if (existing > 0 && !options.append) {
    terminal.err(
      `bench-seed: the database already has ${existing} articles; pass --append to add to them`,
    );
    return EXIT.failure;
  }
  const report = await archive.seed({ articles, sections, now: context.clock.now() }, (done) =>
    terminal.err(
      `bench-seed: ${done.articles}/${done.of} articles, ` +
        `${perSecond(done.articles, done.elapsedMs)} rows/s`,
    ),
  );
  context.publication.invalidate();
  const seconds = report.elapsedMs / 1000;
  const rate = perSecond(report.articles, report.elapsedMs);
  if (options.json) {
    terminal.out(
      JSON.stringify({
        articles: report.articles,
        sections: report.sections,
        tags: report.tags,
        authors: report.authors,
        seconds,
        rowsPerSecond: rate,
      }),
    );
  } else {
    terminal.out(
      `bench-seed: ${report.articles} articles in ${seconds.toFixed(1)} s (${rate} rows/s), ` +
        `${report.sections} sections, ${report.tags} topics, ${report.authors} authors`,
    );
  }
  return EXIT.ok;
}
