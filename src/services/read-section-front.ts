import { notFound } from '../domain/errors.js';
import type { Section } from '../domain/section/section.js';
import { readStoryList, type StoryList } from './read-story-list.js';
import type { SiteContext } from './site-context.js';

export interface SectionFront extends StoryList {
  section: Section;
}

/** One page of a section front, newest first. Throws NotFound past the last page. */
export async function readSectionFront(
  context: SiteContext,
  sectionSlug: string,
  page: number,
): Promise<SectionFront> {
  const publication = await context.publication.current();
  const section = publication.sectionsBySlug.get(sectionSlug);
  if (!section) throw notFound('No such section');
  return {
    section,
    ...(await readStoryList(context, publication, { sectionId: section.id }, page)),
  };
}
