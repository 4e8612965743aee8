import { z } from 'zod';
import { breakingNewsInput } from '../../../domain/publication/breaking-news.js';

export const readBannerInput = z.object({}).strict();
/** Text, an optional link (a story picked, or an address) and an optional expiry. */
export const setBannerInput = breakingNewsInput;

/** The banner readers see now, as the newsroom reads it. */
export const bannerOutput = z.object({
  text: z.string(),
  /** A path on this site or an http(s) address; null for no link. */
  link: z.string().nullable(),
  /** The story picked for the link, if one was. */
  articleId: z.number().int().nullable(),
  expiresAt: z.string().datetime(),
  setAt: z.string().datetime(),
  setBy: z.object({ id: z.number().int(), name: z.string().nullable() }).nullable(),
});

/** The banner, or null when none is showing. */
export const breakingNewsOutput = z.object({ banner: bannerOutput.nullable() });
