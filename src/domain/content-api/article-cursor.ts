/**
 * The Content API's page cursors: opaque to clients, they carry the last article's place in
 * the order (publishedAt desc, id desc), so the next page starts strictly after it (keyset
 * paging, no OFFSET): articles published meanwhile land before the first page and never
 * shift the pages a client is walking through.
 */
import { invalid } from '../errors.js';

/** An article's place in the list's order. */
export interface ArticlePlace {
  publishedAt: Date;
  id: number;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The cursor that continues after this article. */
export const encodeCursor = (place: ArticlePlace): string =>
  Buffer.from(JSON.stringify([place.publishedAt.toISOString(), place.id]), 'utf8').toString(
    'base64url',
  );

const notOurs = () => invalid('cursor: is not a cursor this API gave out', 'cursor');

/** The place a cursor names; Invalid (400) for anything this API did not make. */
export function decodeCursor(cursor: string): ArticlePlace {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw notOurs();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw notOurs();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw notOurs();
  const [at, id] = parsed as unknown[];
  if (typeof at !== 'string' || !ISO_INSTANT.test(at) || Number.isNaN(Date.parse(at)))
    throw notOurs();
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) throw notOurs();
  return { publishedAt: new Date(at), id };
}
