import { slugify, uniqueSlug } from '../domain/article/slug.js';
import { invalid, notFound } from '../domain/errors.js';
import type { Clock, Storage } from './ports.js';

/**
 * Gives an article a new headline and the slug that goes with it; the old address keeps
 * working as a permanent redirect. Returns the new slug.
 */
export async function retitleArticle(
  deps: { storage: Storage; clock: Clock },
  articleId: number,
  headline: string,
): Promise<string> {
  const trimmed = headline.trim();
  if (!trimmed) throw invalid('headline: must not be empty', 'headline');
  return deps.storage.transaction(async (stores) => {
    const article = await stores.articles.findById(articleId);
    if (!article) throw notFound(`No article ${articleId}`);
    const base = slugify(trimmed);
    const slug =
      base === article.slug
        ? base
        : await uniqueSlug(
            base,
            async (s) => s !== article.slug && (await stores.articles.slugTaken(s)),
          );
    const now = deps.clock.now();
    const live = article.status === 'published' ? { liveChangedAt: now } : {};
    await stores.articles.update(articleId, { headline: trimmed, slug, ...live }, now);
    return slug;
  });
}
