import type { Selectable } from 'kysely';
import type { AuthorKind, AuthorProfile } from '../domain/author/author.js';
import type { AuthorsTable } from './schema.js';

/** The author columns every profile and byline query selects, under these names. */
export const AUTHOR_COLUMNS = [
  'au.id',
  'au.slug',
  'au.name',
  'au.kind',
  'au.bio',
  'au.photo_media_id',
  'au.links',
] as const;

type AuthorRow = Omit<Selectable<AuthorsTable>, 'links'> & { links: string };

/** A profile from its row. */
export const authorFrom = (row: AuthorRow): AuthorProfile => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  kind: row.kind as AuthorKind,
  bio: row.bio,
  photoId: row.photo_media_id,
  links: JSON.parse(row.links) as string[],
});
