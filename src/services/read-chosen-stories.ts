import type { ArticleSummary } from '../domain/article/article.js';
import type { Stores } from './ports.js';
import type { FrontCuration } from './publication-cache.js';

export interface ChosenStories {
  lead: ArticleSummary | undefined;
  top: ArticleSummary[];
}

/**
 * The live stories the editors chose for a front, in their order. Stories not live yet, and
 * on a section front those since moved to another section, are left out until they belong.
 */
export async function readChosenStories(
  stores: Pick<Stores, 'articles'>,
  curation: FrontCuration,
  asOf: Date,
  sectionId?: number,
): Promise<ChosenStories> {
  const ids = chosenIds(curation);
  if (ids.length === 0) return { lead: undefined, top: [] };
  const live = await stores.articles.listPublishedByIds(ids, asOf);
  return inRunningOrder(
    curation,
    live.filter((story) => sectionId === undefined || story.section.id === sectionId),
  );
}

/** Every story a curation names: its lead, then its top stories. */
export const chosenIds = (curation: FrontCuration) => [
  ...(curation.lead ? [curation.lead] : []),
  ...curation.top,
];

/** The live stories of a curation in its running order; the chosen stories not live are left out. */
export function inRunningOrder<Story extends { id: number }>(
  curation: FrontCuration,
  live: Story[],
): { lead: Story | undefined; top: Story[] } {
  const byId = new Map(live.map((story) => [story.id, story]));
  const lead = curation.lead ? byId.get(curation.lead) : undefined;
  const top = curation.top.filter((id) => id !== curation.lead).flatMap((id) => byId.get(id) ?? []);
  return { lead, top };
}

/** The stories in order with each one's later appearances dropped: no story shows twice. */
export function onceEach<Story extends { id: number }>(stories: Story[]): Story[] {
  const seen = new Set<number>();
  return stories.filter((story) => {
    if (seen.has(story.id)) return false;
    seen.add(story.id);
    return true;
  });
}
