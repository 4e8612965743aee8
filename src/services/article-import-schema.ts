/**
 * The article import format (`dateline import FILE.json`): one article or an array.
 * test/reference/seed/article.json is the reference example.
 */
import { z } from 'zod';
import { isSlug } from '../domain/article/slug.js';
import { authorLink, MAX_AUTHOR_LINKS } from '../domain/author/author.js';

const isoInstantWithZone = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'must be an ISO 8601 time with a zone, such as 2024-04-24T06:00:00+04:00',
  })
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: 'is not a real date' });

const text = (max: number) => z.string().trim().max(max);

const bylineSchema = z.union([
  text(120).min(1),
  z
    .object({
      name: text(120).min(1),
      kind: z.enum(['staff', 'guest', 'agency']).default('staff'),
      bio: text(2000).default(''),
      links: z.array(authorLink).max(MAX_AUTHOR_LINKS).default([]),
    })
    .strict(),
]);

/** A section by name, or with the slug, description and visibility it should have. */
const sectionSchema = z.union([
  text(80).min(1, 'must name a section'),
  z
    .object({
      name: text(80).min(1, 'must name a section'),
      slug: z
        .string()
        .refine(isSlug, { message: 'must be lower-case words joined by hyphens' })
        .optional(),
      description: text(1000).default(''),
      hidden: z.boolean().default(false),
      /** Where a new section goes in the navigation (0 first); at the end when left out. */
      position: z.number().int().min(0).max(10_000).optional(),
    })
    .strict(),
]);

const correctionSchema = z
  .object({
    kind: z.enum(['correction', 'clarification']).default('correction'),
    text: text(2000).min(1, 'must say what was corrected'),
    date: isoInstantWithZone,
  })
  .strict();

export const importedArticleSchema = z
  .object({
    headline: text(300).min(1, 'must not be empty'),
    slug: z
      .string()
      .refine(isSlug, { message: 'must be lower-case words joined by hyphens' })
      .optional(),
    section: sectionSchema,
    standfirst: text(1000).default(''),
    dateline: text(80).default(''),
    publishedAt: isoInstantWithZone.optional(),
    updatedAt: isoInstantWithZone.optional(),
    status: z.enum(['draft', 'in_review', 'published']).default('published'),
    source: text(120).default(''),
    bylines: z.array(bylineSchema).max(20).default([]),
    tags: z.array(text(80).min(1)).max(30).default([]),
    leadImage: z
      .object({
        file: z.string().min(1, 'must name the photo file'),
        caption: text(1000).default(''),
        credit: text(200).default(''),
        alt: text(500).min(1, 'every photo needs alt text for readers who cannot see it'),
        focalPoint: z
          .object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    body: z.union(
      [
        z.array(z.string()).min(1, 'must have at least one paragraph'),
        z.string().min(1),
        z.object({ type: z.literal('doc') }).passthrough(),
      ],
      {
        errorMap: () => ({
          message: 'must be an array of paragraphs, a Markdown or HTML string, or a body document',
        }),
      },
    ),
    bodyFormat: z.enum(['markdown', 'html']).default('markdown'),
    seoTitle: text(200).default(''),
    seoDescription: text(400).default(''),
    socialTitle: text(200).default(''),
    socialDescription: text(400).default(''),
    corrections: z.array(correctionSchema).max(100).default([]),
  })
  .strict();

export type ImportedArticle = z.infer<typeof importedArticleSchema>;
