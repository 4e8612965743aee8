import type { AuthorProfile } from '../domain/author/author.js';
import { notFound } from '../domain/errors.js';
import { readStoryList, type StoryList } from './read-story-list.js';
import type { SiteContext } from './site-context.js';

export interface AuthorPage extends StoryList {
  author: AuthorProfile;
}

/** A byline's page: who they are and their stories, newest first. */
export async function readAuthorPage(
  context: SiteContext,
  slug: string,
  page: number,
): Promise<AuthorPage> {
  const publication = await context.publication.current();
  const author = await context.stores.authors.findBySlug(slug);
  if (!author) throw notFound('No such author');
  return { author, ...(await readStoryList(context, publication, { authorId: author.id }, page)) };
}
