import type { AuthorDetails, AuthorProfile } from '../../domain/author/author.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { Transactions } from '../ports.js';
import { makeAuthorProfile, type AuthorProfileStores } from './make-author-profile.js';

/** Makes a profile with no account behind it: a contributor, a guest, an agency. */
export async function createAuthorProfile(
  deps: { storage: Transactions<AuthorProfileStores> },
  actor: Actor,
  details: AuthorDetails,
): Promise<AuthorProfile> {
  authorize(actor, 'author.manage');
  return deps.storage.transaction((stores) => makeAuthorProfile(stores, details));
}
