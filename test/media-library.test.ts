/**
 * The photo library after upload: focal points and crops, who may change or delete what,
 * where a photo is used, photos inside the text, and finding photos again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from './newsroom-client.js';
import { distinctJpeg, photoLibrary, type Photo } from './photo-library.js';
import type { TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

describe.each(ENGINES)('the photo library on $engine', ({ create }) => {
  const library = photoLibrary();
  const { call, uploaded, fetchMedia, variantPath } = library;
  let t: TestApp;
  let editor: Browser;
  let writer: Browser;
  let contributor: Browser;

  beforeAll(async () => {
    await library.start(await create());
    ({ t, editor, writer, contributor } = library.state);
  });
  afterAll(() => library.state.t?.close());

  it('moves crops with the focal point, and sends old crop addresses to the new ones', async () => {
    const photo = await uploaded(writer, await distinctJpeg(560, 320, 11));
    await t.app.jobs.runDue();
    const oldSquare = variantPath(photo, '1x1', 'webp');
    expect((await fetchMedia(oldSquare)).statusCode).toBe(200);
    const moved = await call({
      method: 'PATCH',
      url: `/api/admin/media/${photo.id}`,
      as: writer,
      body: { focalPoint: { x: 0.9, y: 0.2 }, alt: 'A wadi after rain' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const updated = moved.json<Photo>();
    expect(updated).toMatchObject({ focalPoint: { x: 0.9, y: 0.2 }, variantsReady: false });
    // Until the job has made the new crops, the old file is still there and still served.
    expect((await fetchMedia(oldSquare)).statusCode).toBe(200);
    await t.app.jobs.runDue();
    const redirect = await fetchMedia(oldSquare);
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers.location).toBe(variantPath(updated, '1x1', 'webp'));
    const files = await t.app.media.files.list(
      `${photo.contentHash.slice(0, 2)}/${photo.contentHash}/`,
    );
    expect(files.some((key) => key.includes('1x1-90x20-'))).toBe(true);
    expect(files.some((key) => key.includes('1x1-50x50-'))).toBe(false);
    const bad = await call({
      method: 'PATCH',
      url: `/api/admin/media/${photo.id}`,
      as: writer,
      body: { focalPoint: { x: 1.5, y: 0 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ field: string }>().field).toBe('focalPoint.x');
  });

  it('lets contributors and writers change only their own photos; editors any', async () => {
    const mine = await uploaded(contributor, await distinctJpeg(400, 300, 21));
    const theirs = await uploaded(editor, await distinctJpeg(400, 300, 22));
    const patch = (as: Browser, id: number) =>
      call({ method: 'PATCH', url: `/api/admin/media/${id}`, as, body: { caption: 'Changed' } });
    expect((await patch(contributor, mine.id)).statusCode).toBe(200);
    expect((await patch(contributor, theirs.id)).statusCode).toBe(403);
    expect((await patch(writer, theirs.id)).statusCode).toBe(403);
    expect((await patch(editor, mine.id)).statusCode).toBe(200);
    const remove = (as: Browser, id: number) =>
      call({ method: 'DELETE', url: `/api/admin/media/${id}`, as });
    expect((await remove(contributor, mine.id)).statusCode).toBe(403);
    expect((await remove(writer, theirs.id)).statusCode).toBe(403);
    expect((await remove(editor, mine.id)).statusCode).toBe(204);
  });

  it('says where a photo is used, refuses to delete it then, and deletes it with its files once unused', async () => {
    const photo = await uploaded(editor, await distinctJpeg(700, 450, 31));
    await t.app.jobs.runDue();
    const sections = (await call({ url: '/api/admin/sections', as: editor })).json<
      { id: number }[]
    >();
    let sectionId = sections[0]?.id;
    if (sectionId === undefined) {
      const made = await call({
        method: 'POST',
        url: '/api/admin/sections',
        as: editor,
        body: { name: 'Photos' },
      });
      sectionId = made.json<{ id: number }>().id;
    }
    const article = await call({
      method: 'POST',
      url: '/api/admin/articles',
      as: editor,
      body: {
        headline: 'Rain fills the wadis',
        sectionId,
        body: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Rain.' }] }],
        },
        lead: { mediaId: photo.id, caption: 'Wadi Bani Khalid' },
      },
    });
    expect(article.statusCode, article.body).toBe(201);
    const articleId = article.json<{ id: number }>().id;
    // No alt text anywhere: publishing is refused, naming the field.
    const refused = await call({
      method: 'POST',
      url: `/api/admin/articles/${articleId}/transitions`,
      as: editor,
      body: { to: 'published' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ field: string }>().field).toBe('lead.alt');

    const details = await call({ url: `/api/admin/media/${photo.id}`, as: editor });
    expect(details.json<{ usage: unknown[] }>().usage).toEqual([
      { articleId, headline: 'Rain fills the wadis', status: 'draft', as: 'lead' },
    ]);
    const inUse = await call({ method: 'DELETE', url: `/api/admin/media/${photo.id}`, as: editor });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json<{ error: string }>().error).toMatch(/Rain fills the wadis/);

    const current = (await call({ url: `/api/admin/articles/${articleId}`, as: editor })).json<{
      revision: number;
    }>();
    const cleared = await call({
      method: 'PATCH',
      url: `/api/admin/articles/${articleId}`,
      as: editor,
      body: { revision: current.revision, lead: null },
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const folder = `${photo.contentHash.slice(0, 2)}/${photo.contentHash}/`;
    expect((await t.app.media.files.list(folder)).length).toBeGreaterThan(10);
    const gone = await call({ method: 'DELETE', url: `/api/admin/media/${photo.id}`, as: editor });
    expect(gone.statusCode).toBe(204);
    expect(await t.app.media.files.list(folder)).toEqual([]);
    expect(
      (await t.app.media.files.list('originals/')).some((k) => k.includes(photo.contentHash)),
    ).toBe(false);
    expect((await call({ url: `/api/admin/media/${photo.id}`, as: editor })).statusCode).toBe(404);
  });

  it('shows a library photo placed in the text as a <picture>, and counts it as used', async () => {
    const photo = await uploaded(editor, await distinctJpeg(640, 400, 51), { alt: 'Dhows at Sur' });
    const made = await call({
      method: 'POST',
      url: '/api/admin/sections',
      as: editor,
      body: { name: 'Inline' },
    });
    const section = made.json<{ id: number; slug: string }>();
    const article = await call({
      method: 'POST',
      url: '/api/admin/articles',
      as: editor,
      body: {
        headline: 'Boatbuilders of Sur',
        sectionId: section.id,
        body: {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'The yards are busy.' }] },
            {
              type: 'image',
              attrs: {
                src: photo.urls.preview,
                alt: 'Dhows at Sur',
                caption: 'A new hull',
                mediaId: photo.id,
              },
            },
          ],
        },
      },
    });
    expect(article.statusCode, article.body).toBe(201);
    const { id } = article.json<{ id: number }>();
    const opened = await call({ url: `/api/admin/articles/${id}`, as: editor });
    const { slug } = opened.json<{ draft: { slug: string } }>().draft;
    const published = await call({
      method: 'POST',
      url: `/api/admin/articles/${id}/transitions`,
      as: editor,
      body: { to: 'published' },
    });
    expect(published.statusCode, published.body).toBe(200);
    const page = await t.server.inject({ url: `/${section.slug}/${slug}` });
    expect(page.statusCode).toBe(200);
    const body = page.body.slice(page.body.indexOf('class="story-body"'));
    expect(body).toMatch(/<figure><picture><source type="image\/avif" srcset="\/media\//);
    expect(body).toContain('loading="lazy"');
    expect(body).toContain('<figcaption>A new hull');
    const details = await call({ url: `/api/admin/media/${photo.id}`, as: editor });
    expect(details.json<{ usage: { as: string }[] }>().usage).toMatchObject([{ as: 'inline' }]);
  });

  it('finds photos by caption, credit or file name, by uploader and by day', async () => {
    await uploaded(writer, await distinctJpeg(320, 240, 41), {
      caption: 'Frankincense souq at dusk',
      credit: 'Times staff',
    });
    const find = async (query: string) =>
      (await call({ url: `/api/admin/media?${query}`, as: editor })).json<Photo[]>();
    expect((await find('search=frankincense')).map((p) => p.caption)).toEqual([
      'Frankincense souq at dusk',
    ]);
    expect((await find('search=times%20staff')).length).toBe(1);
    const uploaders = (await call({ url: '/api/admin/media/uploaders', as: editor })).json<
      { id: number; name: string }[]
    >();
    const writerId = uploaders.find((u) => u.name.startsWith('writer'))?.id;
    expect(writerId).toBeDefined();
    const byWriter = await find(`uploadedBy=${writerId ?? 0}`);
    expect(byWriter.length).toBeGreaterThan(0);
    expect(byWriter.every((p) => p.uploadedBy?.id === writerId)).toBe(true);
    expect(await find('from=2000-01-01&to=2000-01-02')).toEqual([]);
    expect((await call({ url: '/api/admin/media?from=yesterday', as: editor })).statusCode).toBe(
      400,
    );
  });
});
