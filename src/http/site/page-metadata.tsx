/**
 * What a page tells link previews and feed readers about itself: OpenGraph and Twitter card
 * tags (https://ogp.me, X's summary_large_image) and <link rel="alternate"> to its feeds.
 */
import type { LeadImage } from '../../domain/article/article.js';
import { mediaUrl } from '../../domain/media/media-item.js';
import { planCrop } from '../../domain/media/variant-plan.js';
import { Fragment, h, type SafeHtml } from '../jsx/jsx.js';

/** The 1.91:1 card a shared link shows, absolute. */
export interface SocialImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

/** The OpenGraph `article:` facts of a story. */
export interface ArticleFacts {
  publishedTime?: Date;
  modifiedTime: Date;
  section: string;
  tags: string[];
  /** Absolute URLs of the byline pages (OpenGraph's article:author is a profile URL). */
  authors: string[];
}

export interface OpenGraph {
  type: 'website' | 'article' | 'profile';
  title: string;
  description: string;
  /** Absolute canonical URL. */
  url: string;
  image?: SocialImage;
  article?: ArticleFacts;
}

export interface FeedLink {
  title: string;
  href: string;
  type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json';
}

/** A photo's social crop (one 1200 × 628 JPEG) as an absolute URL. */
export function socialImageOf(
  photo: Pick<LeadImage, 'media' | 'alt'> | null,
  origin: string,
): SocialImage | undefined {
  const card = photo && planCrop(photo.media, 'social')[0];
  if (!photo || !card) return undefined;
  return {
    url: `${origin}${mediaUrl(card.key)}`,
    width: card.width,
    height: card.height,
    alt: photo.alt,
  };
}

/** OpenGraph wants `en_GB`; a bare language (`en`) stays as it is. */
export const openGraphLocale = (languageTag: string) => languageTag.replace(/-/g, '_');

/** RSS, Atom and JSON Feed of the stories under a path ('' for the whole site). */
export function feedLinks(basePath: string, label: string): FeedLink[] {
  return [
    { title: `${label} (RSS)`, href: `${basePath}/rss.xml`, type: 'application/rss+xml' },
    { title: `${label} (Atom)`, href: `${basePath}/atom.xml`, type: 'application/atom+xml' },
    { title: `${label} (JSON Feed)`, href: `${basePath}/feed.json`, type: 'application/feed+json' },
  ];
}

function ArticleTags({ facts }: { facts: ArticleFacts }) {
  return (
    <>
      {facts.publishedTime ? (
        <meta property="article:published_time" content={facts.publishedTime.toISOString()} />
      ) : null}
      <meta property="article:modified_time" content={facts.modifiedTime.toISOString()} />
      <meta property="article:section" content={facts.section} />
      {facts.tags.map((tag) => (
        <meta property="article:tag" content={tag} />
      ))}
      {facts.authors.map((url) => (
        <meta property="article:author" content={url} />
      ))}
    </>
  );
}

/** The OpenGraph and Twitter tags of a page. */
export function SocialMeta({
  og,
  siteName,
  locale,
}: {
  og: OpenGraph;
  siteName: string;
  locale: string;
}): SafeHtml {
  const image = og.image;
  return (
    <>
      <meta property="og:site_name" content={siteName} />
      <meta property="og:type" content={og.type} />
      <meta property="og:title" content={og.title} />
      <meta property="og:description" content={og.description} />
      <meta property="og:url" content={og.url} />
      <meta property="og:locale" content={openGraphLocale(locale)} />
      {image ? (
        <>
          <meta property="og:image" content={image.url} />
          <meta property="og:image:width" content={image.width} />
          <meta property="og:image:height" content={image.height} />
          <meta property="og:image:alt" content={image.alt} />
        </>
      ) : null}
      {og.article ? <ArticleTags facts={og.article} /> : null}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={og.title} />
      <meta name="twitter:description" content={og.description} />
      {image ? (
        <>
          <meta name="twitter:image" content={image.url} />
          <meta name="twitter:image:alt" content={image.alt} />
        </>
      ) : null}
    </>
  );
}

/** <link rel="alternate"> for each feed. */
export const FeedLinkTags = ({ feeds }: { feeds: FeedLink[] }): SafeHtml => (
  <>
    {feeds.map((feed) => (
      <link rel="alternate" type={feed.type} title={feed.title} href={feed.href} />
    ))}
  </>
);
