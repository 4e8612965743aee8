/** The admin API, one typed function per call. */
import { request, queryString } from './client.js';
import type { PaperClock } from '../components/paper-clock.js';
import type { InvitationMail } from './mail.js';
import type {
  ArticleDraft,
  ArticleStatus,
  Author,
  AuthorDetails,
  Correction,
  Dashboard,
  DeskArticle,
  DeskEntry,
  PendingInvitation,
  RevisionDiff,
  MediaChanges,
  MediaDetails,
  MediaItem,
  Note,
  Presence,
  RevisionList,
  FrontCuration,
  PublicationSettings,
  Section,
  Session,
  StaffUser,
  Role,
  Uploader,
} from './types.js';

const articles = '/api/admin/articles';
const media = '/api/admin/media';
const frontUrl = (sectionId: number | null) =>
  sectionId === null ? '/api/admin/homepage' : `/api/admin/sections/${sectionId}/front`;

export interface DeskFilters {
  status?: ArticleStatus | '';
  sectionId?: number | '';
  authorId?: number | '';
  search?: string;
  page?: number;
}

export const MEDIA_PAGE_SIZE = 60;

/** The photo library's search: caption, credit and file name; dates as YYYY-MM-DD. */
export interface MediaFilters {
  search?: string;
  uploadedBy?: number | '';
  from?: string;
  to?: string;
  page?: number;
}

export type DraftChanges = Partial<ArticleDraft>;

export const newsroom = {
  session: () => request<Session>('GET', '/api/admin/session', undefined, { quietOn401: true }),
  signIn: (email: string, password: string) =>
    request<Session>('POST', '/api/admin/session', { email, password }, { quietOn401: true }),
  signOut: () => request<void>('DELETE', '/api/admin/session'),

  dashboard: () => request<Dashboard>('GET', '/api/admin/dashboard'),
  sections: () => request<Section[]>('GET', '/api/admin/sections'),
  authors: () => request<Author[]>('GET', '/api/admin/authors'),
  createAuthor: (details: AuthorDetails) => request<Author>('POST', '/api/admin/authors', details),
  changeAuthor: (id: number, details: AuthorDetails) =>
    request<Author>('PATCH', `/api/admin/authors/${id}`, details),
  /** Newest first, MEDIA_PAGE_SIZE a page. Uploading is uploadPhoto (media/upload-photo.ts). */
  media: (filters: MediaFilters = {}) =>
    request<MediaItem[]>('GET', `${media}${queryString({ ...filters })}`),
  mediaUploaders: () => request<Uploader[]>('GET', `${media}/uploaders`),
  mediaItem: (id: number) => request<MediaDetails>('GET', `${media}/${id}`),
  changeMedia: (id: number, changes: MediaChanges) =>
    request<MediaItem>('PATCH', `${media}/${id}`, changes),
  deleteMedia: (id: number) => request<void>('DELETE', `${media}/${id}`),

  list: (filters: DeskFilters) =>
    request<{ page: number; articles: DeskEntry[] }>(
      'GET',
      `${articles}${queryString({ ...filters })}`,
    ),
  create: (draft: DraftChanges) =>
    request<{ id: number; revision: number }>('POST', articles, draft),
  read: (id: number) => request<DeskArticle>('GET', `${articles}/${id}`),
  /** `choices`, after a 409: the version to keep for each conflict, by its key. */
  save: (
    id: number,
    revision: number,
    changes: DraftChanges,
    autosave: boolean,
    choices?: Record<string, 'yours' | 'theirs'>,
  ) =>
    request<{ revision: number; pendingChanges?: boolean; merged?: string[] }>(
      'PATCH',
      `${articles}/${id}`,
      { revision, autosave, ...changes, ...(choices && { choices }) },
    ),
  transition: (id: number, to: ArticleStatus, times: { publishAt?: string } = {}) =>
    request<{ status: ArticleStatus; inReview?: boolean }>(
      'POST',
      `${articles}/${id}/transitions`,
      { to, ...times },
    ),
  kill: (id: number) => request<{ status: string }>('POST', `${articles}/${id}/kill`, {}),
  correct: (id: number, kind: Correction['kind'], text: string) =>
    request<Correction>('POST', `${articles}/${id}/corrections`, { kind, text }),
  revisions: (id: number) => request<RevisionList>('GET', `${articles}/${id}/revisions`),
  diff: (id: number, from: number, to: number) =>
    request<RevisionDiff>('GET', `${articles}/${id}/diff${queryString({ from, to })}`),
  restore: (id: number, number: number, revision: number) =>
    request<{ revision: number }>('POST', `${articles}/${id}/revisions/${number}/restore`, {
      revision,
    }),
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
    request<unknown>('POST', '/api/admin/password-resets', { email }, { quietOn401: true }),
  completePasswordReset: (token: string, password: string) =>
    request<{ message: string }>(
      'POST',
      '/api/admin/password-resets/complete',
      { token, password },
      { quietOn401: true },
    ),

  settings: () => request<PublicationSettings>('GET', '/api/admin/settings'),
  saveSettings: (settings: PublicationSettings) =>
    request<PublicationSettings>('PUT', '/api/admin/settings', settings),

  users: () => request<{ users: StaffUser[] }>('GET', '/api/admin/users'),
  changeUser: (id: number, change: { role?: Role; disabled?: boolean }) =>
    request<{ user: StaffUser }>('PATCH', `/api/admin/users/${id}`, change),
  invite: (email: string, role: Role) =>
    request<{
      invitation: { email: string; role: Role; expiresAt: string };
      mail: InvitationMail;
    }>('POST', '/api/admin/invitations', { email, role }),
  invitations: () => request<{ invitations: PendingInvitation[] }>('GET', '/api/admin/invitations'),
  resendInvitation: (email: string) =>
    request<{ invitation: { email: string; expiresAt: string }; mail: InvitationMail }>(
      'POST',
      '/api/admin/invitations/resend',
      { email },
    ),
  revokeInvitation: (email: string) =>
    request<{ revoked: string }>('POST', '/api/admin/invitations/revoke', { email }),
  checkInvitation: (token: string) =>
    request<{ invitation: { email: string; role: Role; expiresAt: string } }>(
      'POST',
      '/api/admin/invitations/check',
      { token },
      { quietOn401: true },
    ),
  paperClock: () => request<PaperClock>('GET', '/api/admin/paper-clock'),

  /** A front's running order: the home page's (`null`) or a section's. */
  front: (sectionId: number | null) => request<FrontCuration>('GET', frontUrl(sectionId)),
  saveFront: (sectionId: number | null, curation: FrontCuration) =>
    request<FrontCuration>('PUT', frontUrl(sectionId), curation),
  /** The front as readers would see it with this unsaved order. */
  frontPreviewUrl: (sectionId: number | null, curation: FrontCuration) =>
    `${frontUrl(sectionId)}/preview${queryString({
      lead: curation.lead ?? undefined,
      top: curation.top.join(','),
    })}`,
};
