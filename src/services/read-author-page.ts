import type { AuthorProfile } from '../domain/author/author.js';
import type { MediaItem } from '../domain/media/media-item.js';
import { notFound } from '../domain/errors.js';
import { readStoryList, type StoryList } from './read-story-list.js';
import type { Stores } from './ports.js';
import type { SiteReads } from './site-context.js';

export interface AuthorPage extends StoryList {
  author: AuthorProfile;
  photo: MediaItem | null;
}

/** A byline's page: who they are and their stories, newest first. */
export async function readAuthorPage(
  context: SiteReads<Pick<Stores, 'authors' | 'media' | 'articles'>>,
  slug: string,
  page: number,
): Promise<AuthorPage> {
  const publication = await context.publication.current();
  const author = await context.stores.authors.findBySlug(slug);
  if (!author) throw notFound('No such author');
  const [photo, list] = await Promise.all([
    author.photoId === null ? undefined : context.stores.media.findById(author.photoId),
    readStoryList(context, publication, { authorId: author.id }, page),
  ]);
  return { author, photo: photo ?? null, ...list };
}
