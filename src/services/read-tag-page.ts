import type { Tag } from '../domain/article/article.js';
import { notFound } from '../domain/errors.js';
import { readStoryList, type StoryList } from './read-story-list.js';
import type { Stores } from './ports.js';
import type { SiteReads } from './site-context.js';

export interface TagPage extends StoryList {
  tag: Tag;
}

/** A topic's page: every story with the tag, newest first. */
export async function readTagPage(
  context: SiteReads<Pick<Stores, 'tags' | 'articles'>>,
  slug: string,
  page: number,
): Promise<TagPage> {
  const publication = await context.publication.current();
  const tag = await context.stores.tags.findListedBySlug(slug, context.clock.now());
  if (!tag) throw notFound('No such topic');
  return { tag, ...(await readStoryList(context, publication, { tagId: tag.id }, page)) };
}
