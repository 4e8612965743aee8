import { notFound } from '../domain/errors.js';
import {
  paperPeriodOf,
  periodBounds,
  periodOfInstant,
  type PaperPeriod,
} from '../domain/publication/paper-days.js';
import type { StoryTime, Stores } from './ports.js';
import { readStoryList, type StoryList } from './read-story-list.js';
import type { SiteReads } from './site-context.js';

/** The days (or months) before and after with stories, and the story that puts each there. */
export interface NeighbouringPeriod {
  period: PaperPeriod;
  story: StoryTime;
}

export interface DateArchive extends StoryList {
  period: PaperPeriod;
  /** True while the period is still going on: today, this month. */
  current: boolean;
  previous: NeighbouringPeriod | undefined;
  next: NeighbouringPeriod | undefined;
}

/**
 * One page of a day's or a month's stories, the paper's local day in its time zone, newest
 * first, with the nearest earlier and later periods that have stories. NotFound for a date that
 * does not exist, one still to come, and a past one without stories (as WordPress does with
 * date archives); the current day or month is found even before its first story.
 */
export async function readDateArchive(
  context: SiteReads<Pick<Stores, 'articles'>>,
  parts: { year: string; month: string; day?: string },
  page: number,
): Promise<DateArchive> {
  const publication = await context.publication.current();
  const { timezone } = publication.settings;
  const period = paperPeriodOf(parts);
  const span = period && periodBounds(period, timezone);
  const now = context.clock.now();
  if (!period || !span || span.from > now) throw notFound('No such day in the archive');
  const [list, around] = await Promise.all([
    readStoryList(context, publication, { published: span }, page),
    context.stores.articles.storiesAround(span, now),
  ]);
  const current = now < span.until;
  if (list.total === 0 && !current) throw notFound('No stories on that day');
  const kind = period.day === undefined ? 'month' : 'day';
  const neighbour = (story: StoryTime | undefined) =>
    story && { period: periodOfInstant(story.publishedAt, timezone, kind), story };
  return {
    ...list,
    period,
    current,
    previous: neighbour(around.before),
    next: neighbour(around.after),
  };
}
