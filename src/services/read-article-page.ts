import { articlePath, type Article } from '../domain/article/article.js';
import { isVisibleToReaders } from '../domain/article/reader-visibility.js';
import type { FurtherReading } from '../domain/article/related-stories.js';
import { gone, notFound } from '../domain/errors.js';
import type { PublicationSnapshot } from './publication-cache.js';
import { readMasthead, type Masthead } from './read-masthead.js';
import type { Stores } from './ports.js';
import type { SiteReads } from './site-context.js';

export type ArticlePageResult =
  | {
      kind: 'page';
      article: Article;
      furtherReading: FurtherReading;
      masthead: Masthead;
      publication: PublicationSnapshot;
    }
  | { kind: 'redirect'; location: string };

/** True when readers may see the article at this instant: the one rule, for a whole article. */
export const isVisible = (article: Article, now: Date) =>
  // The four facts only: copying the whole article cost more than the rule itself.
  isVisibleToReaders(
    {
      status: article.status,
      publishedAt: article.publishedAt,
      unpublishAt: article.unpublishAt,
      killed: article.killedAt !== null,
    },
    now,
  );

/**
 * The article at /section/slug, or where it lives now when the slug or section changed.
 * Throws NotFound for anything a reader may not see.
 */
export async function readArticlePage(
  context: SiteReads<Pick<Stores, 'articles'>>,
  sectionSlug: string,
  slug: string,
): Promise<ArticlePageResult> {
  const now = context.clock.now();
  const publication = await context.publication.current();
  const page = await context.stores.articles.findPageBySlug(slug, now);
  const article = page?.article ?? (await context.stores.articles.findBySlugHistory(slug));
  if (article?.killedAt) throw gone('This story has been removed');
  if (!article || !isVisible(article, now)) throw notFound('No such article');
  if (!page || article.section.slug !== sectionSlug) {
    return { kind: 'redirect', location: articlePath(article) };
  }
  const masthead = readMasthead(publication, now, context.weather);
  return { kind: 'page', article, furtherReading: page.furtherReading, masthead, publication };
}
