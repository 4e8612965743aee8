/**
 * The newsroom app's article calls, for HTTP tests of the article API: start a draft, open it,
 * move it through the workflow, find its reader page.
 */
import { expect } from 'vitest';
import type { Browser, Call, newsroomClient } from './newsroom-client.js';
import type { TestApp } from './test-app.js';
import { mediaRecord } from '../src/services/fakes/media-record.js';

/** A body of plain paragraphs. */
export const paragraphs = (...texts: string[]) => ({
  type: 'doc' as const,
  content: texts.map((text) => ({
    type: 'paragraph' as const,
    content: [{ type: 'text' as const, text }],
  })),
});

/** An article as GET /api/admin/articles/:id answers (the parts these tests read). */
export interface DeskArticle {
  id: number;
  revision: number;
  status: string;
  draft: { headline: string; slug: string; body: unknown };
  corrections: { kind: string; text: string }[];
}

/**
 * Article calls on the newsroom of `t()`, in `section()`; `editor()` is who publishes and
 * looks things up.
 */
export function articleDesk(
  t: () => TestApp,
  { call }: ReturnType<typeof newsroomClient>,
  section: () => { id: number; slug: string },
  editor: () => Browser,
) {
  /** Calls and insists on the status, showing the body when it differs. */
  const expectCall = async (c: Call, status: number) => {
    const response = await call(c);
    expect(response.statusCode, `${c.method ?? 'GET'} ${c.url}: ${response.body}`).toBe(status);
    return response;
  };

  /** A new draft by `as`, its paragraphs followed by a sign-off line. */
  const draft = async (as: Browser, headline: string, ...texts: string[]) => {
    const body = paragraphs(...texts, 'Filed from Muscat.');
    const created = await expectCall(
      {
        method: 'POST',
        url: '/api/admin/articles',
        as,
        body: { headline, sectionId: section().id, body },
      },
      201,
    );
    return created.json<{ id: number; revision: number }>();
  };

  const open = async (as: Browser, id: number) =>
    (await expectCall({ url: `/api/admin/articles/${id}`, as }, 200)).json<DeskArticle>();

  const move = (as: Browser, id: number, body: object) =>
    call({ method: 'POST', url: `/api/admin/articles/${id}/transitions`, as, body });

  const readerPathOf = async (id: number) =>
    `/${section().slug}/${(await open(editor(), id)).draft.slug}`;

  /** A story the editor drafted and published just now. */
  const publishedNow = async (headline: string, ...texts: string[]) => {
    const { id } = await draft(editor(), headline, ...texts);
    expect((await move(editor(), id, { to: 'published' })).statusCode).toBe(200);
    return id;
  };

  /** How many articles the database holds, drafts and all. */
  const articleCount = async () => {
    const row = await t()
      .app.storage.kysely.selectFrom('articles')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  /** A photo in the library, straight into the database. */
  const addPhoto = (originalName: string, caption: string, credit: string) =>
    t().app.storage.stores.media.create(
      mediaRecord({ originalName, caption, credit, alt: caption }),
      new Date(),
    );

  return { expectCall, draft, open, move, readerPathOf, publishedNow, articleCount, addPhoto };
}
