import type { AccountDeps } from './account-deps.js';

/** Ends the session this cookie belongs to; an unknown one is already signed out. */
export async function signOut(
  deps: Pick<AccountDeps, 'storage' | 'secrets'>,
  sessionToken: string,
): Promise<void> {
  await deps.storage.stores.sessions.delete(deps.secrets.hash(sessionToken));
}
