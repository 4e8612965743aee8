import { entryFrom } from '../../domain/audit/audit-entry.js';
import { forbidden, isDomainError, unauthenticated } from '../../domain/errors.js';
import type { PasswordHasher, Stores } from '../ports.js';
import type { AccountUseCaseDeps, Client, SignedIn } from './account-deps.js';
import { recordFailure, refuseWhenThrottled, throttleKeys } from './sign-in-throttle.js';
import { startSession } from './start-session.js';

/** One message for an unknown address and a wrong password: neither reveals who has an account. */
export const WRONG_CREDENTIALS = 'Email or password is incorrect';

const dummyHashes = new WeakMap<PasswordHasher, Promise<string>>();

/** A hash to check unknown addresses against, so they take as long as known ones. */
function dummyHashFor(passwords: PasswordHasher): Promise<string> {
  let hash = dummyHashes.get(passwords);
  if (!hash) {
    hash = passwords.hash('dateline-no-such-account-placeholder');
    dummyHashes.set(passwords, hash);
  }
  return hash;
}

/** Warms the placeholder hash at start, so even the first unknown address costs no extra time. */
export const prepareSignIn = (passwords: PasswordHasher) => dummyHashFor(passwords).then(() => {});

/**
 * Signs a newsroom member in with email and password, throttled per account and per client
 * address; opens a session.
 */
export async function signIn(
  deps: AccountUseCaseDeps<Pick<Stores, 'loginFailures' | 'audit' | 'users' | 'sessions'>>,
  input: { email: string; password: string },
  client: Client,
): Promise<SignedIn> {
  const { stores } = deps.storage;
  const now = deps.clock.now();
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(email, client.ip);
  await refuseWhenThrottled(stores.loginFailures, keys, now).catch(async (error: unknown) => {
    if (isDomainError(error))
      await stores.audit.record(
        entryFrom(client, 'sign_in.throttled', { details: { email } }),
        now,
      );
    throw error;
  });

  const user = await stores.users.findByEmail(email);
  const stored = user ? await stores.users.passwordHashOf(user.id) : null;
  const matches = await deps.passwords.verify(
    stored ?? (await dummyHashFor(deps.passwords)),
    input.password,
  );
  if (!user || !stored || !matches) {
    const tried = { details: { email }, ...(user && { target: { type: 'user', id: user.id } }) };
    await deps.storage.transaction(async (trx) => {
      await recordFailure(trx.loginFailures, keys, now);
      await trx.audit.record(entryFrom(client, 'sign_in.failed', tried), now);
    });
    throw unauthenticated(WRONG_CREDENTIALS);
  }
  // Only someone who knows the password learns that the account is switched off.
  if (user.disabledAt) throw forbidden('This account is disabled. Ask your editor-in-chief.');
  await stores.loginFailures.clear(`email:${email}`);
  return deps.storage.transaction(async (trx) => {
    const signedIn = await startSession(deps, trx, user, client);
    const by = { kind: 'session', userId: user.id } as const;
    await trx.audit.record({ event: 'sign_in.succeeded', actor: by, origin: client }, now);
    return signedIn;
  });
}
