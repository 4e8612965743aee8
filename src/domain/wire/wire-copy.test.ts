import { describe, expect, it } from 'vitest';
import { draftOfWireItem, leadOfWirePhoto, wireChanges, wireDraftNote } from './wire-copy.js';
import { checkedWireItem } from './wire-item-check.js';
import type { WireItem } from './wire-item.js';

const item = (fields: Partial<WireItem> = {}): WireItem => ({
  uri: 'urn:newsml:afp.com:20261206:abc',
  version: 1,
  agency: 'AFP',
  urgency: 4,
  headline: 'Port opens',
  dateline: 'SOHAR',
  bodyHtml: '<p>The port opened.</p>',
  bylines: [],
  subjects: [],
  photos: [],
  firstCreatedAt: null,
  sentAt: '2026-12-06T10:00:00+04:00',
  language: 'en',
  format: 'nitf',
  ...fields,
});

describe('agency copy at the door', () => {
  it('keeps times in UTC and drops empty names', () => {
    const checked = checkedWireItem(item({ bylines: ['', 'Jane Reporter'], subjects: [' '] }));
    expect(checked.sentAt).toBe('2026-12-06T06:00:00.000Z');
    expect(checked.bylines).toEqual(['Jane Reporter']);
    expect(checked.subjects).toEqual([]);
  });

  it('refuses an item without a uri, or with a version below 1, naming the field', () => {
    expect(() => checkedWireItem(item({ uri: ' ' }))).toThrow('uri: must not be empty');
    expect(() => checkedWireItem(item({ version: 0 }))).toThrow('version: must be 1 or more');
    expect(() => checkedWireItem(item({ urgency: 10 }))).toThrow(/^urgency:/);
  });
});

describe('a draft of agency copy', () => {
  it('signs off with the agency, files subjects once each as tags, and sanitises the body', () => {
    const draft = draftOfWireItem(
      item({
        subjects: ['Shipping', 'SHIPPING', 'x'.repeat(100)],
        bodyHtml: '<p onclick="a()">Opened.</p><script>b()</script>',
      }),
      { sectionId: 3, bylines: [] },
    );
    expect(draft).toMatchObject({ signOff: 'AFP', dateline: 'SOHAR', sectionId: 3 });
    expect(draft.tags).toEqual(['Shipping', 'x'.repeat(80)]);
    expect(draft.body).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Opened.' }] }],
    });
  });

  it('notes where the copy came from, the bylines left over and the photos offered', () => {
    const photo = { href: 'https://p.example/1.jpg', caption: 'Cranes', credit: 'AFP', alt: '' };
    expect(wireDraftNote(item({ version: 2, photos: [photo] }), ['Jane Reporter'])).toBe(
      [
        'From the wire: AFP, version 2 of urn:newsml:afp.com:20261206:abc.',
        'Agency bylines: Jane Reporter.',
        'Photo offered: https://p.example/1.jpg — Cranes (AFP)',
      ].join('\n'),
    );
  });
});

describe('what a newer version changed', () => {
  it('compares the headline word by word and the body paragraph by paragraph', () => {
    const changes = wireChanges(
      { version: 1, headline: 'Port opens', bodyHtml: '<p>One.</p><p>Two.</p>' },
      { headline: 'Port opens early', bodyHtml: '<p>One.</p><p>Three.</p>' },
    );
    expect(changes.previousVersion).toBe(1);
    expect(changes.headline).toEqual([
      { op: 'same', text: 'Port opens' },
      { op: 'added', text: ' early' },
    ]);
    expect(changes.body.map((p) => p.op)).toEqual(['same', 'changed']);
  });
});

describe('the lead photo of a wire draft', () => {
  it('keeps the agency’s words within the draft’s limits', () => {
    const photo = { href: 'x.jpg', caption: 'c'.repeat(1200), credit: 'Reuters', alt: 'A tanker' };
    expect(leadOfWirePhoto(photo, 7)).toEqual({
      mediaId: 7,
      caption: 'c'.repeat(1000),
      credit: 'Reuters',
      alt: 'A tanker',
    });
  });

  it('leaves the fetched lead out of the photos the note lists, and says why one failed', () => {
    const photos = [
      { href: 'https://p.example/1.jpg', caption: 'One', credit: '', alt: '' },
      { href: 'https://p.example/2.jpg', caption: 'Two', credit: '', alt: '' },
    ];
    const note = wireDraftNote(item({ photos }), [], { lead: photos[0]!.href, refused: null });
    expect(note).not.toContain('1.jpg');
    expect(note).toContain('Photo offered: https://p.example/2.jpg — Two');
    expect(wireDraftNote(item({ photos }), [], { lead: null, refused: 'a 404' })).toContain(
      'The first photo could not be fetched: a 404.',
    );
  });
});
