import { describe, expect, it } from 'vitest';
import { mergePageMatrix, type PageMatrixPart } from './matrix-merge.js';
import type { ModeResult, SaturatedRow } from './matrix-report.js';
import { saturated } from './matrix-rows.fixture.js';
import type { PageName } from './matrix.js';

const row = (page: PageName, connections: number, cpu: number) =>
  saturated(page, connections, { serverCpuMsPerPage: cpu });

const cell = (size: string, saturated: SaturatedRow[]): ModeResult => ({
  size,
  articles: size === '1m' ? 1_000_000 : 10_000,
  engine: 'sqlite',
  cache: 'uncached',
  deepPage: { asked: 500, ran: 42 },
  saturated,
  constantRate: [],
});

const part = (date: string, modes: ModeResult[]): PageMatrixPart => ({
  date,
  loadAverage1m: 1,
  modes,
  targets: [],
});

const cpuOf = (merged: PageMatrixPart, size: string, page: PageName) =>
  merged.modes
    .find((m) => m.size === size)
    ?.saturated.find((r) => r.page === page && r.connections === 64)?.serverCpuMsPerPage;

describe('the page matrix kept in latest.json', () => {
  const oneMillion = part('2026-12-07T20:21:07Z', [
    cell('1m', [row('home', 64, 0.73), row('article', 64, 0.37)]),
  ]);

  it('keeps the databases a later run did not measure, each row dated by its run', () => {
    const merged = mergePageMatrix(
      oneMillion,
      part('2026-12-08T09:00:00Z', [cell('10k', [row('article', 64, 0.3)])]),
    );
    expect(cpuOf(merged, '1m', 'article')).toBe(0.37);
    expect(cpuOf(merged, '10k', 'article')).toBe(0.3);
    const dates = merged.modes.map((m) => (m.saturated[0] as { measuredAt?: string }).measuredAt);
    expect(dates).toEqual(['2026-12-07T20:21:07Z', '2026-12-08T09:00:00Z']);
    expect(merged.runs?.map((r) => r.date)).toEqual([
      '2026-12-07T20:21:07Z',
      '2026-12-08T09:00:00Z',
    ]);
  });

  it('replaces only the pages a run measured again, and re-checks the targets on all', () => {
    const merged = mergePageMatrix(
      oneMillion,
      part('2026-12-08T09:00:00Z', [cell('1m', [row('article', 64, 0.29)])]),
    );
    expect(cpuOf(merged, '1m', 'article')).toBe(0.29);
    expect(cpuOf(merged, '1m', 'home')).toBe(0.73);
    const article = merged.targets.find((t) => t.target.startsWith('article: server CPU'));
    expect(article?.met).toBe(true);
  });

  it('forgets a run none of whose rows are kept', () => {
    const again = part('2026-12-08T09:00:00Z', [
      cell('1m', [row('home', 64, 0.7), row('article', 64, 0.29)]),
    ]);
    expect(mergePageMatrix(oneMillion, again).runs?.map((r) => r.date)).toEqual([
      '2026-12-08T09:00:00Z',
    ]);
  });

  it('starts afresh from a latest.json without a page matrix', () => {
    const merged = mergePageMatrix(undefined, oneMillion);
    expect(merged.modes).toHaveLength(1);
    expect(merged.runs).toEqual([{ date: '2026-12-07T20:21:07Z', loadAverage1m: 1 }]);
  });
});
