/**
 * What a journalist edits: every field of an article that is content rather than workflow.
 * A revision is a snapshot of exactly this.
 */
import { z } from 'zod';
import { recordId } from '../validation.js';
import { bodyDocumentSchema } from '../body/body-document.js';
import { signOffSource } from './sign-off.js';
import { isSlug } from './slug.js';

const text = (max: number) => z.string().trim().max(max);

export const leadPhotoSchema = z
  .object({
    mediaId: recordId,
    caption: text(1000).default(''),
    credit: text(200).default(''),
    alt: text(500).default(''),
  })
  .strict();

export const articleDraftSchema = z
  .object({
    headline: text(300).min(1, 'must not be empty'),
    slug: z
      .string()
      .refine(isSlug, { message: 'must be lower-case words joined by hyphens' })
      .optional(),
    standfirst: text(1000).default(''),
    dateline: text(80).default(''),
    body: bodyDocumentSchema,
    sectionId: recordId,
    tags: z.array(text(80).min(1)).max(30).default([]),
    bylines: z.array(recordId).max(20).default([]),
    lead: leadPhotoSchema.nullable().default(null),
    signOff: text(120).transform(signOffSource).default(''),
    seoTitle: text(200).default(''),
    seoDescription: text(400).default(''),
    /** What a shared link shows, when it should differ from the headline and standfirst. */
    socialTitle: text(200).default(''),
    socialDescription: text(400).default(''),
    /** A library photo for shared links instead of the lead photo. */
    socialImageId: recordId.nullable().default(null),
  })
  .strict();

export type ArticleDraft = z.infer<typeof articleDraftSchema>;

/** Fields added after revisions were first kept, with what an older revision means by them. */
export const LATER_DRAFT_FIELDS = {
  socialTitle: '',
  socialDescription: '',
  socialImageId: null,
} satisfies Partial<ArticleDraft>;

/** A change to some fields of a draft. */
export const articleChangesSchema = articleDraftSchema.partial();
export type ArticleDraftChanges = z.infer<typeof articleChangesSchema>;

/** A correction or a clarification, shown at the foot of the article with its date. */
export interface Correction {
  id: number;
  kind: 'correction' | 'clarification';
  text: string;
  createdAt: Date;
}
