import type { Kysely, Selectable } from 'kysely';
import type { Session } from '../domain/account/session.js';
import type { User } from '../domain/account/user.js';
import type { SessionStore } from '../services/ports.js';
import { fromDbTime, toDbTime, type DatabaseSchema, type SessionsTable } from './schema.js';
import { OWNER_COLUMNS, ownerFrom } from './user-rows.js';

const sessionFrom = (row: Selectable<SessionsTable>): Session => ({
  tokenHash: row.token_hash,
  userId: row.user_id,
  csrfToken: row.csrf_token,
  createdAt: fromDbTime(row.created_at),
  lastSeenAt: fromDbTime(row.last_seen_at),
  expiresAt: fromDbTime(row.expires_at),
  userAgent: row.user_agent,
  ip: row.ip,
});

export class KyselySessionStore implements SessionStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async create(session: Session): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        token_hash: session.tokenHash,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        created_at: toDbTime(session.createdAt),
        last_seen_at: toDbTime(session.lastSeenAt),
        expires_at: toDbTime(session.expiresAt),
        user_agent: session.userAgent,
        ip: session.ip,
      })
      .execute();
  }

  /** One query per signed-in request: the session joined to its user. */
  async find(tokenHash: string): Promise<{ session: Session; user: User } | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('sessions')
      .select(OWNER_COLUMNS)
      .where('sessions.token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row && { session: sessionFrom(row), user: ownerFrom(row) };
  }

  async touch(tokenHash: string, now: Date): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ last_seen_at: toDbTime(now) })
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteAllOf(userId: number): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteExpired(now: Date, unseenSince: Date): Promise<void> {
    await this.db
      .deleteFrom('sessions')
      .where((eb) =>
        eb.or([
          eb('expires_at', '<=', toDbTime(now)),
          eb('last_seen_at', '<=', toDbTime(unseenSince)),
        ]),
      )
      .execute();
  }
}
