/** A part of the paper with its own front: World, Business, Sport… */
export interface Section {
  id: number;
  slug: string;
  name: string;
  description: string;
  /** Order on the home page and in the navigation. */
  position: number;
  /** Left out of the navigation and the home page; its front and stories stay reachable. */
  hidden: boolean;
}

/** The reader's URL path of a section front. */
export const sectionPath = (section: { slug: string }) => `/${section.slug}`;

/** First path segments the site uses itself; a section may not take them. */
const RESERVED_SLUGS = new Set([
  'author',
  'topic',
  'media',
  'admin',
  'api',
  'assets',
  'search',
  'feed',
  'latest',
]);

/** True when a route of the site answers the slug's URL before any section could. */
export const isReservedSectionSlug = (slug: string) => RESERVED_SLUGS.has(slug);

/** A section slug that no route of the site answers first: reserved words get a suffix. */
export const sectionSlugFor = (slug: string) =>
  RESERVED_SLUGS.has(slug) ? `${slug}-section` : slug;
