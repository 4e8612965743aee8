import type { Kysely } from 'kysely';
import { LATER_DRAFT_FIELDS, type ArticleDraft } from '../domain/article/article-draft.js';
import type { RevisionRecord, RevisionStore } from '../services/ports.js';
import { fromDbTime, toDbTime, type DatabaseSchema } from './schema.js';

export class KyselyRevisionStore implements RevisionStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async add(articleId: number, revision: RevisionRecord): Promise<void> {
    await this.db
      .insertInto('article_revisions')
      .values({
        article_id: articleId,
        number: revision.number,
        kind: revision.kind,
        based_on: revision.basedOn,
        user_id: revision.userId,
        created_at: toDbTime(revision.createdAt),
        snapshot: JSON.stringify(revision.snapshot),
      })
      .execute();
  }

  private select() {
    return this.db
      .selectFrom('article_revisions')
      .select(['number', 'kind', 'based_on', 'user_id', 'created_at', 'snapshot']);
  }

  private static from(row: {
    number: number;
    kind: string;
    based_on: number | null;
    user_id: number | null;
    created_at: string;
    snapshot: string;
  }): RevisionRecord {
    return {
      number: row.number,
      kind: row.kind as RevisionRecord['kind'],
      basedOn: row.based_on,
      userId: row.user_id,
      createdAt: fromDbTime(row.created_at),
      snapshot: { ...LATER_DRAFT_FIELDS, ...(JSON.parse(row.snapshot) as ArticleDraft) },
    };
  }

  async list(articleId: number): Promise<RevisionRecord[]> {
    const rows = await this.select()
      .where('article_id', '=', articleId)
      .orderBy('number', 'desc')
      .execute();
    return rows.map((row) => KyselyRevisionStore.from(row));
  }

  async get(articleId: number, number: number): Promise<RevisionRecord | undefined> {
    const row = await this.select()
      .where('article_id', '=', articleId)
      .where('number', '=', number)
      .executeTakeFirst();
    return row && KyselyRevisionStore.from(row);
  }

  async latestNumber(articleId: number): Promise<number> {
    const row = await this.db
      .selectFrom('article_revisions')
      .select((eb) => eb.fn.max('number').as('latest'))
      .where('article_id', '=', articleId)
      .executeTakeFirst();
    return Number(row?.latest ?? 0);
  }
}
