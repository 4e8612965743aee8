import { makeVariants } from './make-variants.js';
import type { JobHandler } from '../ports.js';
import { MAKE_VARIANTS_JOB, type MediaDeps } from './media-deps.js';

const payloadOf = (payload: unknown) => {
  const mediaId = (payload as { mediaId?: unknown } | null)?.mediaId;
  if (typeof mediaId !== 'number') throw new Error(`a variants job needs a mediaId`);
  return mediaId;
};

/** The photo library's background work. */
export function mediaJobHandlers(deps: MediaDeps): Record<string, JobHandler> {
  return {
    [MAKE_VARIANTS_JOB]: {
      run: async (payload) => {
        await makeVariants(deps, payloadOf(payload));
      },
      // Storage may be briefly away; a photo that cannot be encoded will not improve.
      retryDelay: (attempts) => (attempts >= 5 ? null : 30_000 * 2 ** (attempts - 1)),
    },
  };
}
