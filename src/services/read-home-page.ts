import type { FrontStory } from '../domain/article/article.js';
import type { Section } from '../domain/section/section.js';
import type { FrontCuration, PublicationSnapshot } from './publication-cache.js';
import { chosenIds, inRunningOrder, onceEach } from './read-chosen-stories.js';
import { readMasthead, type Masthead } from './read-masthead.js';
import type { Stores } from './ports.js';
import type { SiteReads } from './site-context.js';
import type { MostReadList } from './readership/read-most-read.js';

export interface HomePage {
  masthead: Masthead;
  publication: PublicationSnapshot;
  lead: FrontStory | undefined;
  /** The stories just after the lead, whatever their section. */
  top: FrontStory[];
  sections: { section: Section; stories: FrontStory[] }[];
  /** The paper's most-read stories of the last 24 hours, when counted. */
  mostRead: MostReadList | undefined;
}

const TOP_STORIES = 4;
const STORIES_PER_SECTION = 4;

/** The ids of the stories the home page shows, in their places. */
interface HomeChoice {
  lead: number | undefined;
  top: number[];
  bySection: Map<number, number[]>;
  /** Every id above, once. */
  ids: Set<number>;
}

/**
 * Which stories go where, from their ids alone, so that only the cards shown are read: the
 * editors' choice first; where they chose nothing (or it is not live), the newest stories.
 * Each section reads enough to fill its block after leaving out the lead and top stories.
 */
async function chooseHomeStories(
  stores: Pick<Stores, 'articles'>,
  { asOf, curation, sectionIds }: { asOf: Date; curation: FrontCuration; sectionIds: number[] },
): Promise<HomeChoice> {
  const found = await stores.articles.listHomeStoryIds({
    asOf,
    latest: 1 + TOP_STORIES + 8,
    chosenIds: chosenIds(curation),
    sectionIds,
    perSection: STORIES_PER_SECTION + 1 + TOP_STORIES,
  });
  const chosen = inRunningOrder(
    curation,
    found.chosen.map((id) => ({ id })),
  );
  const latest = found.latest;
  const lead = (chosen.lead ?? latest.find((story) => story.hasPhoto) ?? latest[0])?.id;
  const top = onceEach([...chosen.top, ...latest])
    .map((story) => story.id)
    .filter((id) => id !== lead)
    .slice(0, TOP_STORIES);
  const ids = new Set([...(lead === undefined ? [] : [lead]), ...top]);
  const bySection = new Map<number, number[]>();
  for (const sectionId of sectionIds) {
    const stories = (found.bySection.get(sectionId) ?? [])
      .filter((id) => !ids.has(id))
      .slice(0, STORIES_PER_SECTION);
    bySection.set(sectionId, stories);
  }
  for (const stories of bySection.values()) for (const id of stories) ids.add(id);
  return { lead, top, bySection, ids };
}

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
  const [chosen, mostRead] = await Promise.all([
    chooseHomeStories(context.stores, {
      asOf: now,
      curation,
      sectionIds: publication.sections.map((section) => section.id),
    }),
    context.mostRead?.list(),
  ]);
  const cards = await context.stores.articles.listFrontStories([...chosen.ids.values()], now);
  const byId = new Map(cards.map((card) => [card.id, card]));
  const cardsOf = (ids: number[]) => ids.flatMap((id) => byId.get(id) ?? []);
  const sections = publication.sections.map((section) => ({
    section,
    stories: cardsOf(chosen.bySection.get(section.id) ?? []),
  }));
  return {
    masthead: readMasthead(publication, now, context.weather),
    publication,
    lead: chosen.lead === undefined ? undefined : byId.get(chosen.lead),
    top: cardsOf(chosen.top),
    sections: sections.filter((s) => s.stories.length > 0),
    mostRead,
  };
}
