import { describe, expect, it } from 'vitest';
import { isVisibleToReaders } from './reader-visibility.js';

const NOW = new Date('2026-12-06T08:00:00Z');
const before = new Date('2026-12-06T07:00:00Z');
const after = new Date('2026-12-06T09:00:00Z');
const live = {
  status: 'published',
  publishedAt: before,
  killed: false,
  unpublishAt: null,
} as const;

describe('which stories readers may see', () => {
  it('shows a published story whose time has come', () => {
    expect(isVisibleToReaders(live, NOW)).toBe(true);
    expect(isVisibleToReaders({ ...live, unpublishAt: after }, NOW)).toBe(true);
  });

  it.each([
    ['a draft', { status: 'draft' as const, publishedAt: null }],
    ['a story in review', { status: 'in_review' as const, publishedAt: null }],
    ['a scheduled story', { status: 'scheduled' as const, publishedAt: null }],
    ['an embargoed story', { publishedAt: after }],
    ['an unpublished story', { status: 'unpublished' as const }],
    ['a story past its time to come down', { unpublishAt: before }],
    ['a story that comes down this instant', { unpublishAt: NOW }],
    ['a killed story', { status: 'unpublished' as const, killed: true }],
    ['a killed story still marked published', { killed: true }],
  ])('hides %s', (_, change) => {
    expect(isVisibleToReaders({ ...live, ...change }, NOW)).toBe(false);
  });
});
