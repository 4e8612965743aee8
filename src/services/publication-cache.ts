import type { Section } from '../domain/section/section.js';
import { breakingNewsFromStore, type BreakingNews } from '../domain/publication/breaking-news.js';
import {
  DEFAULT_PUBLICATION,
  PUBLICATION_KEY,
  publicationSettingsSchema,
  type PublicationSettings,
} from '../domain/publication/publication-settings.js';
import type { Stores } from './ports.js';

export { PUBLICATION_KEY };

/** The editors' choice for a front (home or section): a lead story and the top stories in order. */
export interface FrontCuration {
  lead: number | null;
  top: number[];
}

export const HOMEPAGE_KEY = 'homepage';

/** The settings key of the breaking-news banner (null once removed). */
export const BREAKING_NEWS_KEY = 'breaking-news';

/** The settings key of a section front's curation: one key each, so fronts never overwrite each other. */
export const sectionFrontKey = (sectionId: number) => `section-front:${sectionId}`;

/** A front the editors have not arranged: the newest stories, in order. */
export const NO_CURATION: FrontCuration = { lead: null, top: [] };

export interface PublicationSnapshot {
  settings: PublicationSettings;
  curation: FrontCuration;
  /** Each section front's curation by section id; a section without one is not in it. */
  sectionCurations: Map<number, FrontCuration>;
  /** The sections in the navigation, in order: hidden ones left out. */
  sections: Section[];
  /** Every section by its slug, hidden ones too: their fronts stay reachable. */
  sectionsBySlug: Map<string, Section>;
  /** The section each retired slug now leads to, for the redirect from old links. */
  sectionsByFormerSlug: Map<string, Section>;
  /** The breaking-news banner as set, expired or not: readers' pages check its expiry. */
  breaking: BreakingNews | null;
}

export interface PublicationCache {
  /** The publication and its sections, read at most once per ttl. */
  current(): Promise<PublicationSnapshot>;
  /** Forgets the snapshot after a change, so the next read sees it. */
  invalidate(): void;
}

/** Reads the stored publication settings, falling back to the defaults of a new install. */
export async function loadPublicationSettings(
  stores: Pick<Stores, 'settings'>,
): Promise<PublicationSettings> {
  const stored = await stores.settings.get(PUBLICATION_KEY);
  if (stored === undefined) return DEFAULT_PUBLICATION;
  return publicationSettingsSchema.parse(stored);
}

/**
 * Every page needs the settings and the sections; they change rarely, so they are read once
 * and kept. The ttl bounds how stale another instance's change can look.
 */
export function createPublicationCache(
  stores: Pick<Stores, 'settings' | 'sections'>,
  ttlMs = 30_000,
): PublicationCache {
  let snapshot: Promise<PublicationSnapshot> | undefined;
  let loadedAt = 0;
  const load = async (): Promise<PublicationSnapshot> => {
    const [settings, sections, formerSlugs, curation] = await Promise.all([
      loadPublicationSettings(stores),
      stores.sections.list(),
      stores.sections.formerSlugs(),
      stores.settings.get(HOMEPAGE_KEY),
    ]);
    const byId = new Map(sections.map((s) => [s.id, s]));
    // The banner rides along with the fronts' curation: no query of its own.
    const sectionCurations = await stores.settings.getMany([
      BREAKING_NEWS_KEY,
      ...sections.map((s) => sectionFrontKey(s.id)),
    ]);
    return {
      settings,
      curation: (curation as FrontCuration | undefined) ?? NO_CURATION,
      sectionCurations: new Map(
        sections.flatMap((s) => {
          const stored = sectionCurations.get(sectionFrontKey(s.id));
          return stored ? [[s.id, stored as FrontCuration] as const] : [];
        }),
      ),
      sections: sections.filter((s) => !s.hidden),
      sectionsBySlug: new Map(sections.map((s) => [s.slug, s])),
      sectionsByFormerSlug: new Map(
        formerSlugs.flatMap(({ slug, sectionId }) => {
          const section = byId.get(sectionId);
          return section ? [[slug, section] as const] : [];
        }),
      ),
      breaking: breakingNewsFromStore(sectionCurations.get(BREAKING_NEWS_KEY)),
    };
  };
  return {
    current() {
      // Wall time, not the publication's clock: DATELINE_NOW freezes the news, not the cache.
      const now = Date.now();
      if (!snapshot || now - loadedAt > ttlMs) {
        loadedAt = now;
        snapshot = load();
        // A failed read must not stick: the next request tries again.
        snapshot.catch(() => (snapshot = undefined));
      }
      return snapshot;
    },
    invalidate() {
      snapshot = undefined;
    },
  };
}
