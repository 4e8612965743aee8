import type { Stores } from '../ports.js';
import type { AccountUseCaseDeps } from './account-deps.js';

/** Ends the session this cookie belongs to; an unknown one is already signed out. */
export async function signOut(
  deps: AccountUseCaseDeps<Pick<Stores, 'sessions'>, 'secrets'>,
  sessionToken: string,
): Promise<void> {
  await deps.storage.stores.sessions.delete(deps.secrets.hash(sessionToken));
}
