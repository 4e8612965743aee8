/**
 * A story from another system (WordPress, Ghost) as the importers hand it to the newsroom:
 * our import format's article, and what the other system knew about it that our format does
 * not hold: its id there (to update it on a second import), its old address (for a redirect)
 * and its featured photo's address (to fetch).
 */

export type ForeignSystem = 'wordpress' | 'ghost';

export interface FeaturedPhoto {
  url: string;
  caption: string;
  alt: string;
}

export interface ForeignStory {
  kind: 'story';
  system: ForeignSystem;
  /** The other system's id for it. */
  externalId: string;
  /** How the report names it: the id and the title. */
  label: string;
  /** Its path on the old site (`/2013/06/07/basic-post/`, `/?p=12`), or null. */
  oldPath: string | null;
  featuredPhoto: FeaturedPhoto | null;
  /** Our import format's article (validated by the importer, as a JSON file's items are). */
  article: Record<string, unknown>;
}

/** An item the importer leaves out or cannot read, with the reason for the report. */
export interface ForeignLeftOut {
  kind: 'skipped' | 'failed';
  label: string;
  reason: string;
}

export type ForeignItem = ForeignStory | ForeignLeftOut;

/** How the report names an item: its id, and its title when it has one. */
export const foreignLabel = (id: string, title: string) =>
  [id && `#${id}`, title && `"${title.slice(0, 80)}"`].filter(Boolean).join(' ') ||
  'an untitled item';

/**
 * The path of an old address, as the reader site will be asked for it: no host, no trailing
 * slash (the server ignores one), the query kept (`/?p=12` is how WordPress names a post).
 */
export function oldPathOf(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link, 'http://old.invalid');
  } catch {
    return null;
  }
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const whole = `${path}${url.search}`;
  return whole === '/' ? null : whole;
}
