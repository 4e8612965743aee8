import type { User } from '../../domain/account/user.js';
import type {
  Clock,
  Mailer,
  PasswordHasher,
  PasswordStrength,
  SecretTokens,
  Reads,
  Storage,
  Stores,
  Transactions,
} from '../ports.js';

/** What the account use cases need, handed in by the composition root. */
export interface AccountDeps {
  storage: Storage;
  clock: Clock;
  passwords: PasswordHasher;
  /** Judges a password being chosen against common and breached ones. */
  passwordStrength: PasswordStrength;
  secrets: SecretTokens;
  mailer: Mailer;
  /** Where mail ends up: an SMTP server, or (none configured) the server's log. */
  mailDelivery: MailDelivery;
  /** Tells the job worker that mail was queued, so it goes out at once. */
  wakeJobs: () => void;
  /** Origin of links in mail. Never taken from a request's Host header, which anyone can forge. */
  publicUrl: string;
  /** How long a sign-in lasts. */
  sessionDays: number;
  /** How long a sign-in lasts unused: a session not seen for this long is ended. */
  sessionIdleHours: number;
}

/**
 * AccountDeps with only the stores `S` (a Pick of Stores) a use case names, and only the other
 * deps `K` it uses; callers pass their AccountDeps as they are.
 */
export type AccountUseCaseDeps<
  S extends Partial<Stores>,
  K extends keyof AccountDeps = keyof AccountDeps,
> = Pick<AccountDeps, Exclude<K, 'storage'>> & { storage: Transactions<S> & Reads<S> };

export type MailDelivery = 'smtp' | 'log';

/** Where a request came from, for throttling and for the list of a user's sessions. */
export interface Client {
  ip: string;
  userAgent: string;
}

/** A new session: the secret goes into the cookie, and is never stored. */
export interface SignedIn {
  user: User;
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}
