/**
 * A newsroom whose editor-in-chief is signed in and has made a Business section, on a clock the
 * test moves: where the tests that take stories through their lives (publish, schedule, take
 * down, kill) begin.
 */
import type { Clock } from '../src/services/ports.js';
import { articleDesk } from './article-desk.js';
import { newsroomClient, type Browser } from './newsroom-client.js';
import { startTestApp, type TestApp } from './test-app.js';
import type { TestDatabase } from './test-databases.js';

export function businessDesk() {
  let t: TestApp | undefined;
  let chief: Browser | undefined;
  const app = () => {
    if (!t) throw new Error('the desk is not open: call open() in beforeAll');
    return t;
  };
  const editor = () => {
    if (!chief) throw new Error('the desk is not open: call open() in beforeAll');
    return chief;
  };
  const client = newsroomClient(app);
  const section = { id: 0, slug: 'business' };
  const desk = articleDesk(app, client, () => section, editor);
  return {
    client,
    desk,
    section,
    app,
    chief: editor,
    /** Starts the app on `database` with `env` and `clock`, signs the chief in, makes the section. */
    async open(database: TestDatabase, clock: Clock, env: Record<string, string> = {}) {
      t = await startTestApp(env, database, { clock });
      await client.addUser('chief@paper.example', 'editor_in_chief');
      chief = await client.signIn('chief@paper.example');
      const made = await desk.expectCall(
        { method: 'POST', url: '/api/admin/sections', as: chief, body: { name: 'Business' } },
        201,
      );
      Object.assign(section, made.json<{ id: number; slug: string }>());
      return t;
    },
    close: () => t?.close(),
  };
}
