/**
 * The breaking-news banner: set, removed and read by editors. Every page shows it, so a change
 * drops every kept page on every instance (`site`), and the CDN is purged once more when it
 * expires. See docs/adr/0051-breaking-news-banner.md.
 */
import { entryBy } from '../domain/audit/audit-entry.js';
import { articlePath } from '../domain/article/article.js';
import { isVisibleToReaders } from '../domain/article/reader-visibility.js';
import { invalid } from '../domain/errors.js';
import {
  breakingNewsExpiry,
  breakingNewsFromStore,
  breakingNewsLink,
  type BreakingNews,
  type BreakingNewsInput,
} from '../domain/publication/breaking-news.js';
import { surrogateKeys } from '../domain/publication/surrogate-keys.js';
import { authorize } from '../domain/roles/permissions.js';
import type { Actor } from '../domain/roles/role.js';
import { announcePageChange, CDN_PURGE_JOB } from './cdn/cdn-purge-listener.js';
import type { Clock, Reads, Stores, Transactions } from './ports.js';
import { BREAKING_NEWS_KEY, type PublicationCache } from './publication-cache.js';

type BannerStores = Pick<Stores, 'settings' | 'audit' | 'jobs' | 'events' | 'articles' | 'users'>;

export interface BreakingNewsDeps {
  storage: Transactions<BannerStores> & Reads<BannerStores>;
  clock: Clock;
  publication: PublicationCache;
}

/** The banner as the newsroom sees it: who set it, by name, beside it. */
export type BannerForDesk = BreakingNews & { setByName: string | null };

/** The link as asked: a story picked (its page, while readers may see it) or an address. */
async function linkOf(
  stores: Pick<Stores, 'articles'>,
  input: BreakingNewsInput,
  now: Date,
): Promise<Pick<BreakingNews, 'href' | 'articleId'>> {
  if (input.articleId !== undefined && input.link)
    throw invalid('link: pick a story or give an address, not both', 'link');
  if (input.articleId !== undefined) {
    const article = await stores.articles.findById(input.articleId);
    const facts = article && { ...article, killed: article.killedAt !== null };
    if (!article || !facts || !isVisibleToReaders(facts, now))
      throw invalid(`articleId: story ${input.articleId} is not published`, 'articleId');
    return { href: articlePath(article), articleId: article.id };
  }
  return { href: input.link ? breakingNewsLink(input.link) : null, articleId: null };
}

/** Writes the banner (or null), notes it in the audit trail and drops every page, at once. */
async function store(
  deps: BreakingNewsDeps,
  stores: BannerStores,
  banner: BreakingNews | null,
  audit: Parameters<typeof entryBy>,
): Promise<void> {
  const now = deps.clock.now();
  await stores.settings.put(BREAKING_NEWS_KEY, banner, now);
  await stores.audit.record(entryBy(...audit), now);
  // Every page shows the banner: every instance forgets its pages and rereads the publication.
  await announcePageChange(stores, [surrogateKeys.site], now);
}

/** Shows a banner on every page until it expires (three hours unless asked); editors and above. */
export async function setBreakingNews(
  deps: BreakingNewsDeps,
  actor: Actor,
  input: BreakingNewsInput,
): Promise<BannerForDesk> {
  authorize(actor, 'breaking_news.manage');
  const now = deps.clock.now();
  const expiresAt = breakingNewsExpiry(input.expiresAt, now);
  const banner = await deps.storage.transaction(async (stores) => {
    const link = await linkOf(stores, input, now);
    const set: BreakingNews = {
      text: input.text,
      ...link,
      expiresAt,
      setAt: now,
      setBy: actor.userId,
    };
    await store(deps, stores, set, [
      actor,
      'breaking_news.set',
      {
        target: { type: 'settings', id: BREAKING_NEWS_KEY },
        details: { text: set.text, link: set.href, expiresAt: expiresAt.toISOString() },
      },
    ]);
    // No event marks the expiry: the CDN forgets the pages then, as this instance's cache does.
    await stores.jobs.enqueue(CDN_PURGE_JOB, { keys: [surrogateKeys.site] }, expiresAt, now);
    return set;
  });
  deps.publication.invalidate();
  return { ...banner, setByName: await nameOf(deps, actor.userId) };
}

/**
 * Takes the banner down now; editors and above. Removing none (or one already expired) changes
 * nothing and notes nothing.
 */
export async function removeBreakingNews(deps: BreakingNewsDeps, actor: Actor): Promise<null> {
  authorize(actor, 'breaking_news.manage');
  await deps.storage.transaction(async (stores) => {
    const current = breakingNewsFromStore(await stores.settings.get(BREAKING_NEWS_KEY));
    if (!current || current.expiresAt <= deps.clock.now()) return;
    await store(deps, stores, null, [
      actor,
      'breaking_news.removed',
      {
        target: { type: 'settings', id: BREAKING_NEWS_KEY },
        details: { text: current.text },
      },
    ]);
  });
  deps.publication.invalidate();
  return null;
}

/** The banner readers see now, and who set it; null when there is none or it has expired. */
export async function readBreakingNews(
  deps: BreakingNewsDeps,
  actor: Actor,
): Promise<BannerForDesk | null> {
  authorize(actor, 'breaking_news.manage');
  const banner = breakingNewsFromStore(await deps.storage.stores.settings.get(BREAKING_NEWS_KEY));
  if (!banner || banner.expiresAt <= deps.clock.now()) return null;
  return { ...banner, setByName: await nameOf(deps, banner.setBy) };
}

const nameOf = async (deps: BreakingNewsDeps, userId: number | null) =>
  userId === null ? null : ((await deps.storage.stores.users.findById(userId))?.name ?? null);
