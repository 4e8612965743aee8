/**
 * The interfaces services reach the outside world through. Implementations live in
 * storage/ and adapters/ and are wired together in app.ts only.
 */
import type { Article, ArticleSummary, FrontStory, Tag } from '../domain/article/article.js';
import type { FurtherReading } from '../domain/article/related-stories.js';
import type { AuthorProfile, NewAuthorProfile } from '../domain/author/author.js';
import type { Section } from '../domain/section/section.js';
import type { CurrentWeather, WeatherLocation } from '../domain/weather/current-weather.js';
import type {
  AlertStore,
  ArticleDeskStore,
  CorrectionStore,
  EventStore,
  NoteStore,
  PresenceStore,
  RevisionStore,
  ScheduledUpdateStore,
} from './newsroom-ports.js';
import type { ContentKeyStore, ContentReadStore } from './content-api/content-api-ports.js';
import type { DiscoveryStore } from './discovery-ports.js';
import type { WebhookStore } from './webhooks/webhook-ports.js';
import type { AuditTrail } from './audit/audit-ports.js';
import type { StorySearch } from './search/search-ports.js';
import type { ArticleChanges, NewArticle } from './article-ports.js';
import type { MediaStore } from './media/media-ports.js';
import type { JobStore } from './job-ports.js';
import type { StoryViewStore } from './readership/readership-ports.js';
import type { ImportRunStore, ImportSourceStore } from './import-ports.js';
import type { WireStore } from './wire/wire-ports.js';
import type { WireSourceStore } from './wire/wire-source-ports.js';
import type {
  ApiTokenStore,
  LoginFailureStore,
  OneTimeTokenStore,
  SessionStore,
  UserStore,
} from './accounts/account-ports.js';

export type * from './article-ports.js';
export type * from './newsroom-ports.js';
export type * from './outbound-ports.js';
export type * from './webhooks/webhook-ports.js';
export type * from './discovery-ports.js';
export type * from './content-api/content-api-ports.js';
export type * from './readership/readership-ports.js';
export type * from './audit/audit-ports.js';
export type * from './search/search-ports.js';
export type * from './import-ports.js';
export type * from './accounts/account-ports.js';
export type * from './media/media-ports.js';
export type * from './job-ports.js';
export type * from './change-broadcast-ports.js';
export type * from './wire/wire-ports.js';
export type * from './wire/wire-source-ports.js';

/** The time now; frozen by DATELINE_NOW in tests and archive rendering. */
export interface Clock {
  now(): Date;
}

/** Fetches current conditions from one weather service. Rejects on any failure. */
export interface WeatherProvider {
  readonly name: string;
  fetchCurrent(location: WeatherLocation, signal: AbortSignal): Promise<CurrentWeather>;
}

/** A span of publication times, `from` included, `until` not. */
export interface PublishedBetween {
  from: Date;
  until: Date;
}

/** A story's place in time, for a link to the day it is on. */
export interface StoryTime {
  id: number;
  publishedAt: Date;
}

export interface PublishedQuery {
  /** Only stories published at or before this instant (later ones are embargoed). */
  asOf: Date;
  sectionId?: number;
  authorId?: number;
  tagId?: number;
  /** Only stories published in [from, until): a date archive's day or month. */
  published?: PublishedBetween;
  /** Words each found in the headline or the standfirst (any case): the reader's search. */
  words?: string[];
  /** Stories left out: those an editor already placed higher on the page. */
  exceptIds?: number[];
  limit: number;
  offset?: number;
}

/** Which stories the home page may show, read at once (see `ArticleStore.listHomeStoryIds`). */
export interface HomeStoriesQuery {
  asOf: Date;
  /** How many of the newest stories, whatever their section. */
  latest: number;
  /** The stories the editors chose; those readers may not see yet are left out. */
  chosenIds: number[];
  /** The sections whose newest stories to read, `perSection` each. */
  sectionIds: number[];
  perSection: number;
}

export interface HomeStoryIds {
  /** The newest stories, newest first, and whether each has a lead photo. */
  latest: { id: number; hasPhoto: boolean }[];
  /** Those of the chosen stories readers may see, in no particular order. */
  chosen: number[];
  /** Each asked-for section's newest stories, newest first; a section with none is absent. */
  bySection: Map<number, number[]>;
}

export interface ArticleStore {
  create(article: NewArticle, now: Date): Promise<number>;
  findById(id: number): Promise<Article | undefined>;
  findBySlug(slug: string): Promise<Article | undefined>;
  /**
   * The article at this slug with what the foot of its page lists (related stories, more from
   * its section) of the stories readers may see at `asOf`: the reader's page, in one read.
   */
  findPageBySlug(
    slug: string,
    asOf: Date,
  ): Promise<{ article: Article; furtherReading: FurtherReading } | undefined>;
  /** The article that once had this slug, for a permanent redirect. */
  findBySlugHistory(slug: string): Promise<Article | undefined>;
  /** True when the slug is used now or was used before by any article. */
  slugTaken(slug: string): Promise<boolean>;
  /** Applies changes; a changed slug keeps the old one as a redirect. */
  update(id: number, changes: ArticleChanges, now: Date): Promise<void>;
  /**
   * One page of the stories readers may see, newest first, and how many the list holds from the
   * page's offset on, counting no further than `lookAhead` past the page: whether and how far the
   * list goes on, learnt in the walk that reached the page (a deep page steps over the stories
   * before it once, and a count of a big archive's section would grow with it).
   */
  listPublishedPage(
    query: PublishedQuery,
    lookAhead: number,
  ): Promise<{ stories: ArticleSummary[]; found: number }>;
  /** True when any article exists, whatever its status. */
  any(): Promise<boolean>;
  /** Ids of articles in any state after `afterId`, in id order: pages through the archive. */
  listIds(afterId: number, limit: number): Promise<number[]>;
  /** Those of these articles readers may see at `asOf`, in no particular order. */
  listPublishedByIds(ids: number[], asOf: Date): Promise<ArticleSummary[]>;
  /**
   * The newest story readers may see at `asOf` published before `span.from`, and the oldest at
   * or after `span.until`: the days a date archive's previous and next links lead to.
   */
  storiesAround(
    span: PublishedBetween,
    asOf: Date,
  ): Promise<{ before?: StoryTime; after?: StoryTime }>;
  /** Which stories the home page may show, in one read of the articles' indexes. */
  listHomeStoryIds(query: HomeStoriesQuery): Promise<HomeStoryIds>;
  /** Those of these stories readers may see at `asOf`, as a front's cards, in no particular order. */
  listFrontStories(ids: number[], asOf: Date): Promise<FrontStory[]>;
}

/** What may change of a section; a new slug retires the old one as a former slug. */
export type SectionChanges = Partial<Pick<Section, 'name' | 'slug' | 'description' | 'hidden'>>;

export interface SectionStore {
  /** Every section, hidden ones too, in navigation order. */
  list(): Promise<Section[]>;
  create(section: Omit<Section, 'id' | 'hidden'> & { hidden?: boolean }): Promise<Section>;
  /** Changes a section; a new slug keeps the old one as a former slug, retired at `at`. */
  update(id: number, changes: SectionChanges, at: Date): Promise<Section | undefined>;
  /** Gives the sections the positions of their ids in `ids`. */
  reorder(ids: number[]): Promise<void>;
  /** How many articles, in any state, are filed in the section. */
  countArticles(id: number): Promise<number>;
  /** Deletes a section and its former slugs. */
  remove(id: number): Promise<void>;
  /** Every slug a section was once known by, with the id of the section it now belongs to. */
  formerSlugs(): Promise<{ slug: string; sectionId: number }[]>;
}

export interface TagStore {
  /** The tags with these names, creating the missing ones; in the order given. */
  findOrCreate(names: string[]): Promise<Tag[]>;
  /** Any tag, as the newsroom sees them. */
  findBySlug(slug: string): Promise<Tag | undefined>;
  /** A tag readers may see at `asOf`: one on at least one listed story. */
  findListedBySlug(slug: string, asOf: Date): Promise<Tag | undefined>;
}

export interface AuthorStore {
  findBySlug(slug: string): Promise<AuthorProfile | undefined>;
  /** The profiles with these ids that exist, in no particular order. */
  findByIds(ids: number[]): Promise<AuthorProfile[]>;
  /** Every profile, by name. */
  list(): Promise<AuthorProfile[]>;
  create(author: NewAuthorProfile): Promise<AuthorProfile>;
  /** Changes name, bio and kind, and the photo and links when given; the slug stays. */
  update(id: number, details: Omit<NewAuthorProfile, 'slug'>): Promise<void>;
}

/** Named JSON documents: the publication's settings and the like. */
export interface SettingsStore {
  get(key: string): Promise<unknown>;
  /** The stored values of those keys that are set. */
  getMany(keys: string[]): Promise<Map<string, unknown>>;
  put(key: string, value: unknown, now: Date): Promise<void>;
}

export interface Stores {
  articles: ArticleStore;
  desk: ArticleDeskStore;
  revisions: RevisionStore;
  corrections: CorrectionStore;
  notes: NoteStore;
  alerts: AlertStore;
  events: EventStore;
  scheduledUpdates: ScheduledUpdateStore;
  presence: PresenceStore;
  sections: SectionStore;
  tags: TagStore;
  authors: AuthorStore;
  media: MediaStore;
  jobs: JobStore;
  settings: SettingsStore;
  users: UserStore;
  sessions: SessionStore;
  apiTokens: ApiTokenStore;
  contentKeys: ContentKeyStore;
  contentReads: ContentReadStore;
  oneTimeTokens: OneTimeTokenStore;
  loginFailures: LoginFailureStore;
  webhooks: WebhookStore;
  discovery: DiscoveryStore;
  audit: AuditTrail;
  search: StorySearch;
  views: StoryViewStore;
  importSources: ImportSourceStore;
  importRuns: ImportRunStore;
  wire: WireStore;
  wireSources: WireSourceStore;
}

/**
 * Several writes made all-or-nothing, the work handed only the stores `S` (a Pick of Stores):
 * a use case that takes this names what it touches. Storage is one, for every S.
 */
export interface Transactions<S> {
  transaction<T>(work: (stores: S) => Promise<T>): Promise<T>;
}

/**
 * The stores `S` (a Pick of Stores) read outside any transaction: a read that takes this names
 * what it reads. Storage is one, for every S.
 */
export interface Reads<S> {
  stores: S;
}

/** Units of work inside one batch's transaction, run one after another. */
export interface Batch {
  /** Runs `work` all-or-nothing: when it throws, what it wrote is rolled back, the rest kept. */
  unit<T>(work: (stores: Stores) => Promise<T>): Promise<T>;
}

/** The database: its stores, and a way to make several writes all-or-nothing. */
export interface Storage {
  stores: Stores;
  transaction<T>(work: (stores: Stores) => Promise<T>): Promise<T>;
  /**
   * Many units of work in one transaction and one commit (a bulk import's items): each unit
   * is still all-or-nothing on its own. Use only the batch's stores inside it.
   */
  batch<T>(work: (batch: Batch) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Draws an SVG of our own making (the site logo) as a PNG. */
export interface SvgRasteriser {
  png(svg: string): Promise<Uint8Array>;
}

/**
 * Tells the CDN in front of the site to forget the pages tagged with these surrogate keys
 * (see http/site/cache-headers.ts). Rejects when the CDN did not confirm, so the job retries.
 */
export interface CdnPurger {
  purge(keys: string[]): Promise<void>;
}
