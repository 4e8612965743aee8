/**
 * The interfaces services reach the outside world through. Implementations live in
 * storage/ and adapters/ and are wired together in app.ts only.
 */
import type { z } from 'zod';
import type { Article, ArticleStatus, ArticleSummary, Tag } from '../domain/article/article.js';
import type { AuthorProfile, NewAuthorProfile } from '../domain/author/author.js';
import type { EmbeddedPhotoDetails, ImageFormat, MediaItem } from '../domain/media/media-item.js';
import type { VariantSpec } from '../domain/media/variant-plan.js';
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
import type { ArticleChanges, NewArticle } from './article-ports.js';
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
export type * from './audit/audit-ports.js';
export type * from './accounts/account-ports.js';

/** The time now; frozen by DATELINE_NOW in tests and archive rendering. */
export interface Clock {
  now(): Date;
}

/** Fetches current conditions from one weather service. Rejects on any failure. */
export interface WeatherProvider {
  readonly name: string;
  fetchCurrent(location: WeatherLocation, signal: AbortSignal): Promise<CurrentWeather>;
}

export interface PublishedQuery {
  /** Only stories published at or before this instant (later ones are embargoed). */
  asOf: Date;
  sectionId?: number;
  authorId?: number;
  tagId?: number;
  /** Words each found in the headline or the standfirst (any case): the reader's search. */
  words?: string[];
  /** Stories left out: those an editor already placed higher on the page. */
  exceptIds?: number[];
  limit: number;
  offset?: number;
}

export interface ArticleStore {
  create(article: NewArticle, now: Date): Promise<number>;
  findById(id: number): Promise<Article | undefined>;
  findBySlug(slug: string): Promise<Article | undefined>;
  /** The article that once had this slug, for a permanent redirect. */
  findBySlugHistory(slug: string): Promise<Article | undefined>;
  /** True when the slug is used now or was used before by any article. */
  slugTaken(slug: string): Promise<boolean>;
  /** Applies changes; a changed slug keeps the old one as a redirect. */
  update(id: number, changes: ArticleChanges, now: Date): Promise<void>;
  listPublished(query: PublishedQuery): Promise<ArticleSummary[]>;
  countPublished(query: Omit<PublishedQuery, 'limit' | 'offset'>): Promise<number>;
  /** The newest `perSection` published stories of every section, by section order then date. */
  listLatestPerSection(query: { asOf: Date; perSection: number }): Promise<ArticleSummary[]>;
  /** True when any article exists, whatever its status. */
  any(): Promise<boolean>;
  /** Those of these articles readers may see at `asOf`, in no particular order. */
  listPublishedByIds(ids: number[], asOf: Date): Promise<ArticleSummary[]>;
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

export type NewMediaItem = Omit<MediaItem, 'id' | 'createdAt' | 'variantsReady'>;

/** What the media library can be searched and filtered by; newest first. */
export interface MediaQuery {
  /** Words each found in the caption, credit or file name. */
  search?: string;
  uploadedBy?: number;
  /** Uploaded at or after. */
  from?: Date;
  /** Uploaded before. */
  to?: Date;
  limit: number;
  offset: number;
}

/** The fields of a photo that may change after upload. */
export type MediaChanges = Partial<
  Pick<MediaItem, 'caption' | 'credit' | 'creator' | 'copyright' | 'alt' | 'focalPoint'>
> & { variantsReady?: boolean };

/** One article that shows a photo, and how. */
export interface MediaUse {
  articleId: number;
  headline: string;
  status: ArticleStatus;
  as: 'lead' | 'inline' | 'social';
}

export interface MediaStore {
  create(item: NewMediaItem, now: Date): Promise<MediaItem>;
  findByContentHash(hash: string): Promise<MediaItem | undefined>;
  findById(id: number): Promise<MediaItem | undefined>;
  list(query: MediaQuery): Promise<MediaItem[]>;
  update(id: number, changes: MediaChanges): Promise<MediaItem | undefined>;
  remove(id: number): Promise<void>;
  /** Everyone who has uploaded a photo, by name. */
  uploaders(): Promise<{ id: number; name: string }[]>;
  /** Articles (in any state) whose current text shows the photo. */
  usage(mediaId: number): Promise<MediaUse[]>;
}

/** A piece of background work as a worker receives it. */
export interface Job {
  id: number;
  kind: string;
  payload: unknown;
  /** How many times it has been started, this time included. */
  attempts: number;
}

/** What to do with one kind of job: its payload's shape, the work, and the wait before each retry. */
export interface JobHandler<Payload = unknown> {
  /** The runner parses each payload with this once, before `run`; a bad one fails for good. */
  payload: z.ZodType<Payload>;
  run(payload: Payload, job: Job): Promise<void>;
  /** Milliseconds before the next attempt after `attempts` failed ones, or null to give up. */
  retryDelay(attempts: number): number | null;
}

/** Background work kept in the database, so it survives a restart and runs exactly once. */
export interface JobStore {
  enqueue(kind: string, payload: unknown, runAt: Date, now: Date): Promise<number>;
  /**
   * Takes the oldest due job for this worker, locked until now + leaseMs so no other process
   * takes it meanwhile; a worker that dies lets it go when the lease ends.
   */
  claim(now: Date, leaseMs: number): Promise<Job | undefined>;
  complete(id: number, now: Date): Promise<void>;
  /** Sets the job aside until runAt, noting why it failed. */
  retryAt(id: number, error: string, runAt: Date): Promise<void>;
  /** Stops retrying: the job is done, with its last error kept. */
  abandon(id: number, error: string, now: Date): Promise<void>;
  /** Jobs of a kind not yet done. */
  countPending(kind: string): Promise<number>;
  /** How jobs of these kinds are failing: waiting to retry, or given up since `since`. */
  troubles(kinds: string[], since: Date): Promise<JobTroubles>;
}

/** Jobs that failed: some wait for their next attempt, some were given up. */
export interface JobTroubles {
  retrying: number;
  gaveUp: number;
  /** The error of the latest job in trouble, and when that job is next tried (null: given up). */
  lastError: string | null;
  nextAttemptAt: Date | null;
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
}

/**
 * Several writes made all-or-nothing, the work handed only the stores `S` (a Pick of Stores):
 * a use case that takes this names what it touches. Storage is one, for every S.
 */
export interface Transactions<S> {
  transaction<T>(work: (stores: S) => Promise<T>): Promise<T>;
}

/** The database: its stores, and a way to make several writes all-or-nothing. */
export interface Storage {
  stores: Stores;
  transaction<T>(work: (stores: Stores) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Where media files live: local disk by default, S3-compatible object storage for several
 * instances. Keys are relative, '/'-separated, and name their bytes for good (content hash).
 */
export interface MediaStorage {
  /** Writes the file, replacing any file at that key. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The file's bytes, or undefined when there is none. */
  get(key: string): Promise<Uint8Array | undefined>;
  has(key: string): Promise<boolean>;
  /** Removes the files; keys that do not exist are ignored. */
  remove(keys: string[]): Promise<void>;
  /** Every key that starts with the prefix. */
  list(prefix: string): Promise<string[]>;
}

/** An upload recognised, measured and decoded in full, so it is known to be whole. */
export interface InspectedImage {
  format: ImageFormat;
  /** Size once turned upright by the EXIF orientation. */
  width: number;
  height: number;
  placeholderColor: string;
  embedded: EmbeddedPhotoDetails;
}

/** One variant made from an original. */
export interface RenderedVariant {
  spec: VariantSpec;
  bytes: Uint8Array;
}

/**
 * Whose photo work this is. The encoder serves the lanes in turn, so one member's burst of
 * uploads cannot starve another's single photo, nor the background job a reader's variant.
 */
export type EncodeLane = 'background' | 'readers' | `uploader:${number}`;

/** What the encoder is doing now, and the most pipelines it ever ran at once. */
export interface EncoderLoad {
  running: number;
  waiting: number;
  mostAtOnce: number;
  /** Pipelines waiting, by lane; lanes with none are left out. */
  waitingByLane: Partial<Record<EncodeLane, number>>;
}

/**
 * Turns at the image encoder (IMAGE_ENCODE_CONCURRENCY): at most `concurrency` decodes or
 * encodes run at once in the process, taken lane by lane in rotation.
 */
export interface EncoderTurns {
  readonly concurrency: number;
  /** Runs the work when its lane's turn comes; the work must not wait for another turn. */
  run<T>(lane: EncodeLane, work: () => Promise<T>): Promise<T>;
  load(): EncoderLoad;
}

/** Recognises, checks and re-encodes photos; every decode and encode waits its turn. */
export interface ImageProcessor {
  /**
   * Checks an upload before anything is stored: throws unsupportedMedia when the content is
   * not JPEG, PNG, WebP, AVIF or GIF, tooLarge when it declares more than maxPixels (before
   * decoding it), and invalid when it does not decode whole (truncated, corrupt).
   * The lane is the background's unless given.
   */
  inspect(
    bytes: Uint8Array,
    limits: { maxPixels: number },
    lane?: EncodeLane,
  ): Promise<InspectedImage>;
  /**
   * Makes the variants from the original, upright and with no metadata (no EXIF, GPS, IPTC
   * or XMP) in what it returns; yields each one as soon as it is encoded.
   */
  render(
    original: Uint8Array,
    specs: VariantSpec[],
    lane?: EncodeLane,
  ): AsyncIterable<RenderedVariant>;
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
