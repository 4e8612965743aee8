import type { Generated, Kysely } from 'kysely';
import { slugify } from '../../domain/article/slug.js';

/** The tables as this migration finds them; later changes must not alter what it does. */
interface Tables {
  users: { id: number; name: string; author_id: number | null };
  authors: { id: Generated<number>; slug: string; name: string; kind: string; bio: string };
}

/**
 * Every account gets a byline profile: accounts made before profiles came with them get one
 * named after the person, with a free slug, so their stories can carry their name.
 */
export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as unknown as Kysely<Tables>;
  const people = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('author_id', 'is', null)
    .orderBy('id')
    .execute();
  const taken = new Set(
    (await db.selectFrom('authors').select('slug').execute()).map((row) => row.slug),
  );
  for (const person of people) {
    const slug = freeSlug(slugify(person.name, 60), taken);
    const { id } = await db
      .insertInto('authors')
      .values({ slug, name: person.name, kind: 'staff', bio: '' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.updateTable('users').set({ author_id: id }).where('id', '=', person.id).execute();
  }
}

function freeSlug(base: string, taken: Set<string>): string {
  const start = base === 'article' ? 'author' : base;
  let slug = start;
  for (let n = 2; taken.has(slug); n++) slug = `${start}-${n}`;
  taken.add(slug);
  return slug;
}
