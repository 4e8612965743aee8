/**
 * What a WordPress export (WXR 1.0–1.2) holds, record by record, in the shape of our article
 * import: posts and pages become stories, attachments are photos to find by their post id, and
 * the channel's authors give bylines their names. Pure: the importer streams the records in
 * (xml-records.ts) and writes through the newsroom's own services.
 */
import { slugify } from '../article/slug.js';
import { childNamed, childrenNamed, textOf, type XmlElement } from './xml-records.js';

/** The channel's parts an import needs, by their path in the file. */
export const WXR_RECORD_PATHS = new Set([
  'rss/channel/title',
  'rss/channel/link',
  'rss/channel/wp:base_site_url',
  'rss/channel/wp:author',
  'rss/channel/item',
]);

export const isWxrRecord = (path: readonly string[]) => WXR_RECORD_PATHS.has(path.join('/'));

export interface WxrAuthor {
  login: string;
  name: string;
}

/** A post or page, as our import format takes it; `featuredImageId` names an attachment. */
export interface WxrStory {
  kind: 'story';
  postId: string;
  postType: 'post' | 'page';
  /** Where it was: a path or URL on the old site, for a redirect. */
  oldUrl: string;
  featuredImageId: string | null;
  article: {
    headline: string;
    slug?: string;
    section: string;
    standfirst: string;
    status: 'draft' | 'published';
    publishedAt?: string;
    bylines: string[];
    tags: string[];
    body: string;
    bodyFormat: 'html';
  };
}

export interface WxrAttachment {
  kind: 'attachment';
  postId: string;
  url: string;
  caption: string;
  title: string;
}

export interface WxrSkipped {
  kind: 'skipped';
  postId: string;
  reason: string;
}

export type WxrItem = WxrStory | WxrAttachment | WxrSkipped;

const field = (item: XmlElement, name: string) => textOf(childNamed(item, name)).trim();

/** The channel's author block: its login, and the name readers should see. */
export function wxrAuthor(element: XmlElement): WxrAuthor {
  const login = field(element, 'wp:author_login');
  const first = field(element, 'wp:author_first_name');
  const last = field(element, 'wp:author_last_name');
  const name =
    field(element, 'wp:author_display_name') || [first, last].filter(Boolean).join(' ') || login;
  return { login, name };
}

/** "2013-06-07 03:00:44" in UTC, as `wp:post_date_gmt` writes it; or the RSS pubDate. */
export function wxrPublishedAt(item: XmlElement): string | undefined {
  const gmt = field(item, 'wp:post_date_gmt');
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(gmt) && !gmt.startsWith('0000'))
    return `${gmt.replace(' ', 'T')}Z`;
  const parsed = new Date(field(item, 'pubdate'));
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

/** The terms of one taxonomy (`category`, `post_tag`), by name, each once. */
function termsOf(item: XmlElement, domain: string): string[] {
  const names = childrenNamed(item, 'category')
    .filter((c) => (c.attributes.domain ?? 'category') === domain)
    .map((c) => textOf(c).trim())
    .filter(Boolean);
  return [...new Set(names)];
}

/** A post meta value by key (`_thumbnail_id`). */
function metaValue(item: XmlElement, key: string): string | null {
  const meta = childrenNamed(item, 'wp:postmeta').find((m) => field(m, 'wp:meta_key') === key);
  return meta ? field(meta, 'wp:meta_value') : null;
}

const STATUSES: Record<string, 'draft' | 'published' | undefined> = {
  publish: 'published',
  future: 'published',
  draft: 'draft',
  pending: 'draft',
};

/** A slug WordPress wrote ("basic-post.html", "%e2%80%a6"), made one of ours, or none. */
function slugOf(postName: string): string | undefined {
  let decoded = postName;
  try {
    decoded = decodeURIComponent(postName);
  } catch {
    // a stray % is kept as it is
  }
  const words = decoded.replace(/\.html?$/i, '');
  return /[a-z0-9]/i.test(words.normalize('NFKD')) ? slugify(words) : undefined;
}

/** One `<item>`: a story, an attachment, or why it is left out. */
export function wxrItem(item: XmlElement, authors: Map<string, string>): WxrItem {
  const postId = field(item, 'wp:post_id');
  const type = field(item, 'wp:post_type') || 'post';
  if (type === 'attachment') {
    const url = field(item, 'wp:attachment_url') || field(item, 'guid');
    return {
      kind: 'attachment',
      postId,
      url,
      caption: field(item, 'content:encoded'),
      title: field(item, 'title'),
    };
  }
  if (type !== 'post' && type !== 'page')
    return {
      kind: 'skipped',
      postId,
      reason: `a ${type} (menus, blocks and custom types are not stories)`,
    };
  const wpStatus = field(item, 'wp:status') || 'publish';
  const status = STATUSES[wpStatus];
  if (!status) return { kind: 'skipped', postId, reason: `its status is "${wpStatus}"` };
  const creator = field(item, 'dc:creator');
  const sections = termsOf(item, 'category').filter((name) => name !== 'Uncategorized');
  const slug = slugOf(field(item, 'wp:post_name'));
  const publishedAt = wxrPublishedAt(item);
  return {
    kind: 'story',
    postId,
    postType: type,
    oldUrl: field(item, 'link'),
    featuredImageId: metaValue(item, '_thumbnail_id'),
    article: {
      headline: field(item, 'title'),
      ...(slug ? { slug } : {}),
      section: type === 'page' ? 'Pages' : (sections[0] ?? 'News'),
      standfirst: textOf(childNamed(item, 'excerpt:encoded'))
        .replace(/<[^>]*>/g, '')
        .trim(),
      status,
      ...(publishedAt ? { publishedAt } : {}),
      bylines: creator ? [authors.get(creator) ?? creator] : [],
      tags: termsOf(item, 'post_tag'),
      body: field(item, 'content:encoded'),
      bodyFormat: 'html',
    },
  };
}
