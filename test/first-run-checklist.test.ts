import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paragraphs } from './article-desk.js';
import { newsroomClient, PASSWORD, sessionCookieOf, type Browser } from './newsroom-client.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

interface Item {
  step: string;
  done: boolean;
}

describe.each(ENGINES)('the first-run checklist on $engine', ({ create }) => {
  let t: TestApp;
  let chief: Browser;
  const client = newsroomClient(() => t);
  const { call } = client;

  /** Calls as `as`, insisting on a 2xx answer, and gives its body. */
  const ok = async <T>(c: Parameters<typeof call>[0]): Promise<T> => {
    const response = await call(c);
    expect(response.statusCode, `${c.method ?? 'GET'} ${c.url}: ${response.body}`).toBeLessThan(
      300,
    );
    return response.json<T>();
  };
  const checklistOf = async (as: Browser) =>
    (await ok<{ firstRun: Item[] | null }>({ url: '/api/admin/dashboard', as })).firstRun;
  const doneSteps = async () =>
    ((await checklistOf(chief)) ?? []).filter((item) => item.done).map((item) => item.step);

  beforeEach(async () => {
    t = await startTestApp({}, await create());
    const body = { email: 'chief@paper.example', name: 'Amal Haddad', password: PASSWORD };
    const setUp = await call({ method: 'POST', url: '/api/admin/setup', body });
    chief = {
      cookie: `dateline_session=${sessionCookieOf(setUp)?.value ?? ''}`,
      csrfToken: setUp.json<{ csrfToken: string }>().csrfToken,
    };
  });
  afterEach(() => t?.close());

  it('lists the new paper’s four steps for the editor-in-chief, none done yet', async () => {
    expect(await checklistOf(chief)).toEqual([
      { step: 'settings', done: false },
      { step: 'sections', done: false },
      { step: 'invite', done: false },
      { step: 'first_story', done: false },
    ]);
  });

  it('ticks each step off as the paper takes it, and leaves the dashboard once all are done', async () => {
    const settings = await ok<object>({ url: '/api/admin/settings', as: chief });
    const named = { ...settings, name: 'The Muscat Courier', timezone: 'Asia/Muscat' };
    await ok({ method: 'PUT', url: '/api/admin/settings', as: chief, body: named });
    expect(await doneSteps()).toEqual(['settings']);

    const section = await ok<{ id: number }>({
      method: 'POST',
      url: '/api/admin/sections',
      as: chief,
      body: { name: 'Oman' },
    });
    expect(await doneSteps()).toEqual(['settings', 'sections']);

    await ok({
      method: 'POST',
      url: '/api/admin/invitations',
      as: chief,
      body: { email: 'writer@paper.example', role: 'writer' },
    });
    expect(await doneSteps()).toEqual(['settings', 'sections', 'invite']);

    const story = await ok<{ id: number }>({
      method: 'POST',
      url: '/api/admin/articles',
      as: chief,
      body: {
        headline: 'The Courier’s first edition',
        sectionId: section.id,
        body: paragraphs('Today the paper goes out for the first time.'),
      },
    });
    expect(await doneSteps()).toEqual(['settings', 'sections', 'invite']);
    await ok({
      method: 'POST',
      url: `/api/admin/articles/${story.id}/transitions`,
      as: chief,
      body: { to: 'published' },
    });
    expect(await checklistOf(chief)).toBeNull();
  });

  it('counts a second account as someone invited', async () => {
    await client.addUser('editor@paper.example', 'editor');
    expect(await doneSteps()).toEqual(['invite']);
  });

  it('shows no checklist to anyone but the editor-in-chief', async () => {
    await client.addUser('editor@paper.example', 'editor');
    await client.addUser('writer@paper.example', 'writer');
    for (const email of ['editor@paper.example', 'writer@paper.example'])
      expect(await checklistOf(await client.signIn(email)), email).toBeNull();
  });
});
