/** The sections of the paper as the newsroom keeps them: add, rename, reorder, hide, delete. */
import { z } from 'zod';
import { slugify } from '../../domain/article/slug.js';
import { conflict, invalid, notFound } from '../../domain/errors.js';
import { surrogateKeys } from '../../domain/publication/surrogate-keys.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import {
  isReservedSectionSlug,
  sectionSlugFor,
  type Section,
} from '../../domain/section/section.js';
import { recordId, recordIdParam } from '../../domain/validation.js';
import { announcePageChange } from '../cdn/cdn-purge-listener.js';
import type { Clock, Reads, Stores, Transactions } from '../ports.js';
import type { PublicationCache } from '../publication-cache.js';

/** The stores managing sections touches: the sections, and the job queue for the CDN purge. */
export type SectionStores = Pick<Stores, 'sections' | 'jobs' | 'events'>;

export interface SectionDeps {
  storage: Transactions<SectionStores> & Reads<SectionStores>;
  clock: Clock;
  publication: PublicationCache;
}

const name = z.string().trim().min(1, 'must not be empty').max(80);
const description = z.string().trim().max(300);
const slug = z
  .string()
  .trim()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens');

export const newSectionInput = z
  .object({ name, description: description.default(''), slug: slug.optional() })
  .strict();

export const changeSectionInput = z
  .object({
    id: recordIdParam,
    name: name.optional(),
    slug: slug.optional(),
    description: description.optional(),
    hidden: z.boolean().optional(),
  })
  .strict();

export const sectionOrderInput = z.object({ ids: z.array(recordId).max(500) }).strict();

export const sectionIdInput = z.object({ id: recordIdParam }).strict();

/** Refuses a slug the site's own routes answer, or one another section has. */
function checkSlugFree(sections: Section[], candidate: string, field: string, selfId?: number) {
  if (isReservedSectionSlug(candidate))
    throw invalid(`${field}: /${candidate} is one of the site's own addresses`, field);
  const holder = sections.find((s) => s.slug === candidate && s.id !== selfId);
  if (holder)
    throw invalid(`${field}: the section ${holder.name} has the slug ${candidate}`, field);
}

/**
 * Does the work in one transaction with the CDN purge it calls for: every page shows the
 * navigation, so the whole site is purged. This instance then reads the sections afresh.
 */
async function committed<T>(deps: SectionDeps, work: (stores: SectionStores) => Promise<T>) {
  const result = await deps.storage.transaction(async (stores) => {
    const value = await work(stores);
    await announcePageChange(stores, [surrogateKeys.site], deps.clock.now());
    return value;
  });
  deps.publication.invalidate();
  return result;
}

/** Every section, hidden ones too, in navigation order; for everyone in the newsroom. */
export function listSections(deps: SectionDeps): Promise<Section[]> {
  return deps.storage.stores.sections.list();
}

/** Adds a section at the end of the navigation; editors and above. */
export function createSection(
  deps: SectionDeps,
  actor: Actor,
  input: z.infer<typeof newSectionInput>,
): Promise<Section> {
  authorize(actor, 'section.manage');
  return committed(deps, async (stores) => {
    const sections = await stores.sections.list();
    const chosen = input.slug ?? sectionSlugFor(slugify(input.name));
    checkSlugFree(sections, chosen, input.slug ? 'slug' : 'name');
    return stores.sections.create({
      slug: chosen,
      name: input.name,
      description: input.description,
      position: sections.length,
    });
  });
}

/** Renames, re-slugs, describes or hides a section; an old slug keeps leading to it. */
export function changeSection(
  deps: SectionDeps,
  actor: Actor,
  input: z.infer<typeof changeSectionInput>,
): Promise<Section> {
  authorize(actor, 'section.manage');
  const { id, ...changes } = input;
  return committed(deps, async (stores) => {
    const sections = await stores.sections.list();
    if (changes.slug !== undefined) checkSlugFree(sections, changes.slug, 'slug', id);
    const section = await stores.sections.update(id, changes, deps.clock.now());
    if (!section) throw notFound('No such section');
    return section;
  });
}

/** Puts the sections in the order of `ids`, which must name every section once. */
export function reorderSections(
  deps: SectionDeps,
  actor: Actor,
  input: z.infer<typeof sectionOrderInput>,
): Promise<Section[]> {
  authorize(actor, 'section.manage');
  return committed(deps, async (stores) => {
    const known = (await stores.sections.list()).map((s) => s.id);
    const asked = new Set(input.ids);
    if (asked.size !== input.ids.length || asked.size !== known.length)
      throw invalid('ids: must list every section once', 'ids');
    if (known.some((id) => !asked.has(id)))
      throw invalid('ids: must list every section once', 'ids');
    await stores.sections.reorder(input.ids);
    return stores.sections.list();
  });
}

/** Deletes an empty section; one with stories in it is refused with their count. */
export function deleteSection(
  deps: SectionDeps,
  actor: Actor,
  input: z.infer<typeof sectionIdInput>,
): Promise<void> {
  authorize(actor, 'section.manage');
  return committed(deps, async (stores) => {
    const section = (await stores.sections.list()).find((s) => s.id === input.id);
    if (!section) throw notFound('No such section');
    const stories = await stores.sections.countArticles(section.id);
    if (stories > 0) {
      const noun = stories === 1 ? 'story' : 'stories';
      throw conflict(`${section.name} has ${stories} ${noun}; move them first`, { stories });
    }
    await stores.sections.remove(section.id);
  });
}
