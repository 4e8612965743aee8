import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type {
  deskArticleOutput,
  deskEntryOutput,
} from '../../../src/http/api/articles/articles-schema.js';
import type { Answer, Json } from './json.js';
import type { DeskArticle, DeskEntry, PublicationSettings, Revision, Session } from './types.js';

/** What the browser holds after the server sent `value`; the cast is what `request` does too. */
const overTheWire = <T>(value: T) => JSON.parse(JSON.stringify(value)) as Json<T>;

const entry: z.output<typeof deskEntryOutput> = {
  id: 7,
  slug: 'budget-passes',
  headline: 'Budget passes',
  status: 'published',
  sectionId: 2,
  createdBy: 1,
  revision: 3,
  updatedAt: new Date('2024-04-24T08:00:00Z'),
  publishedAt: new Date('2024-04-24T07:30:00Z'),
  publishAt: null,
  killed: false,
  allowedActions: ['edit'],
};

describe('the admin API types, derived from the server schemas', () => {
  it('gets dates as the ISO strings JSON carries, and every other field as sent', () => {
    const received = overTheWire(entry);
    expectTypeOf(received).toEqualTypeOf<DeskEntry>();
    expect(received).toEqual({
      ...entry,
      updatedAt: '2024-04-24T08:00:00.000Z',
      publishedAt: '2024-04-24T07:30:00.000Z',
    });
  });

  it('maps dates at any depth, in nullable fields and in arrays, and keeps tuples', () => {
    expectTypeOf<Json<{ at: Date | null; log: { at: Date }[] }>>().toEqualTypeOf<{
      at: string | null;
      log: { at: string }[];
    }>();
    expectTypeOf<Json<[number, ...string[]]>>().toEqualTypeOf<[number, ...string[]]>();
    expectTypeOf<DeskArticle['pending']>().toEqualTypeOf<
      Answer<typeof deskArticleOutput>['pending']
    >();
    expectTypeOf<NonNullable<DeskArticle['pending']>['savedAt']>().toEqualTypeOf<string | null>();
  });

  it('names what the server names: revision kinds, nullable fields, the settings', () => {
    expectTypeOf<Revision['kind']>().toEqualTypeOf<
      'autosave' | 'save' | 'restore' | 'scheduled' | 'conflict'
    >();
    expectTypeOf<DeskArticle['notes'][number]['name']>().toEqualTypeOf<string | null>();
    expectTypeOf<Session['user']['createdAt']>().toEqualTypeOf<string>();
    expectTypeOf<PublicationSettings['feeds']>().toEqualTypeOf<{ fullText: boolean }>();
  });
});
