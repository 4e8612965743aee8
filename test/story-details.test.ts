/**
 * Story details: a story's own title, description and photo for shared links; an "Updated"
 * time and `dateModified` that follow only changes readers saw; a diff of every field; and
 * byline profiles with a photo and links, on the author page and in JSON-LD.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../src/services/ports.js';
import { articleDesk } from './article-desk.js';
import { newsroomClient, type Browser } from './newsroom-client.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

type Json = Record<string, unknown>;

/** A JSON-LD block of a page by its type, parsed. */
const jsonLdOf = (html: string, type: string): Json | undefined =>
  [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)]
    .map((match) => JSON.parse(match[1] ?? '{}') as Json)
    .find((block) => block['@type'] === type);

/** The content of a <meta> tag by its property or name. */
const metaOf = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];

const START = new Date('2026-03-02T06:00:00Z');
const HOUR = 3_600_000;

describe.each(ENGINES)('story details on $engine', ({ create }) => {
  let t: TestApp;
  let now = START;
  const clock: Clock = { now: () => now };
  let editor: Browser;
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
  const { expectCall, draft, move, open, readerPathOf, publishedNow, addPhoto } = desk;
  const save = (id: number, body: object, as = editor) =>
    call({ method: 'PATCH', url: `/api/admin/articles/${id}`, as, body });
  const page = async (id: number) => (await call({ url: await readerPathOf(id) })).body;

  /** Moves the clock on; sessions would lapse over a jump, so both sign in again. */
  const moveClock = async (ms: number) => {
    now = new Date(now.getTime() + ms);
    editor = await signIn('editor@paper.example');
    writer = await signIn('writer@paper.example');
    return now.toISOString();
  };

  beforeAll(async () => {
    now = START;
    t = await startTestApp({ PUBLIC_URL: 'https://news.example' }, await create(), { clock });
    await addUser('editor@paper.example', 'editor');
    await addUser('writer@paper.example', 'writer');
    editor = await signIn('editor@paper.example');
    writer = await signIn('writer@paper.example');
    section = (
      await expectCall(
        { method: 'POST', url: '/api/admin/sections', as: editor, body: { name: 'Business' } },
        201,
      )
    ).json();
  });
  afterAll(() => t?.close());

  describe('a story’s own words and photo for shared links', () => {
    it('shows its social title, description and photo in link previews, and the page’s own otherwise', async () => {
      const lead = await addPhoto('port.jpg', 'Cranes at the port', 'Reuters');
      const card = await addPhoto('card.jpg', 'A ship at dusk', 'Staff');
      const { id } = await draft(editor, 'Port volumes rise', 'Volumes rose 4%.');
      const leadPhoto = { mediaId: lead.id, alt: 'Cranes at the port' };
      expect(
        (await save(id, { revision: 1, lead: leadPhoto, standfirst: 'Up 4%.' })).statusCode,
      ).toBe(200);
      await move(editor, id, { to: 'published' });
      const before = await page(id);
      expect(metaOf(before, 'og:title')).toBe('Port volumes rise');
      expect(metaOf(before, 'og:description')).toBe('Up 4%.');
      expect(metaOf(before, 'og:image')).toContain(lead.contentHash.slice(0, 8));

      const social = { socialTitle: 'Why the port matters', socialDescription: 'Four charts.' };
      const saved = await save(id, { revision: 2, ...social, socialImageId: card.id });
      expect(saved.json()).toMatchObject({ pendingChanges: true });
      expect(metaOf(await page(id), 'og:title')).toBe('Port volumes rise');
      await move(editor, id, { to: 'published' });

      const after = await page(id);
      expect(metaOf(after, 'og:title')).toBe('Why the port matters');
      expect(metaOf(after, 'twitter:title')).toBe('Why the port matters');
      expect(metaOf(after, 'og:description')).toBe('Four charts.');
      expect(metaOf(after, 'twitter:description')).toBe('Four charts.');
      expect(metaOf(after, 'og:image')).toContain(card.contentHash.slice(0, 8));
      expect(metaOf(after, 'og:image:alt')).toBe('A ship at dusk');
      // The page itself keeps its headline.
      expect(after).toContain('<title>Port volumes rise — ');
      expect((await open(editor, id)).draft).toMatchObject({ ...social, socialImageId: card.id });
    });

    it('refuses a social photo not in the library and a social title too long, naming the field', async () => {
      const { id } = await draft(editor, 'Bank opens branch', 'It opens on Sunday.');
      const missing = await save(id, { revision: 1, socialImageId: 999_999 });
      expect(missing.statusCode).toBe(400);
      expect(missing.json()).toMatchObject({ field: 'socialImageId' });
      const long = await save(id, { revision: 1, socialTitle: 'x'.repeat(201) });
      expect(long.statusCode).toBe(400);
      expect(long.json()).toMatchObject({ field: 'socialTitle' });
    });

    it('lists the social photo where the library says a photo is used', async () => {
      const card = await addPhoto('used.jpg', 'Used for sharing', 'Staff');
      const { id } = await draft(editor, 'Fish prices fall', 'Prices fell.');
      await save(id, { revision: 1, socialImageId: card.id });
      const photo = await expectCall({ url: `/api/admin/media/${card.id}`, as: editor }, 200);
      expect(photo.json<{ usage: unknown[] }>().usage).toEqual([
        expect.objectContaining({ articleId: id, as: 'social' }),
      ]);
    });
  });

  describe('the time a live story was last updated', () => {
    it('moves only when readers see a change: not for a waiting save, but for published changes and corrections', async () => {
      const published = await moveClock(24 * HOUR);
      const id = await publishedNow('Oil output holds', 'Output stays at one million barrels.');
      const first = await page(id);
      expect(first).not.toContain('Updated');
      expect(jsonLdOf(first, 'NewsArticle')).toMatchObject({
        datePublished: published,
        dateModified: published,
      });

      await moveClock(HOUR);
      await save(id, { revision: 1, headline: 'Oil output rises' });
      const waiting = await page(id);
      expect(waiting).not.toContain('Updated');
      expect(jsonLdOf(waiting, 'NewsArticle')).toMatchObject({ dateModified: published });
      expect(metaOf(waiting, 'article:modified_time')).toBe(published);

      const changed = await moveClock(HOUR);
      await move(editor, id, { to: 'published' });
      const live = await page(id);
      expect(live).toContain(`Updated <time datetime="${changed}">`);
      expect(jsonLdOf(live, 'NewsArticle')).toMatchObject({
        datePublished: published,
        dateModified: changed,
      });
      expect(metaOf(live, 'article:modified_time')).toBe(changed);

      const corrected = await moveClock(HOUR);
      await expectCall(
        {
          method: 'POST',
          url: `/api/admin/articles/${id}/corrections`,
          as: editor,
          body: { text: 'Output is 1.1 million barrels.' },
        },
        201,
      );
      const after = await page(id);
      expect(after).toContain(`Updated <time datetime="${corrected}">`);
      expect(jsonLdOf(after, 'NewsArticle')).toMatchObject({ dateModified: corrected });
    });
  });

  describe('the diff of two revisions', () => {
    it('names every field that changed, by name, and the words that changed in a paragraph', async () => {
      const { id } = await draft(editor, 'Council meets', 'The council met on Monday.');
      const profiles = (await expectCall({ url: '/api/admin/authors', as: editor }, 200)).json<
        { id: number; name: string }[]
      >();
      await save(id, {
        revision: 1,
        standfirst: 'A short meeting.',
        dateline: 'Sohar',
        signOff: 'Agencies',
        tags: ['council'],
        bylines: profiles.map((profile) => profile.id),
        socialTitle: 'Council in brief',
        body: {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'The council met on Tuesday.' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'Filed from Muscat.' }] },
          ],
        },
      });
      const diff = await expectCall(
        { url: `/api/admin/articles/${id}/diff?from=1&to=2`, as: editor },
        200,
      );
      const { changes } = diff.json<{
        changes: { label: string; paragraphs: { op: string; parts: unknown[] }[] }[];
      }>();
      expect(changes.map((change) => change.label)).toEqual([
        'Standfirst',
        'Dateline',
        'Body',
        'Sign-off',
        'Tags',
        'Bylines',
        'Social title',
      ]);
      const body = changes.find((change) => change.label === 'Body');
      expect(body?.paragraphs[0]).toEqual({
        op: 'changed',
        parts: [
          { op: 'same', text: 'The council met on ' },
          { op: 'removed', text: 'Monday' },
          { op: 'added', text: 'Tuesday' },
          { op: 'same', text: '.' },
        ],
      });
      const bylines = changes.find((change) => change.label === 'Bylines');
      // By name: every profile now on the byline is named.
      for (const profile of profiles) expect(JSON.stringify(bylines)).toContain(profile.name);
    });
  });

  describe('a byline profile’s photo and links', () => {
    const ownProfile = async (as: Browser) => {
      const session = await expectCall({ url: '/api/admin/session', as }, 200);
      return session.json<{ user: { authorId: number } }>().user.authorId;
    };
    const editProfile = (as: Browser, id: number, body: object) =>
      call({ method: 'PATCH', url: `/api/admin/authors/${id}`, as, body });

    it('shows the owner’s photo and links on the author page and in its JSON-LD Person', async () => {
      const photo = await addPhoto('noor.jpg', 'Noor at her desk', 'Staff');
      const id = await ownProfile(writer);
      const edited = await editProfile(writer, id, {
        name: 'Noor Al-Balushi',
        bio: 'Covers the port.',
        kind: 'staff',
        photoId: photo.id,
        links: ['https://noor.example/', '@noor_writes'],
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json()).toMatchObject({
        photoId: photo.id,
        links: ['https://noor.example/', 'https://x.com/noor_writes'],
      });
      const slug = edited.json<{ slug: string }>().slug;
      const html = (await call({ url: `/author/${slug}` })).body;
      expect(html).toMatch(/<img [^>]*alt="Noor Al-Balushi"/);
      expect(html).toContain('<a href="https://x.com/noor_writes" rel="me">x.com/noor_writes</a>');
      expect(html).toContain('<a href="https://noor.example/" rel="me">noor.example</a>');
      const person = jsonLdOf(html, 'ProfilePage')?.mainEntity as Json;
      expect(person).toMatchObject({
        '@type': 'Person',
        name: 'Noor Al-Balushi',
        sameAs: ['https://noor.example/', 'https://x.com/noor_writes'],
      });
      expect(person.image).toMatch(/^https:\/\/news\.example\/media\//);

      // A later edit that leaves them out keeps the photo and links.
      await editProfile(writer, id, { name: 'Noor Al-Balushi', bio: 'Port.', kind: 'staff' });
      const kept = (await expectCall({ url: '/api/admin/authors', as: editor }, 200)).json<
        { id: number; photoId: number | null; links: string[] }[]
      >();
      expect(kept.find((profile) => profile.id === id)).toMatchObject({
        photoId: photo.id,
        links: ['https://noor.example/', 'https://x.com/noor_writes'],
      });
    });

    it('drops the photo from a profile when the photo leaves the library', async () => {
      const photo = await addPhoto('gone.jpg', 'A portrait', 'Staff');
      const id = await ownProfile(editor);
      const details = { name: 'Editor', bio: '', kind: 'staff', photoId: photo.id };
      expect((await editProfile(editor, id, details)).statusCode).toBe(200);
      const deleted = await call({
        method: 'DELETE',
        url: `/api/admin/media/${photo.id}`,
        as: editor,
      });
      expect(deleted.statusCode, deleted.body).toBeLessThan(300);
      const [profile] = await t.app.storage.stores.authors.findByIds([id]);
      expect(profile?.photoId).toBeNull();
    });

    it('lets editors set anyone’s photo and links, and the writer only their own', async () => {
      const writerProfile = await ownProfile(writer);
      const editorProfile = await ownProfile(editor);
      const details = { name: 'Someone', bio: '', kind: 'staff', links: ['https://a.example'] };
      expect((await editProfile(writer, editorProfile, details)).statusCode).toBe(403);
      const byEditor = await editProfile(editor, writerProfile, {
        ...details,
        name: 'Noor Al-Balushi',
      });
      expect(byEditor.statusCode, byEditor.body).toBe(200);
    });

    it('refuses links that are not web addresses, more than five, and a photo not in the library', async () => {
      const id = await ownProfile(writer);
      const base = { name: 'Noor Al-Balushi', bio: '', kind: 'staff' };
      const script = await editProfile(writer, id, { ...base, links: ['javascript:alert(1)'] });
      expect(script.statusCode).toBe(400);
      expect(script.json<{ field: string }>().field).toMatch(/^links/);
      const many = Array.from({ length: 6 }, (_, i) => `https://site${i}.example`);
      const tooMany = await editProfile(writer, id, { ...base, links: many });
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json<{ field: string }>().field).toMatch(/^links/);
      const photo = await editProfile(writer, id, { ...base, photoId: 999_999 });
      expect(photo.statusCode).toBe(400);
      expect(photo.json()).toMatchObject({ field: 'photoId' });
    });
  });
});
