import type { Kysely } from 'kysely';
import type { AuthorKind, AuthorProfile } from '../domain/author/author.js';
import type { AuthorStore } from '../services/ports.js';
import type { DatabaseSchema } from './schema.js';

export class KyselyAuthorStore implements AuthorStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async findBySlug(slug: string): Promise<AuthorProfile | undefined> {
    const row = await this.db
      .selectFrom('authors')
      .selectAll()
      .where('slug', '=', slug)
      .executeTakeFirst();
    return row && { ...row, kind: row.kind as AuthorKind };
  }

  async findByIds(ids: number[]): Promise<AuthorProfile[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('authors').selectAll().where('id', 'in', ids).execute();
    return rows.map((row) => ({ ...row, kind: row.kind as AuthorKind }));
  }

  async list(): Promise<AuthorProfile[]> {
    const rows = await this.db
      .selectFrom('authors')
      .selectAll()
      .orderBy('name')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ ...row, kind: row.kind as AuthorKind }));
  }

  async create(author: Omit<AuthorProfile, 'id'>): Promise<AuthorProfile> {
    const { id } = await this.db
      .insertInto('authors')
      .values(author)
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id, ...author };
  }

  async update(id: number, details: Omit<AuthorProfile, 'id' | 'slug'>): Promise<void> {
    await this.db
      .updateTable('authors')
      .set({ name: details.name, bio: details.bio, kind: details.kind })
      .where('id', '=', id)
      .execute();
  }
}
