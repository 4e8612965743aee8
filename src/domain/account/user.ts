import { invalid } from '../errors.js';
import type { Actor, Role } from '../roles/role.js';

/** A member of the newsroom who can sign in. */
export interface User {
  id: number;
  /** Normalised: trimmed and lower-case. */
  email: string;
  name: string;
  role: Role;
  /** The byline profile this user writes under, if any. */
  authorId: number | null;
  createdAt: Date;
  /** Set when an editor-in-chief switched the account off; it can no longer sign in. */
  disabledAt: Date | null;
}

/** The actor a signed-in user acts as, with the credential they used. */
export const actorFor = (user: User, credential: Actor['credential']): Actor => ({
  userId: user.id,
  role: user.role,
  credential,
  authorId: user.authorId,
});

/** How a role reads in messages: `editor in chief`. */
export const roleLabel = (role: Role) => role.replace(/_/g, ' ');

const NAME_MAX_LENGTH = 120;

/** A person's name as it appears in the newsroom: trimmed, not empty, not endless. */
export function personName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (!name) throw invalid('name: must not be empty', 'name');
  if (name.length > NAME_MAX_LENGTH)
    throw invalid(`name: must be at most ${NAME_MAX_LENGTH} characters`, 'name');
  return name;
}
