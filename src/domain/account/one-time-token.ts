import type { Role } from '../roles/role.js';

/** What a single-use link in a mail lets its holder do. */
export type OneTimeTokenPurpose = 'invitation' | 'password_reset';

/** An invitation or a password reset, as stored (by the hash of its secret). */
export interface OneTimeToken {
  purpose: OneTimeTokenPurpose;
  email: string;
  /** The role an invitation grants; null for password resets. */
  role: Role | null;
  createdBy: number | null;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  /** Set when the link was called back: a reset link once the password changed or the account was disabled. */
  withdrawnAt: Date | null;
}

/** How long each kind of link stays good. */
export const ONE_TIME_TOKEN_LIFETIME_MS: Record<OneTimeTokenPurpose, number> = {
  invitation: 7 * 24 * 60 * 60 * 1000,
  password_reset: 60 * 60 * 1000,
};
