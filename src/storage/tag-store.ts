import type { Kysely } from 'kysely';
import type { Tag } from '../domain/article/article.js';
import { slugify } from '../domain/article/slug.js';
import type { TagStore } from '../services/ports.js';
import { hasListedStory } from './article-rows.js';
import type { DatabaseSchema } from './schema.js';

export class KyselyTagStore implements TagStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  findBySlug(slug: string): Promise<Tag | undefined> {
    return this.db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  findListedBySlug(slug: string, asOf: Date): Promise<Tag | undefined> {
    return this.db
      .selectFrom('tags as t')
      .select(['t.id', 't.slug', 't.name'])
      .where('t.slug', '=', slug)
      .where(hasListedStory(this.db, asOf, 'tags', 't.id'))
      .executeTakeFirst();
  }

  async findOrCreate(names: string[]): Promise<Tag[]> {
    const tags: Tag[] = [];
    for (const name of names) {
      const slug = slugify(name);
      const existing = await this.db
        .selectFrom('tags')
        .selectAll()
        .where('slug', '=', slug)
        .executeTakeFirst();
      if (existing) {
        tags.push(existing);
        continue;
      }
      const { id } = await this.db
        .insertInto('tags')
        .values({ slug, name })
        .returning('id')
        .executeTakeFirstOrThrow();
      tags.push({ id, slug, name });
    }
    return tags;
  }
}
