import { normalizeEmail } from '../../domain/account/email.js';
import { personName, type User } from '../../domain/account/user.js';
import { CLI_CALLER } from '../../domain/audit/audit-entry.js';
import type { Role } from '../../domain/roles/role.js';
import { makeAuthorProfile } from '../authors/make-author-profile.js';
import type { Stores } from '../ports.js';
import type { AccountUseCaseDeps } from './account-deps.js';
import { hashChosenPassword } from './choose-password.js';
import { refuseLookAlikeAccount } from './look-alike-accounts.js';

/**
 * Creates an account directly, for operators at the command line (who already hold the keys
 * to the server). The name defaults to the email address's local part.
 */
export async function createUser(
  deps: AccountUseCaseDeps<
    Pick<Stores, 'users' | 'authors' | 'media' | 'audit' | 'settings'>,
    'clock' | 'passwords' | 'passwordStrength'
  >,
  input: { email: string; role: Role; password: string; name?: string },
): Promise<User> {
  const email = normalizeEmail(input.email);
  const name = personName(input.name ?? email.split('@')[0] ?? email);
  await refuseLookAlikeAccount(deps.storage.stores, email);
  const passwordHash = await hashChosenPassword(deps, input.password, { email, name });
  const now = deps.clock.now();
  return deps.storage.transaction(async (stores) => {
    const author = await makeAuthorProfile(stores, { name, bio: '', kind: 'staff' });
    const user = await stores.users.create(
      { email, name, role: input.role, passwordHash, authorId: author.id },
      now,
    );
    const details = { email, role: user.role, via: 'cli' };
    const target = { type: 'user', id: user.id };
    await stores.audit.record({ event: 'user.created', actor: CLI_CALLER, target, details }, now);
    return user;
  });
}
