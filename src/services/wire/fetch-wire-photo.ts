/**
 * The lead photo an agency offers with its copy, fetched through the guarded outbound client
 * and checked like any upload before the draft's transaction; why it could not be, otherwise.
 */
import { isDomainError } from '../../domain/errors.js';
import type { WirePhoto } from '../../domain/wire/wire-item.js';
import { acceptPhoto, type AcceptedPhoto } from '../media/accept-photo.js';
import type { MediaDeps } from '../media/media-deps.js';
import type { OutboundHttp, Reads, Stores } from '../ports.js';

/** What fetching an agency's photo needs: the outbound client and the library's checks. */
export interface WirePhotoDeps {
  outbound: OutboundHttp;
  media: Pick<MediaDeps, 'files' | 'images' | 'limits'> & {
    storage: Reads<Pick<Stores, 'media'>>;
  };
}

export type FetchedPhoto =
  { photo: WirePhoto; name: string; accepted: AcceptedPhoto } | { refused: string };

// Agencies' photo servers redirect to their CDNs; each hop is checked like the first.
const REDIRECTS = 3;
const TIMEOUT_MS = 15_000;

/** The file name the library shows for a photo fetched from `href`. */
const nameOf = (href: string) =>
  decodeURIComponent(new URL(href).pathname.split('/').pop() || 'wire-photo');

const reasonOf = (error: unknown) =>
  isDomainError(error) || error instanceof Error ? error.message : String(error);

/** Fetches the photo and stores its original if the library accepts it; never throws. */
export async function fetchWirePhoto(deps: WirePhotoDeps, photo: WirePhoto): Promise<FetchedPhoto> {
  const refusal = deps.outbound.refusalOf(photo.href);
  if (refusal) return { refused: `its address ${refusal}` };
  try {
    const answer = await deps.outbound.send({
      method: 'GET',
      url: photo.href,
      maxResponseBytes: deps.media.limits.maxBytes + 1,
      timeoutMs: TIMEOUT_MS,
      maxRedirects: REDIRECTS,
    });
    if (answer.status !== 200) return { refused: `the agency's server answered ${answer.status}` };
    if (answer.truncated) return { refused: 'the file is larger than the library takes' };
    const name = nameOf(answer.url);
    return { photo, name, accepted: await acceptPhoto(deps.media, answer.body, name) };
  } catch (error) {
    return { refused: reasonOf(error) };
  }
}
