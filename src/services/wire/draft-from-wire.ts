/**
 * From wire to article in one click: a draft of one item, or of several merged (ADR 0061),
 * filed through the newsroom's own write path, linked to every item it was made from, its lead
 * photo fetched when the agency's server gives it (ADR 0056).
 */
import { articleDraftSchema } from '../../domain/article/article-draft.js';
import { slugify } from '../../domain/article/slug.js';
import { invalid, notFound } from '../../domain/errors.js';
import { authorize, can } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import { parseWith } from '../../domain/validation.js';
import {
  draftOfWireItems,
  leadOfWirePhoto,
  leadWirePhoto,
  wireBylines,
  wireDraftNote,
} from '../../domain/wire/wire-copy.js';
import type { UseCaseDeps } from '../articles/newsroom-deps.js';
import { writeNewArticle, type NewArticleStores } from '../articles/write-new-article.js';
import { recordPhoto } from '../media/accept-photo.js';
import type { PhotoStores } from '../media/media-deps.js';
import type { QueuedWireItem, Reads, Stores } from '../ports.js';
import { fetchWirePhoto, type FetchedPhoto, type WirePhotoDeps } from './fetch-wire-photo.js';

export type DraftFromWireStores = NewArticleStores & PhotoStores & Pick<Stores, 'wire' | 'notes'>;

export type DraftFromWireDeps = UseCaseDeps<DraftFromWireStores> & {
  storage: Reads<Pick<Stores, 'wire'>>;
  /** Without it (or for an item without photos) the photos are listed in the draft's note. */
  photos?: WirePhotoDeps;
};

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

/** The draft's lead photo fetched, when an item has one and there is a way to fetch it. */
async function leadPhotoOf(deps: DraftFromWireDeps, items: readonly QueuedWireItem[]) {
  const first = leadWirePhoto(items);
  return first && deps.photos ? fetchWirePhoto(deps.photos, first) : undefined;
}

/** The most items one story may be merged from: more is a round-up the desk writes itself. */
export const MAX_MERGED_ITEMS = 10;

/** The items asked for, in the order asked; refused unless 1 to 10 distinct ids all found. */
async function itemsAskedFor(
  stores: Pick<Stores, 'wire'>,
  ids: readonly number[],
): Promise<[QueuedWireItem, ...QueuedWireItem[]]> {
  if (ids.length === 0 || ids.length > MAX_MERGED_ITEMS)
    throw invalid(`itemIds: choose 1 to ${MAX_MERGED_ITEMS} wire items`, 'itemIds');
  if (new Set(ids).size !== ids.length)
    throw invalid('itemIds: each wire item may be chosen once', 'itemIds');
  const items: QueuedWireItem[] = [];
  for (const id of ids) {
    const item = await stores.wire.findById(id);
    if (!item) throw notFound(`Wire item ${id} not found`);
    items.push(item);
  }
  return items as [QueuedWireItem, ...QueuedWireItem[]];
}

/** Files the draft, its link to each item and its note, in the caller's transaction. */
async function fileDraft(
  stores: DraftFromWireStores,
  actor: Actor,
  items: [QueuedWireItem, ...QueuedWireItem[]],
  fetched: FetchedPhoto | undefined,
  options: { sectionId?: number; now: Date },
) {
  const sectionId = await sectionFor(stores, options.sectionId);
  const bylines = await bylinesFor(stores, actor, wireBylines(items));
  const draft = parseWith(
    articleDraftSchema,
    draftOfWireItems(items, { sectionId, bylines: bylines.ids }),
  );
  const lead = fetched && 'accepted' in fetched ? fetched : undefined;
  if (lead) {
    const { caption, credit, alt } = lead.photo;
    const details = { originalName: lead.name, caption, credit, alt };
    const { media } = await recordPhoto(stores, lead.accepted, details, actor.userId, options.now);
    draft.lead = leadOfWirePhoto(lead.photo, media.id);
  }
  const { id } = await writeNewArticle(stores, draft, { createdBy: actor.userId }, options.now);
  // Every item is linked, so a newer version of any of them marks the story behind.
  for (const item of items) await stores.wire.linkArticle(item.id, id, item.version, options.now);
  const photos = {
    lead: lead?.photo.href ?? null,
    refused: fetched && 'refused' in fetched ? fetched.refused : null,
  };
  await stores.notes.add(
    id,
    actor.userId,
    wireDraftNote(items, bylines.unmatched, photos),
    options.now,
  );
  return { id };
}

/**
 * Makes one draft of the wire items for the actor, the first as the lead, linked to each;
 * writers and above.
 */
export async function makeDraftFromWireItems(
  deps: DraftFromWireDeps,
  actor: Actor,
  wireItemIds: readonly number[],
  options: { sectionId?: number } = {},
): Promise<{ id: number }> {
  authorize(actor, 'wire.read');
  authorize(actor, 'article.create');
  const items = await itemsAskedFor(deps.storage.stores, wireItemIds);
  // Fetched before the transaction, which must not wait on an agency's server.
  const fetched = await leadPhotoOf(deps, items);
  const now = deps.clock.now();
  try {
    return await deps.storage.transaction((stores) =>
      fileDraft(stores, actor, items, fetched, { sectionId: options.sectionId, now }),
    );
  } catch (error) {
    if (fetched && 'accepted' in fetched) await fetched.accepted.discard();
    throw error;
  }
}

/** Makes a draft of one wire item for the actor, linked to it; writers and above. */
export function makeDraftFromWire(
  deps: DraftFromWireDeps,
  actor: Actor,
  wireItemId: number,
  options: { sectionId?: number } = {},
): Promise<{ id: number }> {
  return makeDraftFromWireItems(deps, actor, [wireItemId], options);
}
