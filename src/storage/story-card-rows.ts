/**
 * A story as a card shows it (fronts, lists, the home page): the columns a card reads, the
 * section and lead photo joined to them, and the objects made from its row. Any article row
 * carries these columns too, so a whole article's section and photo are made here as well.
 */
import type { Kysely, Selectable } from 'kysely';
import type { ArticleSummary, FrontStory, LeadImage } from '../domain/article/article.js';
import type { Section } from '../domain/section/section.js';
import type { AuthorProfile } from '../domain/author/author.js';
import { MEDIA_COLUMN_NAMES, mediaFrom } from './media-rows.js';
import { fromDbTime, type DatabaseSchema, type MediaTable } from './schema.js';

/** Where every article query starts: the articles, named `a`. */
export const fromArticles = (db: Kysely<DatabaseSchema>) => db.selectFrom('articles as a');

/** The story's section and lead photo, as every article query selects them. */
export const SECTION_AND_PHOTO_COLUMNS = [
  's.id as section_id',
  's.slug as section_slug',
  's.name as section_name',
  's.description as section_description',
  's.position as section_position',
  's.hidden as section_hidden',
  'm.id as media_id',
  'm.original_name as media_original_name',
  'm.mime_type as media_mime_type',
  'm.format as media_format',
  'm.width as media_width',
  'm.height as media_height',
  'm.bytes as media_bytes',
  'm.caption as media_caption',
  'm.credit as media_credit',
  'm.creator as media_creator',
  'm.copyright as media_copyright',
  'm.alt as media_alt',
  'm.focal_x as media_focal_x',
  'm.focal_y as media_focal_y',
  'm.placeholder_color as media_placeholder_color',
  'm.content_hash as media_content_hash',
  'm.variants_ready as media_variants_ready',
  'm.uploaded_by as media_uploaded_by',
  'm.created_at as media_created_at',
] as const;

/** The columns a front's card shows: no body, none of the newsroom's fields. */
export const FRONT_STORY_COLUMNS = [
  'a.id',
  'a.slug',
  'a.headline',
  'a.standfirst',
  'a.published_at',
  'a.created_at',
  'a.lead_caption',
  'a.lead_credit',
  'a.lead_alt',
  ...SECTION_AND_PHOTO_COLUMNS,
] as const;

/** Joins the section and the lead photo to an article query and selects what a card shows. */
export const withSummaryColumns = (query: ReturnType<typeof fromArticles>) =>
  query
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .leftJoin('media as m', 'm.id', 'a.lead_media_id')
    .select(FRONT_STORY_COLUMNS);

/** A row with what `frontStoryFrom` reads: any article row has it. */
type FrontStoryRow = Awaited<
  ReturnType<ReturnType<typeof withSummaryColumns>['executeTakeFirstOrThrow']>
>;

/** Each media column beside the name it has in an article row, worked out once. */
const PREFIXED_MEDIA_COLUMNS = MEDIA_COLUMN_NAMES.map(
  (column) => [column, `media_${column}`] as const,
);

/** The story's lead photo, with the story's own caption, credit and alt text over the photo's. */
export function leadImageFrom(row: FrontStoryRow): LeadImage | null {
  if (row.media_id === null) return null;
  // Every story card runs this: a plain loop, no arrays or names built per row.
  const columns: Record<string, unknown> = {};
  for (const [column, prefixed] of PREFIXED_MEDIA_COLUMNS) columns[column] = row[prefixed];
  const media = mediaFrom(columns as unknown as Selectable<MediaTable>);
  return {
    media,
    caption: row.lead_caption ?? media.caption,
    credit: row.lead_credit ?? media.credit,
    alt: row.lead_alt ?? media.alt,
  };
}

export const sectionFrom = (row: FrontStoryRow): Section => ({
  id: row.section_id,
  slug: row.section_slug,
  name: row.section_name,
  description: row.section_description,
  position: row.section_position,
  hidden: Boolean(row.section_hidden),
});

/** A story as a front's card shows it, from an article row or one of `FRONT_STORY_COLUMNS`. */
export function frontStoryFrom(row: FrontStoryRow): FrontStory {
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    standfirst: row.standfirst,
    section: sectionFrom(row),
    leadImage: leadImageFrom(row),
    publishedAt: fromDbTime(row.published_at ?? row.created_at),
  };
}

/** The summary a list shows, from the same row. */
export function summaryFrom(row: FrontStoryRow, bylines: AuthorProfile[]): ArticleSummary {
  return { ...frontStoryFrom(row), bylines };
}
