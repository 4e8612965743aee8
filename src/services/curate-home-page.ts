import { z } from 'zod';
import { invalid } from '../domain/errors.js';
import { surrogateKeys } from '../domain/publication/surrogate-keys.js';
import { authorize } from '../domain/roles/permissions.js';
import type { Actor } from '../domain/roles/role.js';
import { parseWith, recordId } from '../domain/validation.js';
import { queueCdnPurge } from './cdn/cdn-purge-listener.js';
import type { Clock, Stores } from './ports.js';
import { HOMEPAGE_KEY, type HomePageCuration, type PublicationCache } from './publication-cache.js';

export const curationSchema = z
  .object({
    lead: recordId.nullable(),
    top: z.array(recordId).max(12),
  })
  .strict();

/**
 * Sets the home page's lead story and the order of the top stories. Stories not yet live may
 * be chosen: they take their place when they go live.
 */
export async function curateHomePage(
  deps: { stores: Stores; clock: Clock; publication: PublicationCache },
  actor: Actor,
  input: unknown,
): Promise<HomePageCuration> {
  authorize(actor, 'homepage.curate');
  const curation = parseWith(curationSchema, input);
  const ids = [...(curation.lead ? [curation.lead] : []), ...curation.top];
  if (new Set(ids).size !== ids.length) throw invalid('top: a story can appear only once', 'top');
  for (const id of ids) {
    const article = await deps.stores.articles.findById(id);
    if (!article || article.killedAt)
      throw invalid(`top: there is no story ${id} to show`, curation.lead === id ? 'lead' : 'top');
  }
  const now = deps.clock.now();
  await deps.stores.settings.put(HOMEPAGE_KEY, curation, now);
  await queueCdnPurge(deps.stores, [surrogateKeys.lists], now);
  deps.publication.invalidate();
  return curation;
}

/** The current choice, for the curation screen. */
export async function readHomePageCuration(
  publication: PublicationCache,
): Promise<HomePageCuration> {
  return (await publication.current()).curation;
}
