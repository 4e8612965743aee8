/**
 * The article's schema.org description as JSON-LD: what it is, when it was published and
 * changed, who wrote it, and its corrections (schema.org `correction`), so search engines and
 * aggregators show corrected stories as corrected.
 */
import { lastChangeOf, type Article } from '../../domain/article/article.js';
import { authorPath } from '../../domain/author/author.js';
import { mediaUrl } from '../../domain/media/media-item.js';
import { planCrop } from '../../domain/media/variant-plan.js';
import type { SafeHtml } from '../jsx/jsx.js';
import { jsonLd, publisherOf } from './structured-data.js';

/**
 * Bylines as people and agencies; a story without one is credited to the paper. The sign-off
 * ("— Agencies") is a line of text, never an author.
 */
function authorsOf(article: Article, origin: string, publisher: string) {
  if (article.bylines.length === 0) {
    return [{ '@type': 'Organization', name: publisher, url: `${origin}/` }];
  }
  return article.bylines.map((author) => ({
    '@type': author.kind === 'agency' ? 'Organization' : 'Person',
    name: author.name,
    url: `${origin}${authorPath(author)}`,
    ...(author.links.length > 0 && { sameAs: author.links }),
  }));
}

/** Google asks for 16:9, 4:3 and 1:1 versions, each at least 1200 pixels wide where possible. */
function imagesOf(article: Article, origin: string): string[] {
  const photo = article.leadImage?.media;
  if (!photo) return [];
  return (['16x9', '4x3', '1x1'] as const).flatMap((crop) => {
    const jpeg = planCrop(photo, crop).filter((spec) => spec.format === 'jpeg');
    const best = jpeg.find((spec) => spec.width >= 1200) ?? jpeg.at(-1);
    return best ? [`${origin}${mediaUrl(best.key)}`] : [];
  });
}

/** The NewsArticle JSON-LD block of an article page. */
export function articleStructuredData(
  article: Article,
  page: {
    url: string;
    origin: string;
    publisher: string;
    /** The page's meta description: SEO text, standfirst or the body's opening. */
    description: string;
  },
): SafeHtml {
  const { url, origin, publisher } = page;
  const images = imagesOf(article, origin);
  return jsonLd({
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: article.headline,
    ...(page.description && { description: page.description }),
    ...(images.length > 0 && { image: images }),
    ...(article.publishedAt && { datePublished: article.publishedAt.toISOString() }),
    dateModified: lastChangeOf(article).toISOString(),
    articleSection: article.section.name,
    ...(article.tags.length > 0 && { keywords: article.tags.map((tag) => tag.name) }),
    ...(article.dateline && { dateline: article.dateline }),
    author: authorsOf(article, origin, publisher),
    publisher: publisherOf(publisher, origin),
    ...(article.corrections.length > 0 && {
      correction: article.corrections.map((correction) => ({
        '@type': 'CorrectionComment',
        text: correction.text,
        datePublished: correction.createdAt.toISOString(),
      })),
    }),
    isAccessibleForFree: true,
  });
}
