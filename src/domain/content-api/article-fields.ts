/** The fields of an article in the Content API, which `fields=` may choose from. */
import { invalid } from '../errors.js';

export const ARTICLE_FIELDS = [
  'id',
  'slug',
  'url',
  'headline',
  'standfirst',
  'dateline',
  'bodyHtml',
  'body',
  'leadPhoto',
  'section',
  'tags',
  'authors',
  'publishedAt',
  'updatedAt',
  'corrections',
  'signOff',
] as const;

export type ArticleField = (typeof ARTICLE_FIELDS)[number];

const KNOWN: ReadonlySet<string> = new Set(ARTICLE_FIELDS);

/**
 * The fields a comma-separated `fields=` asks for, in the API's order; every field when it is
 * absent. An unknown or empty name is refused, naming it, so a typo never silently drops data.
 */
export function parseArticleFields(fields: string | undefined): readonly ArticleField[] {
  if (fields === undefined) return ARTICLE_FIELDS;
  const names = fields.split(',').map((name) => name.trim());
  for (const name of names) {
    if (name === '') throw invalid('fields: names a field twice or leaves one empty', 'fields');
    if (!KNOWN.has(name))
      throw invalid(
        `fields: "${name}" is not a field of an article; choose from ${ARTICLE_FIELDS.join(', ')}`,
        'fields',
      );
  }
  return ARTICLE_FIELDS.filter((field) => names.includes(field));
}
