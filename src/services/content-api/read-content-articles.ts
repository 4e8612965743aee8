import type { Article } from '../../domain/article/article.js';
import { decodeCursor, encodeCursor } from '../../domain/content-api/article-cursor.js';
import { invalid, notFound } from '../../domain/errors.js';
import { isVisible } from '../read-article-page.js';
import type { ContentApiDeps } from './content-api-deps.js';

/** A list request as the transport validated it: filters by slug, the cursor as given. */
export interface ContentArticleFilters {
  section?: string;
  tag?: string;
  author?: string;
  since?: Date;
  until?: Date;
  cursor?: string;
  limit: number;
}

/** The ids of the section, tag and author a list is limited to. */
export interface ContentListFilters {
  sectionId?: number;
  tagId?: number;
  authorId?: number;
}

/** One page of articles, the cursor of the next (null on the last page), and its filters' ids. */
export interface ContentArticlePage {
  articles: Article[];
  next: string | null;
  filters: ContentListFilters;
}

const unknownSlug = (field: string, slug: string) =>
  invalid(`${field}: there is no ${field} with the slug "${slug}"`, field);

/** The ids the filters' slugs name; Invalid (400) naming the filter whose slug is unknown. */
async function filterIds(
  deps: Pick<ContentApiDeps, 'stores' | 'clock' | 'publication'>,
  f: ContentArticleFilters,
) {
  const ids: ContentListFilters = {};
  if (f.section !== undefined) {
    const section = (await deps.publication.current()).sectionsBySlug.get(f.section);
    if (!section) throw unknownSlug('section', f.section);
    ids.sectionId = section.id;
  }
  if (f.tag !== undefined) {
    const tag = await deps.stores.tags.findListedBySlug(f.tag, deps.clock.now());
    if (!tag) throw unknownSlug('tag', f.tag);
    ids.tagId = tag.id;
  }
  if (f.author !== undefined) {
    const author = await deps.stores.authors.findBySlug(f.author);
    if (!author) throw unknownSlug('author', f.author);
    ids.authorId = author.id;
  }
  return ids;
}

/**
 * A page of the articles readers may see now, newest first (publishedAt, then id), after the
 * cursor. One more than asked is read to know whether a next page exists.
 */
export async function listContentArticles(
  deps: Pick<ContentApiDeps, 'stores' | 'clock' | 'publication'>,
  filters: ContentArticleFilters,
): Promise<ContentArticlePage> {
  const after = filters.cursor === undefined ? undefined : decodeCursor(filters.cursor);
  const ids = await filterIds(deps, filters);
  const found = await deps.stores.contentReads.listArticles({
    ...ids,
    asOf: deps.clock.now(),
    since: filters.since,
    until: filters.until,
    after,
    limit: filters.limit + 1,
  });
  const articles = found.slice(0, filters.limit);
  const last = articles.at(-1);
  const next =
    found.length > filters.limit && last?.publishedAt
      ? encodeCursor({ publishedAt: last.publishedAt, id: last.id })
      : null;
  return { articles, next, filters: ids };
}

/**
 * One article readers may see now, by id or by slug (a former slug finds it too); NotFound for
 * drafts, embargoed, unpublished and killed stories alike, so the API never tells them apart.
 */
export async function readContentArticle(
  deps: Pick<ContentApiDeps, 'stores' | 'clock'>,
  by: { id: number } | { slug: string },
): Promise<Article> {
  const articles = deps.stores.articles;
  const article =
    'id' in by
      ? await articles.findById(by.id)
      : ((await articles.findBySlug(by.slug)) ?? (await articles.findBySlugHistory(by.slug)));
  if (!article || !isVisible(article, deps.clock.now())) throw notFound('No such article');
  return article;
}
