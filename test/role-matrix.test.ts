/**
 * The role matrix: every route the newsroom API registers under /api/admin/, called by each
 * role, by an editor's API token and by nobody at all, with the outcome the permission rules
 * (src/domain/roles/permissions.ts) promise. A route the table does not list fails the first
 * test, so no new route can skip the matrix.
 *
 * SQLite only: the rules live above the storage, and the table is long.
 */
/* eslint-disable max-lines -- one table of every route, kept whole so none can hide */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor } from '../src/domain/account/user.js';
import type { Actor } from '../src/domain/roles/role.js';
import { createApiToken } from '../src/services/accounts/create-api-token.js';
import { createArticle } from '../src/services/articles/create-article.js';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import { createContentKey } from '../src/services/content-api/create-content-key.js';
import { readDeskArticle } from '../src/services/articles/desk-reads.js';
import { transitionArticle } from '../src/services/articles/transition-article.js';
import { makeDraftFromWire } from '../src/services/wire/draft-from-wire.js';
import { receiveWireItem } from '../src/services/wire/receive-wire-item.js';
import { jpegPhoto } from './media-fixtures.js';
import { mediaRecord } from '../src/services/fakes/media-record.js';
import { multipartBody } from './multipart-body.js';
import { newsroomClient, PASSWORD, startNewsroom, type Browser } from './newsroom-client.js';
import type { TestApp } from './test-app.js';
import { createSqliteDatabase } from './test-databases.js';

const CALLERS = [
  'contributor',
  'writer',
  'editor',
  'editor_in_chief',
  'editors_api_token',
  'anonymous',
] as const;
type Caller = (typeof CALLERS)[number];

/** Allowed (the route's success answer), refused (403), or asked to sign in (401). */
type Outcome = 'ok' | 403 | 401;
type Expectation = Record<Caller, Outcome>;
/** An outcome, or what else came back, in words a failing test shows. */
type Observed = Outcome | `unexpected ${number}: ${string}`;

/** One outcome per caller, in the order of CALLERS. */
const who = (...outcomes: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]): Expectation =>
  Object.fromEntries(CALLERS.map((caller, i) => [caller, outcomes[i]])) as Expectation;

// prettier-ignore
const //                  contributor writer  editor  chief   token   anonymous
  ANYONE         = who('ok',      'ok',   'ok',   'ok',   'ok',   'ok'),
  SIGNED_IN      = who('ok',      'ok',   'ok',   'ok',   'ok',   401),
  WRITERS_UP     = who(403,       'ok',   'ok',   'ok',   'ok',   401),
  EDITORS_UP     = who(403,       403,    'ok',   'ok',   'ok',   401),
  PEOPLE_ONLY    = who('ok',      'ok',   'ok',   'ok',   403,    401),
  CHIEF_IN_PERSON = who(403,      403,    403,    'ok',   403,    401);

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type ArticleState = 'draft' | 'in_review' | 'published';

interface Row {
  route: `${Method} /api/admin/${string}`;
  /** What the call does, in the newsroom's words. */
  does: string;
  /** Who may, for a route about no article in particular. */
  expect?: Expectation;
  /** Who may, for a route about one article: on their own article, and on a colleague's. */
  article?: { state: ArticleState; own: Expectation; other: Expectation };
  query?: string;
  /** The body, given a counter and the path parameters made for the caller. */
  body?: (n: number, params: Record<string, number>) => object;
  /** Path parameters besides an article's id, made for this caller. */
  params?: (caller: Caller) => Promise<Record<string, number>>;
  /** What an allowed caller is answered when it is not a 2xx (a public route refusing a bad link). */
  answers?: number;
  /** The call ends the caller's sessions and tokens: it runs with fresh sign-ins and tokens. */
  endsSessions?: boolean;
  /** The call uploads a small photo (true), or this file, as multipart/form-data. */
  upload?: true | { name: string; bytes: Uint8Array };
}

/** Who may read an article: its author, and writers and above on anyone's. */
const READ = { own: SIGNED_IN, other: WRITERS_UP };
/** Who may edit a draft: its author, and editors and above on anyone's. */
const EDIT = { own: SIGNED_IN, other: EDITORS_UP };
/** Who may publish or schedule: its author from writer up, and editors and above on anyone's. */
const PUBLISH = { own: WRITERS_UP, other: EDITORS_UP };
/** Who may unpublish, kill or correct a live story: editors and above only. */
const EDITORS_ONLY = { own: EDITORS_UP, other: EDITORS_UP };

const paragraph = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }],
});
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

/** What the rows need from the running newsroom, filled in by beforeAll. */
const world = {} as {
  t: TestApp;
  sectionId: number;
  actors: Record<'contributor' | 'writer' | 'editor' | 'editor_in_chief' | 'colleague', Actor>;
  subjectId: number;
  tokenSecret: string;
  settings: object;
};

/** The account behind a caller; anonymous callers act on nobody's behalf. */
const accountOf = (caller: Caller): Actor =>
  caller === 'editors_api_token' || caller === 'anonymous'
    ? world.actors.editor
    : world.actors[caller];

/** A new photo in the library, uploaded by `owner` (the record only: no files are needed). */
const photoOf = async (owner: Actor) => {
  const media = await world.t.app.storage.stores.media.create(
    mediaRecord({ originalName: `matrix-${randomUUID()}.jpg`, uploadedBy: owner.userId }),
    new Date(),
  );
  return { id: media.id };
};

/** A new API token of the editor's, for the `editors_api_token` caller. */
const editorsToken = async () =>
  (await createApiToken(world.t.app.accounts, world.actors.editor, { name: 'editor’s script' }))
    .secret;

/** A new API token of the caller's account, to revoke (the editor-in-chief's for anonymous). */
const ownTokenToRevoke = async (caller: Caller) => {
  const owner = caller === 'anonymous' ? world.actors.editor_in_chief : accountOf(caller);
  const { token } = await createApiToken(world.t.app.accounts, owner, { name: 'to revoke' });
  return { id: token.id };
};

/** A new item in the wire queue, to read or make a draft of. */
const wireItemToRead = async () => {
  const { id } = await receiveWireItem(world.t.app.newsroom, {
    uri: `urn:matrix:${randomUUID()}`,
    version: 1,
    agency: 'Reuters',
    urgency: 3,
    headline: 'Matrix wire copy',
    dateline: 'MUSCAT',
    bodyHtml: '<p>Agency text.</p>',
    bylines: [],
    subjects: [],
    photos: [],
    firstCreatedAt: null,
    sentAt: '2026-12-06T08:00:00Z',
    language: 'en',
    format: 'ninjs',
  });
  return { id };
};

/** A new wire item, and a colleague's story made from it: only editors may say it caught up. */
const wireStoryOfColleague = async () => {
  const { id } = await wireItemToRead();
  const { id: articleId } = await makeDraftFromWire(
    world.t.app.newsroom,
    world.actors.colleague,
    id,
  );
  return { id, articleId };
};

/** A new empty section, to delete. */
const sectionToDelete = async () => {
  const section = await world.t.app.storage.stores.sections.create({
    slug: `matrix-${randomUUID()}`,
    name: 'To delete',
    description: '',
    position: 99,
  });
  return { id: section.id };
};

/** A new guest's byline profile, which belongs to no account. */
const guestProfile = async () => {
  const author = await world.t.app.storage.stores.authors.create({
    slug: `matrix-guest-${randomUUID()}`,
    name: 'Matrix Guest',
    kind: 'guest',
    bio: '',
  });
  return { id: author.id };
};

/** The caller's own byline profile (the editor-in-chief's for anonymous callers). */
const ownProfile = (caller: Caller) =>
  Promise.resolve({
    id: (caller === 'anonymous' ? world.actors.editor_in_chief : accountOf(caller)).authorId ?? 0,
  });

/** Every section's id, newest first: a whole new order for the navigation. */
let sectionOrder: number[] = [];
const everySectionReversed = async () => {
  sectionOrder = (await world.t.app.storage.stores.sections.list()).map((s) => s.id).reverse();
  return {};
};

/** A new webhook subscription, to change, roll, list or delete. */
/** A drop-folder source to change, poll or remove (polling it reaches no network). */
/** A one-item feed: imported again and again, its item is queued once and then skipped. */
const MATRIX_FEED = `<rss version="2.0"><channel><title>Matrix wire</title><item>
<title>Matrix wire story</title><guid>matrix-wire-1</guid><description>Words.</description>
</item></channel></rss>`;

const importRunToRead = async () => {
  const run = await world.t.app.storage.stores.importRuns.start(
    { startedBy: world.actors.editor.userId, fileName: 'matrix.xml', format: 'wxr', sizeBytes: 1 },
    new Date(),
  );
  return { id: run.id };
};

const wireSourceToManage = async () => {
  const source = await world.t.app.storage.stores.wireSources.add(
    {
      name: `Matrix drop ${randomUUID()}`,
      agency: 'Reuters',
      kind: 'drop-folder',
      location: 'matrix',
      intervalMinutes: 15,
      enabled: true,
    },
    new Date(),
  );
  return { id: source.id };
};

const wireSourceSettings = (n: number) => ({
  name: `Matrix feed ${n}`,
  agency: 'Reuters',
  kind: 'feed',
  location: 'https://agency.example/feed.xml',
  intervalMinutes: 30,
  enabled: false,
});

const webhookToManage = async () => {
  const subscription = await world.t.app.storage.stores.webhooks.create(
    {
      url: 'https://hooks.partner.example/dateline',
      events: ['article.published'],
      description: '',
      active: true,
      secret: 'whsec_matrix',
      createdBy: null,
    },
    new Date(),
  );
  return { id: subscription.id };
};

const ROWS: Row[] = [
  // Accounts and sessions.
  {
    route: 'POST /api/admin/setup',
    does: 'sets up the first account (closed once the newsroom is staffed)',
    expect: ANYONE,
    answers: 409,
    body: () => ({ email: 'late@paper.example', name: 'Late Comer', password: PASSWORD }),
  },
  {
    route: 'POST /api/admin/session',
    does: 'signs in',
    expect: ANYONE,
    body: () => ({ email: 'matrix@paper.example', password: PASSWORD }),
  },
  { route: 'GET /api/admin/session', does: 'says who is signed in', expect: SIGNED_IN },
  {
    route: 'DELETE /api/admin/session',
    does: 'signs out',
    expect: ANYONE,
    endsSessions: true,
  },
  {
    route: 'POST /api/admin/session/sign-out-everywhere',
    does: 'signs the account out everywhere',
    expect: SIGNED_IN,
    endsSessions: true,
  },
  {
    route: 'POST /api/admin/invitations',
    does: 'invites someone into the newsroom',
    expect: CHIEF_IN_PERSON,
    body: (n) => ({ email: `invitee-${n}@paper.example`, role: 'contributor' }),
  },
  {
    route: 'GET /api/admin/invitations',
    does: 'lists the invitations not yet taken up',
    expect: CHIEF_IN_PERSON,
  },
  {
    route: 'POST /api/admin/invitations/resend',
    does: 'sends an invitation again (here to an address never invited)',
    expect: CHIEF_IN_PERSON,
    answers: 404,
    body: (n) => ({ email: `never-invited-${n}@paper.example` }),
  },
  {
    route: 'POST /api/admin/invitations/revoke',
    does: 'revokes an invitation (here to an address never invited)',
    expect: CHIEF_IN_PERSON,
    answers: 404,
    body: (n) => ({ email: `never-invited-${n}@paper.example` }),
  },
  {
    route: 'POST /api/admin/invitations/check',
    does: 'checks an invitation link without using it (here a made-up one)',
    expect: ANYONE,
    answers: 400,
    body: () => ({ token: 'not-a-real-invitation' }),
  },
  {
    route: 'GET /api/admin/paper-clock',
    does: 'tells the paper’s name and time zone, for showing times',
    expect: SIGNED_IN,
  },
  {
    route: 'POST /api/admin/invitations/accept',
    does: 'joins with an invitation (here a made-up one)',
    expect: ANYONE,
    answers: 400,
    body: () => ({ token: 'not-a-real-invitation', name: 'Nobody', password: PASSWORD }),
  },
  {
    route: 'POST /api/admin/password-resets',
    does: 'asks for a password reset link',
    expect: ANYONE,
    // A new address each time: three requests for one address in a quarter hour are refused.
    body: (n) => ({ email: `nobody-${n}@paper.example` }),
  },
  {
    route: 'POST /api/admin/password-resets/complete',
    does: 'sets a new password with a reset link (here a made-up one)',
    expect: ANYONE,
    answers: 400,
    body: () => ({ token: 'not-a-real-link', password: PASSWORD }),
  },
  { route: 'GET /api/admin/tokens', does: 'lists one’s API tokens', expect: PEOPLE_ONLY },
  {
    route: 'POST /api/admin/tokens',
    does: 'makes an API token',
    expect: PEOPLE_ONLY,
    body: () => ({ name: 'matrix script' }),
  },
  {
    route: 'DELETE /api/admin/tokens/:id',
    does: 'revokes one’s own API token',
    expect: PEOPLE_ONLY,
    params: ownTokenToRevoke,
  },
  {
    route: 'GET /api/admin/content-keys',
    does: 'lists the Content API keys',
    expect: CHIEF_IN_PERSON,
  },
  {
    route: 'POST /api/admin/content-keys',
    does: 'makes a Content API key for an app or partner',
    expect: CHIEF_IN_PERSON,
    body: () => ({ name: 'matrix partner' }),
  },
  {
    route: 'DELETE /api/admin/content-keys/:id',
    does: 'revokes a Content API key',
    expect: CHIEF_IN_PERSON,
    params: async () => {
      const { app } = world.t;
      const deps = { stores: app.storage.stores, clock: app.clock, secrets: app.accounts.secrets };
      const made = await createContentKey(deps, world.actors.editor_in_chief, {
        name: 'to revoke',
      });
      return { id: made.key.id };
    },
  },
  { route: 'GET /api/admin/users', does: 'lists the staff', expect: CHIEF_IN_PERSON },
  {
    route: 'GET /api/admin/audit',
    does: 'reads the audit trail',
    expect: CHIEF_IN_PERSON,
    query: '?event=sign_in&page=1',
  },
  {
    route: 'PATCH /api/admin/users/:id',
    does: 'changes a member’s role',
    expect: CHIEF_IN_PERSON,
    params: () => Promise.resolve({ id: world.subjectId }),
    body: () => ({ role: 'writer' }),
  },
  {
    route: 'GET /api/admin/mail-delivery',
    does: 'says whether invitations and resets are being mailed',
    expect: CHIEF_IN_PERSON,
  },
  { route: 'GET /api/admin/openapi.json', does: 'describes the API', expect: ANYONE },

  // The publication.
  {
    route: 'GET /api/admin/settings',
    does: 'reads the publication’s settings',
    expect: CHIEF_IN_PERSON,
  },
  {
    route: 'PUT /api/admin/settings',
    does: 'changes the publication’s settings',
    expect: CHIEF_IN_PERSON,
    body: () => world.settings,
  },
  { route: 'GET /api/admin/webhooks', does: 'lists the webhooks', expect: CHIEF_IN_PERSON },
  {
    route: 'POST /api/admin/webhooks',
    does: 'subscribes a URL to article events',
    expect: CHIEF_IN_PERSON,
    body: (n) => ({ url: `https://hooks.partner.example/${n}`, events: ['article.published'] }),
  },
  {
    route: 'PATCH /api/admin/webhooks/:id',
    does: 'switches a webhook off',
    expect: CHIEF_IN_PERSON,
    params: webhookToManage,
    body: () => ({ active: false }),
  },
  {
    route: 'DELETE /api/admin/webhooks/:id',
    does: 'deletes a webhook',
    expect: CHIEF_IN_PERSON,
    params: webhookToManage,
  },
  {
    route: 'POST /api/admin/webhooks/:id/secret',
    does: 'rolls a webhook’s signing secret',
    expect: CHIEF_IN_PERSON,
    params: webhookToManage,
  },
  {
    route: 'GET /api/admin/webhooks/:id/deliveries',
    does: 'reads a webhook’s delivery log',
    expect: CHIEF_IN_PERSON,
    params: webhookToManage,
  },
  { route: 'GET /api/admin/homepage', does: 'reads the home page’s order', expect: EDITORS_UP },
  {
    route: 'PUT /api/admin/homepage',
    does: 'arranges the home page',
    expect: EDITORS_UP,
    body: () => ({ lead: null, top: [] }),
  },
  {
    route: 'GET /api/admin/breaking-news',
    does: 'reads the breaking-news banner',
    expect: EDITORS_UP,
  },
  {
    route: 'PUT /api/admin/breaking-news',
    does: 'shows a breaking-news banner on every page',
    expect: EDITORS_UP,
    body: (n) => ({ text: `Matrix banner ${n}` }),
  },
  {
    route: 'DELETE /api/admin/breaking-news',
    does: 'takes the breaking-news banner down',
    expect: EDITORS_UP,
  },
  {
    route: 'GET /api/admin/wire',
    does: 'reads the wire queue',
    expect: WRITERS_UP,
    query: '?urgency=5&q=matrix',
  },
  {
    route: 'GET /api/admin/wire/:id',
    does: 'reads an agency item with its diff',
    expect: WRITERS_UP,
    params: wireItemToRead,
  },
  {
    route: 'POST /api/admin/wire/:id/draft',
    does: 'makes a draft of an agency item',
    expect: WRITERS_UP,
    params: wireItemToRead,
  },
  {
    route: 'POST /api/admin/wire/drafts',
    does: 'merges agency items into one draft',
    expect: WRITERS_UP,
    params: async () => ({ lead: (await wireItemToRead()).id, next: (await wireItemToRead()).id }),
    body: (_, { lead, next }) => ({ itemIds: [lead, next] }),
  },
  {
    route: 'POST /api/admin/imports',
    does: 'uploads a file to import',
    expect: EDITORS_UP,
    upload: { name: 'matrix.rss', bytes: Buffer.from(MATRIX_FEED) },
  },
  { route: 'GET /api/admin/imports', does: 'lists the recent imports', expect: EDITORS_UP },
  {
    route: 'GET /api/admin/imports/:id',
    does: 'reads an import’s progress and report',
    expect: EDITORS_UP,
    params: importRunToRead,
  },
  { route: 'GET /api/admin/wire-sources', does: 'lists the wire’s sources', expect: EDITORS_UP },
  {
    route: 'POST /api/admin/wire-sources',
    does: 'adds a wire source',
    expect: EDITORS_UP,
    body: wireSourceSettings,
  },
  {
    route: 'PUT /api/admin/wire-sources/:id',
    does: 'changes a wire source',
    expect: EDITORS_UP,
    params: wireSourceToManage,
    body: wireSourceSettings,
  },
  {
    route: 'POST /api/admin/wire-sources/:id/poll',
    does: 'polls a wire source now',
    expect: EDITORS_UP,
    params: wireSourceToManage,
  },
  {
    route: 'DELETE /api/admin/wire-sources/:id',
    does: 'removes a wire source',
    expect: EDITORS_UP,
    params: wireSourceToManage,
  },
  {
    route: 'POST /api/admin/wire/:id/articles/:articleId/caught-up',
    does: 'marks a story made from agency copy as having taken its newer version',
    expect: EDITORS_UP,
    params: wireStoryOfColleague,
  },
  {
    route: 'GET /api/admin/homepage/preview',
    does: 'previews the home page with an unsaved order',
    expect: EDITORS_UP,
  },
  {
    route: 'GET /api/admin/sections/:id/front',
    does: 'reads a section front’s order',
    expect: EDITORS_UP,
    params: () => Promise.resolve({ id: world.sectionId }),
  },
  {
    route: 'PUT /api/admin/sections/:id/front',
    does: 'arranges a section front',
    expect: EDITORS_UP,
    params: () => Promise.resolve({ id: world.sectionId }),
    body: () => ({ lead: null, top: [] }),
  },
  {
    route: 'GET /api/admin/sections/:id/front/preview',
    does: 'previews a section front with an unsaved order',
    expect: EDITORS_UP,
    params: () => Promise.resolve({ id: world.sectionId }),
  },
  {
    route: 'GET /api/admin/embed-providers',
    does: 'lists the providers articles may embed from, and which are allowed',
    expect: SIGNED_IN,
  },
  {
    route: 'POST /api/admin/embed-providers/match',
    does: 'says which provider a pasted address is from',
    expect: SIGNED_IN,
    body: () => ({ url: 'https://youtu.be/dQw4w9WgXcQ' }),
  },

  // The desk around the articles.
  { route: 'GET /api/admin/dashboard', does: 'opens the dashboard', expect: SIGNED_IN },
  { route: 'GET /api/admin/sections', does: 'lists the sections', expect: SIGNED_IN },
  {
    route: 'POST /api/admin/sections',
    does: 'adds a section',
    expect: EDITORS_UP,
    body: (n) => ({ name: `Matrix section ${n}` }),
  },
  {
    route: 'PUT /api/admin/sections/order',
    does: 'reorders the navigation',
    expect: EDITORS_UP,
    params: everySectionReversed,
    body: () => ({ ids: sectionOrder }),
  },
  {
    route: 'PATCH /api/admin/sections/:id',
    does: 'renames, re-slugs or hides a section',
    expect: EDITORS_UP,
    params: () => Promise.resolve({ id: world.sectionId }),
    body: (n) => ({ description: `Matrix description ${n}` }),
  },
  {
    route: 'DELETE /api/admin/sections/:id',
    does: 'deletes an empty section',
    expect: EDITORS_UP,
    params: sectionToDelete,
  },
  { route: 'GET /api/admin/authors', does: 'lists the bylines', expect: SIGNED_IN },
  {
    route: 'POST /api/admin/authors',
    does: 'adds a byline profile for a contributor or an agency',
    expect: EDITORS_UP,
    body: (n) => ({ name: `Matrix contributor ${n}`, bio: '', kind: 'guest' }),
  },
  {
    route: 'PATCH /api/admin/authors/:id',
    does: 'edits one’s own byline profile',
    expect: SIGNED_IN,
    params: ownProfile,
    body: (n) => ({ name: `Matrix Person ${n}`, bio: 'Covers the matrix.', kind: 'staff' }),
  },
  {
    route: 'PATCH /api/admin/authors/:id',
    does: 'edits someone else’s byline profile',
    expect: EDITORS_UP,
    params: guestProfile,
    body: (n) => ({ name: `Matrix Guest ${n}`, bio: '', kind: 'guest' }),
  },
  {
    route: 'GET /api/admin/media',
    does: 'searches the photo library',
    expect: SIGNED_IN,
    query: '?search=harbour',
  },
  {
    route: 'POST /api/admin/media',
    does: 'uploads a photo',
    expect: SIGNED_IN,
    upload: true,
  },
  { route: 'GET /api/admin/media/uploaders', does: 'lists who uploaded', expect: SIGNED_IN },
  {
    route: 'GET /api/admin/media/:id',
    does: 'opens a colleague’s photo and where it is used',
    expect: SIGNED_IN,
    params: () => photoOf(world.actors.colleague),
  },
  {
    route: 'PATCH /api/admin/media/:id',
    does: 'changes the words and focal point of their own photo',
    expect: SIGNED_IN,
    params: (caller) => photoOf(accountOf(caller)),
    body: () => ({ alt: 'Boats in the harbour', focalPoint: { x: 0.4, y: 0.6 } }),
  },
  {
    route: 'PATCH /api/admin/media/:id',
    does: 'changes the words of a colleague’s photo',
    expect: EDITORS_UP,
    params: () => photoOf(world.actors.colleague),
    body: () => ({ caption: 'Corrected caption' }),
  },
  {
    route: 'DELETE /api/admin/media/:id',
    does: 'deletes their own unused photo',
    expect: WRITERS_UP,
    params: (caller) => photoOf(accountOf(caller)),
  },
  {
    route: 'DELETE /api/admin/media/:id',
    does: 'deletes a colleague’s unused photo',
    expect: EDITORS_UP,
    params: () => photoOf(world.actors.colleague),
  },

  // Articles.
  { route: 'GET /api/admin/articles', does: 'lists articles', expect: SIGNED_IN },
  {
    route: 'POST /api/admin/articles',
    does: 'starts a draft',
    expect: SIGNED_IN,
    body: (n) => ({
      headline: `Matrix draft ${n}`,
      sectionId: world.sectionId,
      body: paragraph('Text.'),
    }),
  },
  {
    route: 'GET /api/admin/articles/:id',
    does: 'opens a draft',
    article: { state: 'draft', ...READ },
  },
  {
    route: 'PATCH /api/admin/articles/:id',
    does: 'saves a draft',
    article: { state: 'draft', ...EDIT },
    body: () => ({ revision: 1, standfirst: 'A new standfirst.' }),
  },
  {
    route: 'POST /api/admin/articles/:id/transitions',
    does: 'submits a draft for review',
    article: { state: 'draft', ...EDIT },
    body: () => ({ to: 'in_review' }),
  },
  {
    route: 'POST /api/admin/articles/:id/transitions',
    does: 'takes a submitted article back to draft',
    // A contributor's text is the editors’ once submitted, until it comes back.
    article: { state: 'in_review', own: WRITERS_UP, other: EDITORS_UP },
    body: () => ({ to: 'draft' }),
  },
  {
    route: 'POST /api/admin/articles/:id/transitions',
    does: 'publishes a draft',
    article: { state: 'draft', ...PUBLISH },
    body: () => ({ to: 'published' }),
  },
  {
    route: 'POST /api/admin/articles/:id/transitions',
    does: 'schedules a draft',
    article: { state: 'draft', ...PUBLISH },
    body: () => ({ to: 'scheduled', publishAt: tomorrow() }),
  },
  {
    route: 'POST /api/admin/articles/:id/transitions',
    does: 'unpublishes a live story',
    article: { state: 'published', ...EDITORS_ONLY },
    body: () => ({ to: 'unpublished' }),
  },
  {
    route: 'POST /api/admin/articles/:id/kill',
    does: 'kills a live story',
    article: { state: 'published', ...EDITORS_ONLY },
  },
  {
    route: 'POST /api/admin/articles/:id/corrections',
    does: 'corrects a live story',
    article: { state: 'published', ...EDITORS_ONLY },
    body: () => ({ text: 'The figure is 4.25 per cent, not 4.5.' }),
  },
  {
    route: 'POST /api/admin/articles/:id/scheduled-updates',
    does: 'schedules an update of a live story',
    article: { state: 'published', ...PUBLISH },
    body: () => ({ revision: 1, headline: 'A headline for tomorrow', applyAt: tomorrow() }),
  },
  {
    route: 'GET /api/admin/articles/:id/revisions',
    does: 'lists a draft’s revisions',
    article: { state: 'draft', ...READ },
  },
  {
    route: 'GET /api/admin/articles/:id/diff',
    does: 'compares two revisions',
    article: { state: 'draft', ...READ },
    query: '?from=1&to=1',
  },
  {
    route: 'POST /api/admin/articles/:id/revisions/:number/restore',
    does: 'restores an earlier revision',
    article: { state: 'draft', ...EDIT },
    params: () => Promise.resolve({ number: 1 }),
    body: () => ({ revision: 1 }),
  },
  {
    route: 'POST /api/admin/articles/:id/notes',
    does: 'leaves a note for colleagues',
    article: { state: 'draft', own: SIGNED_IN, other: WRITERS_UP },
    body: () => ({ text: 'Check the figures with the ministry.' }),
  },
  {
    route: 'POST /api/admin/articles/:id/presence',
    does: 'says they have the article open',
    article: { state: 'draft', ...READ },
  },
  {
    route: 'GET /api/admin/articles/:id/preview',
    does: 'previews a draft as readers will see it',
    article: { state: 'draft', ...READ },
  },
];

/**
 * Every `METHOD /path` the server answers under /api/admin/, read from Fastify's route tree
 * (`printRoutes`), whoever registered it. HEAD is left out: Fastify adds it to every GET.
 */
function adminRoutesOf(server: FastifyInstance): string[] {
  const routes = new Set<string>();
  const segments: string[] = [];
  for (const line of server.printRoutes({ commonPrefix: false }).split('\n')) {
    const node = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!node) continue;
    const [, indent = '', segment = '', methods = ''] = node;
    segments.length = indent.length / 4;
    segments.push(segment);
    const joined = segments.join('');
    const path = joined.startsWith('/') ? joined : `/${joined}`;
    if (!path.startsWith('/api/admin/')) continue;
    for (const method of methods.split(/,\s*/).filter(Boolean)) {
      if (method !== 'HEAD') routes.add(`${method} ${path}`);
    }
  }
  return [...routes].sort();
}

const fill = (path: string, params: Record<string, number>) =>
  path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${path}`);
    return String(value);
  });

/** How a call came out, or what went wrong in words a failing test can show. */
function outcomeOf(response: LightMyRequestResponse, answers?: number): Observed {
  const status = response.statusCode;
  if (status === 401 || status === 403) return status;
  const ok = answers === undefined ? status >= 200 && status < 300 : status === answers;
  return ok ? 'ok' : `unexpected ${status}: ${response.body.slice(0, 200)}`;
}

describe('the role matrix', () => {
  const { call, signIn, addUser } = newsroomClient(() => world.t);
  const browsers = new Map<Caller, Browser>();
  let counter = 0;

  const emailOf: Record<Exclude<Caller, 'editors_api_token' | 'anonymous'>, string> = {
    contributor: 'contributor@paper.example',
    writer: 'writer@paper.example',
    editor: 'editor@paper.example',
    editor_in_chief: 'chief@paper.example',
  };

  /** How the caller presents itself: a signed-in browser, a Bearer token, or nothing. */
  const credentialsOf = async (caller: Caller, fresh = false) => {
    if (caller === 'anonymous') return {};
    if (caller === 'editors_api_token')
      return { bearer: fresh ? await editorsToken() : world.tokenSecret };
    let browser = fresh ? undefined : browsers.get(caller);
    if (!browser) {
      browser = await signIn(emailOf[caller]);
      if (!fresh) browsers.set(caller, browser);
    }
    return { as: browser };
  };

  /** A new article in the given state, started by `owner`. */
  const articleIn = async (state: ArticleState, owner: Actor) => {
    const deps = world.t.app.newsroom;
    const { id } = await createArticle(
      deps,
      owner,
      articleDraftSchema.parse({
        headline: `Matrix story ${++counter}`,
        sectionId: world.sectionId,
        body: paragraph('First paragraph.'),
      }),
    );
    const chief = world.actors.editor_in_chief;
    if (state !== 'draft') await transitionArticle(deps, chief, id, { to: state });
    return id;
  };

  /** Calls the row's route as one caller; `target` says whose article, for article routes. */
  const callAs = async (row: Row, caller: Caller, target: 'own' | 'other') => {
    const [method, path] = row.route.split(' ') as [Method, string];
    const params = { ...(await row.params?.(caller)) };
    if (row.article) {
      const owner =
        target === 'own' && caller !== 'anonymous' ? accountOf(caller) : world.actors.colleague;
      params.id = await articleIn(row.article.state, owner);
    }
    const file = row.upload === true ? await jpegPhoto({ width: 64, height: 48 }) : row.upload;
    const upload = file ? multipartBody(file) : null;
    return call({
      method,
      url: `${fill(path, params)}${row.query ?? ''}`,
      ...(row.body && { body: row.body(++counter, params) }),
      ...(upload && { body: upload.body, headers: upload.headers }),
      ...(await credentialsOf(caller, row.endsSessions)),
    });
  };

  /** Every caller's outcome on the row: all of them, so one failure shows the whole line. */
  const outcomesOf = async (row: Row, target: 'own' | 'other') => {
    const outcomes = {} as Record<Caller, Observed>;
    for (const caller of CALLERS) {
      outcomes[caller] = outcomeOf(await callAs(row, caller, target), row.answers);
    }
    // Signing out everywhere ended the shared sessions too, and revoked the editor's token.
    if (row.endsSessions) {
      browsers.clear();
      world.tokenSecret = await editorsToken();
    }
    return outcomes;
  };

  beforeAll(async () => {
    const t = await startNewsroom(createSqliteDatabase());
    world.t = t;
    const colleague = await addUser('colleague@paper.example', 'writer');
    const subject = await addUser('subject@paper.example', 'writer');
    await addUser('matrix@paper.example', 'contributor');
    const { users } = t.app.storage.stores;
    const actorOf = async (email: string) => {
      const user = await users.findByEmail(email);
      if (!user) throw new Error(`no user ${email}`);
      return actorFor(user, 'session');
    };
    world.actors = {
      contributor: await actorOf(emailOf.contributor),
      writer: await actorOf(emailOf.writer),
      editor: await actorOf(emailOf.editor),
      editor_in_chief: await actorOf(emailOf.editor_in_chief),
      colleague: actorFor(colleague, 'session'),
    };
    world.subjectId = subject.id;
    world.sectionId = (
      await t.app.storage.stores.sections.create({
        slug: 'oman',
        name: 'Oman',
        description: '',
        position: 0,
      })
    ).id;
    t.app.publication.invalidate();
    world.settings = (await t.app.publication.current()).settings;
    world.tokenSecret = await editorsToken();
  });

  afterAll(() => world.t?.close());

  it('has a row for every route the server registers under /api/admin/, and none it lacks', () => {
    const listed = [...new Set(ROWS.map((row) => row.route))].sort();
    expect(
      adminRoutesOf(world.t.server),
      'every /api/admin/ route needs its row in test/role-matrix.test.ts',
    ).toEqual(listed);
    for (const route of listed) {
      const [method, url] = route.split(' ') as [Method, string];
      expect(world.t.server.hasRoute({ method, url }), route).toBe(true);
    }
  });

  describe.each(ROWS)('$route ($does)', (row) => {
    const { article, expect: expected } = row;
    if (article) {
      it('on their own article: allows and refuses as the table says', async () => {
        expect(await outcomesOf(row, 'own')).toEqual(article.own);
      });
      it('on a colleague’s article: allows and refuses as the table says', async () => {
        expect(await outcomesOf(row, 'other')).toEqual(article.other);
      });
    } else {
      it('allows and refuses as the table says', async () => {
        expect(await outcomesOf(row, 'other')).toEqual(expected);
      });
    }
  });

  describe('the rules, spelled out', () => {
    const transition = async (as: Caller, id: number, to: string) =>
      call({
        method: 'POST',
        url: `/api/admin/articles/${id}/transitions`,
        body: { to },
        ...(await credentialsOf(as)),
      });

    it('a contributor cannot publish, not even their own draft', async () => {
      const id = await articleIn('draft', world.actors.contributor);
      const refused = await transition('contributor', id, 'published');
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toEqual({
        error: 'Your role (contributor) may not publish this article',
      });
      expect((await transition('contributor', id, 'scheduled')).statusCode).toBe(403);
      const article = await readDeskArticle(world.t.app.newsroom, world.actors.editor, id);
      expect(article.status).toBe('draft');
    });

    it('a writer cannot edit, submit or publish a colleague’s article', async () => {
      const id = await articleIn('draft', world.actors.colleague);
      const edit = await call({
        method: 'PATCH',
        url: `/api/admin/articles/${id}`,
        body: { revision: 1, headline: 'Rewritten by someone else' },
        ...(await credentialsOf('writer')),
      });
      expect(edit.statusCode).toBe(403);
      expect(edit.json()).toEqual({ error: 'Your role (writer) may not edit this article' });
      expect((await transition('writer', id, 'in_review')).statusCode).toBe(403);
      expect((await transition('writer', id, 'published')).statusCode).toBe(403);
      const article = await readDeskArticle(world.t.app.newsroom, world.actors.editor, id);
      expect(article).toMatchObject({ revision: 1, status: 'draft' });
      expect(article.draft.headline).toMatch(/^Matrix story/);
    });

    it('nobody but the editor-in-chief can change the settings or the staff, or invite anyone', async () => {
      const calls = (n: number) => [
        { method: 'GET' as const, url: '/api/admin/settings' },
        { method: 'PUT' as const, url: '/api/admin/settings', body: world.settings },
        { method: 'GET' as const, url: '/api/admin/users' },
        {
          method: 'PATCH' as const,
          url: `/api/admin/users/${world.subjectId}`,
          body: { role: 'contributor' },
        },
        {
          method: 'POST' as const,
          url: '/api/admin/invitations',
          body: { email: `rule-${n}@paper.example`, role: 'writer' },
        },
      ];
      for (const caller of ['contributor', 'writer', 'editor'] as const) {
        for (const c of calls(++counter)) {
          const response = await call({ ...c, ...(await credentialsOf(caller)) });
          expect(response.statusCode, `${caller}: ${c.method} ${c.url}`).toBe(403);
        }
      }
      const chief = await credentialsOf('editor_in_chief');
      const statuses = [];
      for (const c of calls(++counter)) statuses.push((await call({ ...c, ...chief })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 200, 201]);
      const subject = await world.t.app.storage.stores.users.findById(world.subjectId);
      expect(subject?.role).toBe('contributor');
    });

    it('an API token cannot manage settings, users or tokens, even the editor-in-chief’s', async () => {
      const { secret, token } = await createApiToken(
        world.t.app.accounts,
        world.actors.editor_in_chief,
        { name: 'chief’s script' },
      );
      const calls = [
        { method: 'GET' as const, url: '/api/admin/settings' },
        { method: 'PUT' as const, url: '/api/admin/settings', body: world.settings },
        { method: 'GET' as const, url: '/api/admin/users' },
        {
          method: 'PATCH' as const,
          url: `/api/admin/users/${world.subjectId}`,
          body: { role: 'editor' },
        },
        {
          method: 'POST' as const,
          url: '/api/admin/invitations',
          body: { email: 'by-script@paper.example', role: 'writer' },
        },
        { method: 'GET' as const, url: '/api/admin/tokens' },
        { method: 'POST' as const, url: '/api/admin/tokens', body: { name: 'another' } },
        { method: 'DELETE' as const, url: `/api/admin/tokens/${token.id}` },
      ];
      for (const c of calls) {
        const response = await call({ ...c, bearer: secret });
        expect(response.statusCode, `${c.method} ${c.url}`).toBe(403);
      }
      // The token still works for what it is for, so it was the rule that refused, not the token.
      expect((await call({ url: '/api/admin/articles', bearer: secret })).statusCode).toBe(200);
      expect(await world.t.app.storage.stores.users.findById(world.subjectId)).not.toMatchObject({
        role: 'editor',
      });
    });

    it('answers 401 to anonymous calls on every route that is not public', async () => {
      const closed = ROWS.filter((row) => (row.expect ?? row.article?.other)?.anonymous === 401);
      expect(closed.length).toBeGreaterThan(25);
      for (const row of closed) {
        const response = await callAs(row, 'anonymous', 'other');
        expect(response.statusCode, row.route).toBe(401);
        expect(response.json(), row.route).toEqual({ error: 'Sign in first' });
      }
    });
  });
});
