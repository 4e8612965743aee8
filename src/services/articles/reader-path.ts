import { articlePath, type ArticleStatus } from '../../domain/article/article.js';
import { isVisibleToReaders } from '../../domain/article/reader-visibility.js';
import type { DeskEntry, Stores } from '../ports.js';

interface Placed {
  status: ArticleStatus;
  publishedAt: Date | null;
  killed: boolean;
  /** Desk list rows do not carry it: the scheduler takes an expired story down within seconds. */
  unpublishAt?: Date | null;
  slug: string;
}

/** Where readers find a story now, or null while they cannot (the one reader-visibility rule). */
export function readerPathOf(story: Placed, section: { slug: string }, now: Date): string | null {
  const visible = isVisibleToReaders({ ...story, unpublishAt: story.unpublishAt ?? null }, now);
  return visible ? articlePath({ slug: story.slug, section }) : null;
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
