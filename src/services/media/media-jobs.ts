import { z } from 'zod';
import { recordId } from '../../domain/validation.js';
import { jobHandler } from '../job-handler.js';
import type { JobHandler } from '../job-ports.js';
import { makeVariants } from './make-variants.js';
import { MAKE_VARIANTS_JOB, type VariantDeps } from './media-deps.js';

/** The photo library's background work. */
export function mediaJobHandlers(deps: VariantDeps): Record<string, JobHandler> {
  return {
    [MAKE_VARIANTS_JOB]: jobHandler({
      payload: z.object({ mediaId: recordId }),
      run: async ({ mediaId }) => {
        await makeVariants(deps, mediaId);
      },
      // Storage may be briefly away; a photo that cannot be encoded will not improve.
      retryDelay: (attempts) => (attempts >= 5 ? null : 30_000 * 2 ** (attempts - 1)),
    }),
  };
}
