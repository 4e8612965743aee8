import type { ArticleSummary } from '../domain/article/article.js';
import { notFound } from '../domain/errors.js';
import type { Section } from '../domain/section/section.js';
import { NO_CURATION, type FrontCuration } from './publication-cache.js';
import { readChosenStories } from './read-chosen-stories.js';
import { readStoryList, type StoryList } from './read-story-list.js';
import type { Stores } from './ports.js';
import type { SiteReads } from './site-context.js';
import type { MostReadList } from './readership/read-most-read.js';

export interface SectionFront extends StoryList {
  section: Section;
  /** The editors' lead, on the first page only; `stories` then follow it. */
  lead: ArticleSummary | undefined;
  /** The section's most-read stories of the last 24 hours, on the first page only. */
  mostRead: MostReadList | undefined;
}

/**
 * One page of a section front: the editors' lead and top stories first, then the rest newest
 * first. Throws NotFound past the last page. `proposed` shows an unsaved curation (preview).
 */
export async function readSectionFront(
  context: SiteReads<Pick<Stores, 'articles'>>,
  sectionSlug: string,
  page: number,
  proposed?: FrontCuration,
): Promise<SectionFront> {
  const publication = await context.publication.current();
  const section = publication.sectionsBySlug.get(sectionSlug);
  if (!section) throw notFound('No such section');
  const curation = proposed ?? publication.sectionCurations.get(section.id) ?? NO_CURATION;
  const now = context.clock.now();
  const [chosen, mostRead] = await Promise.all([
    readChosenStories(context.stores, curation, now, section.id),
    page === 1 ? context.mostRead?.list(section.id) : undefined,
  ]);
  const pinned = chosen.lead ? [chosen.lead, ...chosen.top] : chosen.top;
  const list = await readStoryList(context, publication, { sectionId: section.id }, page, pinned);
  const lead = page === 1 ? chosen.lead : undefined;
  const stories = lead ? list.stories.slice(1) : list.stories;
  return { ...list, section, lead, stories, mostRead };
}

/**
 * Where an address under a section's former slug lives now (front, its pages and feeds), or
 * undefined. The slug map points at the section itself, so a chain of renames is one hop.
 */
export async function movedSectionLocation(
  context: SiteReads<Pick<Stores, 'articles'>>,
  url: string,
): Promise<string | undefined> {
  const match = /^\/([^/?#]+)(.*)$/s.exec(url);
  if (!match) return undefined;
  const [, first = '', rest = ''] = match;
  const publication = await context.publication.current();
  if (publication.sectionsBySlug.has(first)) return undefined;
  const section = publication.sectionsByFormerSlug.get(first);
  return section ? `/${section.slug}${rest}` : undefined;
}
