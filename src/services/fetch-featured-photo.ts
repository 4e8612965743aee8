import type { FeaturedPhoto } from '../domain/import/foreign-story.js';
import { isDomainError } from '../domain/errors.js';
import { acceptPhoto, type AcceptedPhoto } from './media/accept-photo.js';
import type { MediaDeps } from './media/media-deps.js';
import type { OutboundHttp } from './outbound-ports.js';

/** The featured photo fetched and stored, or why it could not be. */
export type FetchedPhoto = { photo: AcceptedPhoto; name: string } | { missing: string };

const nameOf = (url: string) => {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || 'photo';
  } catch {
    return 'photo';
  }
};

/**
 * Fetches an imported story's featured photo through the guarded outbound client (which
 * refuses addresses inside our network) and checks it as an upload. A photo that cannot be
 * had is not the story's fault: the reason is returned, and the story goes in without it.
 */
export async function fetchFeaturedPhoto(
  deps: Pick<MediaDeps, 'files' | 'images' | 'limits' | 'storage'> & { outbound: OutboundHttp },
  featured: FeaturedPhoto,
): Promise<FetchedPhoto> {
  const refusal = deps.outbound.refusalOf(featured.url);
  // A relative address (`/content/images/…`) names a path on a site the export does not name.
  if (refusal) return { missing: `the address ${refusal}` };
  let bytes: Uint8Array;
  try {
    const response = await deps.outbound.send({
      method: 'GET',
      url: featured.url,
      maxResponseBytes: deps.limits.maxBytes + 1,
      timeoutMs: 30_000,
      maxRedirects: 3,
    });
    if (response.status !== 200) return { missing: `the server answered ${response.status}` };
    if (response.truncated) return { missing: 'the photo is larger than uploads may be' };
    bytes = response.body;
  } catch (error) {
    return { missing: (error as Error).message };
  }
  const name = nameOf(featured.url);
  try {
    return { photo: await acceptPhoto(deps, bytes, name), name };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { missing: error.message };
  }
}
