import type { ArticleSummary } from '../domain/article/article.js';
import { notFound } from '../domain/errors.js';
import type { Section } from '../domain/section/section.js';
import type { PublicationSnapshot } from './publication-cache.js';
import { readMasthead, type Masthead } from './read-masthead.js';
import type { SiteContext } from './site-context.js';

export interface SectionFront {
  masthead: Masthead;
  publication: PublicationSnapshot;
  section: Section;
  stories: ArticleSummary[];
  page: number;
  pageCount: number;
}

/** One page of a section front, newest first. Throws NotFound past the last page. */
export async function readSectionFront(
  context: SiteContext,
  sectionSlug: string,
  page: number,
): Promise<SectionFront> {
  const now = context.clock.now();
  const publication = await context.publication.current();
  const section = publication.sectionsBySlug.get(sectionSlug);
  if (!section) throw notFound('No such section');
  const perPage = publication.settings.articlesPerPage;
  const [stories, total] = await Promise.all([
    context.stores.articles.listPublished({
      asOf: now,
      sectionId: section.id,
      limit: perPage,
      offset: (page - 1) * perPage,
    }),
    context.stores.articles.countPublished({ asOf: now, sectionId: section.id }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  if (page > pageCount) throw notFound('No such page');
  return {
    masthead: readMasthead(publication.settings, now, context.weather),
    publication,
    section,
    stories,
    page,
    pageCount,
  };
}
