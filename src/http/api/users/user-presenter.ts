import type { User } from '../../../domain/account/user.js';
import type { Actor } from '../../../domain/roles/role.js';
import { accountAccessOf, userActionsFor } from '../../../domain/roles/user-actions.js';

/** A user as the API shows them; the only path from User to JSON. */
export const presentUser = (user: User) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  authorId: user.authorId,
  createdAt: user.createdAt.toISOString(),
  disabledAt: user.disabledAt?.toISOString() ?? null,
});

export type UserJson = ReturnType<typeof presentUser>;

/** A user as the users page shows them to `actor`: with what the actor may do to the account. */
export const presentUserTo = (actor: Actor) => (user: User) => ({
  ...presentUser(user),
  allowedActions: userActionsFor(actor, accountAccessOf(user)),
});
