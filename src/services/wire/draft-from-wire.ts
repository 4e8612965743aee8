/**
 * From wire to article in one click: a draft filed through the newsroom's own write path,
 * linked to the item it was made from (ADR 0056).
 */
import { articleDraftSchema } from '../../domain/article/article-draft.js';
import { slugify } from '../../domain/article/slug.js';
import { invalid, notFound } from '../../domain/errors.js';
import { authorize, can } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import { parseWith } from '../../domain/validation.js';
import { draftOfWireItem, wireDraftNote } from '../../domain/wire/wire-copy.js';
import type { UseCaseDeps } from '../articles/newsroom-deps.js';
import { writeNewArticle, type NewArticleStores } from '../articles/write-new-article.js';
import type { Stores } from '../ports.js';

export type DraftFromWireStores = NewArticleStores & Pick<Stores, 'wire' | 'notes'>;

/** The section asked for, or the first the readers see (the desk files it properly later). */
async function sectionFor(stores: Pick<Stores, 'sections'>, asked: number | undefined) {
  if (asked !== undefined) return asked;
  const sections = await stores.sections.list();
  const section = sections.find((s) => !s.hidden) ?? sections[0];
  if (!section)
    throw invalid('sectionId: the paper has no sections yet: add one first', 'sectionId');
  return section.id;
}

/**
 * The agency's bylines as profiles the paper keeps (matched by name), when the actor may choose
 * other people's bylines; the names left over are noted on the draft instead.
 */
async function bylinesFor(stores: Pick<Stores, 'authors'>, actor: Actor, names: string[]) {
  const unsaved = { createdBy: actor.userId, status: 'draft', killed: false } as const;
  if (!can(actor, 'article.set_bylines', unsaved)) return { ids: [], unmatched: names };
  const ids: number[] = [];
  const unmatched: string[] = [];
  for (const name of names) {
    const profile = await stores.authors.findBySlug(slugify(name));
    if (profile) ids.push(profile.id);
    else unmatched.push(name);
  }
  return { ids: [...new Set(ids)], unmatched };
}

/** Makes a draft of a wire item for the actor, linked to it; writers and above. */
export async function makeDraftFromWire(
  deps: UseCaseDeps<DraftFromWireStores>,
  actor: Actor,
  wireItemId: number,
  options: { sectionId?: number } = {},
): Promise<{ id: number }> {
  authorize(actor, 'wire.read');
  authorize(actor, 'article.create');
  const now = deps.clock.now();
  return deps.storage.transaction(async (stores) => {
    const item = await stores.wire.findById(wireItemId);
    if (!item) throw notFound(`Wire item ${wireItemId} not found`);
    const sectionId = await sectionFor(stores, options.sectionId);
    const bylines = await bylinesFor(stores, actor, item.bylines);
    const draft = parseWith(
      articleDraftSchema,
      draftOfWireItem(item, { sectionId, bylines: bylines.ids }),
    );
    const { id } = await writeNewArticle(stores, draft, { createdBy: actor.userId }, now);
    await stores.wire.linkArticle(item.id, id, item.version, now);
    await stores.notes.add(id, actor.userId, wireDraftNote(item, bylines.unmatched), now);
    return { id };
  });
}
