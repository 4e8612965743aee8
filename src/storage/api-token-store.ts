import type { Kysely, Selectable } from 'kysely';
import type { ApiToken } from '../domain/account/api-token.js';
import type { User } from '../domain/account/user.js';
import type { ApiTokenStore } from '../services/ports.js';
import { fromDbTime, toDbTime, type ApiTokensTable, type DatabaseSchema } from './schema.js';
import { OWNER_COLUMNS, ownerFrom } from './user-rows.js';

type TokenRow = Omit<Selectable<ApiTokensTable>, 'token_hash'>;

const TOKEN_COLUMNS = [
  'api_tokens.id',
  'api_tokens.user_id',
  'api_tokens.name',
  'api_tokens.created_at',
  'api_tokens.last_used_at',
  'api_tokens.revoked_at',
  'api_tokens.expires_at',
] as const;

const optionalTime = (value: string | null) => (value === null ? null : fromDbTime(value));

const tokenFrom = (row: TokenRow): ApiToken => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  createdAt: fromDbTime(row.created_at),
  lastUsedAt: optionalTime(row.last_used_at),
  revokedAt: optionalTime(row.revoked_at),
  expiresAt: optionalTime(row.expires_at),
});

export class KyselyApiTokenStore implements ApiTokenStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async create(
    token: { userId: number; name: string; tokenHash: string; expiresAt: Date | null },
    now: Date,
  ): Promise<ApiToken> {
    const row = await this.db
      .insertInto('api_tokens')
      .values({
        user_id: token.userId,
        name: token.name,
        token_hash: token.tokenHash,
        created_at: toDbTime(now),
        expires_at: token.expiresAt && toDbTime(token.expiresAt),
      })
      .returning(TOKEN_COLUMNS)
      .executeTakeFirstOrThrow();
    return tokenFrom(row);
  }

  async listOf(userId: number): Promise<ApiToken[]> {
    const rows = await this.db
      .selectFrom('api_tokens')
      .select(TOKEN_COLUMNS)
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .execute();
    return rows.map(tokenFrom);
  }

  async findActive(tokenHash: string): Promise<{ token: ApiToken; user: User } | undefined> {
    const row = await this.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select(TOKEN_COLUMNS)
      .select(OWNER_COLUMNS)
      .where('api_tokens.token_hash', '=', tokenHash)
      .where('api_tokens.revoked_at', 'is', null)
      .executeTakeFirst();
    return row && { token: tokenFrom(row), user: ownerFrom(row) };
  }

  async revoke(id: number, userId: number, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: toDbTime(now) })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async revokeAllOf(userId: number, now: Date): Promise<number> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: toDbTime(now) })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async touch(id: number, now: Date): Promise<void> {
    await this.db
      .updateTable('api_tokens')
      .set({ last_used_at: toDbTime(now) })
      .where('id', '=', id)
      .execute();
  }
}
