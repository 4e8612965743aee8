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

/**
 * Where an address under a section's former slug lives now (front, its pages and feeds), or
 * undefined. The slug map points at the section itself, so a chain of renames is one hop.
 */
export async function movedSectionLocation(
  context: SiteContext,
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
