/**
 * Merge, don't overwrite: two editors who change different fields or paragraphs of the same
 * story both keep their work; only the same field or paragraph changed differently is a 409,
 * which names it with both versions and lets the writer choose, field by field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleDesk, paragraphs } from './article-desk.js';
import { newsroomClient, type Browser } from './newsroom-client.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

describe.each(ENGINES)('two editors saving the same story on $engine', ({ create }) => {
  let t: TestApp;
  let editor: Browser;
  let colleague: Browser;
  let writer: Browser;
  let section: { id: number; slug: string };
  const client = newsroomClient(() => t);
  const { call, signIn, addUser } = client;
  const desk = articleDesk(
    () => t,
    client,
    () => section,
    () => editor,
  );
  const { expectCall, draft, move, open, readerPathOf, publishedNow } = desk;

  beforeAll(async () => {
    t = await startTestApp({}, await create());
    await addUser('editor@paper.example', 'editor');
    await addUser('colleague@paper.example', 'editor');
    editor = await signIn('editor@paper.example');
    colleague = await signIn('colleague@paper.example');
    await addUser('writer@paper.example', 'writer');
    writer = await signIn('writer@paper.example');
    section = (
      await expectCall(
        { method: 'POST', url: '/api/admin/sections', as: editor, body: { name: 'Business' } },
        201,
      )
    ).json();
  });

  afterAll(async () => {
    await t?.close();
  });

  const save = (as: Browser, id: number, body: object) =>
    call({ method: 'PATCH', url: `/api/admin/articles/${id}`, as, body });

  it('keeps both changes when two editors change different fields at the same time, and readers see both once published', async () => {
    const { id } = await draft(editor, 'Port expansion approved', 'The council voted.');
    const first = await save(editor, id, {
      revision: 1,
      headline: 'Port expansion approved at last',
    });
    expect(first.json()).toEqual({ revision: 2 });
    const second = await save(colleague, id, {
      revision: 1,
      standfirst: 'A 7-2 vote ends a decade of delay.',
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toEqual({ revision: 3, merged: ['standfirst'] });

    expect((await move(editor, id, { to: 'published' })).statusCode).toBe(200);
    const page = (await call({ url: await readerPathOf(id) })).body;
    expect(page).toContain('Port expansion approved at last');
    expect(page).toContain('A 7-2 vote ends a decade of delay.');
  });

  it('merges saves of a live story into its waiting version, and publishing shows both', async () => {
    const id = await publishedNow('Oil output holds steady', 'Output stays flat.');
    await expectCall(
      {
        method: 'PATCH',
        url: `/api/admin/articles/${id}`,
        as: editor,
        body: { revision: 1, dateline: 'MUSCAT' },
      },
      200,
    );
    const second = await save(colleague, id, {
      revision: 1,
      signOff: 'Reporting by the business desk',
    });
    expect(second.json()).toEqual({ revision: 3, merged: ['signOff'], pendingChanges: true });
    expect((await open(editor, id)).draft).toMatchObject({
      dateline: 'MUSCAT',
      signOff: 'Reporting by the business desk',
    });
    expect((await move(editor, id, { to: 'published' })).statusCode).toBe(200);
    const page = (await call({ url: await readerPathOf(id) })).body;
    expect(page).toContain('MUSCAT');
    expect(page).toContain('Reporting by the business desk');
  });

  it('refuses the same field changed differently with 409 naming it with both versions, and keeps the refused text', async () => {
    const { id } = await draft(editor, 'Rates unchanged', 'The bank held rates.');
    await save(editor, id, { revision: 1, headline: 'Rates held at 4.5 per cent' });
    const refused = await save(colleague, id, {
      revision: 1,
      headline: 'Central bank holds rates',
      dateline: 'MUSCAT',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      revision: 2,
      conflictRevision: 3,
      conflicts: [
        {
          key: 'headline',
          field: 'headline',
          theirs: 'Rates held at 4.5 per cent',
          yours: 'Central bank holds rates',
        },
      ],
    });
    expect((await open(editor, id)).draft).toMatchObject({
      headline: 'Rates held at 4.5 per cent',
      dateline: '',
    });
    const revisions = await expectCall(
      { url: `/api/admin/articles/${id}/revisions`, as: editor },
      200,
    );
    expect(
      revisions.json<{ revisions: { number: number; kind: string; snapshot: object }[] }>()
        .revisions[0],
    ).toMatchObject({
      number: 3,
      kind: 'conflict',
      snapshot: { headline: 'Central bank holds rates', dateline: 'MUSCAT' },
    });
  });

  it('applies the writer’s choice to a conflicting field and never reverts what only the other editor changed', async () => {
    const { id } = await draft(editor, 'Rates unchanged', 'The bank held rates.');
    await save(editor, id, {
      revision: 1,
      headline: 'Rates held',
      standfirst: 'No change this month.',
    });
    const body = { revision: 1, headline: 'Bank holds rates', dateline: 'MUSCAT' };
    expect((await save(colleague, id, body)).statusCode).toBe(409);
    const resolved = await save(colleague, id, { ...body, choices: { headline: 'yours' } });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect((await open(editor, id)).draft).toMatchObject({
      headline: 'Bank holds rates',
      standfirst: 'No change this month.',
      dateline: 'MUSCAT',
    });
  });

  it('merges changes to different paragraphs of the body, and names a paragraph both changed', async () => {
    const { id } = await draft(editor, 'Harbour reopens', 'Ships return.', 'Fishermen cheer.');
    const original = paragraphs('Ships return.', 'Fishermen cheer.', 'Filed from Muscat.');
    const theirs = paragraphs('Ships return on Monday.', 'Fishermen cheer.', 'Filed from Muscat.');
    const yours = paragraphs('Ships return.', 'Fishermen cheer.', 'Filed from Sohar.');
    expect(original.content).toHaveLength(3);
    await save(editor, id, { revision: 1, body: theirs });
    const merged = await save(colleague, id, { revision: 1, body: yours });
    expect(merged.json()).toEqual({ revision: 3, merged: ['body'] });
    expect((await open(editor, id)).draft.body).toEqual(
      paragraphs('Ships return on Monday.', 'Fishermen cheer.', 'Filed from Sohar.'),
    );

    const clash = await save(colleague, id, {
      revision: 1,
      body: paragraphs('Ships return at dawn.', 'Fishermen cheer.', 'Filed from Muscat.'),
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({
      conflicts: [
        {
          key: 'body.0',
          field: 'body',
          block: 0,
          theirs: paragraphs('Ships return on Monday.').content,
          yours: paragraphs('Ships return at dawn.').content,
        },
      ],
    });
    // Keeping your first paragraph leaves the sign-off line as the other editors changed it.
    const resolved = await save(colleague, id, {
      revision: 1,
      body: paragraphs('Ships return at dawn.', 'Fishermen cheer.', 'Filed from Muscat.'),
      choices: { 'body.0': 'yours' },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect((await open(editor, id)).draft.body).toEqual(
      paragraphs('Ships return at dawn.', 'Fishermen cheer.', 'Filed from Sohar.'),
    );
  });

  it('keeps a writer’s clashing save as a conflict even when the editor also changed the bylines', async () => {
    const { id } = await draft(writer, 'Souq reopens', 'Traders return.');
    const author = await t.app.storage.stores.authors.create({
      slug: 'salma-al-harthy',
      name: 'Salma Al Harthy',
      kind: 'staff',
      bio: '',
    });
    await save(editor, id, { revision: 1, headline: 'Souq reopens at last', bylines: [author.id] });
    // The writer may not change bylines; their text still carries the old ones, yet that is no refusal.
    const refused = await save(writer, id, { revision: 1, headline: 'Old souq reopens' });
    expect(refused.statusCode, refused.body).toBe(409);
    const resolved = await save(writer, id, {
      revision: 1,
      headline: 'Old souq reopens',
      choices: { headline: 'yours' },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect((await open(editor, id)).draft).toMatchObject({
      headline: 'Old souq reopens',
      bylines: [author.id],
    });
  });

  it('refuses a choice that is not yours or theirs, naming the field', async () => {
    const { id } = await draft(editor, 'Rates unchanged', 'The bank held rates.');
    const refused = await save(editor, id, { revision: 1, choices: { headline: 'both' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: expect.stringMatching(/^choices/) as unknown });
  });
});
