import { z } from 'zod';
import { recordId, recordIdParam } from '../../../domain/validation.js';

/** The queue's filters and page, from the query string. */
export const wireQueueInput = z
  .object({
    agency: z.string().trim().min(1).max(120).optional(),
    /** The least urgent to show: 1 (flash) … 9. */
    urgency: z.coerce.number().int().min(1, 'must be 1 to 9').max(9, 'must be 1 to 9').optional(),
    q: z.string().trim().max(300).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .strict();

export const wireItemInput = z.object({ id: recordIdParam }).strict();

/** Make a draft of the item, in the section given or the paper's first. */
export const wireDraftInput = z
  .object({ id: recordIdParam, sectionId: recordId.optional() })
  .strict();

/** One draft of several items, the first chosen as the lead (ADR 0061); each item once. */
export const wireMergedDraftInput = z
  .object({
    itemIds: z
      .array(recordId)
      .min(1, 'choose at least one wire item')
      .max(10, 'choose at most 10 wire items')
      .refine((ids) => new Set(ids).size === ids.length, 'each wire item may be chosen once'),
    sectionId: recordId.optional(),
  })
  .strict();

const wirePhoto = z.object({
  href: z.string(),
  caption: z.string(),
  credit: z.string(),
  alt: z.string(),
});

/** An item as the queue lists it. */
export const wireSummaryOutput = z.object({
  id: z.number().int(),
  uri: z.string(),
  version: z.number().int(),
  agency: z.string(),
  urgency: z.number().int().nullable(),
  headline: z.string(),
  dateline: z.string(),
  sentAt: z.string().datetime({ offset: true }),
  receivedAt: z.string().datetime(),
  /** When a newer version last replaced an older one; null for an item seen once. */
  updatedAt: z.string().datetime().nullable(),
  format: z.string(),
});

export const wireQueueOutput = z.object({
  items: z.array(wireSummaryOutput),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Every agency in the queue, for the filter. */
  agencies: z.array(z.string()),
});

const diffPart = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() });

/** An item in full: its text as the sanitizer keeps it, the diff, what was made from it. */
export const wireItemOutput = wireSummaryOutput.extend({
  /** The body as the allow-list sanitizer keeps it, paragraph by paragraph, as plain text. */
  paragraphs: z.array(z.string()),
  bylines: z.array(z.string()),
  subjects: z.array(z.string()),
  photos: z.array(wirePhoto),
  firstCreatedAt: z.string().datetime({ offset: true }).nullable(),
  language: z.string().nullable(),
  changes: z
    .object({
      previousVersion: z.number().int(),
      headline: z.array(diffPart),
      body: z.array(
        z.object({
          op: z.enum(['same', 'added', 'removed', 'changed']),
          parts: z.array(diffPart),
        }),
      ),
    })
    .nullable(),
  articles: z.array(
    z.object({
      id: z.number().int(),
      headline: z.string(),
      madeFromVersion: z.number().int(),
      /** The item has a newer version than the one the article was made from. */
      behind: z.boolean(),
    }),
  ),
});

export const wireDraftOutput = z.object({ id: z.number().int() });

/** The story has taken the item's newest version. */
export const wireCaughtUpInput = z.object({ id: recordIdParam, articleId: recordIdParam }).strict();

export const wireCaughtUpOutput = z.object({ madeFromVersion: z.number().int() });
