import type { Kysely } from 'kysely';
import type { ContentKey } from '../domain/content-api/content-key.js';
import type { ContentKeyStore } from '../services/ports.js';
import { fromDbTime, toDbTime, type DatabaseSchema } from './schema.js';

const optionalTime = (value: string | null) => (value === null ? null : fromDbTime(value));

/** Content API keys on Kysely; the secret's hash is written, never read back out. */
export class KyselyContentKeyStore implements ContentKeyStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  private select() {
    return this.db
      .selectFrom('content_api_keys as k')
      .leftJoin('users as u', 'u.id', 'k.created_by')
      .select([
        'k.id',
        'k.name',
        'k.key_prefix',
        'k.created_by',
        'k.created_at',
        'k.last_used_at',
        'k.revoked_at',
        'u.name as creator_name',
      ]);
  }

  private static keyFrom(
    row: Awaited<ReturnType<ReturnType<KyselyContentKeyStore['select']>['execute']>>[number],
  ): ContentKey {
    return {
      id: row.id,
      name: row.name,
      prefix: row.key_prefix,
      createdBy:
        row.created_by === null ? null : { id: row.created_by, name: row.creator_name ?? '' },
      createdAt: fromDbTime(row.created_at),
      lastUsedAt: optionalTime(row.last_used_at),
      revokedAt: optionalTime(row.revoked_at),
    };
  }

  async create(
    key: { name: string; keyHash: string; prefix: string; createdBy: number },
    now: Date,
  ): Promise<ContentKey> {
    const { id } = await this.db
      .insertInto('content_api_keys')
      .values({
        name: key.name,
        key_hash: key.keyHash,
        key_prefix: key.prefix,
        created_by: key.createdBy,
        created_at: toDbTime(now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await this.select().where('k.id', '=', id).executeTakeFirstOrThrow();
    return KyselyContentKeyStore.keyFrom(row);
  }

  async list(): Promise<ContentKey[]> {
    const rows = await this.select().orderBy('k.id', 'desc').execute();
    return rows.map((row) => KyselyContentKeyStore.keyFrom(row));
  }

  async findActive(keyHash: string): Promise<ContentKey | undefined> {
    const row = await this.select()
      .where('k.key_hash', '=', keyHash)
      .where('k.revoked_at', 'is', null)
      .executeTakeFirst();
    return row && KyselyContentKeyStore.keyFrom(row);
  }

  async revoke(id: number, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('content_api_keys')
      .set({ revoked_at: toDbTime(now) })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async touch(id: number, now: Date): Promise<void> {
    await this.db
      .updateTable('content_api_keys')
      .set({ last_used_at: toDbTime(now) })
      .where('id', '=', id)
      .execute();
  }
}
