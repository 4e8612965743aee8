/**
 * People and bylines: every account writes under a profile of its own, a new story carries its
 * writer's byline, and readers, search engines and the newsroom see names, never user numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/services/accounts/create-user.js';
import { articleDesk } from './article-desk.js';
import { cliSandbox } from './cli-sandbox.js';
import { newsroomClient, PASSWORD, type Browser } from './newsroom-client.js';
import { RecordingMailer, startTestApp, type TestApp } from './test-app.js';
import { ENGINES, type TestDatabase } from './test-databases.js';

type Json = Record<string, unknown>;
interface Profile {
  id: number;
  slug: string;
  name: string;
  kind: string;
  bio: string;
}

/** The NewsArticle JSON-LD block of a page, parsed. */
const newsArticleOf = (html: string): Json | undefined =>
  [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)]
    .map((match) => JSON.parse(match[1] ?? '{}') as Json)
    .find((block) => block['@type'] === 'NewsArticle');

describe.each(ENGINES)('people and bylines on $engine', ({ create }) => {
  let t: TestApp;
  let database: TestDatabase;
  const mail = new RecordingMailer();
  let chief: Browser;
  let editor: Browser;
  let writer: Browser;
  let section: { id: number; slug: string };
  const client = newsroomClient(() => t);
  const { call, signIn } = client;
  const desk = articleDesk(
    () => t,
    client,
    () => section,
    () => editor,
  );
  const { expectCall, draft, move, readerPathOf } = desk;
  const person = (email: string, name: string, role: 'editor_in_chief' | 'editor' | 'writer') =>
    createUser(t.app.accounts, { email, name, role, password: PASSWORD });

  const profileOf = async (as: Browser) => {
    const session = await expectCall({ url: '/api/admin/session', as }, 200);
    const { authorId } = session.json<{ user: { authorId: number | null } }>().user;
    const profiles = (await expectCall({ url: '/api/admin/authors', as }, 200)).json<Profile[]>();
    return profiles.find((profile) => profile.id === authorId);
  };

  beforeAll(async () => {
    database = await create();
    t = await startTestApp({ PUBLIC_URL: 'https://news.example' }, database, { mailer: mail });
    // The first run, as a new paper's editor-in-chief does it.
    await expectCall(
      {
        method: 'POST',
        url: '/api/admin/setup',
        body: { email: 'amal@paper.example', name: 'Amal Haddad', password: PASSWORD },
      },
      201,
    );
    chief = await signIn('amal@paper.example');
    await person('salim@paper.example', 'Salim Al-Harthy', 'editor');
    await person('noor@paper.example', 'Noor Al-Balushi', 'writer');
    editor = await signIn('salim@paper.example');
    writer = await signIn('noor@paper.example');
    section = (
      await expectCall(
        { method: 'POST', url: '/api/admin/sections', as: editor, body: { name: 'Oman' } },
        201,
      )
    ).json();
  });
  afterAll(() => t?.close());

  it('gives the editor-in-chief set up on the first run a profile under their name', async () => {
    expect(await profileOf(chief)).toMatchObject({
      name: 'Amal Haddad',
      slug: 'amal-haddad',
      kind: 'staff',
    });
  });

  it('gives an account made by an operator a profile under its name', async () => {
    expect(await profileOf(writer)).toMatchObject({ name: 'Noor Al-Balushi', kind: 'staff' });
  });

  it('gives an account made with `dateline user create --name` a profile under that name', async () => {
    const sandbox = cliSandbox();
    try {
      sandbox.env = { ...sandbox.env, DATABASE_URL: database.url };
      const run = await sandbox.run(
        [
          'user',
          'create',
          '--email',
          'rashid@paper.example',
          '--role',
          'writer',
          '--name',
          'Rashid Al-Amri',
          '--password-stdin',
        ],
        `${PASSWORD}\n`,
      );
      expect(run.code, run.stderr).toBe(0);
    } finally {
      sandbox.remove();
    }
    expect(await profileOf(await signIn('rashid@paper.example'))).toMatchObject({
      name: 'Rashid Al-Amri',
      slug: 'rashid-al-amri',
      kind: 'staff',
    });
  });

  it('gives a member who joins by invitation a profile under the name they chose', async () => {
    await expectCall(
      {
        method: 'POST',
        url: '/api/admin/invitations',
        as: chief,
        body: { email: 'huda@paper.example', role: 'writer' },
      },
      201,
    );
    await t.app.jobs.runDue();
    const token = mail.lastTokenTo('huda@paper.example') ?? '';
    await expectCall(
      {
        method: 'POST',
        url: '/api/admin/invitations/accept',
        body: { token, name: 'Huda Al-Said', password: PASSWORD },
      },
      201,
    );
    expect(await profileOf(await signIn('huda@paper.example'))).toMatchObject({
      name: 'Huda Al-Said',
      slug: 'huda-al-said',
    });
  });

  it('gives two people of the same name different author pages', async () => {
    await person('amal.h@paper.example', 'Amal Haddad', 'writer');
    const twin = await profileOf(await signIn('amal.h@paper.example'));
    expect(twin?.slug).toBe('amal-haddad-2');
  });

  it('bylines a new story to its writer, links the byline to their page and names them a Person in JSON-LD', async () => {
    const { id } = await draft(writer, 'Muscat opens its new fish market');
    const opened = await expectCall({ url: `/api/admin/articles/${id}`, as: writer }, 200);
    const own = await profileOf(writer);
    expect(opened.json<{ draft: { bylines: number[] } }>().draft.bylines).toEqual([own?.id]);

    await expectCall(
      {
        method: 'PATCH',
        url: `/api/admin/articles/${id}`,
        as: editor,
        body: { revision: opened.json<{ revision: number }>().revision, signOff: '— Agencies' },
      },
      200,
    );
    expect((await move(editor, id, { to: 'published' })).statusCode).toBe(200);
    const page = await call({ url: await readerPathOf(id) });
    expect(page.statusCode).toBe(200);
    const authorPath = `/author/${own?.slug ?? ''}`;
    expect(page.body).toContain(`<a href="${authorPath}">Noor Al-Balushi</a>`);
    const article = newsArticleOf(page.body);
    expect(article?.author).toEqual([
      { '@type': 'Person', name: 'Noor Al-Balushi', url: `https://news.example${authorPath}` },
    ]);
    // Typed with its dash, the sign-off is still shown with one.
    expect(page.body).toContain('<p class="sign-off">— Agencies</p>');
    // The sign-off is a line under the story, never its author.
    expect(JSON.stringify(article?.author)).not.toContain('Agencies');

    const authorPage = await call({ url: authorPath });
    expect(authorPage.statusCode).toBe(200);
    expect(authorPage.body).toContain('Muscat opens its new fish market');
  });

  it('credits an agency profile as an Organization, and several bylines together', async () => {
    const agency = (
      await expectCall(
        {
          method: 'POST',
          url: '/api/admin/authors',
          as: editor,
          body: { name: 'Oman News Agency', bio: 'The national news agency.', kind: 'agency' },
        },
        201,
      )
    ).json<Profile>();
    const own = await profileOf(writer);
    const { id } = await draft(writer, 'Rain expected across the north');
    const { revision } = (
      await expectCall({ url: `/api/admin/articles/${id}`, as: editor }, 200)
    ).json<{ revision: number }>();
    await expectCall(
      {
        method: 'PATCH',
        url: `/api/admin/articles/${id}`,
        as: editor,
        body: { revision, bylines: [own?.id, agency.id] },
      },
      200,
    );
    expect((await move(editor, id, { to: 'published' })).statusCode).toBe(200);
    const article = newsArticleOf((await call({ url: await readerPathOf(id) })).body);
    expect(article?.author).toEqual([
      expect.objectContaining({ '@type': 'Person', name: 'Noor Al-Balushi' }),
      {
        '@type': 'Organization',
        name: 'Oman News Agency',
        url: `https://news.example/author/${agency.slug}`,
      },
    ]);
  });

  it('credits a story with no byline to the paper, never to its sign-off', async () => {
    const { id } = await draft(writer, 'Wire: oil prices steady');
    const { revision } = (
      await expectCall({ url: `/api/admin/articles/${id}`, as: editor }, 200)
    ).json<{ revision: number }>();
    await expectCall(
      {
        method: 'PATCH',
        url: `/api/admin/articles/${id}`,
        as: editor,
        body: { revision, bylines: [], signOff: 'Agencies' },
      },
      200,
    );
    expect((await move(editor, id, { to: 'published' })).statusCode).toBe(200);
    const page = (await call({ url: await readerPathOf(id) })).body;
    expect(page).toContain('— Agencies');
    const author = newsArticleOf(page)?.author as Json[];
    expect(author).toHaveLength(1);
    expect(author[0]).toMatchObject({ '@type': 'Organization', url: 'https://news.example/' });
    expect(author[0]?.name).not.toBe('Agencies');
  });

  it('lets a writer edit their own profile but not a colleague’s, and an editor edit anyone’s', async () => {
    const own = await profileOf(writer);
    const chiefs = await profileOf(chief);
    const mine = { name: 'Noor Al-Balushi', bio: 'Covers the interior.', kind: 'staff' };
    const edited = await expectCall(
      { method: 'PATCH', url: `/api/admin/authors/${own?.id ?? 0}`, as: writer, body: mine },
      200,
    );
    expect(edited.json()).toMatchObject({ slug: own?.slug, bio: 'Covers the interior.' });

    const theirs = { name: 'Someone Else', bio: '', kind: 'staff' };
    const refused = await call({
      method: 'PATCH',
      url: `/api/admin/authors/${chiefs?.id ?? 0}`,
      as: writer,
      body: theirs,
    });
    expect(refused.statusCode).toBe(403);
    expect((await profileOf(chief))?.name).toBe('Amal Haddad');

    const promoted = await call({
      method: 'PATCH',
      url: `/api/admin/authors/${own?.id ?? 0}`,
      as: writer,
      body: { ...mine, kind: 'agency' },
    });
    expect(promoted.statusCode).toBe(403);

    await expectCall(
      {
        method: 'PATCH',
        url: `/api/admin/authors/${own?.id ?? 0}`,
        as: editor,
        body: { ...mine, bio: 'Covers the interior and the ports.' },
      },
      200,
    );
    expect((await profileOf(writer))?.bio).toBe('Covers the interior and the ports.');
  });

  it('refuses a profile with no name or an unknown field, naming the field', async () => {
    const own = await profileOf(writer);
    const empty = await call({
      method: 'PATCH',
      url: `/api/admin/authors/${own?.id ?? 0}`,
      as: writer,
      body: { name: '  ', bio: '', kind: 'staff' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ field: 'name' });
    const extra = await call({
      method: 'POST',
      url: '/api/admin/authors',
      as: editor,
      body: { name: 'Guest', bio: '', kind: 'guest', slug: 'x' },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json()).toMatchObject({ field: 'slug' });
    const byWriter = await call({
      method: 'POST',
      url: '/api/admin/authors',
      as: writer,
      body: { name: 'Guest', bio: '', kind: 'guest' },
    });
    expect(byWriter.statusCode).toBe(403);
    const missing = await call({
      method: 'PATCH',
      url: '/api/admin/authors/999999',
      as: editor,
      body: { name: 'Nobody', bio: '', kind: 'staff' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('names the people in a story’s history and notes', async () => {
    const { id } = await draft(writer, 'Port traffic doubles');
    const note = await expectCall(
      {
        method: 'POST',
        url: `/api/admin/articles/${id}/notes`,
        as: editor,
        body: { text: 'Check the figures.' },
      },
      201,
    );
    expect(note.json()).toMatchObject({ name: 'Salim Al-Harthy' });
    const opened = await expectCall({ url: `/api/admin/articles/${id}`, as: writer }, 200);
    expect(opened.json<{ notes: Json[] }>().notes).toEqual([
      expect.objectContaining({ text: 'Check the figures.', name: 'Salim Al-Harthy' }),
    ]);
    const history = await expectCall(
      { url: `/api/admin/articles/${id}/revisions`, as: editor },
      200,
    );
    expect(history.json<{ revisions: Json[] }>().revisions).toEqual([
      expect.objectContaining({ number: 1, name: 'Noor Al-Balushi' }),
    ]);
  });
});
