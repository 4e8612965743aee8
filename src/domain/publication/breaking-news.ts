/**
 * The breaking-news banner: a line of plain text under the masthead of every page, with an
 * optional link, until it expires or an editor removes it. See docs/adr/0051-breaking-news-banner.md.
 */
import { z } from 'zod';
import { invalid } from '../errors.js';
import { recordId } from '../validation.js';

/** A headline's length: the banner is one line on a laptop, two or three on a phone. */
export const BREAKING_TEXT_MAX = 160;
/** Shown for this long when the editor gives no expiry. */
export const DEFAULT_SHOW_MS = 3 * 3_600_000;
/** The longest a banner may be set for: a story still breaking after a week is a front's lead. */
export const LONGEST_SHOW_MS = 7 * 86_400_000;

/** The banner as stored and as the newsroom reads it. */
export interface BreakingNews {
  text: string;
  /** A path on this site (`/oman/story`) or an http(s) address; null for no link. */
  href: string | null;
  /** The story the editor picked for the link, when they picked one. */
  articleId: number | null;
  expiresAt: Date;
  setAt: Date;
  /** The account that set it; null for one set outside the newsroom. */
  setBy: number | null;
}

/** What a reader's page shows of it. */
export interface ShownBreakingNews {
  text: string;
  href: string | null;
  expiresAt: Date;
}

// Control characters, and the separators that would break the banner's one line.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** What an editor (or a script) asks for; the service resolves the link and the expiry. */
export const breakingNewsInput = z
  .object({
    text: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(BREAKING_TEXT_MAX, `must be at most ${BREAKING_TEXT_MAX} characters`)
      .refine((text) => !UNPRINTABLE.test(text), 'must be one line of plain text'),
    link: z.string().trim().max(500, 'must be at most 500 characters').optional(),
    articleId: recordId.optional(),
    expiresAt: z
      .string()
      .datetime({ offset: true, message: 'must be a date and time such as 2026-12-06T18:00:00Z' })
      .optional(),
  })
  .strict();

export type BreakingNewsInput = z.infer<typeof breakingNewsInput>;

const LINK_HINT = 'must be an http(s) address or a path on this site such as /oman/story';

/**
 * A link readers may follow: a path on this site (never `//host`, which browsers take as
 * another site) or an absolute http(s) address without credentials. Returns it normalised.
 */
export function breakingNewsLink(raw: string): string {
  if (/\s/.test(raw) || UNPRINTABLE.test(raw)) throw invalid(`link: ${LINK_HINT}`, 'link');
  if (raw.startsWith('/')) {
    const base = 'https://site.invalid';
    const url = URL.canParse(raw, base) ? new URL(raw, base) : undefined;
    if (!url || url.origin !== base || raw.startsWith('//') || raw.startsWith('/\\'))
      throw invalid(`link: ${LINK_HINT}`, 'link');
    return `${url.pathname}${url.search}${url.hash}`;
  }
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname)
    throw invalid(`link: ${LINK_HINT}`, 'link');
  if (url.username || url.password)
    throw invalid('link: must not carry a user name or password', 'link');
  return url.href;
}

/** When the banner comes down: as asked, else DEFAULT_SHOW_MS from now; within a week. */
export function breakingNewsExpiry(asked: string | undefined, now: Date): Date {
  if (asked === undefined) return new Date(now.getTime() + DEFAULT_SHOW_MS);
  const at = new Date(asked);
  if (at.getTime() <= now.getTime()) throw invalid('expiresAt: must be in the future', 'expiresAt');
  if (at.getTime() - now.getTime() > LONGEST_SHOW_MS)
    throw invalid('expiresAt: must be within 7 days', 'expiresAt');
  return at;
}

/** The banner readers see at `now`: none once it has expired, whatever the caches hold. */
export function shownBreakingNews(
  banner: BreakingNews | null,
  now: Date,
): ShownBreakingNews | undefined {
  if (!banner || banner.expiresAt.getTime() <= now.getTime()) return undefined;
  return { text: banner.text, href: banner.href, expiresAt: banner.expiresAt };
}

/** The banner as the settings table keeps it: JSON, times as ISO strings. */
export const storedBreakingNews = z
  .object({
    text: z.string(),
    href: z.string().nullable(),
    articleId: z.number().int().nullable(),
    expiresAt: z.coerce.date(),
    setAt: z.coerce.date(),
    setBy: z.number().int().nullable(),
  })
  .nullable();

/** A stored value read back; anything unreadable counts as no banner rather than a broken page. */
export function breakingNewsFromStore(value: unknown): BreakingNews | null {
  const parsed = storedBreakingNews.safeParse(value ?? null);
  return parsed.success ? parsed.data : null;
}
