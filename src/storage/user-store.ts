import type { Kysely } from 'kysely';
import type { User } from '../domain/account/user.js';
import { conflict } from '../domain/errors.js';
import type { Role } from '../domain/roles/role.js';
import type { NewUser, UserChanges, UserStore } from '../services/ports.js';
import { toDbTime, type DatabaseSchema } from './schema.js';
import { isUniqueViolation, USER_COLUMNS, userFrom } from './user-rows.js';

export class KyselyUserStore implements UserStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async create(user: NewUser, now: Date): Promise<User> {
    try {
      const row = await this.db
        .insertInto('users')
        .values({
          email: user.email,
          name: user.name,
          role: user.role,
          password_hash: user.passwordHash,
          author_id: user.authorId ?? null,
          created_at: toDbTime(now),
          updated_at: toDbTime(now),
        })
        .returning(USER_COLUMNS)
        .executeTakeFirstOrThrow();
      return userFrom(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`${user.email} already has an account`);
      throw error;
    }
  }

  async findById(id: number): Promise<User | undefined> {
    const row = await this.db
      .selectFrom('users')
      .select(USER_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && userFrom(row);
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const row = await this.db
      .selectFrom('users')
      .select(USER_COLUMNS)
      .where('email', '=', email)
      .executeTakeFirst();
    return row && userFrom(row);
  }

  async passwordHashOf(id: number): Promise<string | null> {
    const row = await this.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.password_hash ?? null;
  }

  async list(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').select(USER_COLUMNS).orderBy('id').execute();
    return rows.map(userFrom);
  }

  async any(): Promise<boolean> {
    const row = await this.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
    return row !== undefined;
  }

  async countActive(role: Role): Promise<number> {
    const { count } = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('role', '=', role)
      .where('disabled_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(count);
  }

  async update(id: number, changes: UserChanges, now: Date): Promise<void> {
    await this.db
      .updateTable('users')
      .set({
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.role !== undefined && { role: changes.role }),
        ...(changes.passwordHash !== undefined && { password_hash: changes.passwordHash }),
        ...(changes.disabledAt !== undefined && {
          disabled_at: changes.disabledAt && toDbTime(changes.disabledAt),
        }),
        updated_at: toDbTime(now),
      })
      .where('id', '=', id)
      .execute();
  }
}
