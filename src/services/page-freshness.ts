import { shownBreakingNews } from '../domain/publication/breaking-news.js';
import { startOfNextLocalDay } from '../domain/publication/next-local-day.js';
import type { Stores } from './ports.js';
import type { SiteReads } from './site-context.js';

/**
 * How long a page rendered now stays right with no change announced: pages carry the
 * masthead's date and weather, and stories appear (an embargo lifts) and come down
 * (`unpublish_at`) and the breaking-news banner expires on time with no event. See docs/adr/0033-page-cache.md.
 */
export interface PageFreshness {
  /** Until when (ms since the epoch) a page rendered at `now` may be served as it is. */
  until(now: Date, showsMasthead: boolean): Promise<number>;
  /** A change was announced: the next embargo or expiry may have moved. */
  forget(): void;
}

/**
 * The longest a page is kept, whatever else: a change made by a process that cannot announce
 * to this one (a `dateline` command on the SQLite file `serve` uses) shows within a minute,
 * as long as browsers keep pages anyway (PAGE_CACHE in http/site/cache-headers.ts).
 */
const LONGEST_KEEP_MS = 60_000;

/**
 * The earliest of: a minute from now, the paper's next local midnight, the weather's refresh,
 * the next embargo lifting or story coming down, the breaking-news banner's expiry.
 */
export function createPageFreshness(
  site: SiteReads<Pick<Stores, 'discovery'>>,
  weatherRefreshMs: number,
): PageFreshness {
  // One query per change, not per page: the next visibility change, and when it was asked.
  let next: Promise<Date | undefined> | undefined;
  let asked = 0;
  let day: { timezone: string; endsAt: number } | undefined;
  const nextVisibilityChange = async (now: Date): Promise<Date | undefined> => {
    // A clock set back (tests, DATELINE_NOW) asks again; so does one past the change.
    if (next && asked <= now.getTime()) {
      const at = await next;
      if (at === undefined || at.getTime() > now.getTime()) return at;
    }
    asked = now.getTime();
    const asking = site.stores.discovery.nextVisibilityChange(now);
    next = asking;
    asking.catch(() => {
      if (next === asking) next = undefined;
    });
    return asking;
  };
  return {
    async until(now, showsMasthead) {
      const at = now.getTime();
      const times = [at + LONGEST_KEEP_MS];
      const visibility = await nextVisibilityChange(now);
      if (visibility) times.push(visibility.getTime());
      const { settings, breaking } = await site.publication.current();
      // The banner is on every page, and in the Content API's settings, until it expires.
      const banner = shownBreakingNews(breaking, now);
      if (banner) times.push(banner.expiresAt.getTime());
      if (showsMasthead) {
        if (day?.timezone !== settings.timezone || day.endsAt <= at)
          day = {
            timezone: settings.timezone,
            endsAt: startOfNextLocalDay(now, settings.timezone).getTime(),
          };
        times.push(day.endsAt);
        const weather = settings.weather;
        if (weather && weather.provider !== 'none') times.push(at + weatherRefreshMs);
      }
      return Math.min(...times);
    },
    forget() {
      next = undefined;
    },
  };
}
