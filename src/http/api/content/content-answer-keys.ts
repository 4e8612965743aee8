/**
 * The surrogate keys of Content API answers, by the scheme of reader pages (ADR 0033): a key for
 * every name an answer SHOWS, a list key for every list it IS, and the `article-<id>` of every
 * story on it, so a change drops exactly the answers it touched, here and at the CDN.
 */
import type { Article } from '../../../domain/article/article.js';
import type { ArticleField } from '../../../domain/content-api/article-fields.js';
import { surrogateKeys } from '../../../domain/publication/surrogate-keys.js';
import type { ContentListFilters } from '../../../services/content-api/read-content-articles.js';

/** A story as an answer shows it: its own key, and its section's, topics' and bylines' names if asked. */
export function articleAnswerKeys(article: Article, fields: readonly ArticleField[]): string[] {
  const keys = [surrogateKeys.article(article.id)];
  if (fields.includes('section')) keys.push(surrogateKeys.section(article.section.id));
  if (fields.includes('tags')) keys.push(...article.tags.map((tag) => surrogateKeys.tag(tag.id)));
  if (fields.includes('authors'))
    keys.push(...article.bylines.map((author) => surrogateKeys.author(author.id)));
  return keys;
}

/**
 * The lists a page of stories is: its filters' lists, or the paper-wide list (`feeds`, which
 * every story's change announces) when it has none. A story that joins is announced by them;
 * one that leaves, by its own key the page carries.
 */
export function storyListKeys(filters: ContentListFilters): string[] {
  const keys = [
    ...(filters.sectionId === undefined ? [] : [surrogateKeys.sectionList(filters.sectionId)]),
    ...(filters.tagId === undefined ? [] : [surrogateKeys.tagList(filters.tagId)]),
    ...(filters.authorId === undefined ? [] : [surrogateKeys.authorList(filters.authorId)]),
  ];
  return keys.length > 0 ? keys : [surrogateKeys.feeds];
}

/** Every key of a page of stories, each once. */
export const articleListKeys = (
  articles: readonly Article[],
  fields: readonly ArticleField[],
  filters: ContentListFilters,
): string[] => [
  ...new Set([
    ...storyListKeys(filters),
    ...articles.flatMap((article) => articleAnswerKeys(article, fields)),
  ]),
];
