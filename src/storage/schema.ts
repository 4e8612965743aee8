/**
 * The database as Kysely sees it. Times are ISO 8601 UTC strings of fixed width in both engines
 * (see docs/adr/0003-storage.md), so they compare and sort the same everywhere.
 * Longer than 400 lines on purpose: one table per interface, nothing else, and one file is the
 * place a reader looks for every column; splitting it by feature would scatter that.
 */
/* eslint-disable max-lines -- one table per interface, as said above */
import type { Generated } from 'kysely';
import type { ImageFormat } from '../domain/media/media-item.js';

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface SectionsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  position: number;
  hidden: Generated<number>;
}

/** Slugs a section was known by, so old links are sent on to where it lives now. */
export interface SectionFormerSlugsTable {
  slug: string;
  section_id: number;
  retired_at: string;
}

export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface AuthorsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: string;
  bio: string;
  photo_media_id: number | null;
  /** JSON array of URLs: the person's website and social profiles. */
  links: Generated<string>;
}

export interface MediaTable {
  id: Generated<number>;
  original_name: string;
  mime_type: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
  alt: string;
  placeholder_color: string;
  content_hash: string;
  created_at: string;
  format: ImageFormat;
  bytes: number;
  creator: string;
  copyright: string;
  focal_x: number;
  focal_y: number;
  /** 1 once the background job has made every variant. */
  variants_ready: number;
  uploaded_by: number | null;
}

/** Who has which article open, by the last heartbeat of their editor. */
export interface ArticlePresenceTable {
  article_id: number;
  user_id: number;
  user_name: string;
  seen_at: string;
}

/** Which articles show which photos, kept in step with every save. */
export interface ArticleMediaTable {
  article_id: number;
  media_id: number;
  usage: 'lead' | 'inline' | 'social';
}

/** Work done in the background, claimed by one process at a time, retried on failure. */
export interface WebhookSubscriptionsTable {
  id: Generated<number>;
  url: string;
  /** Event types, comma-separated. */
  events: string;
  description: string;
  /** 1 or 0. */
  active: number;
  secret: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  subscription_id: number;
  event_id: number;
  event_type: string;
  body: string;
  status: string;
  attempts: number;
  last_response_code: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookAttemptsTable {
  delivery_id: number;
  number: number;
  response_code: number | null;
  error: string | null;
  attempted_at: string;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  /** JSON. */
  payload: string;
  run_at: string;
  attempts: number;
  /** A claimed job is left alone until then; a crashed worker's job is taken up after it. */
  locked_until: string | null;
  last_error: string | null;
  done_at: string | null;
  created_at: string;
}

export interface ArticlesTable {
  id: Generated<number>;
  slug: string;
  section_id: number;
  headline: string;
  standfirst: string;
  dateline: string;
  /** The body document as JSON text. */
  body: string;
  lead_media_id: number | null;
  lead_caption: string | null;
  lead_credit: string | null;
  lead_alt: string | null;
  sign_off: string;
  status: string;
  published_at: string | null;
  updated_at: string;
  created_at: string;
  seo_title: string;
  seo_description: string;
  social_title: Generated<string>;
  social_description: Generated<string>;
  social_media_id: number | null;
  /** When what readers see last changed after the story went live; null if it never has. */
  live_changed_at: string | null;
  /** Number of the latest revision; a save based on an older one is a conflict. */
  revision: Generated<number>;
  created_by: number | null;
  /** When a scheduled article goes live (also its embargo). */
  publish_at: string | null;
  /** When a published article comes down by itself. */
  unpublish_at: string | null;
  killed_at: string | null;
  /** While changes wait to go live: the revision readers still see (the columns hold it). */
  live_revision: number | null;
  /** When a writer asked for the waiting changes to go live. */
  changes_in_review_at: string | null;
}

/** The story's visibility, copied by triggers (migration 0019) so its lists read the link's index. */
interface StoryVisibilityCopy {
  status: Generated<string>;
  published_at: Generated<string | null>;
  killed_at: Generated<string | null>;
  unpublish_at: Generated<string | null>;
}

export interface ArticleAuthorsTable extends StoryVisibilityCopy {
  article_id: number;
  author_id: number;
  position: number;
}

export interface ArticleTagsTable extends StoryVisibilityCopy {
  article_id: number;
  tag_id: number;
  position: number;
}

/** A story's related stories, best first (`rank` from 0), chosen when it is saved (ADR 0049). */
export interface StoryRelatedTable {
  article_id: number;
  related_id: number;
  rank: number;
}

/** The sitemap index's months: published, unkilled stories and the last change, by trigger. */
export interface PublishedMonthsTable {
  month: string;
  stories: number;
  last_changed: string;
}

/** Slugs an article was once published under, so old links keep working. */
export interface ArticleSlugHistoryTable {
  slug: string;
  article_id: number;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  author_id: number | null;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string;
  ip: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  expires_at: string | null;
}

/** Keys of the read-only Content API; only the secret's hash is kept. */
export interface ContentApiKeysTable {
  id: Generated<number>;
  name: string;
  key_hash: string;
  key_prefix: string;
  created_by: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  expires_at: string | null;
}

export interface OneTimeTokensTable {
  token_hash: string;
  purpose: 'invitation' | 'password_reset';
  email: string;
  role: string | null;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  withdrawn_at: string | null;
}

export interface LoginFailuresTable {
  key: string;
  failed_at: string;
}

export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  number: number;
  kind: string;
  based_on: number | null;
  user_id: number | null;
  created_at: string;
  snapshot: string;
}

export interface CorrectionsTable {
  id: Generated<number>;
  article_id: number;
  kind: string;
  text: string;
  user_id: number | null;
  created_at: string;
}

export interface ArticleNotesTable {
  id: Generated<number>;
  article_id: number;
  user_id: number;
  text: string;
  created_at: string;
}

export interface AlertsTable {
  id: Generated<number>;
  kind: string;
  article_id: number | null;
  message: string;
  created_at: string;
  resolved_at: string | null;
}

export interface EventsTable {
  id: Generated<number>;
  type: string;
  article_id: number | null;
  user_id: number | null;
  payload: string;
  created_at: string;
}

export interface ScheduledUpdatesTable {
  id: Generated<number>;
  article_id: number;
  revision: number;
  user_id: number;
  apply_at: string;
  applied_at: string | null;
  cancelled_at: string | null;
}

/** The audit trail: appended to, purged in bulk by age, never updated. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  event: string;
  actor_kind: string;
  actor_user_id: number | null;
  actor_email: string | null;
  actor_name: string | null;
  target_type: string | null;
  target_id: string | null;
  /** JSON object. */
  details: string;
  ip: string | null;
  user_agent: string | null;
}

/** Views of a story in one hour (hours since the epoch, UTC); ADR 0050. */
export interface StoryViewsTable {
  article_id: number;
  hour: number;
  views: number;
}

/** One agency story at its newest version, with the previous version's text; ADR 0056. */
export interface WireItemsTable {
  id: Generated<number>;
  uri: string;
  version: number;
  agency: string;
  urgency: number | null;
  headline: string;
  dateline: string;
  body_html: string;
  /** JSON arrays. */
  bylines: string;
  subjects: string;
  photos: string;
  sent_at: string;
  first_created_at: string | null;
  language: string | null;
  format: string;
  received_at: string;
  updated_at: string | null;
  previous_version: number | null;
  previous_headline: string | null;
  previous_body_html: string | null;
  source_id: number | null;
}

/** An article made from a wire item, and the item's version it was made from. */
export interface WireItemArticlesTable {
  wire_item_id: number;
  article_id: number;
  made_from_version: number;
  created_at: string;
}

/** Where an imported story came from, for updates and old addresses (ADR 0054). */
export interface ImportSourcesTable {
  system: string;
  external_id: string;
  article_id: number;
  fingerprint: string;
  old_path: string | null;
  missing_photo_url: string | null;
  imported_at: string;
}

/** An import started in the newsroom, its progress and report; ADR 0059. */
export interface ImportRunsTable {
  id: Generated<number>;
  started_by: number;
  file_name: string;
  format: string;
  // bigint: PostgreSQL hands it back as a string.
  size_bytes: number | string;
  bytes_read: Generated<number | string>;
  status: string;
  imported: Generated<number>;
  updated: Generated<number>;
  queued: Generated<number>;
  skipped: Generated<number>;
  failed: Generated<number>;
  missing: Generated<number>;
  report: string | null;
  error: string | null;
  started_at: string;
  heartbeat_at: string;
  finished_at: string | null;
}

/** An agency feed or drop folder the polling job reads, with its health; ADR 0058. */
export interface WireSourcesTable {
  id: Generated<number>;
  name: string;
  agency: string;
  kind: string;
  location: string;
  interval_minutes: number;
  enabled: number;
  next_poll_at: string;
  last_polled_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  last_received: number | null;
  failures: Generated<number>;
  etag: string | null;
  last_modified: string | null;
  created_at: string;
  updated_at: string;
}

export interface DatabaseSchema {
  audit_log: AuditLogTable;
  scheduled_updates: ScheduledUpdatesTable;
  events: EventsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  content_api_keys: ContentApiKeysTable;
  one_time_tokens: OneTimeTokensTable;
  login_failures: LoginFailuresTable;
  article_revisions: ArticleRevisionsTable;
  corrections: CorrectionsTable;
  article_notes: ArticleNotesTable;
  alerts: AlertsTable;
  settings: SettingsTable;
  sections: SectionsTable;
  section_former_slugs: SectionFormerSlugsTable;
  tags: TagsTable;
  authors: AuthorsTable;
  media: MediaTable;
  article_media: ArticleMediaTable;
  article_presence: ArticlePresenceTable;
  jobs: JobsTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  article_slug_history: ArticleSlugHistoryTable;
  story_related: StoryRelatedTable;
  published_months: PublishedMonthsTable;
  story_views: StoryViewsTable;
  wire_items: WireItemsTable;
  wire_item_articles: WireItemArticlesTable;
  import_sources: ImportSourcesTable;
  import_runs: ImportRunsTable;
  wire_sources: WireSourcesTable;
}

export { fromDbTime, toDbTime } from './stored-time.js';
