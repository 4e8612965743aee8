import { describe, expect, it } from 'vitest';
import type { WireItem } from './wire-item.js';
import { versionAgainst } from './wire-version.js';

const entry = (fields: Partial<WireItem> = {}): WireItem => ({
  uri: 'https://news.example/story/1',
  version: 1,
  agency: 'Muscat Daily Wire',
  urgency: null,
  headline: 'Port opens',
  dateline: '',
  bodyHtml: '<p>The port opened.</p>',
  bylines: [],
  subjects: ['Shipping'],
  photos: [],
  firstCreatedAt: null,
  sentAt: '2026-12-06T08:00:00.000Z',
  language: 'en',
  format: 'rss',
  ...fields,
});

describe('which version an arriving item is', () => {
  it('takes a numbered format’s own version number', () => {
    const held = entry({ format: 'newsml-g2', version: 2 });
    expect(versionAgainst(held, { ...held })).toEqual({ outcome: 'duplicate' });
    expect(versionAgainst(held, { ...held, version: 1 })).toEqual({ outcome: 'older' });
    expect(versionAgainst(held, { ...held, version: 5 })).toEqual({ outcome: 'newer', version: 5 });
  });

  it('makes a feed entry whose copy changed the next version', () => {
    const held = entry({ version: 2 });
    const changed = entry({
      bodyHtml: '<p>The port opened early.</p>',
      sentAt: '2026-12-06T09:00:00.000Z',
    });
    expect(versionAgainst(held, changed)).toEqual({ outcome: 'newer', version: 3 });
    expect(versionAgainst(held, entry({ headline: 'Port opens early' }))).toEqual({
      outcome: 'newer',
      version: 3,
    });
    expect(versionAgainst(held, entry({ format: 'atom', subjects: ['Ports'] }))).toMatchObject({
      outcome: 'newer',
    });
  });

  it('skips a feed entry whose copy is the same, even under a new date', () => {
    const held = entry();
    expect(versionAgainst(held, entry())).toEqual({ outcome: 'duplicate' });
    expect(versionAgainst(held, entry({ sentAt: '2026-12-07T08:00:00.000Z' }))).toEqual({
      outcome: 'duplicate',
    });
  });

  it('ignores a changed feed entry dated before the one held', () => {
    const held = entry({ headline: 'Port opens early' });
    expect(versionAgainst(held, entry({ sentAt: '2026-12-05T08:00:00.000Z' }))).toEqual({
      outcome: 'older',
    });
  });
});
