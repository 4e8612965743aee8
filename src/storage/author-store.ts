import type { Kysely } from 'kysely';
import type { AuthorProfile, NewAuthorProfile } from '../domain/author/author.js';
import type { AuthorStore } from '../services/ports.js';
import { AUTHOR_COLUMNS, authorFrom } from './author-rows.js';
import type { DatabaseSchema } from './schema.js';

export class KyselyAuthorStore implements AuthorStore {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    /** Brings stories' search entries up to date: a new name changes their bylines. */
    private readonly reindex: (ids: number[]) => Promise<void>,
  ) {}

  private select() {
    return this.db.selectFrom('authors as au').select(AUTHOR_COLUMNS);
  }

  async findBySlug(slug: string): Promise<AuthorProfile | undefined> {
    const row = await this.select().where('au.slug', '=', slug).executeTakeFirst();
    return row && authorFrom(row);
  }

  async findByIds(ids: number[]): Promise<AuthorProfile[]> {
    if (ids.length === 0) return [];
    const rows = await this.select().where('au.id', 'in', ids).execute();
    return rows.map(authorFrom);
  }

  async list(): Promise<AuthorProfile[]> {
    const rows = await this.select().orderBy('au.name').orderBy('au.id').execute();
    return rows.map(authorFrom);
  }

  async create(author: NewAuthorProfile): Promise<AuthorProfile> {
    const profile = { photoId: null, links: [], ...author };
    const { id } = await this.db
      .insertInto('authors')
      .values({
        slug: profile.slug,
        name: profile.name,
        kind: profile.kind,
        bio: profile.bio,
        photo_media_id: profile.photoId,
        links: JSON.stringify(profile.links),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id, ...profile };
  }

  async update(id: number, details: Omit<NewAuthorProfile, 'slug'>): Promise<void> {
    await this.db
      .updateTable('authors')
      .set({
        name: details.name,
        bio: details.bio,
        kind: details.kind,
        ...(details.photoId !== undefined && { photo_media_id: details.photoId }),
        ...(details.links !== undefined && { links: JSON.stringify(details.links) }),
      })
      .where('id', '=', id)
      .execute();
    const bylined = await this.db
      .selectFrom('article_authors')
      .select('article_id')
      .where('author_id', '=', id)
      .execute();
    await this.reindex(bylined.map((row) => row.article_id));
  }
}
