import { articlePath, type ArticleStatus } from '../../domain/article/article.js';
import type { DeskEntry, Stores } from '../ports.js';

interface Placed {
  status: ArticleStatus;
  publishedAt: Date | null;
  killed: boolean;
  slug: string;
}

/**
 * Where readers find a story now, or null while they cannot: not published, embargoed until a
 * later time, or killed. The same rule as the article page's.
 */
export function readerPathOf(story: Placed, section: { slug: string }, now: Date): string | null {
  const live =
    story.status === 'published' &&
    !story.killed &&
    story.publishedAt !== null &&
    story.publishedAt <= now;
  return live ? articlePath({ slug: story.slug, section }) : null;
}

/** Desk list entries, each with the path readers find it at (`publicPath`, null if none). */
export async function withReaderPaths(
  stores: Pick<Stores, 'sections'>,
  now: Date,
  entries: DeskEntry[],
) {
  const sections = new Map((await stores.sections.list()).map((s) => [s.id, s]));
  return entries.map((entry) => {
    const section = sections.get(entry.sectionId);
    return { ...entry, publicPath: section ? readerPathOf(entry, section, now) : null };
  });
}
