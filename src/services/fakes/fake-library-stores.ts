import { slugify } from '../../domain/article/slug.js';
import type { AuthorStore, SectionStore, SettingsStore, TagStore } from '../ports.js';
import type { MediaStore } from '../media/media-ports.js';
import { notFaked } from './not-faked.js';
import { nextId, type NewsroomState } from './newsroom-state.js';

/** Sections as a test set them up; the desk's section management is not faked. */
export function fakeSectionStore(state: () => NewsroomState): SectionStore {
  return {
    list: () => Promise.resolve([...state().sections].sort((a, b) => a.position - b.position)),
    create: notFaked('sections.create'),
    update: notFaked('sections.update'),
    reorder: notFaked('sections.reorder'),
    countArticles: notFaked('sections.countArticles'),
    remove: notFaked('sections.remove'),
    formerSlugs: () => Promise.resolve([]),
  };
}

export function fakeAuthorStore(state: () => NewsroomState): AuthorStore {
  return {
    findBySlug: (slug) => Promise.resolve(state().authors.find((a) => a.slug === slug)),
    findByIds: (ids) => Promise.resolve(state().authors.filter((a) => ids.includes(a.id))),
    list: () => Promise.resolve([...state().authors]),
    create: notFaked('authors.create'),
    update: notFaked('authors.update'),
  };
}

/** Photos as a test set them up; uploads belong to the media service's own tests. */
export function fakeMediaStore(state: () => NewsroomState): MediaStore {
  return {
    create: notFaked('media.create'),
    findByContentHash: (hash) => Promise.resolve(state().media.find((m) => m.contentHash === hash)),
    findById: (id) => Promise.resolve(state().media.find((m) => m.id === id)),
    list: notFaked('media.list'),
    update: notFaked('media.update'),
    remove: notFaked('media.remove'),
    uploaders: notFaked('media.uploaders'),
    usage: notFaked('media.usage'),
  };
}

/** Tags, made on first use under the slug of their name, as the tag store makes them. */
export function fakeTagStore(state: () => NewsroomState): TagStore {
  const bySlug = (slug: string) => state().tags.find((t) => t.slug === slug);
  return {
    findOrCreate: (names) =>
      Promise.resolve(
        names.map((name) => {
          const slug = slugify(name);
          const existing = bySlug(slug);
          if (existing) return existing;
          const made = { id: nextId(state()), slug, name };
          state().tags.push(made);
          return made;
        }),
      ),
    findBySlug: (slug) => Promise.resolve(bySlug(slug)),
    findListedBySlug: notFaked('tags.findListedBySlug'),
  };
}

/** Settings kept as copies, as the database keeps JSON documents. */
export function fakeSettingsStore(state: () => NewsroomState): SettingsStore {
  const copy = <T>(value: T): T => (value === undefined ? value : structuredClone(value));
  return {
    get: (key) => Promise.resolve(copy(state().settings.get(key))),
    getMany: (keys) =>
      Promise.resolve(
        new Map(
          keys.flatMap((key) =>
            state().settings.has(key) ? [[key, copy(state().settings.get(key))] as const] : [],
          ),
        ),
      ),
    put: (key, value) => {
      state().settings.set(key, copy(value));
      return Promise.resolve();
    },
  };
}
