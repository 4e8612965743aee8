import type { ArticleSummary } from '../domain/article/article.js';
import type { Section } from '../domain/section/section.js';
import type { PublicationSnapshot } from './publication-cache.js';
import { readMasthead, type Masthead } from './read-masthead.js';
import type { SiteContext } from './site-context.js';

export interface HomePage {
  masthead: Masthead;
  publication: PublicationSnapshot;
  lead: ArticleSummary | undefined;
  /** The stories just after the lead, whatever their section. */
  top: ArticleSummary[];
  sections: { section: Section; stories: ArticleSummary[] }[];
}

const TOP_STORIES = 4;
const STORIES_PER_SECTION = 4;

/** The home page: the lead story with its photo, the next top stories, then each section's latest. */
export async function readHomePage(context: SiteContext): Promise<HomePage> {
  const now = context.clock.now();
  const publication = await context.publication.current();
  const { curation } = publication;
  const [latest, curated] = await Promise.all([
    context.stores.articles.listPublished({ asOf: now, limit: 1 + TOP_STORIES + 8 }),
    context.stores.articles.listPublishedByIds(
      [...(curation.lead ? [curation.lead] : []), ...curation.top],
      now,
    ),
  ]);
  const byId = new Map(curated.map((story) => [story.id, story]));
  // The editors' choice first; where they chose nothing (or it is not live), the newest stories.
  const lead =
    (curation.lead ? byId.get(curation.lead) : undefined) ??
    latest.find((story) => story.leadImage) ??
    latest[0];
  const chosen = curation.top
    .map((id) => byId.get(id))
    .filter((story) => story !== undefined && story !== lead);
  const fill = latest.filter((story) => story !== lead && !chosen.some((c) => c?.id === story.id));
  const top = [...chosen, ...fill].filter((story) => story !== undefined).slice(0, TOP_STORIES);
  const shown = new Set([lead, ...top].map((story) => story?.id));
  const latestPerSection = await context.stores.articles.listLatestPerSection({
    asOf: now,
    perSection: STORIES_PER_SECTION + shown.size,
  });
  const sections = publication.sections.map((section) => ({
    section,
    stories: latestPerSection
      .filter((story) => story.section.id === section.id && !shown.has(story.id))
      .slice(0, STORIES_PER_SECTION),
  }));
  return {
    masthead: readMasthead(publication.settings, now, context.weather),
    publication,
    lead,
    top,
    sections: sections.filter((s) => s.stories.length > 0),
  };
}
