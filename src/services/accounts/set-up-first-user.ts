import { normalizeEmail } from '../../domain/account/email.js';
import { personName } from '../../domain/account/user.js';
import { conflict } from '../../domain/errors.js';
import type { Stores } from '../ports.js';
import { makeAuthorProfile } from '../authors/make-author-profile.js';
import type { AccountUseCaseDeps, Client, SignedIn } from './account-deps.js';
import { hashChosenPassword } from './choose-password.js';
import { startSession } from './start-session.js';

/** True while no account exists: only then may the first editor-in-chief be set up. */
/** The settings row each setup writes before it looks for accounts. */
const SET_UP_KEY = 'set-up';

export const setUpIsOpen = async (stores: Pick<Stores, 'users'>) => !(await stores.users.any());

/**
 * Creates the newspaper's first account, an editor-in-chief, and signs them in. Works only
 * while no account exists; afterwards it is a Conflict.
 */
export async function setUpFirstUser(
  deps: AccountUseCaseDeps<
    Pick<Stores, 'users' | 'authors' | 'media' | 'audit' | 'sessions' | 'settings'>
  >,
  input: { email: string; name: string; password: string },
  client: Client,
): Promise<SignedIn> {
  const email = normalizeEmail(input.email);
  const name = personName(input.name);
  if (!(await setUpIsOpen(deps.storage.stores))) throw alreadySetUp();
  const passwordHash = await hashChosenPassword(deps, input.password, { email, name });
  return deps.storage.transaction(async (stores) => {
    // Writing one row first makes setups sent at once (to two instances, say) wait for each
    // other: PostgreSQL reads each statement afresh, so the check below then sees the account
    // the first one made, where two checks side by side would both see none.
    await stores.settings.put(SET_UP_KEY, { at: deps.clock.now().toISOString() }, deps.clock.now());
    if (!(await setUpIsOpen(stores))) throw alreadySetUp();
    const author = await makeAuthorProfile(stores, { name, bio: '', kind: 'staff' });
    const user = await stores.users.create(
      { email, name, role: 'editor_in_chief', passwordHash, authorId: author.id },
      deps.clock.now(),
    );
    const created = {
      target: { type: 'user', id: user.id },
      details: { email, role: user.role, via: 'setup' },
    };
    await stores.audit.record(
      {
        event: 'user.created',
        actor: { kind: 'session', userId: user.id },
        origin: client,
        ...created,
      },
      deps.clock.now(),
    );
    return startSession(deps, stores, user, client);
  });
}

const alreadySetUp = () => conflict('Dateline is already set up: sign in instead');
