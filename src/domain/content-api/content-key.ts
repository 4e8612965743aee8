/**
 * A key of the Content API, given to one app or partner. The secret is shown once when the
 * key is made; only its hash is kept, and the first characters to recognise it by.
 */
export interface ContentKey {
  id: number;
  /** Who or what uses it, in the editor's words: `iOS app`, `Partner: Gulf Wire`. */
  name: string;
  /** The secret's first characters (`dlc_AbC1`), so a leaked key can be matched to its row. */
  prefix: string;
  createdBy: { id: number; name: string } | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** What every secret starts with, so secret scanners and people can tell what it is. */
export const CONTENT_KEY_PREFIX = 'dlc_';

/** How many characters of the secret the newsroom sees again. */
export const SHOWN_PREFIX_LENGTH = CONTENT_KEY_PREFIX.length + 6;
