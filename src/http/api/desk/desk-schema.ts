import { z } from 'zod';
import { AUTHOR_KINDS } from '../../../domain/author/author.js';
import { deskEntryOutput, sectionOutput } from '../articles/articles-schema.js';

export const nothing = z.object({}).strict();

export const sectionListOutput = z.array(sectionOutput);

/** A byline profile as the newsroom edits it. */
export const authorProfileOutput = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(AUTHOR_KINDS),
  bio: z.string(),
  photoId: z.number().int().nullable(),
  links: z.array(z.string()),
});

export const authorListOutput = z.array(authorProfileOutput);

/** The desk on opening the newsroom: the lists each person works from, and what needs doing. */
export const dashboardOutput = z.object({
  myDrafts: z.array(deskEntryOutput),
  inReview: z.array(deskEntryOutput),
  scheduled: z.array(deskEntryOutput),
  recentlyPublished: z.array(deskEntryOutput),
  alerts: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      articleId: z.number().int().nullable(),
      message: z.string(),
      createdAt: z.date(),
    }),
  ),
  /** The first steps of a new newsroom, until they are all done; then null. */
  firstRun: z
    .array(
      z.object({
        step: z.enum(['sections', 'settings', 'invite', 'first_story']),
        done: z.boolean(),
      }),
    )
    .nullable(),
});

/** Who else has the article open. */
export const presenceOutput = z.object({
  others: z.array(z.object({ userId: z.number().int(), name: z.string() })),
});

/** A page as readers would see it, sent as HTML. */
export const previewPageOutput = z.string().describe('The page, as HTML');
