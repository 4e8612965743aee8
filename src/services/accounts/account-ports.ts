/**
 * The ports of the newsroom's accounts: users, sessions, API tokens, single-use links, failed
 * sign-ins, and the password, mail and secret services they need. Re-exported by ports.ts.
 */
import type { ApiToken } from '../../domain/account/api-token.js';
import type { OneTimeToken, OneTimeTokenPurpose } from '../../domain/account/one-time-token.js';
import type { PasswordEstimate } from '../../domain/account/password-policy.js';
import type { Session } from '../../domain/account/session.js';
import type { User } from '../../domain/account/user.js';
import type { Role } from '../../domain/roles/role.js';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  authorId?: number | null;
}

export interface UserChanges {
  name?: string;
  role?: Role;
  passwordHash?: string;
  disabledAt?: Date | null;
}

export interface UserStore {
  /** Rejects (Conflict) when the email address already has an account. */
  create(user: NewUser, now: Date): Promise<User>;
  findById(id: number): Promise<User | undefined>;
  findByEmail(email: string): Promise<User | undefined>;
  /** The stored password hash, null for an account that has none. */
  passwordHashOf(id: number): Promise<string | null>;
  /** Everyone, oldest account first. */
  list(): Promise<User[]>;
  /** True when any account exists: the first-run setup is closed then. */
  any(): Promise<boolean>;
  /** Accounts with this role that are not disabled. */
  countActive(role: Role): Promise<number>;
  update(id: number, changes: UserChanges, now: Date): Promise<void>;
}

export interface SessionStore {
  create(session: Session): Promise<void>;
  /** The session with this token hash and its user, expired or not. */
  find(tokenHash: string): Promise<{ session: Session; user: User } | undefined>;
  touch(tokenHash: string, now: Date): Promise<void>;
  delete(tokenHash: string): Promise<void>;
  /** Signs the user out everywhere; resolves with the number of sessions ended. */
  deleteAllOf(userId: number): Promise<number>;
  /** Deletes the sessions past their end, and those not seen since `unseenSince`. */
  deleteExpired(now: Date, unseenSince: Date): Promise<void>;
}

export interface ApiTokenStore {
  create(
    token: { userId: number; name: string; tokenHash: string; expiresAt: Date | null },
    now: Date,
  ): Promise<ApiToken>;
  /** The user's tokens, newest first, revoked ones included. */
  listOf(userId: number): Promise<ApiToken[]>;
  /** The unrevoked token with this hash and its owner, expired or not. */
  findActive(tokenHash: string): Promise<{ token: ApiToken; user: User } | undefined>;
  /** Revokes one of the user's tokens; false when they have no such unrevoked token. */
  revoke(id: number, userId: number, now: Date): Promise<boolean>;
  /** Revokes every token of the user; resolves with how many were still unrevoked. */
  revokeAllOf(userId: number, now: Date): Promise<number>;
  touch(id: number, now: Date): Promise<void>;
}

export interface OneTimeTokenStore {
  create(tokenHash: string, token: Omit<OneTimeToken, 'usedAt' | 'withdrawnAt'>): Promise<void>;
  find(tokenHash: string): Promise<OneTimeToken | undefined>;
  /** Marks the token used unless it already was; false when someone used it first. */
  use(tokenHash: string, now: Date): Promise<boolean>;
  /** The newest unused, unexpired token of this kind for this address, with its hash. */
  findPending(
    purpose: OneTimeTokenPurpose,
    email: string,
    now: Date,
  ): Promise<(OneTimeToken & { tokenHash: string }) | undefined>;
  /** Puts a new secret's hash in place of an unused token's; false if it was used meanwhile. */
  rehash(tokenHash: string, newHash: string): Promise<boolean>;
  /** Withdraws every unused password reset link sent to this address. */
  withdrawResets(email: string, now: Date): Promise<void>;
  /** Invitations neither used nor withdrawn (expired ones too), newest first. */
  listOpenInvitations(): Promise<OneTimeToken[]>;
  /** Moves the expiry of this address's open invitations; false when it has none. */
  extendInvitations(email: string, expiresAt: Date): Promise<boolean>;
  /** Withdraws this address's open invitations; false when it has none. */
  withdrawInvitations(email: string, now: Date): Promise<boolean>;
}

/** Failed sign-ins, counted per key (`email:…`, `ip:…`) for throttling. */
export interface LoginFailureStore {
  record(keys: string[], now: Date): Promise<void>;
  /** How many failures the key has had since `since`, and when the oldest of them was. */
  since(key: string, since: Date): Promise<{ count: number; oldest: Date | null }>;
  clear(key: string): Promise<void>;
  /** Forgets failures older than `before`. */
  prune(before: Date): Promise<void>;
}

/** argon2id in production; the hash string carries its own parameters and salt. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password; never throws for a malformed hash. */
  verify(hash: string, password: string): Promise<boolean>;
}

/**
 * Judges how easily a password is guessed, against lists of common and breached passwords
 * and the words given (the paper's name, the person's own name and address). Works offline.
 */
export interface PasswordStrength {
  estimate(password: string, guesses: string[]): Promise<PasswordEstimate>;
}

/** Sends plain-text mail: invitations and password resets. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** Random secrets for cookies, links and API tokens, and the hash they are stored as. */
export interface SecretTokens {
  /** 32 random bytes, base64url. */
  create(): string;
  /** SHA-256, hex: what the database keeps instead of the secret. */
  hash(token: string): string;
}
