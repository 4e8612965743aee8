import { z } from 'zod';

/**
 * Who a byline names. Not necessarily a user account: staff, guest writers and agencies all
 * get bylines and author pages.
 */
export type AuthorKind = 'staff' | 'guest' | 'agency';

export interface AuthorProfile {
  id: number;
  slug: string;
  name: string;
  kind: AuthorKind;
  bio: string;
}

/** The reader's URL path of an author's page. */
export const authorPath = (author: { slug: string }) => `/author/${author.slug}`;

export const AUTHOR_KINDS = ['staff', 'guest', 'agency'] as const;

/** What the newsroom may change on a profile; the slug stays so author pages keep their URL. */
export const authorDetailsSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(120),
    bio: z.string().trim().max(1000),
    kind: z.enum(AUTHOR_KINDS),
  })
  .strict();

export type AuthorDetails = z.infer<typeof authorDetailsSchema>;
