import {
  ONE_TIME_TOKEN_LIFETIME_MS,
  type OneTimeToken,
  type OneTimeTokenPurpose,
} from '../../domain/account/one-time-token.js';
import { gone, invalid } from '../../domain/errors.js';
import type { Role } from '../../domain/roles/role.js';
import type { Stores } from '../ports.js';
import type { AccountDeps } from './account-deps.js';

/** The page of the newsroom app each kind of link opens. */
const LINK_PATHS: Record<OneTimeTokenPurpose, string> = {
  invitation: '/admin/invitation',
  password_reset: '/admin/password-reset',
};

const WORDING: Record<OneTimeTokenPurpose, { name: string; expired: string; withdrawn: string }> = {
  invitation: {
    name: 'invitation',
    expired: 'This invitation has expired. Ask your editor-in-chief for a new one.',
    withdrawn:
      'This invitation was withdrawn by the newsroom. Ask your editor-in-chief if you think that is a mistake.',
  },
  password_reset: {
    name: 'password reset link',
    expired: 'This password reset link has expired. Ask for a new one.',
    withdrawn:
      'This password reset link was withdrawn when the password changed or the account was disabled. Ask for a new one.',
  },
};

/** The link that carries this secret. */
const linkTo = (
  deps: Pick<AccountDeps, 'publicUrl'>,
  purpose: OneTimeTokenPurpose,
  token: string,
) => `${deps.publicUrl}${LINK_PATHS[purpose]}?token=${encodeURIComponent(token)}`;

/** Stores a new single-use token (by its hash) and returns the link that carries it. */
export async function issueOneTimeLink(
  deps: Pick<AccountDeps, 'clock' | 'secrets' | 'publicUrl'>,
  stores: Pick<Stores, 'oneTimeTokens'>,
  link: {
    purpose: OneTimeTokenPurpose;
    email: string;
    role: Role | null;
    createdBy: number | null;
  },
): Promise<{ url: string; expiresAt: Date }> {
  const token = deps.secrets.create();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + ONE_TIME_TOKEN_LIFETIME_MS[link.purpose]);
  await stores.oneTimeTokens.create(deps.secrets.hash(token), {
    ...link,
    createdAt: now,
    expiresAt,
  });
  return { url: linkTo(deps, link.purpose, token), expiresAt };
}

/**
 * Gives the newest pending link of this kind for the address a new secret, and returns the
 * link that carries it: the secret exists only now, on its way into the mail, so a queued job
 * never holds one, and every retry mails a fresh link (the previous one stops working).
 */
export async function reissueOneTimeLink(
  deps: Pick<AccountDeps, 'clock' | 'secrets' | 'publicUrl'>,
  stores: Pick<Stores, 'oneTimeTokens'>,
  purpose: OneTimeTokenPurpose,
  email: string,
): Promise<{ url: string; link: OneTimeToken } | undefined> {
  const pending = await stores.oneTimeTokens.findPending(purpose, email, deps.clock.now());
  if (!pending) return undefined;
  const token = deps.secrets.create();
  if (!(await stores.oneTimeTokens.rehash(pending.tokenHash, deps.secrets.hash(token))))
    return undefined;
  return { url: linkTo(deps, purpose, token), link: pending };
}

/** The token behind a link, if it is of this kind and still good; otherwise a clear refusal. */
export async function findUsableLink(
  stores: Pick<Stores, 'oneTimeTokens'>,
  tokenHash: string,
  purpose: OneTimeTokenPurpose,
  now: Date,
): Promise<OneTimeToken> {
  const token = await stores.oneTimeTokens.find(tokenHash);
  const wording = WORDING[purpose];
  if (!token || token.purpose !== purpose)
    throw invalid(
      `token: this ${wording.name} is not valid; check that the whole link was copied`,
      'token',
    );
  if (token.usedAt) throw gone(`This ${wording.name} has already been used.`);
  if (token.withdrawnAt) throw gone(wording.withdrawn);
  if (token.expiresAt <= now) throw gone(wording.expired);
  return token;
}

/** Marks the link used, inside the transaction that acts on it; a second use is refused. */
export async function spendLink(
  stores: Pick<Stores, 'oneTimeTokens'>,
  tokenHash: string,
  purpose: OneTimeTokenPurpose,
  now: Date,
): Promise<void> {
  if (!(await stores.oneTimeTokens.use(tokenHash, now)))
    throw gone(`This ${WORDING[purpose].name} has already been used.`);
}
