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
