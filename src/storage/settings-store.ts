import type { Kysely } from 'kysely';
import type { SettingsStore } from '../services/ports.js';
import { toDbTime, type DatabaseSchema } from './schema.js';

export class KyselySettingsStore implements SettingsStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async get(key: string): Promise<unknown> {
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row ? (JSON.parse(row.value) as unknown) : undefined;
  }

  async getMany(keys: string[]): Promise<Map<string, unknown>> {
    if (keys.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('settings')
      .select(['key', 'value'])
      .where('key', 'in', keys)
      .execute();
    return new Map(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
  }

  async put(key: string, value: unknown, now: Date): Promise<void> {
    const row = { key, value: JSON.stringify(value), updated_at: toDbTime(now) };
    await this.db
      .insertInto('settings')
      .values(row)
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at }),
      )
      .execute();
  }
}
