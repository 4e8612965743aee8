/**
 * The ports of the Content API: its keys, and the keyset-paged reads of what readers may see.
 * Re-exported by ports.ts.
 */
import type { Article, Tag } from '../../domain/article/article.js';
import type { ArticlePlace } from '../../domain/content-api/article-cursor.js';
import type { ContentKey } from '../../domain/content-api/content-key.js';

export interface ContentKeyStore {
  create(
    key: { name: string; keyHash: string; prefix: string; createdBy: number },
    now: Date,
  ): Promise<ContentKey>;
  /** Every key, newest first, revoked ones included. */
  list(): Promise<ContentKey[]>;
  /** The unrevoked key with this hash. */
  findActive(keyHash: string): Promise<ContentKey | undefined>;
  /** Revokes the key; false when there is no such unrevoked key. */
  revoke(id: number, now: Date): Promise<boolean>;
  touch(id: number, now: Date): Promise<void>;
}

/** Which visible articles a Content API list asks for, newest first. */
export interface ContentArticleQuery {
  /** Only articles published at or before this instant: later ones are embargoed. */
  asOf: Date;
  sectionId?: number;
  tagId?: number;
  authorId?: number;
  /** Published at or after. */
  since?: Date;
  /** Published before. */
  until?: Date;
  /** Start strictly after this place in the order (publishedAt desc, id desc). */
  after?: ArticlePlace;
  limit: number;
}

export interface ContentReadStore {
  /**
   * Published, unkilled articles visible at `asOf`, by publishedAt then id, both descending,
   * each whole (bylines, tags, corrections; no inline photos).
   */
  listArticles(query: ContentArticleQuery): Promise<Article[]>;
  /** Tags readers may see at `asOf` (see TagStore), by slug, starting after `afterSlug`. */
  listTags(query: { afterSlug?: string; limit: number; asOf: Date }): Promise<Tag[]>;
  /** A tag readers may see at `asOf`. */
  findTagById(id: number, asOf: Date): Promise<Tag | undefined>;
  /** The ids of the authors bylined on a story readers may see at `asOf`. */
  listedAuthorIds(asOf: Date): Promise<number[]>;
}
