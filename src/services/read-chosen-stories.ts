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
  const ids = [...(curation.lead ? [curation.lead] : []), ...curation.top];
  if (ids.length === 0) return { lead: undefined, top: [] };
  const live = await stores.articles.listPublishedByIds(ids, asOf);
  const byId = new Map(
    live
      .filter((story) => sectionId === undefined || story.section.id === sectionId)
      .map((story) => [story.id, story]),
  );
  const lead = curation.lead ? byId.get(curation.lead) : undefined;
  const top = curation.top.filter((id) => id !== curation.lead).flatMap((id) => byId.get(id) ?? []);
  return { lead, top };
}

/** The stories in order with each one's later appearances dropped: no story shows twice. */
export function onceEach(stories: ArticleSummary[]): ArticleSummary[] {
  const seen = new Set<number>();
  return stories.filter((story) => {
    if (seen.has(story.id)) return false;
    seen.add(story.id);
    return true;
  });
}
