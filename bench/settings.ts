/** The bench's knobs, read from the environment once. */

export interface BenchSettings {
  /** Length of each measured run. */
  seconds: number;
  /** Length of the unrecorded run before each measured one (JIT, caches, sockets). */
  warmupSeconds: number;
  /** Concurrency levels: 1 shows per-request cost, 64 shows behaviour under load. */
  connections: number[];
  /** Which parts run (BENCH_ONLY, a comma-separated list); all of them unless set. */
  scenarios: Set<Scenario>;
}

/**
 * The parts of the bench: the page matrix, the soak, the photo measurements, the upload burst,
 * the delay from publish to purge while photos are encoded (bench/purge-delay.ts), and reader
 * searches at 100k and 1M stories (bench/search-bench.ts), and WordPress imports
 * (bench/wxr-import-bench.ts).
 */
export const SCENARIOS = [
  'pages',
  'soak',
  'photos',
  'uploads',
  'jobs',
  'search',
  'imports',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

function scenariosFrom(raw: string | undefined): Set<Scenario> {
  if (raw === undefined || raw.trim() === '') return new Set(SCENARIOS);
  const named = raw.split(',').map((name) => name.trim());
  const unknown = named.filter((name) => !(SCENARIOS as readonly string[]).includes(name));
  if (unknown.length > 0 || named.length === 0) {
    throw new Error(`BENCH_ONLY must list some of ${SCENARIOS.join(', ')}, not "${raw}"`);
  }
  return new Set(named as Scenario[]);
}

function secondsFrom(name: string, fallback: number, allowZero: boolean): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  const valid = Number.isFinite(value) && (allowZero ? value >= 0 : value > 0);
  if (!valid)
    throw new Error(
      `${name} must be a ${allowZero ? 'non-negative' : 'positive'} number of seconds, not "${raw}"`,
    );
  return value;
}

export function readSettings(): BenchSettings {
  return {
    seconds: secondsFrom('BENCH_SECONDS', 8, false),
    warmupSeconds: secondsFrom('BENCH_WARMUP_SECONDS', 2, true),
    connections: [1, 64],
    scenarios: scenariosFrom(process.env.BENCH_ONLY),
  };
}
