import { describe, expect, it } from 'vitest';
import { itemOf } from './wire-test-reading.js';
import { wireRecordsFromJson } from './wire-records.js';

const NINJS_1 = {
  uri: 'urn:newsml:ap.org:2024:abc',
  version: '3',
  versioncreated: '2024-04-23T10:00:00Z',
  firstcreated: '2024-04-23T08:00:00Z',
  urgency: 2,
  type: 'text',
  headline: 'Quake strikes off coast',
  byline: 'Jane Doe',
  located: 'TOKYO',
  language: 'en',
  copyrightholder: 'The Associated Press',
  body_html: '<p>TOKYO (AP) — A strong quake struck.</p><p>No tsunami.</p>',
  subject: [{ code: '06000000', name: 'disaster' }, { code: 'x' }],
  keywords: ['earthquake'],
  associations: {
    featuremedia: {
      type: 'picture',
      renditions: {
        thumbnail: { href: 'thumb.jpg', mimetype: 'image/jpeg', width: 100 },
        original: { href: 'original.jpg', mimetype: 'image/jpeg', width: 4000 },
      },
      description_text: 'Damaged road in Chiba.',
      byline: 'Kyodo via AP',
      headline: 'Damaged road',
    },
    video1: { type: 'video', renditions: { original: { href: 'clip.mp4' } } },
  },
};

describe('a ninjs item', () => {
  it('reads ninjs 1.x and 2.x fields', () => {
    expect(itemOf(wireRecordsFromJson(NINJS_1)[0])).toMatchObject({
      uri: 'urn:newsml:ap.org:2024:abc',
      version: 3,
      agency: 'AP',
      urgency: 2,
      headline: 'Quake strikes off coast',
      dateline: 'TOKYO',
      bodyHtml: '<p>A strong quake struck.</p><p>No tsunami.</p>',
      bylines: ['Jane Doe'],
      subjects: ['disaster', 'earthquake'],
      sentAt: '2024-04-23T10:00:00.000Z',
      firstCreatedAt: '2024-04-23T08:00:00.000Z',
      language: 'en',
      format: 'ninjs',
    });
  });

  it('makes its associated pictures photos, with caption and credit, and leaves out video', () => {
    expect(itemOf(wireRecordsFromJson(NINJS_1)[0]).photos).toEqual([
      {
        href: 'original.jpg',
        caption: 'Damaged road in Chiba.',
        credit: 'Kyodo via AP',
        alt: 'Damaged road',
      },
    ]);
  });

  it('reads ninjs 3.x camelCase fields, and text bodies as paragraphs', () => {
    const item = itemOf(
      wireRecordsFromJson({
        uri: 'http://tt.se/1',
        versionCreated: '2021-05-26T13:40:18+02:00',
        headlines: [
          { role: 'sub', value: 'Sub' },
          { role: 'main', value: 'Main headline' },
        ],
        bodies: [
          { role: 'text', contentType: 'text/plain', value: 'STOCKHOLM: One.\n\nTwo & three.' },
        ],
        by: 'Anna Berg',
        subjects: [{ name: 'Försvar' }],
        copyrightHolder: 'TT',
      })[0],
    );
    expect(item).toMatchObject({
      headline: 'Main headline',
      bodyHtml: '<p>One.</p><p>Two &amp; three.</p>',
      dateline: 'STOCKHOLM',
      bylines: ['Anna Berg'],
      subjects: ['Försvar'],
      agency: 'TT',
      version: 1,
      sentAt: '2021-05-26T11:40:18.000Z',
    });
  });

  it('falls back to firstcreated when versioncreated is not a date', () => {
    const item = itemOf(wireRecordsFromJson({ ...NINJS_1, versioncreated: '2024-13-45' })[0]);
    expect(item.sentAt).toBe('2024-04-23T08:00:00.000Z');
  });

  it('reads a list of items, and fails those without a uri or headline, or that are video', () => {
    const records = wireRecordsFromJson([
      NINJS_1,
      { ...NINJS_1, uri: undefined },
      { ...NINJS_1, headline: '  ' },
      { ...NINJS_1, type: 'video' },
      'not an item',
    ]);
    expect(records.map((record) => ('failed' in record ? record.failed : 'item'))).toEqual([
      'item',
      'it has no identifier (guid, uri or id)',
      'it has no headline',
      'a video; the wire desk takes text and pictures',
      'it is not a ninjs object',
    ]);
  });
});
