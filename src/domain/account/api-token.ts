import { invalid } from '../errors.js';

/** A script's credential: the secret is shown once at creation; only its hash is kept. */
export interface ApiToken {
  id: number;
  userId: number;
  /** What the token is for, in the owner's words: `wire importer`. */
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** When it stops working, as chosen at creation; null for a token that lasts until revoked. */
  expiresAt: Date | null;
}

/** The longest life a token can be given at creation; it may also be made to last until revoked. */
export const API_TOKEN_MAX_DAYS = 366;

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a token made now for `days` days stops working; null when it should last until revoked. */
export function apiTokenExpiry(now: Date, days: number | null | undefined): Date | null {
  if (days === null || days === undefined) return null;
  if (!Number.isInteger(days) || days < 1 || days > API_TOKEN_MAX_DAYS)
    throw invalid(
      `expiresInDays: must be a whole number of days from 1 to ${API_TOKEN_MAX_DAYS}, or left out`,
      'expiresInDays',
    );
  return new Date(now.getTime() + days * DAY_MS);
}

/** True once the token's chosen life is over. */
export const apiTokenExpired = (token: ApiToken, now: Date) =>
  token.expiresAt !== null && token.expiresAt <= now;
