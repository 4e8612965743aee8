import { z } from 'zod';
import { recordIdParam } from '../../../domain/validation.js';
import { articleChangesSchema, articleDraftSchema } from '../../../domain/article/article-draft.js';
import { COMPARED_FIELDS, type ComparedField } from '../../../domain/article/draft-diff.js';
import { ARTICLE_ACTIONS } from '../../../domain/roles/article-actions.js';
import { correctionSchema } from '../../../services/articles/correct-article.js';
import { deskQuerySchema } from '../../../services/articles/desk-reads.js';

export const idParams = z.object({ id: recordIdParam }).strict();

export const saveArticleInput = articleChangesSchema
  .extend({
    id: recordIdParam,
    revision: z.number({ required_error: 'say which revision your text is based on' }).int().min(0),
    autosave: z.boolean().default(false),
    /** After a 409: for each conflict's key (`headline`, `body.3`), the version to keep. */
    choices: z
      .record(z.string().regex(/^[a-zA-Z]+(\.\d+)?$/), z.enum(['yours', 'theirs']))
      .optional(),
  })
  .strict();

const instant = z
  .string()
  .datetime({ offset: true, message: 'must be an ISO 8601 time with a zone' })
  .transform((value) => new Date(value));

export const transitionInput = z
  .object({
    id: recordIdParam,
    to: z.enum(['draft', 'in_review', 'scheduled', 'published', 'unpublished']),
    publishAt: instant.optional(),
    unpublishAt: instant.nullable().optional(),
  })
  .strict();

export const diffInput = z
  .object({
    id: recordIdParam,
    from: recordIdParam,
    to: recordIdParam,
  })
  .strict();

export const restoreInput = z
  .object({
    id: recordIdParam,
    number: recordIdParam,
    revision: z.number().int().min(0),
  })
  .strict();

export const noteInput = z
  .object({
    id: recordIdParam,
    text: z.string().trim().min(1, 'must not be empty').max(4000),
  })
  .strict();

export const scheduledUpdateInput = articleChangesSchema
  .extend({
    id: recordIdParam,
    revision: z.number({ required_error: 'say which revision your text is based on' }).int().min(0),
    applyAt: instant,
  })
  .strict();

/** An article's workflow states, as every answer names them. */
export const articleStatus = z.enum([
  'draft',
  'in_review',
  'scheduled',
  'published',
  'unpublished',
]);

/** Where readers find a story, on the reader site's origin; null while they cannot. */
const publicUrl = z.string().url().nullable();

export const createdArticleOutput = z.object({ id: z.number().int(), revision: z.number().int() });

/** A save's answer: the new revision, and what was merged with a colleague's save. */
export const savedArticleOutput = z.object({
  revision: z.number().int(),
  pendingChanges: z.boolean().optional(),
  merged: z.array(z.string()).optional(),
});

export const transitionOutput = z.object({
  status: articleStatus,
  pendingChanges: z.boolean().optional(),
  inReview: z.boolean().optional(),
});

export const killOutput = z.object({ status: z.literal('killed') });

export const correctionOutput = z.object({
  id: z.number().int(),
  kind: z.enum(['correction', 'clarification']),
  text: z.string(),
  createdAt: z.date(),
});

export const scheduledUpdateOutput = z.object({
  id: z.number().int(),
  articleId: z.number().int(),
  revision: z.number().int(),
  userId: z.number().int(),
  applyAt: z.date(),
});

/** A line of the newsroom's article lists (the desk, the dashboard). */
export const deskEntryOutput = z.object({
  id: z.number().int(),
  slug: z.string(),
  headline: z.string(),
  status: articleStatus,
  sectionId: z.number().int(),
  createdBy: z.number().int().nullable(),
  revision: z.number().int(),
  updatedAt: z.date(),
  publishedAt: z.date().nullable(),
  publishAt: z.date().nullable(),
  killed: z.boolean(),
  /** What the signed-in person may do with the story (ADR 0029). */
  allowedActions: z.array(z.enum(ARTICLE_ACTIONS)),
});

export const deskListOutput = z.object({
  page: z.number().int(),
  articles: z.array(deskEntryOutput.extend({ publicUrl })),
});

/** A note for colleagues, with its writer's name (null once their account is gone). */
export const noteOutput = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  text: z.string(),
  createdAt: z.date(),
  name: z.string().nullable(),
});

/** A section as the newsroom's answers show it. */
export const sectionOutput = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  position: z.number().int(),
  hidden: z.boolean(),
});

/** The article as the editor opens it: its draft, its state, and what waits to go live. */
export const deskArticleOutput = z.object({
  id: z.number().int(),
  revision: z.number().int(),
  status: articleStatus,
  killed: z.boolean(),
  draft: articleDraftSchema,
  pendingChanges: z.boolean(),
  pending: z
    .object({
      revision: z.number().int(),
      liveRevision: z.number().int(),
      savedAt: z.date().nullable(),
      savedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
      inReview: z.boolean(),
      diff: z.string(),
    })
    .nullable(),
  section: sectionOutput,
  publishedAt: z.date().nullable(),
  updatedAt: z.date(),
  publishAt: z.date().nullable(),
  unpublishAt: z.date().nullable(),
  createdBy: z.number().int().nullable(),
  corrections: z.array(correctionOutput),
  scheduledUpdates: z.array(scheduledUpdateOutput),
  notes: z.array(noteOutput),
  publicUrl,
  allowedActions: z.array(z.enum(ARTICLE_ACTIONS)),
});

export const revisionsOutput = z.object({
  current: z.number().int(),
  revisions: z.array(
    z.object({
      number: z.number().int(),
      kind: z.enum(['autosave', 'save', 'restore', 'scheduled', 'conflict']),
      basedOn: z.number().int().nullable(),
      userId: z.number().int().nullable(),
      createdAt: z.date(),
      snapshot: articleDraftSchema,
      name: z.string().nullable(),
    }),
  ),
});

const diffOp = z.enum(['same', 'added', 'removed']);

export const diffOutput = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(
    z.object({
      field: z.enum(Object.keys(COMPARED_FIELDS) as [ComparedField, ...ComparedField[]]),
      label: z.string(),
      paragraphs: z.array(
        z.object({
          op: z.enum(['same', 'added', 'removed', 'changed']),
          parts: z.array(z.object({ op: diffOp, text: z.string() })),
        }),
      ),
    }),
  ),
});

export const createArticleInput = articleDraftSchema;

export const correctionInput = correctionSchema.extend({ id: recordIdParam });

export const deskListInput = deskQuerySchema;
