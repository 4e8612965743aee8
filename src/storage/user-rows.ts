import type { Selectable } from 'kysely';
import type { User } from '../domain/account/user.js';
import type { Role } from '../domain/roles/role.js';
import { fromDbTime, type UsersTable } from './schema.js';

/** The columns of `users` a User is made of (never the password hash). */
export const USER_COLUMNS = [
  'users.id',
  'users.email',
  'users.name',
  'users.role',
  'users.author_id',
  'users.created_at',
  'users.disabled_at',
] as const;

type UserRow = Pick<
  Selectable<UsersTable>,
  'id' | 'email' | 'name' | 'role' | 'author_id' | 'created_at' | 'disabled_at'
>;

export const userFrom = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  // The column's CHECK constraint admits only the four roles.
  role: row.role as Role,
  authorId: row.author_id,
  createdAt: fromDbTime(row.created_at),
  disabledAt: row.disabled_at === null ? null : fromDbTime(row.disabled_at),
});

/** True for a UNIQUE constraint violation, in either engine's words. */
export const isUniqueViolation = (error: unknown): boolean => {
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

/** The user columns under `owner_` names, for joins whose own columns share names with them. */
export const OWNER_COLUMNS = [
  'users.id as owner_id',
  'users.email as owner_email',
  'users.name as owner_name',
  'users.role as owner_role',
  'users.author_id as owner_author_id',
  'users.created_at as owner_created_at',
  'users.disabled_at as owner_disabled_at',
] as const;

interface OwnerRow {
  owner_id: number;
  owner_email: string;
  owner_name: string;
  owner_role: string;
  owner_author_id: number | null;
  owner_created_at: string;
  owner_disabled_at: string | null;
}

export const ownerFrom = (row: OwnerRow): User =>
  userFrom({
    id: row.owner_id,
    email: row.owner_email,
    name: row.owner_name,
    role: row.owner_role,
    author_id: row.owner_author_id,
    created_at: row.owner_created_at,
    disabled_at: row.owner_disabled_at,
  });
