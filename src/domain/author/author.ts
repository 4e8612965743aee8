import { z } from 'zod';
import { recordId } from '../validation.js';

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
  /** A library photo of the person (or the agency's logo). */
  photoId: number | null;
  /** Their website and profiles elsewhere, as absolute URLs. */
  links: string[];
}

/** A new profile: without a photo or links unless given. */
export type NewAuthorProfile = Omit<AuthorProfile, 'id' | 'photoId' | 'links'> &
  Partial<Pick<AuthorProfile, 'photoId' | 'links'>>;

/** The most links a profile lists: a website and a few social profiles. */
export const MAX_AUTHOR_LINKS = 5;

/** An author link: an X handle as typed ("@amal_h") becomes its profile URL; anything else must be a URL. */
export const authorLink = z
  .string()
  .trim()
  .max(300)
  .transform((link) => (/^@\w{1,15}$/.test(link) ? `https://x.com/${link.slice(1)}` : link))
  .refine(
    (link) => {
      try {
        return ['http:', 'https:'].includes(new URL(link).protocol);
      } catch {
        return false;
      }
    },
    { message: 'must be a web address starting with https://, or an @handle on X' },
  );

/** The reader's URL path of an author's page. */
export const authorPath = (author: { slug: string }) => `/author/${author.slug}`;

export const AUTHOR_KINDS = ['staff', 'guest', 'agency'] as const;

/** What the newsroom may change on a profile; the slug stays so author pages keep their URL. */
export const authorDetailsSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(120),
    bio: z.string().trim().max(1000),
    kind: z.enum(AUTHOR_KINDS),
    // Left out, the photo and links stay as they are.
    photoId: recordId.nullable().optional(),
    links: z
      .array(authorLink)
      .max(MAX_AUTHOR_LINKS, `must be at most ${MAX_AUTHOR_LINKS} links`)
      .optional(),
  })
  .strict();

export type AuthorDetails = z.infer<typeof authorDetailsSchema>;
