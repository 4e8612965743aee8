import type { Kysely } from 'kysely';
import type { OneTimeToken } from '../domain/account/one-time-token.js';
import type { Role } from '../domain/roles/role.js';
import type { OneTimeTokenStore } from '../services/ports.js';
import { fromDbTime, toDbTime, type DatabaseSchema } from './schema.js';

export class KyselyOneTimeTokenStore implements OneTimeTokenStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async create(
    tokenHash: string,
    token: Omit<OneTimeToken, 'usedAt' | 'withdrawnAt'>,
  ): Promise<void> {
    await this.db
      .insertInto('one_time_tokens')
      .values({
        token_hash: tokenHash,
        purpose: token.purpose,
        email: token.email,
        role: token.role,
        created_by: token.createdBy,
        created_at: toDbTime(token.createdAt),
        expires_at: toDbTime(token.expiresAt),
      })
      .execute();
  }

  async find(tokenHash: string): Promise<OneTimeToken | undefined> {
    const row = await this.db
      .selectFrom('one_time_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return (
      row && {
        purpose: row.purpose,
        email: row.email,
        role: row.role as Role | null,
        createdBy: row.created_by,
        createdAt: fromDbTime(row.created_at),
        expiresAt: fromDbTime(row.expires_at),
        usedAt: row.used_at === null ? null : fromDbTime(row.used_at),
        withdrawnAt: row.withdrawn_at === null ? null : fromDbTime(row.withdrawn_at),
      }
    );
  }

  /** A conditional update, so two simultaneous uses (or a use and a withdrawal) cannot both succeed. */
  async use(tokenHash: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('one_time_tokens')
      .set({ used_at: toDbTime(now) })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async withdrawResets(email: string, now: Date): Promise<void> {
    await this.db
      .updateTable('one_time_tokens')
      .set({ withdrawn_at: toDbTime(now) })
      .where('email', '=', email)
      .where('purpose', '=', 'password_reset')
      .where('used_at', 'is', null)
      .where('withdrawn_at', 'is', null)
      .execute();
  }
}
