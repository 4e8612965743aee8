/**
 * schema.org descriptions of reader pages as JSON-LD: who publishes the site, where a page
 * sits in it (breadcrumbs), how to search it, and what a list or a profile page is about.
 */
import type { AuthorProfile } from '../../domain/author/author.js';
import { SITE_LOGO } from '../../domain/publication/site-logo.js';
import { trustedHtml, type SafeHtml } from '../jsx/jsx.js';

/** Where the raster logo is served (see site-routes). */
export const LOGO_PATH = '/logo.png';

const SCRIPT_UNSAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};
const SCRIPT_UNSAFE_TEST = /[<>&\u2028\u2029]/;
const SCRIPT_UNSAFE_ALL = /[<>&\u2028\u2029]/g;

/**
 * JSON for inside a <script> element, the one way the server writes inline JSON: it cannot
 * close the element or open a comment (`<`, `>`, `&` escaped), and U+2028/U+2029, line
 * terminators to JavaScript before ES2019 and to some JSON-LD readers, are written escaped.
 */
export function scriptSafeJson(value: unknown): string {
  const json = JSON.stringify(value);
  // Most pages' data holds none of them: looking first spares a copy of the whole block.
  return SCRIPT_UNSAFE_TEST.test(json)
    ? json.replace(SCRIPT_UNSAFE_ALL, (c) => SCRIPT_UNSAFE[c] ?? c)
    : json;
}

/** One JSON-LD block; each carries its own @context so any block can be read alone. */
export const jsonLd = (data: object): SafeHtml =>
  trustedHtml(
    `<script type="application/ld+json">${scriptSafeJson({ '@context': 'https://schema.org', ...data })}</script>`,
  );

/** The paper as the publisher of every page, with the raster logo Google asks for. */
export const publisherOf = (name: string, origin: string) => ({
  '@type': 'NewsMediaOrganization',
  name,
  url: `${origin}/`,
  logo: {
    '@type': 'ImageObject',
    url: `${origin}${LOGO_PATH}`,
    width: SITE_LOGO.width,
    height: SITE_LOGO.height,
  },
});

export interface Crumb {
  name: string;
  /** Absolute URL. */
  url: string;
}

/** Home › Section › Article, as a BreadcrumbList. */
export const breadcrumbList = (crumbs: Crumb[]) =>
  jsonLd({
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  });

/** The last site description made: it changes only with the settings. */
let lastWebSite: { key: string; html: SafeHtml } | undefined;

/** The home page's description of the site, with its search (Google's sitelinks search box). */
export function webSiteData(name: string, origin: string, description: string): SafeHtml {
  const key = JSON.stringify([name, origin, description]);
  if (lastWebSite?.key !== key)
    lastWebSite = { key, html: makeWebSiteData(name, origin, description) };
  return lastWebSite.html;
}

const makeWebSiteData = (name: string, origin: string, description: string) =>
  jsonLd({
    '@type': 'WebSite',
    name,
    url: `${origin}/`,
    description,
    publisher: publisherOf(name, origin),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${origin}/search?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  });

/** A section front or topic page: a collection of stories. */
export const collectionPageData = (page: {
  name: string;
  description: string;
  url: string;
  publisher: string;
  origin: string;
}) =>
  jsonLd({
    '@type': 'CollectionPage',
    name: page.name,
    description: page.description,
    url: page.url,
    isPartOf: { '@type': 'WebSite', name: page.publisher, url: `${page.origin}/` },
  });

/** A byline's page: the person (or agency) and what they wrote for the paper. */
export const profilePageData = (
  author: AuthorProfile,
  url: string,
  publisher: string,
  imageUrl?: string,
) =>
  jsonLd({
    '@type': 'ProfilePage',
    url,
    mainEntity: {
      '@type': author.kind === 'agency' ? 'Organization' : 'Person',
      name: author.name,
      url,
      ...(author.bio && { description: author.bio }),
      ...(imageUrl && { image: imageUrl }),
      ...(author.links.length > 0 && { sameAs: author.links }),
      ...(author.kind === 'staff' && {
        worksFor: { '@type': 'NewsMediaOrganization', name: publisher },
      }),
    },
  });
