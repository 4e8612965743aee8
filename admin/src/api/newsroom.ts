/** The admin API, one typed function per call. */
import { request, queryString } from './client.js';
import type { PaperClock } from '../components/paper-clock.js';
import type { authorDetailsSchema } from '../../../src/domain/author/author.js';
import type {
  createArticleInput,
  createdArticleOutput,
  deskListInput,
  saveArticleInput,
  savedArticleOutput,
  transitionInput,
  transitionOutput,
  killOutput,
} from '../../../src/http/api/articles/articles-schema.js';
import type {
  checkedInvitationOutput,
  resentInvitationOutput,
  revokedInvitationOutput,
  sentInvitationOutput,
} from '../../../src/http/api/invitations/invitations-schema.js';
import type { editPhotoInput, listPhotosInput } from '../../../src/http/api/media/media-schema.js';
import type { resetMessageOutput } from '../../../src/http/api/password-resets/password-resets-schema.js';
import type {
  homeCurationInput,
  settingsInput,
} from '../../../src/http/api/publication/publication-schema.js';
import type { setBannerInput } from '../../../src/http/api/publication/breaking-news-schema.js';
import type { sessionOutput } from '../../../src/http/api/session/session-schema.js';
import type {
  changeUserInput,
  changedUserOutput,
  userListOutput,
} from '../../../src/http/api/users/users-schema.js';
import type { Answer, Body, Query } from './json.js';
import type {
  ArticleStatus,
  Author,
  BreakingNewsAnswer,
  AuthorDetails,
  Correction,
  Dashboard,
  DeskArticle,
  DeskList,
  PendingInvitation,
  RevisionDiff,
  MediaDetails,
  MediaItem,
  Note,
  Presence,
  RevisionList,
  FrontCuration,
  PublicationSettings,
  Section,
  Session,
  Role,
  Uploader,
} from './types.js';

const articles = '/api/admin/articles';
const media = '/api/admin/media';
const frontUrl = (sectionId: number | null) =>
  sectionId === null ? '/api/admin/homepage' : `/api/admin/sections/${sectionId}/front`;

/** The desk's filters: state, section, byline, words of the headline; a blank one is unset. */
export type DeskFilters = Query<typeof deskListInput>;

export const MEDIA_PAGE_SIZE = 60;

/** The photo library's search: caption, credit and file name; dates as YYYY-MM-DD. */
export type MediaFilters = Query<typeof listPhotosInput>;

/**
 * What a save may change: any of the draft's fields, whole, as the editor holds them (the save's
 * body schema would also take a lead without its wording; `satisfies` below checks it takes these).
 */
export type DraftChanges = Partial<DeskArticle['draft']>;

/** The wording and focal point of a photo anyone allowed may change. */
export type MediaChanges = Omit<Body<typeof editPhotoInput>, 'id'>;

type AuthorBody = Body<typeof authorDetailsSchema>;

/** A move to another state, with the times a move to `scheduled` takes. */
export type Transition = Omit<Body<typeof transitionInput>, 'id'>;
export type TransitionTimes = Omit<Transition, 'to'>;
export type UserChange = Omit<Body<typeof changeUserInput>, 'id'>;

export const newsroom = {
  /** Signed in, both are present (else the server answers 401); the schema allows null. */
  session: () =>
    request<Answer<typeof sessionOutput>>('GET', '/api/admin/session', undefined, {
      quietOn401: true,
    }),
  signIn: (email: string, password: string) =>
    request<Session>('POST', '/api/admin/session', { email, password }, { quietOn401: true }),
  signOut: () => request<void>('DELETE', '/api/admin/session'),

  dashboard: () => request<Dashboard>('GET', '/api/admin/dashboard'),
  sections: () => request<Section[]>('GET', '/api/admin/sections'),
  authors: () => request<Author[]>('GET', '/api/admin/authors'),
  createAuthor: (details: AuthorDetails) =>
    request<Author>('POST', '/api/admin/authors', details satisfies AuthorBody),
  changeAuthor: (id: number, details: AuthorDetails) =>
    request<Author>('PATCH', `/api/admin/authors/${id}`, details satisfies AuthorBody),
  /** Newest first, MEDIA_PAGE_SIZE a page. Uploading is uploadPhoto (media/upload-photo.ts). */
  media: (filters: MediaFilters = {}) =>
    request<MediaItem[]>('GET', `${media}${queryString({ ...filters })}`),
  mediaUploaders: () => request<Uploader[]>('GET', `${media}/uploaders`),
  mediaItem: (id: number) => request<MediaDetails>('GET', `${media}/${id}`),
  changeMedia: (id: number, changes: MediaChanges) =>
    request<MediaItem>('PATCH', `${media}/${id}`, changes),
  deleteMedia: (id: number) => request<void>('DELETE', `${media}/${id}`),

  list: (filters: DeskFilters) =>
    request<DeskList>('GET', `${articles}${queryString({ ...filters })}`),
  create: (draft: Body<typeof createArticleInput>) =>
    request<Answer<typeof createdArticleOutput>>('POST', articles, draft),
  read: (id: number) => request<DeskArticle>('GET', `${articles}/${id}`),
  /** `choices`, after a 409: the version to keep for each conflict, by its key. */
  save: (
    id: number,
    revision: number,
    changes: DraftChanges,
    autosave: boolean,
    choices?: Body<typeof saveArticleInput>['choices'],
  ) =>
    request<Answer<typeof savedArticleOutput>>('PATCH', `${articles}/${id}`, {
      revision,
      autosave,
      ...changes,
      ...(choices && { choices }),
    } satisfies Omit<Body<typeof saveArticleInput>, 'id'>),
  transition: (id: number, to: ArticleStatus, times: TransitionTimes = {}) =>
    request<Answer<typeof transitionOutput>>('POST', `${articles}/${id}/transitions`, {
      to,
      ...times,
    } satisfies Transition),
  kill: (id: number) => request<Answer<typeof killOutput>>('POST', `${articles}/${id}/kill`, {}),
  correct: (id: number, kind: Correction['kind'], text: string) =>
    request<Correction>('POST', `${articles}/${id}/corrections`, { kind, text }),
  revisions: (id: number) => request<RevisionList>('GET', `${articles}/${id}/revisions`),
  diff: (id: number, from: number, to: number) =>
    request<RevisionDiff>('GET', `${articles}/${id}/diff${queryString({ from, to })}`),
  restore: (id: number, number: number, revision: number) =>
    request<Answer<typeof savedArticleOutput>>(
      'POST',
      `${articles}/${id}/revisions/${number}/restore`,
      { revision },
    ),
  addNote: (id: number, text: string) => request<Note>('POST', `${articles}/${id}/notes`, { text }),
  presence: (id: number) => request<Presence>('POST', `${articles}/${id}/presence`, {}),
  previewUrl: (id: number) => `${articles}/${id}/preview`,

  acceptInvitation: (token: string, name: string, password: string) =>
    request<Session>(
      'POST',
      '/api/admin/invitations/accept',
      { token, name, password },
      { quietOn401: true },
    ),
  requestPasswordReset: (email: string) =>
    request<Answer<typeof resetMessageOutput>>(
      'POST',
      '/api/admin/password-resets',
      { email },
      { quietOn401: true },
    ),
  completePasswordReset: (token: string, password: string) =>
    request<Answer<typeof resetMessageOutput>>(
      'POST',
      '/api/admin/password-resets/complete',
      { token, password },
      { quietOn401: true },
    ),

  settings: () => request<PublicationSettings>('GET', '/api/admin/settings'),
  saveSettings: (settings: Body<typeof settingsInput>) =>
    request<PublicationSettings>('PUT', '/api/admin/settings', settings),

  users: () => request<Answer<typeof userListOutput>>('GET', '/api/admin/users'),
  changeUser: (id: number, change: UserChange) =>
    request<Answer<typeof changedUserOutput>>('PATCH', `/api/admin/users/${id}`, change),
  invite: (email: string, role: Role) =>
    request<Answer<typeof sentInvitationOutput>>('POST', '/api/admin/invitations', {
      email,
      role,
    }),
  invitations: () => request<{ invitations: PendingInvitation[] }>('GET', '/api/admin/invitations'),
  resendInvitation: (email: string) =>
    request<Answer<typeof resentInvitationOutput>>('POST', '/api/admin/invitations/resend', {
      email,
    }),
  revokeInvitation: (email: string) =>
    request<Answer<typeof revokedInvitationOutput>>('POST', '/api/admin/invitations/revoke', {
      email,
    }),
  checkInvitation: (token: string) =>
    request<Answer<typeof checkedInvitationOutput>>(
      'POST',
      '/api/admin/invitations/check',
      { token },
      { quietOn401: true },
    ),
  paperClock: () => request<PaperClock>('GET', '/api/admin/paper-clock'),

  /** The breaking-news banner showing now (null for none); set it, or take it down now. */
  breakingNews: () => request<BreakingNewsAnswer>('GET', '/api/admin/breaking-news'),
  setBreakingNews: (banner: Body<typeof setBannerInput>) =>
    request<BreakingNewsAnswer>('PUT', '/api/admin/breaking-news', banner),
  removeBreakingNews: () => request<BreakingNewsAnswer>('DELETE', '/api/admin/breaking-news'),

  /** A front's running order: the home page's (`null`) or a section's. */
  front: (sectionId: number | null) => request<FrontCuration>('GET', frontUrl(sectionId)),
  saveFront: (sectionId: number | null, curation: Body<typeof homeCurationInput>) =>
    request<FrontCuration>('PUT', frontUrl(sectionId), curation),
  /** The front as readers would see it with this unsaved order. */
  frontPreviewUrl: (sectionId: number | null, curation: FrontCuration) =>
    `${frontUrl(sectionId)}/preview${queryString({
      lead: curation.lead ?? undefined,
      top: curation.top.join(','),
    })}`,
};
