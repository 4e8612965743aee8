/**
 * What Lighthouse's report says about a page's photos (issue 4): no image-delivery savings
 * (Lighthouse 13 folds "properly size images" and "modern image formats" into that insight),
 * no layout shift, and the lead photo as the LCP element, discoverable, eager, with priority.
 */
import { expect } from 'vitest';

interface Audit {
  score: number | null;
  numericValue?: number;
  details?: { items?: unknown[] };
}
type Report = { audits: Record<string, Audit | undefined> };

interface Checklist {
  type: 'checklist';
  items: Record<string, { label: string; value: boolean }>;
}

/** The problems the report lists for an audit; none when it is absent from this version. */
const itemsOf = (report: Report, id: string) => report.audits[id]?.details?.items ?? [];

export function expectPhotosDeliveredWell(report: Report) {
  const { audits } = report;
  // The older audit ids, should the shared script move to a Lighthouse that still has them.
  for (const id of [
    'image-delivery-insight',
    'uses-responsive-images',
    'modern-image-formats',
    'cls-culprits-insight',
    'unsized-images',
  ]) {
    expect(itemsOf(report, id), `${id}: ${JSON.stringify(audits[id])}`).toEqual([]);
  }
  expect(audits['image-delivery-insight'], 'Lighthouse reports on image delivery').toBeDefined();
  expect(audits['cumulative-layout-shift']?.numericValue).toBeLessThan(0.01);
  expect(audits['image-size-responsive']?.score).toBe(1);

  const discovery = itemsOf(report, 'lcp-discovery-insight') as (
    Checklist | { type: 'node'; selector: string }
  )[];
  const element = discovery.find((item) => item.type === 'node');
  expect(element, 'the LCP element').toMatchObject({
    selector: expect.stringMatching(/figure\.lead-figure > picture > img$/) as unknown,
  });
  const checklist = discovery.find((item): item is Checklist => item.type === 'checklist');
  expect(checklist, 'the LCP discovery checklist').toBeDefined();
  for (const [name, check] of Object.entries(checklist?.items ?? {})) {
    expect(check.value, `${name}: ${check.label}`).toBe(true);
  }
}
