/**
 * The database as Kysely sees it. Times are ISO 8601 UTC strings of fixed width in both engines
 * (see docs/adr/0003-storage.md), so they compare and sort the same everywhere.
 */
import type { Generated } from 'kysely';

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface SectionsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  position: number;
}

export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface AuthorsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: string;
  bio: string;
}

export interface MediaTable {
  id: Generated<number>;
  original_name: string;
  mime_type: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
  alt: string;
  placeholder_color: string;
  /** JSON array of MediaVariant. */
  variants: string;
  content_hash: string;
  created_at: string;
}

export interface ArticlesTable {
  id: Generated<number>;
  slug: string;
  section_id: number;
  headline: string;
  standfirst: string;
  dateline: string;
  /** The body document as JSON text. */
  body: string;
  lead_media_id: number | null;
  lead_caption: string | null;
  lead_credit: string | null;
  lead_alt: string | null;
  sign_off: string;
  status: string;
  published_at: string | null;
  updated_at: string;
  created_at: string;
  seo_title: string;
  seo_description: string;
}

export interface ArticleAuthorsTable {
  article_id: number;
  author_id: number;
  position: number;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
  position: number;
}

/** Slugs an article was once published under, so old links keep working. */
export interface ArticleSlugHistoryTable {
  slug: string;
  article_id: number;
}

export interface DatabaseSchema {
  settings: SettingsTable;
  sections: SectionsTable;
  tags: TagsTable;
  authors: AuthorsTable;
  media: MediaTable;
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  article_slug_history: ArticleSlugHistoryTable;
}

/** Fixed-width ISO 8601 UTC, the one way times are written to the database. */
export const toDbTime = (date: Date) => date.toISOString();
export const fromDbTime = (value: string) => new Date(value);
