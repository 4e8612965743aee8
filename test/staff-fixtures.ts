import type { Actor, Role } from '../src/domain/roles/role.js';
import type { OpenedStorage } from '../src/storage/open-storage.js';

/**
 * A member of staff straight into the database, as the actor the services see. For tests of
 * the article workflow that need people, not sign-in.
 */
export async function addStaffMember(
  storage: OpenedStorage,
  role: Role,
  email: string,
): Promise<Actor> {
  const at = new Date().toISOString();
  const { id } = await storage.kysely
    .insertInto('users')
    .values({
      email,
      name: email,
      role,
      password_hash: null,
      author_id: null,
      created_at: at,
      updated_at: at,
      disabled_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { userId: id, role, credential: 'session', authorId: null };
}
