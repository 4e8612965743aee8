import {
  checkPassword,
  passwordGuesses,
  refuseGuessablePassword,
} from '../../domain/account/password-policy.js';
import { loadPublicationSettings } from '../publication-cache.js';
import type { Stores } from '../ports.js';
import type { AccountUseCaseDeps } from './account-deps.js';

/**
 * Checks a password someone is choosing (at set-up, on joining, by reset, at the command line)
 * and returns its hash. Refuses, naming the field `password`, one that is too short or long,
 * common, breached, or made of the paper's name or the person's own.
 */
export async function hashChosenPassword(
  deps: AccountUseCaseDeps<Pick<Stores, 'settings'>, 'passwords' | 'passwordStrength'>,
  password: string,
  person: { email: string; name: string },
): Promise<string> {
  checkPassword(password, person.email);
  const { name: paper } = await loadPublicationSettings(deps.storage.stores);
  const guesses = passwordGuesses({ paper, ...person });
  refuseGuessablePassword(await deps.passwordStrength.estimate(password, guesses));
  return deps.passwords.hash(password);
}
