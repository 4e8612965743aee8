/**
 * The interfaces services reach the outside world through. Implementations live in
 * storage/ and adapters/ and are wired together in app.ts only.
 */
import type { Article, ArticleStatus, ArticleSummary, Tag } from '../domain/article/article.js';
import type { AuthorProfile } from '../domain/author/author.js';
import type { BodyDocument } from '../domain/body/body-document.js';
import type { MediaItem, MediaVariant } from '../domain/media/media-item.js';
import type { Section } from '../domain/section/section.js';
import type { CurrentWeather, WeatherLocation } from '../domain/weather/current-weather.js';

/** The time now; frozen by DATELINE_NOW in tests and archive rendering. */
export interface Clock {
  now(): Date;
}

/** Fetches current conditions from one weather service. Rejects on any failure. */
export interface WeatherProvider {
  readonly name: string;
  fetchCurrent(location: WeatherLocation, signal: AbortSignal): Promise<CurrentWeather>;
}

/** What a new article is made of, as the storage layer records it. */
export interface NewArticle {
  slug: string;
  sectionId: number;
  headline: string;
  standfirst: string;
  dateline: string;
  body: BodyDocument;
  lead: { mediaId: number; caption: string; credit: string; alt: string } | null;
  signOff: string;
  status: ArticleStatus;
  publishedAt: Date | null;
  seoTitle: string;
  seoDescription: string;
  authorIds: number[];
  tagIds: number[];
  /** When an imported story was last changed at its source; defaults to now. */
  updatedAt?: Date;
}

/** The fields of an article that may change after it is created. */
export type ArticleChanges = Partial<Omit<NewArticle, 'authorIds' | 'tagIds' | 'updatedAt'>>;

export interface PublishedQuery {
  /** Only stories published at or before this instant (later ones are embargoed). */
  asOf: Date;
  sectionId?: number;
  authorId?: number;
  tagId?: number;
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
}

export interface SectionStore {
  list(): Promise<Section[]>;
  create(section: Omit<Section, 'id'>): Promise<Section>;
}

export interface TagStore {
  /** The tags with these names, creating the missing ones; in the order given. */
  findOrCreate(names: string[]): Promise<Tag[]>;
  findBySlug(slug: string): Promise<Tag | undefined>;
}

export interface AuthorStore {
  findBySlug(slug: string): Promise<AuthorProfile | undefined>;
  create(author: Omit<AuthorProfile, 'id'>): Promise<AuthorProfile>;
}

export type NewMediaItem = Omit<MediaItem, 'id' | 'createdAt'> & { contentHash: string };

export interface MediaStore {
  create(item: NewMediaItem, now: Date): Promise<MediaItem>;
  findByContentHash(hash: string): Promise<MediaItem | undefined>;
}

/** Named JSON documents: the publication's settings and the like. */
export interface SettingsStore {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown, now: Date): Promise<void>;
}

export interface Stores {
  articles: ArticleStore;
  sections: SectionStore;
  tags: TagStore;
  authors: AuthorStore;
  media: MediaStore;
  settings: SettingsStore;
}

/** The database: its stores, and a way to make several writes all-or-nothing. */
export interface Storage {
  stores: Stores;
  transaction<T>(work: (stores: Stores) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Where media files live (local disk, later S3). Paths are relative, '/'-separated. */
export interface MediaFiles {
  /** Writes the file; returns false when a file already existed at that path. */
  put(path: string, bytes: Uint8Array): Promise<boolean>;
  remove(path: string): Promise<void>;
  /** Absolute local directory to serve from, when the files are on local disk. */
  readonly localRoot: string | undefined;
}

/** A photo decoded and measured, ready to be stored. */
export interface ProcessedImage {
  mimeType: string;
  width: number;
  height: number;
  placeholderColor: string;
  contentHash: string;
  metadata: { credit?: string; caption?: string };
  renditions: {
    bytes: Uint8Array;
    format: MediaVariant['format'];
    width: number;
    height: number;
  }[];
}

/** Decodes, measures and re-encodes photos. Rejects files that are not images. */
export interface ImageProcessor {
  process(bytes: Uint8Array): Promise<ProcessedImage>;
}
