/** Articles, sections, tags and authors as the Content API shows them: absolute URLs throughout. */
import {
  articlePath,
  tagPath,
  type Article,
  type LeadImage,
  type Tag,
} from '../../../domain/article/article.js';
import { authorPath, type AuthorProfile } from '../../../domain/author/author.js';
import { renderBodyHtml } from '../../../domain/body/render-body-html.js';
import { absoluteBody } from '../../../domain/content-api/absolute-body.js';
import type { ArticleField } from '../../../domain/content-api/article-fields.js';
import { mediaUrl } from '../../../domain/media/media-item.js';
import { planCrop, type VariantSpec } from '../../../domain/media/variant-plan.js';
import type { ShownBreakingNews } from '../../../domain/publication/breaking-news.js';
import { sectionPath, type Section } from '../../../domain/section/section.js';

/** Embeds print as links for every provider: partners frame nothing of ours. */
const NO_FRAMES = { allowedProviders: [] };
/** The JPEG a client without srcset shows: sharp enough for a phone or a laptop column. */
const FALLBACK_WIDTH = 800;
const CROPS = ['original', '16x9', '4x3', '1x1'] as const;

export const presentSection = (section: Section, origin: string) => ({
  id: section.id,
  slug: section.slug,
  name: section.name,
  description: section.description,
  url: `${origin}${sectionPath(section)}`,
});

export const presentTag = (tag: Tag, origin: string) => ({
  id: tag.id,
  slug: tag.slug,
  name: tag.name,
  url: `${origin}${tagPath(tag)}`,
});

export const presentAuthor = (author: AuthorProfile, origin: string) => ({
  id: author.id,
  slug: author.slug,
  name: author.name,
  kind: author.kind,
  bio: author.bio,
  url: `${origin}${authorPath(author)}`,
});

/** The breaking-news banner, its link made absolute against the home page; null when none. */
export const presentBreaking = (banner: ShownBreakingNews | undefined, home: string) =>
  banner
    ? {
        text: banner.text,
        url: banner.href === null ? null : new URL(banner.href, home).href,
        expiresAt: banner.expiresAt.toISOString(),
      }
    : null;

function presentCrop(specs: readonly VariantSpec[], origin: string) {
  const srcset = (format: VariantSpec['format']) =>
    specs
      .filter((spec) => spec.format === format)
      .map((spec) => `${origin}${mediaUrl(spec.key)} ${spec.width}w`)
      .join(', ');
  const largest = specs.at(-1);
  return {
    width: largest?.width ?? 0,
    height: largest?.height ?? 0,
    srcset: { avif: srcset('avif'), webp: srcset('webp'), jpeg: srcset('jpeg') },
  };
}

/** The lead photo with its variants: four shapes, each in AVIF, WebP and JPEG at every width. */
function presentLeadPhoto(lead: LeadImage, origin: string) {
  const { media } = lead;
  const crops = Object.fromEntries(
    CROPS.map((crop) => [crop, presentCrop(planCrop(media, crop), origin)]),
  ) as Record<(typeof CROPS)[number], ReturnType<typeof presentCrop>>;
  const jpeg = planCrop(media, 'original').filter((spec) => spec.format === 'jpeg');
  const fallback = jpeg.find((spec) => spec.width >= FALLBACK_WIDTH) ?? jpeg.at(-1);
  const social = planCrop(media, 'social')[0];
  return {
    caption: lead.caption,
    credit: lead.credit,
    alt: lead.alt,
    width: media.width,
    height: media.height,
    placeholderColor: media.placeholderColor,
    src: fallback ? `${origin}${mediaUrl(fallback.key)}` : '',
    crops,
    social: social ? `${origin}${mediaUrl(social.key)}` : '',
  };
}

/** Each field's value, made only when asked for: the body's HTML is the costly one. */
function articleFields(article: Article, origin: string): Record<ArticleField, () => unknown> {
  return {
    id: () => article.id,
    slug: () => article.slug,
    url: () => `${origin}${articlePath(article)}`,
    headline: () => article.headline,
    standfirst: () => article.standfirst,
    dateline: () => article.dateline,
    bodyHtml: () => renderBodyHtml(absoluteBody(article.body, origin), { embeds: NO_FRAMES }),
    body: () => absoluteBody(article.body, origin),
    leadPhoto: () => article.leadImage && presentLeadPhoto(article.leadImage, origin),
    section: () => presentSection(article.section, origin),
    tags: () => article.tags.map((tag) => presentTag(tag, origin)),
    authors: () => article.bylines.map((author) => presentAuthor(author, origin)),
    publishedAt: () => (article.publishedAt ?? article.createdAt).toISOString(),
    updatedAt: () => article.updatedAt.toISOString(),
    corrections: () =>
      article.corrections.map((c) => ({
        kind: c.kind,
        text: c.text,
        createdAt: c.createdAt.toISOString(),
      })),
    signOff: () => article.signOff,
  };
}

/** The article with the chosen fields, in the API's order. */
export function presentArticle(
  article: Article,
  fields: readonly ArticleField[],
  origin: string,
): Record<string, unknown> {
  const values = articleFields(article, origin);
  return Object.fromEntries(fields.map((field) => [field, values[field]()]));
}
