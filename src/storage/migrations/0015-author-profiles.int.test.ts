import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migratedStorage } from '../../../test/migrated-storage.js';
import { ENGINES } from '../../../test/test-databases.js';
import { up } from './0015-author-profiles.js';

describe.each(ENGINES)('migration 0015 on $engine', ({ create }) => {
  const storage = migratedStorage(create);

  const addAccount = async (email: string, name: string, authorId: number | null) => {
    const at = new Date().toISOString();
    const values = { email, name, role: 'writer', password_hash: null, author_id: authorId };
    return storage()
      .kysely.insertInto('users')
      .values({ ...values, created_at: at, updated_at: at, disabled_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
  };

  it('gives every account made before profiles a profile of its own, with a free slug', async () => {
    const { stores, kysely } = storage();
    const guest = await stores.authors.create({
      slug: 'amal-haddad',
      name: 'Amal Haddad',
      kind: 'guest',
      bio: '',
    });
    const kept = await stores.authors.create({
      slug: 'noor',
      name: 'Noor',
      kind: 'staff',
      bio: '',
    });
    const first = await addAccount('amal@paper.example', 'Amal Haddad', null);
    const second = await addAccount('amal.h@paper.example', 'Amal Haddad', null);
    const third = await addAccount('noor@paper.example', 'Noor', kept.id);

    await up(kysely as unknown as Kysely<unknown>);

    const rows = await kysely
      .selectFrom('users')
      .innerJoin('authors', 'authors.id', 'users.author_id')
      .select([
        'users.id',
        'authors.id as authorId',
        'authors.slug',
        'authors.name',
        'authors.kind',
      ])
      .orderBy('users.id')
      .execute();
    expect(rows).toEqual([
      expect.objectContaining({ id: first.id, slug: 'amal-haddad-2', name: 'Amal Haddad' }),
      expect.objectContaining({ id: second.id, slug: 'amal-haddad-3', kind: 'staff' }),
      { id: third.id, authorId: kept.id, slug: 'noor', name: 'Noor', kind: 'staff' },
    ]);
    expect(rows.map((row) => row.authorId)).not.toContain(guest.id);
  });
});
