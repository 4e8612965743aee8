import type { AuthorDetails, AuthorProfile } from '../../domain/author/author.js';
import { forbidden, notFound } from '../../domain/errors.js';
import { authorize, can } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import { surrogateKeys } from '../../domain/publication/surrogate-keys.js';
import type { Stores, Transactions } from '../ports.js';
import { assertProfilePhotoExists, type AuthorProfileStores } from './make-author-profile.js';

/** Changes a profile: its owner may change their own, editors anyone's. */
export async function editAuthorProfile(
  deps: { storage: Transactions<AuthorProfileStores & Pick<Stores, 'events'>> },
  actor: Actor,
  id: number,
  details: AuthorDetails,
): Promise<AuthorProfile> {
  if (actor.authorId !== id) authorize(actor, 'author.manage');
  return deps.storage.transaction(async (stores) => {
    const [current] = await stores.authors.findByIds([id]);
    if (!current) throw notFound('No such author profile');
    // Only editors decide who is staff and who is an agency: owners keep the kind they have.
    if (details.kind !== current.kind && actor.authorId === id && !can(actor, 'author.manage')) {
      throw forbidden('Only editors change what kind of profile this is');
    }
    await assertProfilePhotoExists(stores, details.photoId);
    await stores.authors.update(id, details);
    // Bylines, the author's page and feeds show the profile; the listing sitemap its path.
    await stores.events.announce([surrogateKeys.author(id), surrogateKeys.sitemaps]);
    const [edited] = await stores.authors.findByIds([id]);
    return edited ?? current;
  });
}
