import type { Kysely, Selectable } from 'kysely';
import type { OneTimeToken, OneTimeTokenPurpose } from '../domain/account/one-time-token.js';
import type { Role } from '../domain/roles/role.js';
import type { OneTimeTokenStore } from '../services/ports.js';
import { fromDbTime, toDbTime, type DatabaseSchema, type OneTimeTokensTable } from './schema.js';

const tokenOf = (row: Selectable<OneTimeTokensTable>): OneTimeToken => ({
  purpose: row.purpose,
  email: row.email,
  role: row.role as Role | null,
  createdBy: row.created_by,
  createdAt: fromDbTime(row.created_at),
  expiresAt: fromDbTime(row.expires_at),
  usedAt: row.used_at === null ? null : fromDbTime(row.used_at),
  withdrawnAt: row.withdrawn_at === null ? null : fromDbTime(row.withdrawn_at),
});

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
    return row && tokenOf(row);
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

  async findPending(
    purpose: OneTimeTokenPurpose,
    email: string,
    now: Date,
  ): Promise<(OneTimeToken & { tokenHash: string }) | undefined> {
    const row = await this.db
      .selectFrom('one_time_tokens')
      .selectAll()
      .where('purpose', '=', purpose)
      .where('email', '=', email)
      .where('used_at', 'is', null)
      .where('withdrawn_at', 'is', null)
      .where('expires_at', '>', toDbTime(now))
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && { ...tokenOf(row), tokenHash: row.token_hash };
  }

  /** Conditional on the token being unused, like `use`, so a spent link is never revived. */
  async rehash(tokenHash: string, newHash: string): Promise<boolean> {
    const result = await this.db
      .updateTable('one_time_tokens')
      .set({ token_hash: newHash })
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

  async listOpenInvitations(): Promise<OneTimeToken[]> {
    const rows = await this.db
      .selectFrom('one_time_tokens')
      .selectAll()
      .where('purpose', '=', 'invitation')
      .where('used_at', 'is', null)
      .where('withdrawn_at', 'is', null)
      .orderBy('created_at', 'desc')
      .limit(500)
      .execute();
    return rows.map(tokenOf);
  }

  async extendInvitations(email: string, expiresAt: Date): Promise<boolean> {
    const result = await this.openInvitations(email)
      .set({ expires_at: toDbTime(expiresAt) })
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async withdrawInvitations(email: string, now: Date): Promise<boolean> {
    const result = await this.openInvitations(email)
      .set({ withdrawn_at: toDbTime(now) })
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  private openInvitations(email: string) {
    return this.db
      .updateTable('one_time_tokens')
      .where('email', '=', email)
      .where('purpose', '=', 'invitation')
      .where('used_at', 'is', null)
      .where('withdrawn_at', 'is', null);
  }
}
