import type { Kysely } from 'kysely';

/**
 * Sections may be hidden from the navigation, and a renamed section keeps its old slugs so
 * that readers' links and feed subscriptions are sent on to where it lives now.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('sections')
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('section_former_slugs')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('section_id', 'integer', (c) =>
      c.notNull().references('sections.id').onDelete('cascade'),
    )
    .addColumn('retired_at', 'text', (c) => c.notNull())
    .execute();
}
