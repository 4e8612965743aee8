import type { ArticleSummary } from '../domain/article/article.js';
import type { Section } from '../domain/section/section.js';
import type { FrontCuration, PublicationSnapshot } from './publication-cache.js';
import { onceEach, readChosenStories } from './read-chosen-stories.js';
import { readMasthead, type Masthead } from './read-masthead.js';
import type { Stores } from './ports.js';
import type { SiteReads } from './site-context.js';

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

/**
 * The home page: the lead story with its photo, the next top stories, then each section's
 * latest; no story twice. `proposed` shows an unsaved curation, for the editors' preview.
 */
export async function readHomePage(
  context: SiteReads<Pick<Stores, 'articles'>>,
  proposed?: FrontCuration,
): Promise<HomePage> {
  const now = context.clock.now();
  const publication = await context.publication.current();
  const [latest, chosen] = await Promise.all([
    context.stores.articles.listPublished({ asOf: now, limit: 1 + TOP_STORIES + 8 }),
    readChosenStories(context.stores, proposed ?? publication.curation, now),
  ]);
  // The editors' choice first; where they chose nothing (or it is not live), the newest stories.
  const lead = chosen.lead ?? latest.find((story) => story.leadImage) ?? latest[0];
  const top = onceEach([...chosen.top, ...latest])
    .filter((story) => story.id !== lead?.id)
    .slice(0, TOP_STORIES);
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
