import type { AuthorDetails, AuthorProfile } from '../../domain/author/author.js';
import { slugify, uniqueSlug } from '../../domain/article/slug.js';
import { invalid } from '../../domain/errors.js';
import type { Stores } from '../ports.js';

/** The stores a profile is made and checked with: the profiles, and the photo library. */
export type AuthorProfileStores = Pick<Stores, 'authors' | 'media'>;

/**
 * Makes a byline profile with a free slug from its name, inside the caller's transaction so an
 * account is never left without its profile.
 */
export async function makeAuthorProfile(
  stores: AuthorProfileStores,
  details: AuthorDetails,
): Promise<AuthorProfile> {
  const base = slugify(details.name, 60);
  const slug = await uniqueSlug(
    base === 'article' ? 'author' : base,
    async (candidate) => (await stores.authors.findBySlug(candidate)) !== undefined,
  );
  await assertProfilePhotoExists(stores, details.photoId);
  return stores.authors.create({ ...details, slug });
}

/** Refuses a profile photo that is not in the library. */
export async function assertProfilePhotoExists(
  stores: Pick<Stores, 'media'>,
  photoId: number | null | undefined,
) {
  if (photoId === null || photoId === undefined) return;
  if (!(await stores.media.findById(photoId)))
    throw invalid(`photoId: there is no photo ${photoId} in the library`, 'photoId');
}
