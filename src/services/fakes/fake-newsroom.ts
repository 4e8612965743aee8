/**
 * The newsroom's stores in memory, for fast unit tests of the article use cases: each use case
 * names the stores it touches (ADR 0031), and these stand in for them with the database's
 * guards (revision checks, state checks, all-or-nothing transactions). Tests check what the
 * stores hold afterwards, not which methods were called.
 */
import type { Article, ArticleStatus } from '../../domain/article/article.js';
import type { MediaItem } from '../../domain/media/media-item.js';
import type { Actor, Role } from '../../domain/roles/role.js';
import type { Stores } from '../ports.js';
import { draftOf } from '../articles/article-draft-of.js';
import type { UseCaseDeps } from '../articles/newsroom-deps.js';
import { fakeArticleStore, fakeDeskStore } from './fake-article-stores.js';
import {
  fakeAuthorStore,
  fakeMediaStore,
  fakeSectionStore,
  fakeSettingsStore,
  fakeTagStore,
} from './fake-library-stores.js';
import {
  fakeAlertStore,
  fakeAuditTrail,
  fakeCorrectionStore,
  fakeEventStore,
  fakeRevisionStore,
  fakeScheduledUpdateStore,
} from './fake-record-stores.js';
import { emptyNewsroomState, nextId, type NewsroomState } from './newsroom-state.js';
import { mediaRecord } from './media-record.js';

/** The stores faked: every one the newsroom's write use cases touch, and no others. */
export type FakeStores = Pick<
  Stores,
  | 'articles'
  | 'desk'
  | 'revisions'
  | 'corrections'
  | 'events'
  | 'alerts'
  | 'scheduledUpdates'
  | 'audit'
  | 'sections'
  | 'authors'
  | 'media'
  | 'tags'
  | 'settings'
>;

/** A body of plain paragraphs. */
export const paragraphs = (...texts: string[]) => ({
  type: 'doc' as const,
  content: texts.map((text) => ({
    type: 'paragraph' as const,
    content: [{ type: 'text' as const, text }],
  })),
});

/** Someone signed in to the newsroom. */
export const actorAs = (role: Role, userId: number): Actor => ({
  userId,
  role,
  credential: 'session',
  authorId: null,
});

/** A story as a test wants it on the desk; anything left out takes a plain default. */
export interface StoryDetails {
  headline?: string;
  slug?: string;
  body?: string[];
  status?: ArticleStatus;
  createdBy?: number | null;
  publishedAt?: Date | null;
  killed?: boolean;
}

export interface FakeNewsroom {
  /** What a use case takes: all-or-nothing transactions over the fakes, and the test's clock. */
  deps: UseCaseDeps<FakeStores>;
  /** The fakes themselves; a test may replace one method to stage a colleague's race. */
  stores: FakeStores;
  /** What the stores hold now. */
  readonly state: NewsroomState;
  /** The one section stories are filed in unless a test says otherwise. */
  sectionId: number;
  setNow(at: Date | string): void;
  addPhoto(details?: Partial<MediaItem>): MediaItem;
  /** Files a story at revision 1, with that revision recorded, as creating one does. */
  addStory(details?: StoryDetails): Promise<Article>;
  /** The story as `findById` answers it now. */
  article(id: number): Article;
}

function fakeStoresOver(state: () => NewsroomState): FakeStores {
  return {
    articles: fakeArticleStore(state),
    desk: fakeDeskStore(state),
    revisions: fakeRevisionStore(state),
    corrections: fakeCorrectionStore(state),
    events: fakeEventStore(state),
    alerts: fakeAlertStore(state),
    scheduledUpdates: fakeScheduledUpdateStore(state),
    audit: fakeAuditTrail(state),
    sections: fakeSectionStore(state),
    authors: fakeAuthorStore(state),
    media: fakeMediaStore(state),
    tags: fakeTagStore(state),
    settings: fakeSettingsStore(state),
  };
}

const photo = (id: number, details: Partial<MediaItem>): MediaItem => ({
  ...mediaRecord({ originalName: `photo-${id}.jpg`, contentHash: `${id}`.padStart(32, '0') }),
  id,
  variantsReady: true,
  createdAt: new Date('2024-01-01T00:00:00Z'),
  ...details,
});

function articleIn(state: NewsroomState, id: number) {
  const found = state.articles.get(id);
  if (!found) throw new Error(`fake newsroom: no article ${id}`);
  return found;
}

/** Files stories as creating one does: at revision 1, with that revision recorded. */
function storyAdder(stores: FakeStores, sectionId: number, now: () => Date) {
  let made = 0;
  return async (details: StoryDetails = {}) => {
    const status = details.status ?? 'draft';
    const live = status === 'published' || status === 'unpublished';
    const id = await stores.articles.create(
      {
        slug: details.slug ?? `story-${++made}`,
        sectionId,
        headline: details.headline ?? 'Oil output holds steady',
        standfirst: '',
        dateline: '',
        body: paragraphs(...(details.body ?? ['Output stays at one million barrels.'])),
        lead: null,
        signOff: '',
        status,
        publishedAt: details.publishedAt ?? (live ? new Date('2024-04-23T08:00:00Z') : null),
        seoTitle: '',
        seoDescription: '',
        authorIds: [],
        tagIds: [],
      },
      now(),
    );
    const createdBy = details.createdBy === undefined ? 1 : details.createdBy;
    if (createdBy !== null) await stores.desk.setCreatedBy(id, createdBy);
    if (details.killed) await stores.desk.setWorkflow(id, { killedAt: now() });
    await stores.desk.saveIfAt(id, 0, 1, {}, now());
    const story = (await stores.articles.findById(id))!;
    const snapshot = draftOf(story);
    const first = { number: 1, kind: 'save' as const, basedOn: null, createdAt: now() };
    await stores.revisions.add(id, { ...first, userId: createdBy, snapshot });
    return story;
  };
}

/** A newsroom with one section, Business, and the clock at 10:00 UTC on 24 April 2024. */
export function fakeNewsroom(): FakeNewsroom {
  let state = emptyNewsroomState();
  let now = new Date('2024-04-24T10:00:00Z');
  const stores = fakeStoresOver(() => state);
  const sectionId = nextId(state);
  state.sections.push({
    id: sectionId,
    slug: 'business',
    name: 'Business',
    description: '',
    position: 0,
    hidden: false,
  });
  const article = (id: number) => articleIn(state, id);
  const deps: FakeNewsroom['deps'] = {
    clock: { now: () => now },
    storage: {
      transaction: async (work) => {
        const before = structuredClone(state);
        try {
          return await work(stores);
        } catch (error) {
          state = before;
          throw error;
        }
      },
    },
  };
  const addStory = storyAdder(stores, sectionId, () => now);
  return {
    deps,
    stores,
    get state() {
      return state;
    },
    sectionId,
    setNow: (at) => {
      now = new Date(at);
    },
    addPhoto: (details = {}) => {
      const added = photo(nextId(state), details);
      state.media.push(added);
      return added;
    },
    addStory,
    article,
  };
}
