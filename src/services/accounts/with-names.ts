import type { Stores } from '../ports.js';

/** Adds the person's name to records that only carry a user id, so the newsroom reads names. */
export async function withNames<T extends { userId: number | null }>(
  stores: Pick<Stores, 'users'>,
  records: T[],
): Promise<(T & { name: string | null })[]> {
  // A newsroom has tens of people: one read of them all beats a query per record.
  const names = new Map((await stores.users.list()).map((user) => [user.id, user.name]));
  return records.map((record) => ({
    ...record,
    name: record.userId === null ? null : (names.get(record.userId) ?? null),
  }));
}
