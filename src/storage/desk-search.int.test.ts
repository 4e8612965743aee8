import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type TestDatabase } from '../../test/test-databases.js';
import { openStorage, type OpenedStorage } from './open-storage.js';
import { mediaRecord } from '../services/fakes/media-record.js';

const body = {
  type: 'doc' as const,
  content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'Text.' }] }],
};
const at = new Date('2026-11-27T08:00:00Z');

/**
 * What people type into the newsroom's search boxes is text, not a pattern: LIKE's `%` and `_`
 * (and the backslash that escapes them) match only themselves.
 */
describe.each(ENGINES)('desk and media search on $engine', ({ create }) => {
  let database: TestDatabase;
  let storage: OpenedStorage;
  const headlines = [
    '500 runners finish the Muscat marathon',
    '50% off at the souq this weekend',
    'Ministry files report_2026 on time',
    'Ministry files report 2026 late',
    'Leaked folder C:\\Budget surfaces',
    'Budget surfaces in full',
  ];
  const photos = [
    { originalName: 'dhow_1.jpg', caption: '50% of the catch sold by noon', credit: 'Staff' },
    { originalName: 'dhowx1.jpg', caption: '500 fishermen at the market', credit: 'Staff' },
    { originalName: 'fort.jpg', caption: 'Nizwa fort', credit: 'Photo\\Desk' },
  ];

  const deskSearch = async (search: string) =>
    (await storage.stores.desk.list({ search, limit: 50, offset: 0 }))
      .map((entry) => entry.headline)
      .sort();
  const mediaSearch = async (search: string) =>
    (await storage.stores.media.list({ search, limit: 50, offset: 0 }))
      .map((item) => item.originalName)
      .sort();

  beforeAll(async () => {
    database = await create();
    storage = openStorage(database.url);
    await storage.migrate();
    const { stores } = storage;
    const section = await stores.sections.create({
      slug: 'oman',
      name: 'Oman',
      description: '',
      position: 0,
    });
    for (const [i, headline] of headlines.entries()) {
      await stores.articles.create(
        {
          slug: `story-${i}`,
          sectionId: section.id,
          headline,
          standfirst: '',
          dateline: '',
          body,
          lead: null,
          signOff: '',
          status: 'draft',
          publishedAt: null,
          seoTitle: '',
          seoDescription: '',
          authorIds: [],
          tagIds: [],
        },
        at,
      );
    }
    for (const [i, status] of (['published', 'draft'] as const).entries()) {
      await stores.articles.create(
        {
          slug: `border-${status}`,
          sectionId: section.id,
          headline: `Border story ${status}`,
          standfirst: '',
          dateline: '',
          body: {
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'At Cilvegözü.' }] }],
          },
          lead: null,
          signOff: '',
          status,
          publishedAt: i === 0 ? at : null,
          seoTitle: '',
          seoDescription: '',
          authorIds: [],
          tagIds: [],
        },
        at,
      );
    }
    for (const photo of photos) {
      await stores.media.create(mediaRecord({ ...photo, alt: photo.caption }), at);
    }
  });

  afterAll(async () => {
    await storage?.close();
    await database?.drop();
  });

  it('finds “50%” only where a headline says 50%, not in “500 runners”', async () => {
    expect(await deskSearch('50%')).toEqual(['50% off at the souq this weekend']);
    expect(await deskSearch('%')).toEqual(['50% off at the souq this weekend']);
  });

  it('takes an underscore as an underscore, not as any one character', async () => {
    expect(await deskSearch('report_2026')).toEqual(['Ministry files report_2026 on time']);
    expect(await deskSearch('_')).toEqual(['Ministry files report_2026 on time']);
  });

  it('takes a backslash as a backslash, even before % or _', async () => {
    expect(await deskSearch('C:\\Budget')).toEqual(['Leaked folder C:\\Budget surfaces']);
    expect(await deskSearch('\\')).toEqual(['Leaked folder C:\\Budget surfaces']);
    expect(await deskSearch('\\%')).toEqual([]);
    expect(await deskSearch('\\_')).toEqual([]);
  });

  it('finds published stories by the words of their body too, diacritics folded', async () => {
    expect(await deskSearch('cilvegozu')).toEqual(['Border story published']);
    expect(await deskSearch('border story')).toEqual([
      'Border story draft',
      'Border story published',
    ]);
  });

  it('still matches words anywhere in the headline, whatever their case', async () => {
    expect(await deskSearch('RUNNERS')).toEqual(['500 runners finish the Muscat marathon']);
    expect(await deskSearch('budget surfaces')).toEqual([
      'Budget surfaces in full',
      'Leaked folder C:\\Budget surfaces',
    ]);
  });

  it('searches the photo library the same way: captions, credits and file names literally', async () => {
    expect(await mediaSearch('50%')).toEqual(['dhow_1.jpg']);
    expect(await mediaSearch('dhow_1')).toEqual(['dhow_1.jpg']);
    expect(await mediaSearch('_')).toEqual(['dhow_1.jpg']);
    expect(await mediaSearch('photo\\desk')).toEqual(['fort.jpg']);
    expect(await mediaSearch('\\%')).toEqual([]);
    expect(await mediaSearch('500')).toEqual(['dhowx1.jpg']);
    expect(await mediaSearch('dhow')).toEqual(['dhow_1.jpg', 'dhowx1.jpg']);
  });
});
