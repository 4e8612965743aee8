import { describe, expect, it } from 'vitest';
import {
  importRunStatus,
  INTERRUPTED_AFTER_MS,
  keptReport,
  REPORT_LIST_MAX,
} from './import-run.js';

const at = (ms: number) => new Date(Date.UTC(2026, 11, 7) + ms);

describe('an import run as the newsroom sees it', () => {
  it('is running while its server notes progress, interrupted once it falls silent', () => {
    const run = { status: 'running' as const, heartbeatAt: at(0) };
    expect(importRunStatus(run, at(INTERRUPTED_AFTER_MS))).toBe('running');
    expect(importRunStatus(run, at(INTERRUPTED_AFTER_MS + 1))).toBe('interrupted');
  });

  it('stays finished or failed however long ago it ended', () => {
    for (const status of ['finished', 'failed'] as const)
      expect(importRunStatus({ status, heartbeatAt: at(0) }, at(10 * INTERRUPTED_AFTER_MS))).toBe(
        status,
      );
  });

  it('keeps the first entries of each list of a long report', () => {
    const imported = Array.from({ length: REPORT_LIST_MAX + 5 }, (_, id) => ({ id, url: '/x' }));
    const kept = keptReport({
      imported,
      updated: [],
      queued: [],
      skipped: [],
      failed: [],
      missing: [],
    });
    expect(kept.imported).toHaveLength(REPORT_LIST_MAX);
    expect(kept.imported[0]?.id).toBe(0);
  });
});
