/**
 * Embeds through the API: the editor-in-chief's allow-list decides what a story may embed, what
 * the reader's page frames, and what its Content-Security-Policy lets in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsroomClient, startNewsroom, type Browser, type Call } from './newsroom-client.js';
import type { TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

const YOUTUBE = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
const FRAME_SRC = 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ';
const VIMEO = 'https://vimeo.com/76979871';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const embed = (provider: string, url: string, caption?: string) => ({
  type: 'embed',
  attrs: { provider, url, ...(caption && { caption }) },
});
const body = (...blocks: object[]) => ({ type: 'doc', content: [paragraph('Text.'), ...blocks] });

describe.each(ENGINES)('embeds through the API on $engine', ({ create }) => {
  let t: TestApp;
  const { call, signIn } = newsroomClient(() => t);
  let chief: Browser;
  let editor: Browser;
  let writer: Browser;
  let sectionId: number;

  const expectCall = async (c: Call, status: number) => {
    const response = await call(c);
    expect(response.statusCode, `${c.method ?? 'GET'} ${c.url}: ${response.body}`).toBe(status);
    return response;
  };
  const settings = async () =>
    (await expectCall({ url: '/api/admin/settings', as: chief }, 200)).json<object>();
  const allow = async (...allowedProviders: string[]) =>
    expectCall(
      {
        method: 'PUT',
        url: '/api/admin/settings',
        as: chief,
        body: { ...(await settings()), embeds: { allowedProviders } },
      },
      200,
    );
  const createDraft = (headline: string, ...blocks: object[]) =>
    call({
      method: 'POST',
      url: '/api/admin/articles',
      as: writer,
      body: { headline, sectionId, body: body(...blocks) },
    });
  const readerPathOf = async (id: number) => {
    const article = await expectCall({ url: `/api/admin/articles/${id}`, as: writer }, 200);
    return `/oman/${article.json<{ draft: { slug: string } }>().draft.slug}`;
  };

  beforeAll(async () => {
    t = await startNewsroom(await create());
    chief = await signIn('chief@paper.example');
    editor = await signIn('editor@paper.example');
    writer = await signIn('writer@paper.example');
    const section = await expectCall(
      { method: 'POST', url: '/api/admin/sections', as: editor, body: { name: 'Oman' } },
      201,
    );
    sectionId = section.json<{ id: number }>().id;
  });

  afterAll(() => t?.close());

  it('allows nothing to be embedded until the editor-in-chief chooses', async () => {
    expect(await settings()).toMatchObject({ embeds: { allowedProviders: [] } });
    const refused = await createDraft('Launch day', embed('youtube', YOUTUBE));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual({
      error: expect.stringContaining('YouTube embeds are not allowed') as string,
      field: 'body.content[1].attrs.provider',
    });
  });

  it('lets only the editor-in-chief change the allow-list, and only to known providers', async () => {
    for (const as of [editor, writer]) {
      const refused = await call({
        method: 'PUT',
        url: '/api/admin/settings',
        as,
        body: { ...(await settings()), embeds: { allowedProviders: ['youtube'] } },
      });
      expect(refused.statusCode).toBe(403);
    }
    const unknown = await call({
      method: 'PUT',
      url: '/api/admin/settings',
      as: chief,
      body: { ...(await settings()), embeds: { allowedProviders: ['myspace'] } },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ field: 'embeds.allowedProviders[0]' });
    const done = await allow('vimeo', 'youtube', 'youtube');
    expect(done.json()).toMatchObject({ embeds: { allowedProviders: ['youtube', 'vimeo'] } });
    await allow('youtube');
  });

  it('tells the newsroom which provider an address is from and whether it is allowed', async () => {
    const providers = await expectCall({ url: '/api/admin/embed-providers', as: writer }, 200);
    const listed = providers.json<{ providers: { id: string; allowed: boolean }[] }>().providers;
    expect(listed.filter((p) => p.allowed).map((p) => p.id)).toEqual(['youtube']);
    expect(listed.map((p) => p.id)).toContain('flourish');
    const match = (url: string) =>
      call({ method: 'POST', url: '/api/admin/embed-providers/match', as: writer, body: { url } });
    expect((await match('youtu.be/dQw4w9WgXcQ?si=x')).json()).toMatchObject({
      provider: { id: 'youtube', name: 'YouTube', allowed: true },
      url: YOUTUBE,
    });
    expect((await match(VIMEO)).json()).toMatchObject({
      provider: { id: 'vimeo', allowed: false },
    });
    const lookalike = await match('https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ');
    expect(lookalike.statusCode).toBe(400);
    expect(lookalike.json()).toMatchObject({ field: 'url' });
  });

  it('saves a writer’s YouTube embed, refuses a Vimeo one, and frames the embed for readers', async () => {
    const created = await createDraft('Launch day', embed('youtube', YOUTUBE, 'The "launch"'));
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: number }>();
    const withVimeo = await call({
      method: 'PATCH',
      url: `/api/admin/articles/${id}`,
      as: writer,
      body: {
        revision: 1,
        body: body(embed('youtube', YOUTUBE), embed('vimeo', VIMEO)),
      },
    });
    expect(withVimeo.statusCode).toBe(400);
    expect(withVimeo.json()).toMatchObject({
      error: expect.stringMatching(/^body\.content\[2\]\.attrs\.provider: Vimeo embeds/) as string,
      field: 'body.content[2].attrs.provider',
    });

    const preview = await expectCall({ url: `/api/admin/articles/${id}/preview`, as: writer }, 200);
    expect(preview.body).toContain(`<iframe src="${FRAME_SRC}"`);
    await expectCall(
      {
        method: 'POST',
        url: `/api/admin/articles/${id}/transitions`,
        as: writer,
        body: { to: 'published' },
      },
      200,
    );
    const page = await t.server.inject(await readerPathOf(id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      `<figure class="embed embed-ratio"><iframe src="${FRAME_SRC}" title="YouTube video: The &quot;launch&quot;"`,
    );
    expect(page.body).toContain('<figcaption>The &quot;launch&quot;</figcaption>');
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toMatch(/; frame-src https:\/\/www\.youtube-nocookie\.com$/);
    expect(policy).toMatch(/script-src 'sha256-[^' ]+' 'sha256-[^' ]+';/);
  });

  it('prints a link instead once the provider is revoked, and the story stays editable', async () => {
    const created = await createDraft('Revoked', embed('youtube', YOUTUBE));
    const { id } = created.json<{ id: number }>();
    await expectCall(
      {
        method: 'POST',
        url: `/api/admin/articles/${id}/transitions`,
        as: writer,
        body: { to: 'published' },
      },
      200,
    );
    await allow();
    const page = await t.server.inject(await readerPathOf(id));
    expect(page.body).not.toContain('<iframe');
    expect(page.body).toContain(`<p class="embed-link">YouTube: <a href="${YOUTUBE}"`);
    expect(page.headers['content-security-policy']).not.toContain('frame-src');
    await expectCall(
      {
        method: 'PATCH',
        url: `/api/admin/articles/${id}`,
        as: writer,
        body: { revision: 1, standfirst: 'A correction to the standfirst.' },
      },
      200,
    );
    await allow('youtube');
  });
});
