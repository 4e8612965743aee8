/**
 * The shapes the admin API answers with, derived from the server's endpoint schemas
 * (src/http/api/<resource>/<resource>-schema.ts) so they cannot drift from what it sends.
 * Only types come from the server's source; `Answer` turns its dates into ISO strings.
 */
import type { ArticleDraft } from '../../../src/domain/article/article-draft.js';
import type { BodyDocument } from '../../../src/domain/body/body-document.js';
import type { Role } from '../../../src/domain/roles/role.js';
import type { ArticleAction } from '../../../src/domain/roles/article-actions.js';
import type { PhotoAction } from '../../../src/domain/roles/photo-actions.js';
import type { UserAction } from '../../../src/domain/roles/user-actions.js';
import type { FieldChange } from '../../../src/domain/article/draft-diff.js';
import type { DiffParagraph, DiffPart } from '../../../src/domain/article/text-diff.js';
import type {
  articleStatus,
  correctionOutput,
  deskArticleOutput,
  deskEntryOutput,
  deskListOutput,
  diffOutput,
  noteOutput,
  revisionsOutput,
  sectionOutput,
} from '../../../src/http/api/articles/articles-schema.js';
import type {
  authorProfileOutput,
  dashboardOutput,
  presenceOutput,
} from '../../../src/http/api/desk/desk-schema.js';
import type { breakingNewsOutput } from '../../../src/http/api/publication/breaking-news-schema.js';
import type { invitationListOutput } from '../../../src/http/api/invitations/invitations-schema.js';
import type {
  photoOutput,
  photoWithUsageOutput,
  uploadersOutput,
} from '../../../src/http/api/media/media-schema.js';
import type {
  curationOutput,
  settingsOutput,
} from '../../../src/http/api/publication/publication-schema.js';
import type { signedInOutput } from '../../../src/http/api/session/session-schema.js';
import type { userOutput } from '../../../src/http/api/users/users-schema.js';
import type { Answer } from './json.js';

export type { ArticleAction, ArticleDraft, BodyDocument, PhotoAction, Role, UserAction };

export type ArticleStatus = Answer<typeof articleStatus>;

/** The signed-in person, and the token the app sends with every change. */
export type Session = Answer<typeof signedInOutput>;
export type SessionUser = Session['user'];

/** An invitation not yet taken up, as the users page lists it. */
export type PendingInvitation = Answer<typeof invitationListOutput>['invitations'][number];

/** An article as the dashboard's lists show it. */
export type DeskEntry = Answer<typeof deskEntryOutput>;
/** An article as the desk lists it, with where readers find it (null while they cannot). */
export type DeskListEntry = Answer<typeof deskListOutput>['articles'][number];
export type DeskList = Answer<typeof deskListOutput>;

export type Dashboard = Answer<typeof dashboardOutput>;
export type Alert = Dashboard['alerts'][number];
export type FirstRunItem = NonNullable<Dashboard['firstRun']>[number];
export type FirstRunStep = FirstRunItem['step'];

export type Section = Answer<typeof sectionOutput>;

export type Author = Answer<typeof authorProfileOutput>;
export type AuthorKind = Author['kind'];

/**
 * The byline profile form's state, sent whole (the slug keeps the author page's address); the
 * calls check it against the body schema.
 */
export type AuthorDetails = Pick<Author, 'name' | 'bio' | 'kind' | 'photoId' | 'links'>;

/** A photo in the library, with its default caption, credit and alt text. */
export type MediaItem = Answer<typeof photoOutput>;
export type ImageFormat = MediaItem['format'];
/** Where the subject of a photo is, as fractions of its width and height from the top left. */
export type FocalPoint = MediaItem['focalPoint'];

/** One photo as the library's detail panel opens it, with where it is used. */
export type MediaDetails = Answer<typeof photoWithUsageOutput>;
/** An article that shows the photo, as its lead or in its text. */
export type MediaUse = MediaDetails['usage'][number];

/** Someone who uploaded photos, for the library's filter. */
export type Uploader = Answer<typeof uploadersOutput>[number];

export type Correction = Answer<typeof correctionOutput>;
export type Note = Answer<typeof noteOutput>;

/** One article as the editor opens it. */
export type DeskArticle = Answer<typeof deskArticleOutput>;
/** Saved changes to a live story, waiting for an editor to publish them. */
export type PendingChanges = NonNullable<DeskArticle['pending']>;

export type RevisionList = Answer<typeof revisionsOutput>;
export type Revision = RevisionList['revisions'][number];
export type RevisionKind = Revision['kind'];

export type { DiffPart, DiffParagraph, FieldChange };

/** What changed between two revisions, field by field. */
export type RevisionDiff = Answer<typeof diffOutput>;

export type Presence = Answer<typeof presenceOutput>;

/** A member of staff as the users screen lists them. */
export type StaffUser = Answer<typeof userOutput>;

/** The publication's settings (src/domain/publication/publication-settings.ts). */
export type PublicationSettings = Answer<typeof settingsOutput>;
export type HijriCalendar = PublicationSettings['hijri']['calendar'];
export type MonthStartOverride = PublicationSettings['hijri']['monthStartOverrides'][number];
export type WeatherSettings = NonNullable<PublicationSettings['weather']>;

/** The breaking-news banner as the newsroom reads it, or null when none is showing. */
export type BreakingNewsAnswer = Answer<typeof breakingNewsOutput>;
export type BreakingNews = NonNullable<BreakingNewsAnswer['banner']>;

/** A front's running order (the home page's or a section's): the lead, then the top stories. */
export type FrontCuration = Answer<typeof curationOutput>;
