import { personName, type User } from '../../domain/account/user.js';
import { invalid } from '../../domain/errors.js';
import type { Stores } from '../ports.js';
import { makeAuthorProfile } from '../authors/make-author-profile.js';
import type { AccountUseCaseDeps, Client, SignedIn } from './account-deps.js';
import { hashChosenPassword } from './choose-password.js';
import { refuseLookAlikeAccount } from './look-alike-accounts.js';
import { findUsableLink, spendLink } from './one-time-link.js';
import { startSession } from './start-session.js';

/** Turns an invitation into an account with the invited role, and signs the new member in. */
export async function acceptInvitation(
  deps: AccountUseCaseDeps<
    Pick<
      Stores,
      'oneTimeTokens' | 'users' | 'authors' | 'media' | 'audit' | 'sessions' | 'settings'
    >
  >,
  input: { token: string; name: string; password: string },
  client: Client,
): Promise<SignedIn> {
  const tokenHash = deps.secrets.hash(input.token);
  const now = deps.clock.now();
  const invitation = await findUsableLink(deps.storage.stores, tokenHash, 'invitation', now);
  const name = personName(input.name);
  if (!invitation.role) throw invalid('token: this invitation names no role', 'token');
  const role = invitation.role;
  // Someone may have joined under a look-alike address since the invitation was sent.
  await refuseLookAlikeAccount(deps.storage.stores, invitation.email);
  const passwordHash = await hashChosenPassword(deps, input.password, {
    email: invitation.email,
    name,
  });
  return deps.storage.transaction(async (stores) => {
    await spendLink(stores, tokenHash, 'invitation', now);
    const author = await makeAuthorProfile(stores, { name, bio: '', kind: 'staff' });
    const user = await stores.users.create(
      { email: invitation.email, name, role, passwordHash, authorId: author.id },
      now,
    );
    await recordNewMember(stores, user, invitation.createdBy, client, now);
    return startSession(deps, stores, user, client);
  });
}

/** The account made from an invitation, and the invitation's use, in the audit trail. */
async function recordNewMember(
  stores: Pick<Stores, 'audit'>,
  user: User,
  invitedBy: number | null,
  client: Client,
  now: Date,
): Promise<void> {
  const target = { type: 'user', id: user.id };
  const details = { email: user.email, role: user.role, invitedBy };
  const by = { actor: { kind: 'session', userId: user.id }, origin: client } as const;
  await stores.audit.record({ event: 'invitation.accepted', ...by, target, details }, now);
  await stores.audit.record({ event: 'user.created', ...by, target, details }, now);
}
