import type { Kysely } from 'kysely';
import type { ArticleStatus } from '../domain/article/article.js';
import type { MediaItem } from '../domain/media/media-item.js';
import type {
  MediaChanges,
  MediaQuery,
  MediaStore,
  MediaUse,
  NewMediaItem,
} from '../services/media/media-ports.js';
import { containsWord } from './like-pattern.js';
import { mediaFrom } from './media-rows.js';
import { toDbTime, type DatabaseSchema } from './schema.js';

export class KyselyMediaStore implements MediaStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async create(item: NewMediaItem, now: Date): Promise<MediaItem> {
    const row = await this.db
      .insertInto('media')
      .values({
        original_name: item.originalName,
        mime_type: item.mimeType,
        format: item.format,
        width: item.width,
        height: item.height,
        bytes: item.bytes,
        caption: item.caption,
        credit: item.credit,
        creator: item.creator,
        copyright: item.copyright,
        alt: item.alt,
        focal_x: item.focalPoint.x,
        focal_y: item.focalPoint.y,
        placeholder_color: item.placeholderColor,
        content_hash: item.contentHash,
        variants_ready: 0,
        uploaded_by: item.uploadedBy,
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

  async findByContentHash(hash: string): Promise<MediaItem | undefined> {
    const row = await this.db
      .selectFrom('media')
      .selectAll()
      .where('content_hash', '=', hash)
      .executeTakeFirst();
    return row && mediaFrom(row);
  }

  async list(query: MediaQuery): Promise<MediaItem[]> {
    let select = this.db
      .selectFrom('media')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit)
      .offset(query.offset);
    if (query.uploadedBy !== undefined) select = select.where('uploaded_by', '=', query.uploadedBy);
    if (query.from) select = select.where('created_at', '>=', toDbTime(query.from));
    if (query.to) select = select.where('created_at', '<', toDbTime(query.to));
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

  async update(id: number, changes: MediaChanges): Promise<MediaItem | undefined> {
    const columns = {
      ...(changes.caption !== undefined && { caption: changes.caption }),
      ...(changes.credit !== undefined && { credit: changes.credit }),
      ...(changes.creator !== undefined && { creator: changes.creator }),
      ...(changes.copyright !== undefined && { copyright: changes.copyright }),
      ...(changes.alt !== undefined && { alt: changes.alt }),
      ...(changes.focalPoint !== undefined && {
        focal_x: changes.focalPoint.x,
        focal_y: changes.focalPoint.y,
      }),
      ...(changes.variantsReady !== undefined && {
        variants_ready: changes.variantsReady ? 1 : 0,
      }),
    };
    if (Object.keys(columns).length > 0)
      await this.db.updateTable('media').set(columns).where('id', '=', id).execute();
    return this.findById(id);
  }

  async remove(id: number): Promise<void> {
    await this.db.deleteFrom('media').where('id', '=', id).execute();
  }

  async uploaders(): Promise<{ id: number; name: string }[]> {
    return this.db
      .selectFrom('users as u')
      .select(['u.id', 'u.name'])
      .where((eb) =>
        eb.exists(
          eb.selectFrom('media as m').select('m.id').whereRef('m.uploaded_by', '=', 'u.id'),
        ),
      )
      .orderBy('u.name')
      .execute();
  }

  async usage(mediaId: number): Promise<MediaUse[]> {
    const rows = await this.db
      .selectFrom('article_media as am')
      .innerJoin('articles as a', 'a.id', 'am.article_id')
      .select(['a.id', 'a.headline', 'a.status', 'am.usage'])
      .where('am.media_id', '=', mediaId)
      .orderBy('a.id', 'desc')
      .execute();
    return rows.map((row) => ({
      articleId: row.id,
      headline: row.headline,
      status: row.status as ArticleStatus,
      as: row.usage,
    }));
  }
}
