/**
 * What the newsroom app offers is what the server does: for each role and a sample of articles,
 * photos and accounts, every action in `allowedActions` is taken when asked for, and every other
 * request is refused (or takes another action that is offered). Each action that is taken gets a
 * fresh copy of the object, so one action never changes what the next one is tried on.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor } from '../src/domain/account/user.js';
import { ARTICLE_ACTIONS, type ArticleAction } from '../src/domain/roles/article-actions.js';
import { PHOTO_ACTIONS } from '../src/domain/roles/photo-actions.js';
import { USER_ACTIONS } from '../src/domain/roles/user-actions.js';
import { ROLES, type Actor, type Role } from '../src/domain/roles/role.js';
import { createArticle } from '../src/services/articles/create-article.js';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import { saveArticle } from '../src/services/articles/save-article.js';
import { killArticle, transitionArticle } from '../src/services/articles/transition-article.js';
import { paragraphs } from './article-desk.js';
import { mediaRecord } from '../src/services/fakes/media-record.js';
import { newsroomClient, startNewsroom, type Browser } from './newsroom-client.js';
import type { TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

const EMAIL: Record<Role, string> = {
  contributor: 'contributor@paper.example',
  writer: 'writer@paper.example',
  editor: 'editor@paper.example',
  editor_in_chief: 'chief@paper.example',
};

/** Statuses that refuse: bad for this state (400), not yours (403), conflict (409), killed (410). */
const REFUSED = new Set([400, 403, 409, 410]);
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

type Outcome = string;

/** A refusal, the action a 2xx answer shows was taken, or what else came back. */
function outcomeOf(response: LightMyRequestResponse, taken: (body: unknown) => string): Outcome {
  if (REFUSED.has(response.statusCode)) return 'refused';
  if (response.statusCode >= 300) return `unexpected ${response.statusCode}: ${response.body}`;
  return taken(response.statusCode === 204 ? null : response.json());
}

/** Asking to publish a live story publishes it, publishes its changes, or asks the editors. */
const publishingOutcome = (body: unknown) => {
  const answer = body as { pendingChanges?: boolean; inReview?: boolean };
  if (answer.inReview) return 'ask_to_publish_changes';
  return answer.pendingChanges === false ? 'publish_changes' : 'publish';
};

describe.each(ENGINES)('allowed actions agree with the server on $engine', ({ create }) => {
  let t: TestApp;
  const client = newsroomClient(() => t);
  const { call, signIn, addUser } = client;
  const browsers = {} as Record<Role, Browser>;
  const actors = {} as Record<Role | 'colleague', Actor>;
  let sectionId: number;
  let deskAuthorId: number;
  let counter = 0;
  /** Every action some role was offered on some sample: together they must be all of them. */
  const offered = new Set<string>();

  beforeAll(async () => {
    t = await startNewsroom(await create());
    const colleague = await addUser('colleague@paper.example', 'writer');
    deskAuthorId = (await addUser('desk@paper.example', 'writer')).authorId!;
    actors.colleague = actorFor(colleague, 'session');
    for (const role of ROLES) {
      const user = await t.app.storage.stores.users.findByEmail(EMAIL[role]);
      actors[role] = actorFor(user!, 'session');
      browsers[role] = await signIn(EMAIL[role]);
    }
    const section = await call({
      method: 'POST',
      url: '/api/admin/sections',
      as: browsers.editor,
      body: { name: 'Business' },
    });
    sectionId = section.json<{ id: number }>().id;
  });

  afterAll(async () => {
    await t?.close();
  });

  /** Each offered action is taken on a fresh object; every other one is refused on this one. */
  const expectAgreement = async (
    kind: string,
    actions: readonly string[],
    allowed: string[],
    id: number,
    fresh: () => Promise<number>,
    attempt: (action: string, on: number) => Promise<Outcome>,
  ) => {
    allowed.forEach((action) => offered.add(`${kind} ${action}`));
    for (const action of actions) {
      const on = allowed.includes(action) ? await fresh() : id;
      const expected = allowed.includes(action) ? action : 'refused';
      expect(await attempt(action, on), action).toBe(expected);
    }
  };

  describe('articles', () => {
    type Sample = (owner: Actor) => Promise<number>;
    const chief = () => actors.editor_in_chief;
    const draftBy = async (owner: Actor) =>
      (
        await createArticle(
          t.app.newsroom,
          owner,
          articleDraftSchema.parse({
            headline: `Harbour story ${++counter}`,
            sectionId,
            body: paragraphs('The council voted 7-2.'),
          }),
        )
      ).id;
    const moved = (to: 'in_review' | 'published') => async (owner: Actor) => {
      const id = await draftBy(owner);
      await transitionArticle(t.app.newsroom, chief(), id, { to });
      return id;
    };
    const withWaitingChanges = async (owner: Actor) => {
      const id = await moved('published')(owner);
      const changes = { headline: 'Harbour story, updated' };
      await saveArticle(t.app.newsroom, chief(), id, { basedOn: 1, changes });
      return id;
    };
    const killed = async (owner: Actor) => {
      const id = await moved('published')(owner);
      await killArticle(t.app.newsroom, chief(), id);
      return id;
    };
    const SAMPLES: [string, 'own' | 'colleague', Sample][] = [
      ['their own draft', 'own', draftBy],
      ['a colleague’s draft', 'colleague', draftBy],
      ['a colleague’s story in review', 'colleague', moved('in_review')],
      ['their own live story with changes waiting', 'own', withWaitingChanges],
      ['a colleague’s published story', 'colleague', moved('published')],
      ['a killed story', 'colleague', killed],
    ];

    const revisionOf = async (id: number) =>
      (await t.app.storage.stores.articles.findById(id))!.revision;

    /** Asks for the action on the article as the role, saying what the server did. */
    const attempt = async (role: Role, action: ArticleAction, id: number): Promise<Outcome> => {
      const as = browsers[role];
      const url = `/api/admin/articles/${id}`;
      const revision = await revisionOf(id);
      const move = (to: string, extra: object = {}) =>
        call({ method: 'POST', url: `${url}/transitions`, as, body: { to, ...extra } });
      const requests: Record<ArticleAction, () => Promise<LightMyRequestResponse>> = {
        edit: () =>
          call({ method: 'PATCH', url, as, body: { revision, headline: 'Harbour deal signed' } }),
        set_bylines: () =>
          call({ method: 'PATCH', url, as, body: { revision, bylines: [deskAuthorId] } }),
        restore: () =>
          call({ method: 'POST', url: `${url}/revisions/1/restore`, as, body: { revision } }),
        note: () => call({ method: 'POST', url: `${url}/notes`, as, body: { text: 'Call back' } }),
        submit: () => move('in_review'),
        return_to_draft: () => move('draft'),
        schedule: () => move('scheduled', { publishAt: tomorrow() }),
        publish: () => move('published'),
        unpublish: () => move('unpublished'),
        publish_changes: () => move('published'),
        ask_to_publish_changes: () => move('published'),
        schedule_update: () =>
          call({
            method: 'POST',
            url: `${url}/scheduled-updates`,
            as,
            body: { revision, applyAt: tomorrow(), headline: 'Harbour deal takes effect' },
          }),
        correct: () =>
          call({ method: 'POST', url: `${url}/corrections`, as, body: { text: 'It was 7-2.' } }),
        kill: () => call({ method: 'POST', url: `${url}/kill`, as }),
      };
      const publishing = action === 'publish' || action.endsWith('publish_changes');
      return outcomeOf(await requests[action](), publishing ? publishingOutcome : () => action);
    };

    /** The article's allowedActions as the role reads it, alone and in the desk list. */
    const offeredOn = async (role: Role, id: number): Promise<ArticleAction[]> => {
      const read = await call({ url: `/api/admin/articles/${id}`, as: browsers[role] });
      if (read.statusCode === 403) return [];
      expect(read.statusCode, read.body).toBe(200);
      const { allowedActions } = read.json<{ allowedActions: ArticleAction[] }>();
      const list = await call({ url: '/api/admin/articles', as: browsers[role] });
      const rows = list.json<{ articles: { id: number; allowedActions: string[] }[] }>().articles;
      expect(rows.find((row) => row.id === id)?.allowedActions).toEqual(allowedActions);
      return allowedActions;
    };

    for (const role of ROLES)
      for (const [name, whose, sample] of SAMPLES)
        it(`a ${role} is offered on ${name} exactly what the server does`, async () => {
          const owner = whose === 'own' ? actors[role] : actors.colleague;
          let id = await sample(owner);
          const allowed = await offeredOn(role, id);
          allowed.forEach((action) => offered.add(`article ${action}`));
          const outcomes: Record<string, Outcome> = {};
          for (const action of ARTICLE_ACTIONS.filter((a) => !allowed.includes(a))) {
            const outcome = await attempt(role, action, id);
            // The same request may rightly take another, offered action (asking to publish a
            // live story's changes publishes a draft): that is not this action, and the sample
            // has changed, so the next attempt gets a fresh one.
            const other = outcome !== action && (allowed as string[]).includes(outcome);
            outcomes[action] = other ? 'refused' : outcome;
            if (other) id = await sample(owner);
          }
          for (const action of allowed)
            outcomes[action] = await attempt(role, action, await sample(owner));
          const expected = Object.fromEntries(
            ARTICLE_ACTIONS.map((action) => [
              action,
              allowed.includes(action) ? action : 'refused',
            ]),
          );
          expect(outcomes).toEqual(expected);
        });
  });

  describe('photos', () => {
    const photoBy = async (owner: Actor) =>
      (
        await t.app.storage.stores.media.create(
          mediaRecord({ originalName: `harbour-${++counter}.jpg`, uploadedBy: owner.userId }),
          new Date(),
        )
      ).id;

    const attempt = async (role: Role, action: string, id: number) => {
      const url = `/api/admin/media/${id}`;
      const as = browsers[role];
      const response =
        action === 'edit'
          ? await call({ method: 'PATCH', url, as, body: { caption: 'The harbour at dawn' } })
          : await call({ method: 'DELETE', url, as });
      return outcomeOf(response, () => action);
    };

    for (const role of ROLES)
      for (const whose of ['own', 'colleague'] as const)
        it(`a ${role} is offered on ${whose === 'own' ? 'their own' : 'a colleague’s'} photo exactly what the server does`, async () => {
          const owner = whose === 'own' ? actors[role] : actors.colleague;
          const id = await photoBy(owner);
          const read = await call({ url: `/api/admin/media/${id}`, as: browsers[role] });
          const { allowedActions } = read.json<{ allowedActions: string[] }>();
          const list = await call({ url: '/api/admin/media', as: browsers[role] });
          const rows = list.json<{ id: number; allowedActions: string[] }[]>();
          expect(rows.find((row) => row.id === id)?.allowedActions).toEqual(allowedActions);
          await expectAgreement(
            'photo',
            PHOTO_ACTIONS,
            allowedActions,
            id,
            () => photoBy(owner),
            (action, on) => attempt(role, action, on),
          );
        });
  });

  describe('accounts', () => {
    const accountOf = async (disabled: boolean) => {
      const user = await addUser(`member-${++counter}@paper.example`, 'writer');
      if (disabled)
        await t.app.storage.stores.users.update(user.id, { disabledAt: new Date() }, new Date());
      return user.id;
    };

    const attempt = async (role: Role, action: string, id: number) => {
      const body = {
        change_role: { role: 'editor' },
        disable: { disabled: true },
        enable: { disabled: false },
      }[action];
      const response = await call({
        method: 'PATCH',
        url: `/api/admin/users/${id}`,
        as: browsers[role],
        body,
      });
      return outcomeOf(response, () => action);
    };

    /** The account's allowedActions in the users list as the role reads it (none if refused). */
    const offeredOn = async (role: Role, id: number): Promise<string[]> => {
      const list = await call({ url: '/api/admin/users', as: browsers[role] });
      if (list.statusCode === 403) return [];
      const users = list.json<{ users: { id: number; allowedActions: string[] }[] }>().users;
      return users.find((user) => user.id === id)!.allowedActions;
    };

    const SAMPLES: [string, (role: Role) => Promise<number>][] = [
      ['their own account', (role) => Promise.resolve(actors[role].userId)],
      ['a colleague’s account', () => accountOf(false)],
      ['a disabled colleague’s account', () => accountOf(true)],
    ];

    for (const role of ROLES)
      for (const [name, sample] of SAMPLES)
        it(`a ${role} is offered on ${name} exactly what the server does`, async () => {
          const id = await sample(role);
          const allowed = await offeredOn(role, id);
          await expectAgreement(
            'user',
            USER_ACTIONS,
            allowed,
            id,
            () => sample(role),
            (action, on) => attempt(role, action, on),
          );
        });
  });

  it('offers every action to someone, so each request above was shown to work', () => {
    const all = [
      ...ARTICLE_ACTIONS.map((a) => `article ${a}`),
      ...PHOTO_ACTIONS.map((a) => `photo ${a}`),
      ...USER_ACTIONS.map((a) => `user ${a}`),
    ];
    expect(all.filter((action) => !offered.has(action))).toEqual([]);
  });
});
