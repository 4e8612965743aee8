/**
 * The article's schema.org description as JSON-LD: what it is, when it was published and
 * changed, who wrote it, and its corrections (schema.org `correction`), so search engines and
 * aggregators show corrected stories as corrected.
 */
import type { Article } from '../../domain/article/article.js';
import { authorPath } from '../../domain/author/author.js';
import { mediaUrl } from '../../domain/media/media-item.js';
import { planCrop } from '../../domain/media/variant-plan.js';
import { trustedHtml, type SafeHtml } from '../jsx/jsx.js';

// JSON inside <script> must not be able to close the element or open a comment.
const scriptSafeJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/** Bylines as people and agencies; a story without one is credited to its source or the paper. */
function authorsOf(article: Article, origin: string, publisher: string) {
  if (article.bylines.length === 0) {
    return [{ '@type': 'Organization', name: article.signOff || publisher }];
  }
  return article.bylines.map((author) => ({
    '@type': author.kind === 'agency' ? 'Organization' : 'Person',
    name: author.name,
    url: `${origin}${authorPath(author)}`,
  }));
}

/** The JSON-LD block of an article page. */
export function articleStructuredData(
  article: Article,
  url: string,
  origin: string,
  publisher: string,
): SafeHtml {
  const photo = article.leadImage?.media;
  // Google asks for 16:9, 4:3 and 1:1 versions, each at least 1200 pixels wide where possible.
  const images = photo
    ? (['16x9', '4x3', '1x1'] as const).flatMap((crop) => {
        const jpeg = planCrop(photo, crop).filter((spec) => spec.format === 'jpeg');
        const best = jpeg.find((spec) => spec.width >= 1200) ?? jpeg.at(-1);
        return best ? [`${origin}${mediaUrl(best.key)}`] : [];
      })
    : [];
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: url,
    headline: article.headline,
    ...(article.standfirst && { description: article.standfirst }),
    ...(images.length > 0 && { image: images }),
    ...(article.publishedAt && { datePublished: article.publishedAt.toISOString() }),
    dateModified: article.updatedAt.toISOString(),
    articleSection: article.section.name,
    ...(article.dateline && { dateline: article.dateline }),
    author: authorsOf(article, origin, publisher),
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: publisher,
      url: `${origin}/`,
      logo: { '@type': 'ImageObject', url: `${origin}/favicon.svg` },
    },
    ...(article.corrections.length > 0 && {
      correction: article.corrections.map((correction) => ({
        '@type': 'CorrectionComment',
        text: correction.text,
        datePublished: correction.createdAt.toISOString(),
      })),
    }),
    isAccessibleForFree: true,
  };
  return trustedHtml(`<script type="application/ld+json">${scriptSafeJson(data)}</script>`);
}
