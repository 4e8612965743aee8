/**
 * The shapes the admin API answers with, as JSON (dates are ISO strings). Only types come from
 * the server's source: the draft and the body schema are the API's own definitions.
 */
import type { ArticleDraft } from '../../../src/domain/article/article-draft.js';
import type { BodyDocument } from '../../../src/domain/body/body-document.js';
import type { Role } from '../../../src/domain/roles/role.js';
import type { ArticleAction } from '../../../src/domain/roles/article-actions.js';
import type { PhotoAction } from '../../../src/domain/roles/photo-actions.js';
import type { UserAction } from '../../../src/domain/roles/user-actions.js';
import type { FieldChange } from '../../../src/domain/article/draft-diff.js';
import type { DiffParagraph, DiffPart } from '../../../src/domain/article/text-diff.js';

export type { ArticleAction, ArticleDraft, BodyDocument, PhotoAction, Role, UserAction };

export type ArticleStatus = 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished';

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  authorId: number | null;
}

/** An invitation not yet taken up, as the users page lists it. */
export interface PendingInvitation {
  email: string;
  role: Role | null;
  invitedBy: string | null;
  invitedAt: string;
  expiresAt: string;
  expired: boolean;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

/** An article as the newsroom's lists show it. */
export interface DeskEntry {
  id: number;
  headline: string;
  status: ArticleStatus;
  sectionId: number;
  createdBy: number | null;
  revision: number;
  updatedAt: string;
  publishedAt: string | null;
  publishAt: string | null;
  killed: boolean;
  /** Where readers find the story; null while they cannot (absent from the dashboard's lists). */
  publicUrl?: string | null;
  /** What the signed-in person may do with it: the server decides, the app only shows. */
  allowedActions: ArticleAction[];
}

export interface Alert {
  id: number;
  kind: string;
  articleId: number | null;
  message: string;
  createdAt: string;
}

export interface Dashboard {
  myDrafts: DeskEntry[];
  inReview: DeskEntry[];
  scheduled: DeskEntry[];
  recentlyPublished: DeskEntry[];
  alerts: Alert[];
  /** The editor-in-chief's first steps while the paper is new; null otherwise. */
  firstRun?: FirstRunItem[] | null;
}

export type FirstRunStep = 'settings' | 'sections' | 'invite' | 'first_story';

export interface FirstRunItem {
  step: FirstRunStep;
  done: boolean;
}

export interface Section {
  id: number;
  slug: string;
  name: string;
  description: string;
  position: number;
  /** Left out of the reader's navigation; its front and stories stay reachable. */
  hidden?: boolean;
}

export type AuthorKind = 'staff' | 'guest' | 'agency';

export interface Author {
  id: number;
  slug: string;
  name: string;
  kind: AuthorKind;
  bio: string;
  photoId: number | null;
  links: string[];
}

/** What the newsroom edits on a byline profile; the slug keeps the author page's address. */
export type AuthorDetails = Pick<Author, 'name' | 'bio' | 'kind' | 'photoId' | 'links'>;

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';

/** Where the subject of a photo is, as fractions of its width and height from the top left. */
export interface FocalPoint {
  x: number;
  y: number;
}

/** A photo in the library, with its default caption, credit and alt text. */
export interface MediaItem {
  id: number;
  originalName: string;
  mimeType: string;
  format: ImageFormat;
  /** Size once turned upright. */
  width: number;
  height: number;
  /** Size of the original file. */
  bytes: number;
  caption: string;
  credit: string;
  creator: string;
  copyright: string;
  alt: string;
  focalPoint: FocalPoint;
  /** Average colour shown while the photo loads, as #rrggbb. */
  placeholderColor: string;
  contentHash: string;
  variantsReady: boolean;
  uploadedBy: { id: number; name: string } | null;
  createdAt: string;
  urls: {
    /** About 320 px wide, cropped square around the focal point. */
    thumbnail: string;
    /** About 1024 px wide, the photo's own shape. */
    preview: string;
  };
  /** What the signed-in person may do with it: the server decides, the app only shows. */
  allowedActions: PhotoAction[];
}

/** An article that shows the photo, as its lead or in its text. */
export interface MediaUse {
  articleId: number;
  headline: string;
  status: ArticleStatus;
  as: 'lead' | 'inline' | 'social';
}

/** One photo as the library's detail panel opens it, with where it is used. */
export interface MediaDetails extends MediaItem {
  usage: MediaUse[];
}

/** The wording and focal point of a photo anyone allowed may change. */
export type MediaChanges = Partial<
  Pick<MediaItem, 'caption' | 'credit' | 'creator' | 'copyright' | 'alt' | 'focalPoint'>
>;

/** Someone who uploaded photos, for the library's filter. */
export interface Uploader {
  id: number;
  name: string;
}

export interface Correction {
  id: number;
  kind: 'correction' | 'clarification';
  text: string;
  createdAt: string;
}

export interface Note {
  id: number;
  userId: number;
  text: string;
  createdAt: string;
  /** Present when the server names the writer of the note. */
  name?: string;
}

/** One article as the editor opens it. */
export interface DeskArticle {
  id: number;
  revision: number;
  status: ArticleStatus;
  killed: boolean;
  draft: ArticleDraft;
  section: Section;
  /** Where readers find the story (its canonical address); null while they cannot. */
  publicUrl: string | null;
  publishedAt: string | null;
  updatedAt: string;
  publishAt: string | null;
  unpublishAt: string | null;
  createdBy: number | null;
  corrections: Correction[];
  notes: Note[];
  /** True when a live story has saved changes readers do not see yet. */
  pendingChanges?: boolean;
  pending?: PendingChanges | null;
  /** What the signed-in person may do with it: the server decides, the app only shows. */
  allowedActions: ArticleAction[];
}

/** Saved changes to a live story, waiting for an editor to publish them. */
export interface PendingChanges {
  revision: number;
  liveRevision: number;
  savedAt: string | null;
  savedBy: { id: number; name: string } | null;
  /** A writer asked for them to go live. */
  inReview: boolean;
}

export type RevisionKind = 'save' | 'autosave' | 'conflict' | 'restore';

export interface Revision {
  number: number;
  kind: RevisionKind;
  basedOn: number | null;
  userId: number | null;
  /** Who saved it; null for imports. */
  name: string | null;
  createdAt: string;
  snapshot: ArticleDraft;
}

export interface RevisionList {
  current: number;
  revisions: Revision[];
}

export type { DiffPart, DiffParagraph, FieldChange };

/** What changed between two revisions, field by field. */
export interface RevisionDiff {
  from: number;
  to: number;
  changes: FieldChange[];
}

export interface Presence {
  others: { userId: number; name: string }[];
}

/** A member of staff as the users screen lists them. */
export interface StaffUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  authorId: number | null;
  createdAt: string;
  disabledAt: string | null;
  /** What the signed-in editor-in-chief may do with the account: never disable themselves. */
  allowedActions: UserAction[];
}

export type HijriCalendar = 'islamic-umalqura' | 'islamic-civil' | 'none';

export interface MonthStartOverride {
  year: number;
  month: number;
  startsOn: string;
}

export interface WeatherSettings {
  provider: 'openweathermap' | 'open-meteo' | 'none';
  label: string;
  lat: number;
  lon: number;
}

/** The publication's settings (src/domain/publication/publication-settings.ts). */
export interface PublicationSettings {
  name: string;
  tagline: string;
  editorInChief: string;
  timezone: string;
  locale: string;
  country: string;
  hijri: {
    calendar: HijriCalendar;
    adjustDays: number;
    monthStartOverrides: MonthStartOverride[];
    monthNames?: string[];
  };
  weather: WeatherSettings | null;
  articlesPerPage: number;
  /** The editor-in-chief's allow-list of embed providers (ids from /api/admin/embed-providers). */
  embeds: { allowedProviders: string[] };
  /** Whether RSS, Atom and JSON Feed carry whole stories or only their summaries. */
  feeds: { fullText: boolean };
}

/** A front's running order (the home page's or a section's): the lead, then the top stories. */
export interface FrontCuration {
  lead: number | null;
  top: number[];
}
