import { z } from 'zod';
import { invalid, notFound } from '../domain/errors.js';
import { surrogateKeys } from '../domain/publication/surrogate-keys.js';
import { authorize } from '../domain/roles/permissions.js';
import type { Actor } from '../domain/roles/role.js';
import type { Section } from '../domain/section/section.js';
import { recordId } from '../domain/validation.js';
import { announcePageChange } from './cdn/cdn-purge-listener.js';
import type { Clock, Stores } from './ports.js';
import {
  HOMEPAGE_KEY,
  NO_CURATION,
  sectionFrontKey,
  type FrontCuration,
  type PublicationCache,
} from './publication-cache.js';

/** The most top stories a front keeps. */
export const MAX_TOP_STORIES = 12;

export const curationSchema = z
  .object({
    lead: recordId.nullable(),
    top: z.array(recordId).max(MAX_TOP_STORIES),
  })
  .strict();

/** Which front: the home page (no section) or a section's front. */
export type FrontRef = { sectionId: number | null };

export interface CurationDeps {
  stores: Pick<Stores, 'articles' | 'settings' | 'jobs' | 'events'>;
  clock: Clock;
  publication: PublicationCache;
}

/** The section whose front this is, hidden ones too; undefined for the home page. */
export async function sectionOfFront(
  publication: PublicationCache,
  front: FrontRef,
): Promise<Section | undefined> {
  if (front.sectionId === null) return undefined;
  const { sectionsBySlug } = await publication.current();
  const section = [...sectionsBySlug.values()].find((s) => s.id === front.sectionId);
  if (!section) throw notFound('No such section');
  return section;
}

/**
 * A proposed curation, checked as a save would check it: each story once, each one existing
 * and not killed, and on a section front each one of that section. Stories not yet live may
 * be chosen: they take their place when they go live.
 */
export async function checkCuration(
  deps: CurationDeps,
  front: FrontRef,
  curation: FrontCuration,
): Promise<FrontCuration> {
  const section = await sectionOfFront(deps.publication, front);
  const ids = [...(curation.lead ? [curation.lead] : []), ...curation.top];
  if (new Set(ids).size !== ids.length) throw invalid('top: a story can appear only once', 'top');
  for (const id of ids) {
    const field = curation.lead === id ? 'lead' : 'top';
    const article = await deps.stores.articles.findById(id);
    if (!article || article.killedAt)
      throw invalid(`${field}: there is no story ${id} to show`, field);
    if (section && article.section.id !== section.id)
      throw invalid(`${field}: story ${id} is not in ${section.name}`, field);
  }
  return curation;
}

/** Sets a front's lead story and the order of its top stories (editors). */
export async function curateFront(
  deps: CurationDeps,
  actor: Actor,
  front: FrontRef,
  proposed: FrontCuration,
): Promise<FrontCuration> {
  authorize(actor, 'homepage.curate');
  const curation = await checkCuration(deps, front, proposed);
  const now = deps.clock.now();
  const { sectionId } = front;
  if (sectionId === null) {
    await deps.stores.settings.put(HOMEPAGE_KEY, curation, now);
    await announcePageChange(deps.stores, [surrogateKeys.fronts, surrogateKeys.home], now);
  } else {
    await deps.stores.settings.put(sectionFrontKey(sectionId), curation, now);
    const front = [surrogateKeys.fronts, surrogateKeys.sectionList(sectionId)];
    await announcePageChange(deps.stores, front, now);
  }
  deps.publication.invalidate();
  return curation;
}

/** A front's current choice, for the curation screen. */
export async function readFrontCuration(
  publication: PublicationCache,
  front: FrontRef,
): Promise<FrontCuration> {
  const snapshot = await publication.current();
  if (front.sectionId === null) return snapshot.curation;
  await sectionOfFront(publication, front);
  return snapshot.sectionCurations.get(front.sectionId) ?? NO_CURATION;
}
