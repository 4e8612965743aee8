/**
 * The page matrix of `npm run bench`, as data: which archive sizes, engines, cache modes, pages
 * and concurrencies run, in which order, and how long that takes. Pure, so the plan can be
 * checked without starting a server.
 */

/** `demo` is the demo newspaper (seed-demo); a number is a synthetic archive (bench-seed). */
export interface ArchiveSize {
  label: string;
  articles: number | 'demo';
}

export const ENGINES = ['sqlite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

/** Cached is the server as deployed; uncached runs it with PAGE_CACHE_MB=0. */
export const CACHE_MODES = ['cached', 'uncached'] as const;
export type CacheMode = (typeof CACHE_MODES)[number];

/** The reader pages the matrix measures, in the order they run. */
export const PAGES = ['home', 'section', 'section-500', 'article', 'feed', 'sitemap'] as const;
export type PageName = (typeof PAGES)[number];

/** The page of a section front the deep-page run asks for. */
export const DEEP_PAGE = 500;

/** Saturated runs at one connection show cost per request; at 64, behaviour under load. */
export const CONNECTIONS = [1, 64] as const;

/** Constant-rate runs use the higher concurrency, so the rate, not the connections, limits. */
export const CONSTANT_RATE_CONNECTIONS = 64;

export interface MatrixSettings {
  sizes: ArchiveSize[];
  engines: Engine[];
  cacheModes: CacheMode[];
  pages: PageName[];
  /** The offered load of cached pages' constant-rate runs, req/s. */
  cachedRate: number;
  /** Length of the soak at 64 connections; 0 leaves it out of the default run. */
  soakSeconds: number;
  /** The constant-rate runs' load generator (BENCH_RATE_CLIENT): `paced` unless told. */
  rateClient: RateClient;
}

type Env = Record<string, string | undefined>;

function listFrom(env: Env, name: string, fallback: string): string[] {
  const raw = env[name];
  const text = raw === undefined || raw.trim() === '' ? fallback : raw;
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function pick<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: string) {
  const named = listFrom(env, name, fallback);
  const unknown = named.filter((item) => !(allowed as readonly string[]).includes(item));
  if (unknown.length > 0 || named.length === 0) {
    throw new Error(`${name} must list some of ${allowed.join(', ')}, not "${env[name]}"`);
  }
  // Kept in the canonical order, so the report reads the same however the list was written.
  return allowed.filter((item) => named.includes(item));
}

/** `demo`, a whole number, or one with a `k` (thousand) or `m` (million) suffix. */
export function parseSize(text: string): ArchiveSize {
  const label = text.trim().toLowerCase();
  if (label === 'demo') return { label, articles: 'demo' };
  const match = /^(\d+)([km]?)$/.exec(label);
  const scale = match?.[2] === 'k' ? 1_000 : match?.[2] === 'm' ? 1_000_000 : 1;
  const articles = match ? Number(match[1]) * scale : NaN;
  if (!Number.isSafeInteger(articles) || articles < 1) {
    throw new Error(`BENCH_SIZES: "${text}" is not demo, nor a count like 10k or 1m`);
  }
  return { label, articles };
}

function positive(env: Env, name: string, fallback: number, allowZero: boolean): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new Error(
      `${name} must be a ${allowZero ? 'non-negative' : 'positive'} number, not "${raw}"`,
    );
  }
  return value;
}

/**
 * Who generates a constant-rate load: `paced` (paced-load-child.ts) or `autocannon` (its
 * overallRate, which sends each second's share in a burst: kept to compare the two).
 */
export const RATE_CLIENTS = ['paced', 'autocannon'] as const;
export type RateClient = (typeof RATE_CLIENTS)[number];

function rateClientFrom(raw: string | undefined): RateClient {
  const name = raw === undefined || raw.trim() === '' ? 'paced' : raw.trim();
  if (!(RATE_CLIENTS as readonly string[]).includes(name)) {
    throw new Error(`BENCH_RATE_CLIENT must be paced or autocannon, not "${raw}"`);
  }
  return name as RateClient;
}

/** Reads the matrix's knobs; throws a message naming the variable that is wrong. */
export function readMatrixSettings(env: Env): MatrixSettings {
  const sizes = listFrom(env, 'BENCH_SIZES', '10k,1m').map(parseSize);
  if (sizes.length === 0) throw new Error('BENCH_SIZES must name at least one size');
  return {
    sizes,
    engines: pick(env, 'BENCH_ENGINES', ENGINES, ENGINES.join(',')),
    cacheModes: pick(env, 'BENCH_CACHE_MODES', CACHE_MODES, CACHE_MODES.join(',')),
    pages: pick(env, 'BENCH_PAGES', PAGES, PAGES.join(',')),
    cachedRate: positive(env, 'BENCH_CACHED_RATE', 5000, false),
    soakSeconds: positive(env, 'BENCH_SOAK_SECONDS', 300, true),
    rateClient: rateClientFrom(env.BENCH_RATE_CLIENT),
  };
}

/** One database to seed, then measure in every cache mode. */
export interface Cell {
  size: ArchiveSize;
  engine: Engine;
}

/** Each size on each engine, engines inner: a size's data is made once per engine. */
export function cellsOf(settings: Pick<MatrixSettings, 'sizes' | 'engines'>): Cell[] {
  return settings.sizes.flatMap((size) => settings.engines.map((engine) => ({ size, engine })));
}

/** One load run of a cell's server in one cache mode. */
export type Step =
  | { kind: 'saturated'; target: 'ceiling' | 'page'; page: PageName; connections: number }
  | { kind: 'constant-rate'; target: 'ceiling' | 'page'; page: PageName; connections: number };

/**
 * The runs of one cache mode: at each concurrency, each page right after the ceiling serving
 * that page's bytes (so the ratio compares runs seconds apart), then each page at a constant
 * rate, which needs the page's saturated rate first, again right after the ceiling at that rate.
 */
export function stepsOf(pages: readonly PageName[]): Step[] {
  const saturated = CONNECTIONS.flatMap((connections) =>
    pages.flatMap((page): Step[] => [
      { kind: 'saturated', target: 'ceiling', page, connections },
      { kind: 'saturated', target: 'page', page, connections },
    ]),
  );
  const connections = CONSTANT_RATE_CONNECTIONS;
  const constant = pages.flatMap((page): Step[] => [
    { kind: 'constant-rate', target: 'ceiling', page, connections },
    { kind: 'constant-rate', target: 'page', page, connections },
  ]);
  return [...saturated, ...constant];
}

/**
 * The offered load of a constant-rate run: a fixed rate for cached pages, half the page's
 * saturated maximum for uncached ones (below saturation, where p99 means something).
 */
export function offeredRate(cache: CacheMode, cachedRate: number, saturatedMax: number): number {
  if (cache === 'cached') return cachedRate;
  return Math.max(1, Math.round(saturatedMax / 2));
}

/** Seconds of load the plan takes (warm-ups included; seeding and start-up not). */
export function loadSeconds(
  settings: MatrixSettings,
  run: { seconds: number; warmupSeconds: number; pagesScenario: boolean; soak: boolean },
): number {
  const modes = settings.cacheModes.length;
  const steps = stepsOf(settings.pages);
  const perMode = steps.reduce(
    (sum, step) => sum + run.seconds + (step.kind === 'saturated' ? run.warmupSeconds : 0),
    0,
  );
  const matrix = run.pagesScenario ? cellsOf(settings).length * modes * perMode : 0;
  const soak = run.soak ? settings.soakSeconds + run.warmupSeconds : 0;
  return matrix + soak;
}

/** Where each page lives, given the reference article and the section the fronts are read from. */
export function pagePaths(articlePath: string, section: string, deepPage: number) {
  const paths: Record<PageName, string> = {
    home: '/',
    section: `/${section}`,
    'section-500': `/${section}?page=${deepPage}`,
    article: articlePath,
    feed: '/rss.xml',
    sitemap: '/sitemap.xml',
  };
  return paths;
}

/** The section the fronts are read from: the reference article's, unless BENCH_SECTION says. */
export function sectionOf(articlePath: string, override: string | undefined): string {
  const chosen = override?.trim() || articlePath.split('/').find((segment) => segment !== '');
  if (!chosen || !/^[a-z0-9][a-z0-9-]*$/.test(chosen)) {
    throw new Error(`BENCH_SECTION must be a section's slug, not "${chosen ?? ''}"`);
  }
  return chosen;
}

/**
 * The deepest page of a section front up to `wanted` that exists: `wanted` itself on an archive
 * big enough, else its last page (a binary search; `exists` asks the server). A small archive
 * (the demo) still gets a deep-page run, and the report says which page stood in.
 */
export async function deepestPage(
  wanted: number,
  exists: (page: number) => Promise<boolean>,
): Promise<number> {
  if (await exists(wanted)) return wanted;
  let found = 1;
  let missing = wanted;
  while (missing - found > 1) {
    const middle = Math.floor((found + missing) / 2);
    if (await exists(middle)) found = middle;
    else missing = middle;
  }
  return found;
}
