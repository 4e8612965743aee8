import type { User } from '../../../domain/account/user.js';

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
