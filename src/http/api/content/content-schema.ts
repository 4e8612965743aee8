/**
 * The Content API's inputs and answers as zod schemas: inputs are validated with them, and the
 * OpenAPI document at /api/content/openapi.json is made from both.
 */
import { z } from 'zod';
import { ARTICLE_FIELDS } from '../../../domain/content-api/article-fields.js';
import { recordIdParam } from '../../../domain/validation.js';

/** An instant with its offset (`2024-04-24T08:00:00Z`, `…+04:00`) or a UTC day (`2024-04-24`). */
const instant = z
  .string()
  .refine(
    (value) =>
      z.string().datetime({ offset: true }).safeParse(value).success ||
      z.string().date().safeParse(value).success,
    { message: 'must be an ISO 8601 instant such as 2024-04-24T08:00:00Z, or a day: 2024-04-24' },
  )
  .transform((value) => new Date(value));

const slug = z.string().min(1).max(200);

const fields = z
  .string()
  .max(500)
  .optional()
  .describe(`Comma-separated article fields to include: ${ARTICLE_FIELDS.join(', ')}`);

export const articleListInput = z
  .object({
    section: slug.optional().describe('Only articles of the section with this slug'),
    tag: slug.optional().describe('Only articles with the tag of this slug'),
    author: slug.optional().describe('Only articles bylined to the author of this slug'),
    since: instant.optional().describe('Published at or after this instant'),
    until: instant.optional().describe('Published before this instant'),
    limit: z.coerce.number().int().min(1).max(100).default(20).describe('Articles per page, 1–100'),
    cursor: z.string().max(400).optional().describe('The `next` of the previous page'),
    fields,
  })
  .strict();

const day = z
  .string()
  .max(10)
  .optional()
  .describe('A day as YYYY-MM-DD (UTC); both ends of the range are included');

export const searchInput = z
  .object({
    q: z
      .string()
      .max(2_000)
      .default('')
      .describe(
        'Words to find, all of them, in any field; "double quotes" keep a phrase together. ' +
          'Only letters and digits are searched for; the first 200 characters are read.',
      ),
    section: slug.optional().describe('Only articles of the section with this slug'),
    author: slug.optional().describe('Only articles bylined to the author of this slug'),
    from: day,
    to: day,
    order: z
      .enum(['relevance', 'newest'])
      .default('relevance')
      .describe('Best matches first (recency breaking ties), or newest first'),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    limit: z.coerce.number().int().min(1).max(100).default(20).describe('Results per page, 1–100'),
  })
  .strict();

export const articleByIdInput = z.object({ id: recordIdParam, fields }).strict();
export const articleBySlugInput = z.object({ slug, fields }).strict();
export const byIdInput = z.object({ id: recordIdParam }).strict();
export const bySlugInput = z.object({ slug }).strict();
export const noInput = z.object({}).strict();
export const tagListInput = z
  .object({
    limit: z.coerce.number().int().min(1).max(1000).default(100).describe('Tags per page, 1–1000'),
    cursor: z.string().max(400).optional().describe('The `next` of the previous page'),
  })
  .strict();

/* ---- Answers ---- */

const linked = { id: z.number().int(), slug: z.string(), name: z.string(), url: z.string().url() };

export const sectionOutput = z.object({ ...linked, description: z.string() });
export const tagOutput = z.object(linked);
export const authorOutput = z.object({
  ...linked,
  kind: z.enum(['staff', 'guest', 'agency']),
  bio: z.string(),
});

const cropOutput = z
  .object({
    width: z.number().int().describe('Width of the largest variant, in pixels'),
    height: z.number().int(),
    srcset: z.object({ avif: z.string(), webp: z.string(), jpeg: z.string() }),
  })
  .describe('One shape of the photo in every width, as `srcset` strings per format');

export const leadPhotoOutput = z.object({
  caption: z.string(),
  credit: z.string(),
  alt: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  placeholderColor: z.string(),
  src: z.string().url().describe('A JPEG about 800 pixels wide, for clients that read no srcset'),
  crops: z.object({
    original: cropOutput,
    '16x9': cropOutput,
    '4x3': cropOutput,
    '1x1': cropOutput,
  }),
  social: z.string().url().describe('The 1200×628 JPEG card for shared links'),
});

export const articleOutput = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    url: z.string().url().describe('The canonical reader page'),
    headline: z.string(),
    standfirst: z.string(),
    dateline: z.string(),
    bodyHtml: z.string().describe('The body as HTML; embeds are links, images absolute'),
    body: z
      .object({ type: z.literal('doc'), content: z.array(z.record(z.unknown())) })
      .describe('The body as its structured (ProseMirror JSON) document'),
    leadPhoto: leadPhotoOutput.nullable(),
    section: sectionOutput,
    tags: z.array(tagOutput),
    authors: z.array(authorOutput),
    publishedAt: z.string().datetime(),
    updatedAt: z.string().datetime(),
    corrections: z.array(
      z.object({
        kind: z.enum(['correction', 'clarification']),
        text: z.string(),
        createdAt: z.string().datetime(),
      }),
    ),
    signOff: z.string(),
  })
  .partial()
  .describe('An article; every field is present unless `fields=` chose fewer');

const next = z.string().nullable().describe('The cursor of the next page; null on the last');

export const articleListOutput = z.object({ articles: z.array(articleOutput), next });
export const searchOutput = z.object({
  results: z.array(
    z.object({
      id: z.number().int(),
      slug: z.string(),
      url: z.string().url(),
      headline: z.string(),
      standfirst: z.string(),
      section: sectionOutput,
      authors: z.array(authorOutput),
      publishedAt: z.string().datetime(),
      snippetHtml: z
        .string()
        .nullable()
        .describe('HTML: the passage that matched, escaped, its matched words in <mark>'),
    }),
  ),
  total: z
    .number()
    .int()
    .describe('Articles found in all, or, when `more`, the newest ones a search ranks (1,000)'),
  more: z
    .boolean()
    .describe('More articles match than a search ranks and counts: narrow the words or filters'),
  page: z.number().int(),
  pageCount: z.number().int(),
  corrections: z
    .array(z.object({ typed: z.string(), tried: z.array(z.string()) }))
    .describe('Words that found nothing, and the known words searched for instead (typos)'),
});
export const articleOneOutput = z.object({ article: articleOutput });
export const sectionListOutput = z.object({ sections: z.array(sectionOutput) });
export const sectionOneOutput = z.object({ section: sectionOutput });
export const tagListOutput = z.object({ tags: z.array(tagOutput), next });
export const tagOneOutput = z.object({ tag: tagOutput });
export const authorListOutput = z.object({ authors: z.array(authorOutput) });
export const authorOneOutput = z.object({ author: authorOutput });
export const settingsOutput = z.object({
  settings: z.object({
    name: z.string(),
    tagline: z.string(),
    editorInChief: z.string(),
    locale: z.string(),
    timezone: z.string(),
    country: z.string(),
    url: z.string().url().describe('The home page'),
    breaking: z
      .object({
        text: z.string(),
        url: z.string().url().nullable().describe('Where the banner leads; null for no link'),
        expiresAt: z.string().datetime(),
      })
      .nullable()
      .describe('The breaking-news banner every page shows now; null when there is none'),
  }),
});
