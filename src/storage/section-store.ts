import type { Kysely, Selectable } from 'kysely';
import { conflict } from '../domain/errors.js';
import type { Section } from '../domain/section/section.js';
import type { SectionChanges, SectionStore } from '../services/ports.js';
import type { DatabaseSchema, SectionsTable } from './schema.js';

const isForeignKeyViolation = (error: unknown) => {
  const code = (error as { code?: unknown }).code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
};

const toSection = (row: Selectable<SectionsTable>): Section => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  description: row.description,
  position: row.position,
  hidden: Boolean(row.hidden),
});

export class KyselySectionStore implements SectionStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async list(): Promise<Section[]> {
    const rows = await this.db
      .selectFrom('sections')
      .selectAll()
      .orderBy('position')
      .orderBy('id')
      .execute();
    return rows.map(toSection);
  }

  async create(section: Omit<Section, 'id' | 'hidden'> & { hidden?: boolean }): Promise<Section> {
    const hidden = section.hidden ?? false;
    const { id } = await this.db
      .insertInto('sections')
      .values({ ...section, hidden: hidden ? 1 : 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    // A slug taken anew no longer points to the section that once had it.
    await this.db.deleteFrom('section_former_slugs').where('slug', '=', section.slug).execute();
    return { id, ...section, hidden };
  }

  async update(id: number, changes: SectionChanges, at: Date): Promise<Section | undefined> {
    const before = await this.db
      .selectFrom('sections')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) return undefined;
    const { hidden, ...rest } = changes;
    const columns = { ...rest, ...(hidden !== undefined && { hidden: hidden ? 1 : 0 }) };
    // SQL has no UPDATE without columns: nothing asked, nothing written.
    if (Object.keys(columns).length > 0)
      await this.db.updateTable('sections').set(columns).where('id', '=', id).execute();
    if (changes.slug !== undefined && changes.slug !== before.slug) {
      await this.retireSlug(id, before.slug, changes.slug, at);
    }
    return toSection({
      ...before,
      ...rest,
      hidden: hidden === undefined ? before.hidden : +hidden,
    });
  }

  /** The old slug now leads to the section; the new one is its own, not a former one. */
  private async retireSlug(id: number, oldSlug: string, newSlug: string, at: Date) {
    await this.db.deleteFrom('section_former_slugs').where('slug', '=', newSlug).execute();
    await this.db
      .insertInto('section_former_slugs')
      .values({ slug: oldSlug, section_id: id, retired_at: at.toISOString() })
      .onConflict((oc) =>
        oc.column('slug').doUpdateSet({ section_id: id, retired_at: at.toISOString() }),
      )
      .execute();
  }

  async reorder(ids: number[]): Promise<void> {
    for (const [position, id] of ids.entries()) {
      await this.db.updateTable('sections').set({ position }).where('id', '=', id).execute();
    }
  }

  async countArticles(id: number): Promise<number> {
    const { count } = await this.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('section_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(count);
  }

  /** Throws Conflict when a story was filed in the section after it was counted as empty. */
  async remove(id: number): Promise<void> {
    await this.db.deleteFrom('section_former_slugs').where('section_id', '=', id).execute();
    await this.db
      .deleteFrom('sections')
      .where('id', '=', id)
      .execute()
      .catch((error: unknown) => {
        if (!isForeignKeyViolation(error)) throw error;
        throw conflict('A story was filed in this section meanwhile; move it first');
      });
  }

  async formerSlugs(): Promise<{ slug: string; sectionId: number }[]> {
    const rows = await this.db
      .selectFrom('section_former_slugs')
      .select(['slug', 'section_id'])
      .execute();
    return rows.map((r) => ({ slug: r.slug, sectionId: r.section_id }));
  }
}
