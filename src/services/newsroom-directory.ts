/** The lists the newsroom picks from: sections, bylines, photos. */
import { z } from 'zod';
import { slugify } from '../domain/article/slug.js';
import { invalid } from '../domain/errors.js';
import { surrogateKeys } from '../domain/publication/surrogate-keys.js';
import { authorize } from '../domain/roles/permissions.js';
import type { Actor } from '../domain/roles/role.js';
import { sectionSlugFor } from '../domain/section/section.js';
import { parseWith } from '../domain/validation.js';
import { queueCdnPurge } from './cdn/cdn-purge-listener.js';
import type { Clock, Stores } from './ports.js';
import type { PublicationCache } from './publication-cache.js';

export const newSectionSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(80),
    description: z.string().trim().max(300).default(''),
  })
  .strict();

/** Adds a section at the end of the navigation; editors and above. */
export async function createSection(
  deps: { stores: Stores; clock: Clock; publication: PublicationCache },
  actor: Actor,
  input: unknown,
) {
  authorize(actor, 'section.manage');
  const { name, description } = parseWith(newSectionSchema, input);
  const sections = await deps.stores.sections.list();
  const slug = sectionSlugFor(slugify(name));
  if (sections.some((s) => s.slug === slug))
    throw invalid(`name: a section called ${name} exists`, 'name');
  const section = await deps.stores.sections.create({
    slug,
    name,
    description,
    position: sections.length,
  });
  // The navigation on every page gains it.
  await queueCdnPurge(deps.stores, [surrogateKeys.site], deps.clock.now());
  deps.publication.invalidate();
  return section;
}
