import { describe, expect, it } from 'vitest';
import {
  draftOfWireItems,
  leadOfWirePhoto,
  leadWirePhoto,
  wireBylines,
  wireChanges,
  wireDraftNote,
} from './wire-copy.js';
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
    const draft = draftOfWireItems(
      [
        item({
          subjects: ['Shipping', 'SHIPPING', 'x'.repeat(100)],
          bodyHtml: '<p onclick="a()">Opened.</p><script>b()</script>',
        }),
      ],
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
    expect(wireDraftNote([item({ version: 2, photos: [photo] })], ['Jane Reporter'])).toBe(
      [
        'From the wire: AFP, version 2 of urn:newsml:afp.com:20261206:abc.',
        'Agency bylines: Jane Reporter.',
        'Photo offered: https://p.example/1.jpg — Cranes (AFP)',
      ].join('\n'),
    );
  });
});

describe('one draft of several items merged', () => {
  const talks = item({
    uri: 'urn:reuters:talks',
    agency: 'Reuters',
    headline: 'Ankara talks end without a deal',
    dateline: 'ANKARA',
    bodyHtml: '<p>Talks ended on Tuesday.</p>',
    subjects: ['Diplomacy', 'Turkey'],
    bylines: ['Jane Reporter'],
    photos: [
      { href: 'https://p.example/talks.jpg', caption: 'Envoys', credit: 'Reuters', alt: '' },
    ],
  });
  const reaction = item({
    uri: 'urn:afp:reaction',
    agency: 'Agence France-Presse',
    version: 3,
    headline: 'Envoys react',
    dateline: 'BRUSSELS',
    bodyHtml: '<p>BRUSSELS (AFP) — Envoys regretted the outcome.</p><p onclick="x()">More.</p>',
    subjects: ['diplomacy', 'EU'],
    bylines: ['Jane Reporter', 'Sami Writer'],
    photos: [{ href: 'https://p.example/eu.jpg', caption: 'Brussels', credit: 'AFP', alt: '' }],
  });
  const place = { sectionId: 3, bylines: [] };

  it('takes headline and dateline from the lead, the bodies in the order chosen, and signs off "Agencies"', () => {
    const draft = draftOfWireItems([talks, reaction], place);
    expect(draft).toMatchObject({
      headline: 'Ankara talks end without a deal',
      dateline: 'ANKARA',
      signOff: 'Agencies',
      tags: ['Diplomacy', 'Turkey', 'EU'],
    });
    const text = (draft.body.content as { content?: { text: string }[] }[]).map(
      (block) => block.content?.[0]?.text,
    );
    expect(text).toEqual(['Talks ended on Tuesday.', 'Envoys regretted the outcome.', 'More.']);
    expect(JSON.stringify(draft.body)).not.toMatch(/onclick|BRUSSELS/);
  });

  it('signs off with the one agency when every item is its, and keeps the order the desk chose', () => {
    const second = item({ agency: 'REUTERS', headline: 'Second', bodyHtml: '<p>Two.</p>' });
    const draft = draftOfWireItems([second, talks], place);
    expect(draft.signOff).toBe('Reuters');
    expect(draft.headline).toBe('Second');
    expect(JSON.stringify(draft.body).indexOf('Two.')).toBeLessThan(
      JSON.stringify(draft.body).indexOf('Talks ended'),
    );
  });

  it('names every byline once and leads with the lead item’s photo, else the next one’s', () => {
    expect(wireBylines([talks, reaction])).toEqual(['Jane Reporter', 'Sami Writer']);
    expect(leadWirePhoto([talks, reaction])?.href).toBe('https://p.example/talks.jpg');
    expect(leadWirePhoto([item(), reaction])?.href).toBe('https://p.example/eu.jpg');
    expect(leadWirePhoto([item()])).toBeUndefined();
  });

  it('notes every source in order and offers the photos not used as the lead', () => {
    const note = wireDraftNote([talks, reaction], ['Sami Writer'], {
      lead: 'https://p.example/talks.jpg',
      refused: null,
    });
    expect(note.split('\n')).toEqual([
      'Merged from 2 wire items, the first as the lead:',
      '1. Reuters, version 1 of urn:reuters:talks: Ankara talks end without a deal',
      '2. Agence France-Presse, version 3 of urn:afp:reaction: Envoys react',
      'Agency bylines: Sami Writer.',
      'Photo offered: https://p.example/eu.jpg — Brussels (AFP)',
    ]);
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
    const note = wireDraftNote([item({ photos })], [], { lead: photos[0]!.href, refused: null });
    expect(note).not.toContain('1.jpg');
    expect(note).toContain('Photo offered: https://p.example/2.jpg — Two');
    expect(wireDraftNote([item({ photos })], [], { lead: null, refused: 'a 404' })).toContain(
      'The first photo could not be fetched: a 404.',
    );
  });
});
