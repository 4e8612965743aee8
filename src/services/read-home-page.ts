import type { FrontStory } from '../domain/article/article.js';
import type { Section } from '../domain/section/section.js';
import type { FrontCuration, PublicationSnapshot } from './publication-cache.js';
import { chosenIds, inRunningOrder, onceEach } from './read-chosen-stories.js';
import { readMasthead, type Masthead } from './read-masthead.js';
import type { Stores } from './ports.js';
import type { SiteReads } from './site-context.js';

export interface HomePage {
  masthead: Masthead;
  publication: PublicationSnapshot;
  lead: FrontStory | undefined;
  /** The stories just after the lead, whatever their section. */
  top: FrontStory[];
  sections: { section: Section; stories: FrontStory[] }[];
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
  const curation = proposed ?? publication.curation;
  // One read for the whole page: each section reads enough to fill its block after leaving
  // out every story shown above it (the lead and the top stories).
  const stories = await context.stores.articles.listHomeStories({
    asOf: now,
    latest: 1 + TOP_STORIES + 8,
    chosenIds: chosenIds(curation),
    sectionIds: publication.sections.map((section) => section.id),
    perSection: STORIES_PER_SECTION + 1 + TOP_STORIES,
  });
  const { latest } = stories;
  const chosen = inRunningOrder(curation, stories.chosen);
  // The editors' choice first; where they chose nothing (or it is not live), the newest stories.
  const lead = chosen.lead ?? latest.find((story) => story.leadImage) ?? latest[0];
  const top = onceEach([...chosen.top, ...latest])
    .filter((story) => story.id !== lead?.id)
    .slice(0, TOP_STORIES);
  const shown = new Set([lead, ...top].map((story) => story?.id));
  const sections = publication.sections.map((section) => ({
    section,
    stories: (stories.bySection.get(section.id) ?? [])
      .filter((story) => !shown.has(story.id))
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
