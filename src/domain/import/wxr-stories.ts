/**
 * A WordPress export's items as the newsroom takes them: a post or page with its featured
 * photo found among the attachments (which may come before or after it in the file), the
 * report's name for each item, and the reason for each item left out.
 */
import { foreignLabel, oldPathOf, type ForeignItem } from './foreign-story.js';
import type { WxrAttachment, WxrItem } from './wxr-items.js';

/** Attachments by their post id: only what a featured photo needs, so memory stays small. */
export type WxrAttachments = Map<string, Pick<WxrAttachment, 'url' | 'caption' | 'title'>>;

/** The photo's words for readers who cannot see it: its caption, else its title. */
const plainText = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** What the first pass over the file learnt: its site, and its attachments. */
export interface WxrContext {
  /** The site the file came from (`wp:base_site_url`, else the channel's link), or ''. */
  site: string;
  attachments: WxrAttachments;
}

/**
 * The item's identity across imports: post ids are only unique within one WordPress site, so
 * the site's address goes with it, as in WordPress's own short links (`site/?p=12`).
 */
const externalIdOf = (site: string, postId: string) =>
  site ? `${site.replace(/\/+$/, '')}/?p=${postId}` : postId;

const MAX_TAGS = 30;

/** One WXR item as a story to import, or why it is left out. */
export function wxrForeignItem(item: WxrItem, context: WxrContext): ForeignItem | null {
  const { site, attachments } = context;
  if (item.kind === 'attachment') return null;
  if (item.kind === 'skipped')
    return { kind: 'skipped', label: foreignLabel(item.postId, ''), reason: item.reason };
  const label = foreignLabel(item.postId, item.article.headline);
  if (!item.postId)
    return { kind: 'failed', label, reason: 'it has no wp:post_id, so it cannot be told apart' };
  const attachment = item.featuredImageId ? attachments.get(item.featuredImageId) : undefined;
  const caption = attachment ? plainText(attachment.caption) : '';
  const alt = caption || attachment?.title.trim() || item.article.headline || 'Photo';
  return {
    kind: 'story',
    system: 'wordpress',
    externalId: externalIdOf(site, item.postId),
    label,
    oldPath: oldPathOf(item.oldUrl),
    featuredPhoto: attachment?.url ? { url: attachment.url, caption, alt } : null,
    // Our stories carry at most 30 tags; WordPress has no limit (its test data has 100+).
    article: { ...item.article, tags: item.article.tags.slice(0, MAX_TAGS) },
  };
}
