import type { Kysely } from 'kysely';
import type { Section } from '../domain/section/section.js';
import type { SectionStore } from '../services/ports.js';
import type { DatabaseSchema } from './schema.js';

export class KyselySectionStore implements SectionStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  list(): Promise<Section[]> {
    return this.db.selectFrom('sections').selectAll().orderBy('position').orderBy('id').execute();
  }

  async create(section: Omit<Section, 'id'>): Promise<Section> {
    const { id } = await this.db
      .insertInto('sections')
      .values(section)
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id, ...section };
  }
}
