import type { Kysely, Selectable } from 'kysely';
import type { MediaItem, MediaVariant } from '../domain/media/media-item.js';
import type { MediaStore, NewMediaItem } from '../services/ports.js';
import { containsWord } from './like-pattern.js';
import { fromDbTime, toDbTime, type DatabaseSchema, type MediaTable } from './schema.js';

const mediaFrom = (row: Selectable<MediaTable>): MediaItem => ({
  id: row.id,
  originalName: row.original_name,
  mimeType: row.mime_type,
  width: row.width,
  height: row.height,
  caption: row.caption,
  credit: row.credit,
  alt: row.alt,
  placeholderColor: row.placeholder_color,
  variants: JSON.parse(row.variants) as MediaVariant[],
  createdAt: fromDbTime(row.created_at),
});

export class KyselyMediaStore implements MediaStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async create(item: NewMediaItem, now: Date): Promise<MediaItem> {
    const row = await this.db
      .insertInto('media')
      .values({
        original_name: item.originalName,
        mime_type: item.mimeType,
        width: item.width,
        height: item.height,
        caption: item.caption,
        credit: item.credit,
        alt: item.alt,
        placeholder_color: item.placeholderColor,
        variants: JSON.stringify(item.variants),
        content_hash: item.contentHash,
        created_at: toDbTime(now),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return mediaFrom(row);
  }

  async findById(id: number): Promise<MediaItem | undefined> {
    const row = await this.db
      .selectFrom('media')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && mediaFrom(row);
  }

  async list(query: { search?: string; limit: number; offset: number }): Promise<MediaItem[]> {
    let select = this.db
      .selectFrom('media')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(query.limit)
      .offset(query.offset);
    for (const word of (query.search ?? '')
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 8)) {
      select = select.where((eb) =>
        eb.or([
          containsWord('caption', word),
          containsWord('credit', word),
          containsWord('original_name', word),
        ]),
      );
    }
    return (await select.execute()).map(mediaFrom);
  }

  async findByContentHash(hash: string): Promise<MediaItem | undefined> {
    const row = await this.db
      .selectFrom('media')
      .selectAll()
      .where('content_hash', '=', hash)
      .executeTakeFirst();
    return row && mediaFrom(row);
  }
}
